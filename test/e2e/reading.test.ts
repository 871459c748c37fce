/**
 * The reading design in real Chromium, on the sample site (content/: real
 * papers, among them a day of 50) and the fixture site: how many papers a
 * reader sees before scrolling, tap targets of WCAG 2.2's minimum size for
 * every link outside running text, and a paper printed without the site
 * around it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type BrowserSession } from '../helpers/browser.ts';
import { sitePath } from '../helpers/fixture-archive.ts';
import { fixtureSite } from '../helpers/fixture-sites.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';

/** The sample's busiest day. */
const BUSY_DAY = '2026-10-03';
const SIZES = [
  { name: 'desktop', width: 1280, height: 900, papers: 5 },
  { name: 'phone', width: 390, height: 844, papers: 2 },
] as const;

let browser: BrowserSession;
let sample: StaticServer;
let fixture: StaticServer;

beforeAll(async () => {
  const sampleSite = fixtureSite('sample');
  const fixtureBuild = fixtureSite('root');
  [browser, sample, fixture] = await Promise.all([
    launchBrowser(),
    serveStatic(sampleSite.outDir, { base: sampleSite.base }),
    serveStatic(fixtureBuild.outDir, { base: fixtureBuild.base }),
  ]);
});

afterAll(async () => {
  await Promise.all([browser?.close(), sample?.close(), fixture?.close()]);
});

/** Papers of the list whose whole card is in the first screen. */
async function papersAboveTheFold(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      [...document.querySelectorAll('main .papers > li')].filter((card) => {
        const box = card.getBoundingClientRect();
        return box.height > 0 && box.bottom <= window.innerHeight;
      }).length,
  );
}

/** Links outside running text (a sentence in a paragraph or a definition) smaller than 24 × 24 px. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('a')]
      .filter((link) => !link.closest('p, dd, .abstract, pre'))
      .map((link) => ({ link, box: link.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && box.height > 0 && (box.width < 24 || box.height < 24))
      .map(
        ({ link, box }) => `"${link.textContent?.trim()}" ${Math.round(box.width)}×${Math.round(box.height)}`,
      ),
  );
}

describe('a day of papers', () => {
  for (const size of SIZES) {
    for (const [label, path] of [
      ['home page', sitePath.home()],
      ['day page', sitePath.day(BUSY_DAY)],
    ] as const) {
      it(`shows at least ${size.papers} whole papers before scrolling on the ${label} (${size.name}, ${size.width}×${size.height})`, async () => {
        const page = await browser.openPage(`${sample.url}${path}`, {
          width: size.width,
          height: size.height,
        });
        expect(await papersAboveTheFold(page)).toBeGreaterThanOrEqual(size.papers);
        // Each card: title, authors, at most three topics, and a clamped excerpt.
        const cards = await page.evaluate(() =>
          [...document.querySelectorAll('main .papers > li')].slice(0, 10).map((card) => {
            const excerpt = card.querySelector('.card-excerpt');
            const lines = excerpt
              ? Math.round(
                  excerpt.getBoundingClientRect().height / parseFloat(getComputedStyle(excerpt).lineHeight),
                )
              : 0;
            return {
              title: Boolean(card.querySelector('.card-title a')),
              authors: Boolean(card.querySelector('.authors')),
              topics: card.querySelectorAll('.tag').length,
              lines,
            };
          }),
        );
        for (const card of cards) {
          expect(card.title && card.authors).toBe(true);
          expect(card.topics).toBeLessThanOrEqual(3);
          expect(card.lines).toBeGreaterThanOrEqual(1);
          expect(card.lines).toBeLessThanOrEqual(3);
        }
        await page.close();
      });
    }
  }

  it.each([1280, 390])(
    'has one navigation row at %i px: the day before, Day / Week / Month, the day after',
    async (width) => {
      const page = await browser.openPage(`${fixture.url}${sitePath.day('2026-10-02')}`, { width });
      const row = page.locator('.period-intro .period-nav');
      expect(await row.locator('a[rel="prev"]').count()).toBe(1);
      expect(await row.locator('a[rel="next"]').count()).toBe(1);
      expect(await row.locator('.tabs a').allTextContents()).toEqual(['Day', 'Week', 'Month']);
      expect(await row.locator('.tabs a[aria-current="page"]').textContent()).toBe('Day');
      // One row: every link of it on the same line.
      const tops = await row
        .locator('a')
        .evaluateAll((links) =>
          links.map((link) =>
            Math.round(link.getBoundingClientRect().top + link.getBoundingClientRect().height / 2),
          ),
        );
      expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(4);
      await page.close();
    },
  );

  it('puts the day’s topics and the week’s top papers beside the list on a wide screen and after it on a phone', async () => {
    for (const [width, beside] of [
      [1280, true],
      [390, false],
    ] as const) {
      const page = await browser.openPage(`${sample.url}${sitePath.day(BUSY_DAY)}`, { width });
      const [list, side] = await Promise.all(
        ['main .papers', 'main .side'].map((selector) =>
          page.locator(selector).evaluate((element) => element.getBoundingClientRect().toJSON() as DOMRect),
        ),
      );
      expect(await page.locator('main .side .side-topics a').count()).toBeGreaterThan(3);
      if (beside) expect(side!.left).toBeGreaterThanOrEqual(list!.right);
      else expect(side!.top).toBeGreaterThanOrEqual(list!.bottom);
      await page.close();
    }
  });
});

describe('tap targets', () => {
  const pages = [
    sitePath.home(),
    sitePath.day('2026-10-02'),
    sitePath.week('2026-W40'),
    sitePath.archive(),
    sitePath.month('2026-10'),
    sitePath.paper('2609.10003'),
    sitePath.topics(),
    sitePath.topic('reasoning'),
    sitePath.about(),
    'search/',
  ];
  for (const width of [1280, 390]) {
    it(`are at least 24 × 24 px for every link outside running text at ${width} px`, async () => {
      const small: string[] = [];
      for (const path of pages) {
        const page = await browser.openPage(`${fixture.url}${path}`, { width });
        small.push(...(await smallTargets(page)).map((target) => `/${path}: ${target}`));
        await page.close();
      }
      expect(small).toEqual([]);
    });
  }
});

describe('printing a paper', () => {
  it('prints the paper without the site around it', async () => {
    const page = await browser.openPage(`${fixture.url}${sitePath.paper('2609.10003')}`);
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(() =>
      Object.fromEntries(
        [
          '.site-header',
          '.site-footer',
          '.day-nav',
          '.paper-side',
          '.paper-title',
          '.abstract',
          '.citation',
        ].map((selector) => {
          const element = document.querySelector(selector);
          return [selector, element !== null && getComputedStyle(element).display !== 'none'];
        }),
      ),
    );
    expect(shown).toEqual({
      '.site-header': false,
      '.site-footer': false,
      '.day-nav': false,
      '.paper-side': false,
      '.paper-title': true,
      '.abstract': true,
      '.citation': true,
    });
    const pdf = await page.pdf({ format: 'A4' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    await page.close();
  });
});
