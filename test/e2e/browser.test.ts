/**
 * The built fixture site in real Chromium, served like a CDN: a reader's
 * path through it (with screenshots at phone and desktop widths, saved to
 * test-results/screenshots/), axe-core on every page type in light and dark,
 * and the hostile paper's markup never running.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/build-site.ts';
import {
  formatViolations,
  launchBrowser,
  recordProblems,
  runAxe,
  type BrowserSession,
} from '../helpers/browser.ts';
import { isoWeek, sitePath } from '../helpers/fixture-archive.ts';
import { fixtureSite } from '../helpers/fixture-sites.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';

const SCREENSHOTS = path.join(PROJECT_ROOT, 'test-results/screenshots');
const WIDTHS = [375, 1280] as const;
const LATEST_DAY = '2026-10-05';
const PREVIOUS_DAY = '2026-10-02';
const HOSTILE_ID = '2609.10004';
const HOSTILE_TITLE = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';

/** One page of each type of the fixture site (paths below the base). */
const PAGE_TYPES: [name: string, path: string, status: number][] = [
  ['home', sitePath.home(), 200],
  ['day', sitePath.day('2026-09-29'), 200],
  ['archive', sitePath.archive(), 200],
  ['month', sitePath.month('2026-09'), 200],
  ['week', sitePath.week(isoWeek('2026-09-29')), 200],
  ['paper', sitePath.paper('2609.10003'), 200],
  ['topics', sitePath.topics(), 200],
  ['topic', sitePath.topic('language-models'), 200],
  ['about', sitePath.about(), 200],
  ['404', 'no-such-page/', 404],
];

let browser: BrowserSession;
let server: StaticServer;

beforeAll(async () => {
  // The project site variant, so every asset URL must honour the base path.
  const site = fixtureSite('papersBase');
  [browser, server] = await Promise.all([launchBrowser(), serveStatic(site.outDir, { base: site.base })]);
  await mkdir(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

describe('a reader in Chromium', () => {
  it.each(WIDTHS)(
    'opens home, follows a paper, goes to the previous and next day at %i px',
    async (width) => {
      const page = await browser.openPage(server.url, { width });
      try {
        await screenshot(page, `home-${width}`);

        const papers = `${server.url}papers/`;
        const paperLink = page.locator('a').nth(await firstVisibleLinkTo(page, papers));
        const title = (await paperLink.textContent())?.trim();
        expect(title).toMatch(/\S/);
        await Promise.all([page.waitForURL((url) => url.href.startsWith(papers)), paperLink.click()]);
        // The page of the paper that was clicked: its heading is the card's title.
        expect((await page.locator('h1').first().textContent())?.trim()).toBe(title);
        await screenshot(page, `paper-${width}`);

        await page.goto(`${server.url}${sitePath.day(LATEST_DAY)}`);
        await clickRel(page, 'prev');
        expect(page.url()).toBe(`${server.url}${sitePath.day(PREVIOUS_DAY)}`);
        await screenshot(page, `day-${width}`);
        await clickRel(page, 'next');
        expect(page.url()).toBe(`${server.url}${sitePath.day(LATEST_DAY)}`);
      } finally {
        await page.close();
      }
    },
  );
});

// Two pages at a time (maxConcurrency in vitest.config.ts): axe's
// colour-contrast rule keeps a core busy, and there are two.
describe.each(['light', 'dark'] as const)('every page type in %s mode', (colorScheme) => {
  it.concurrent.for(PAGE_TYPES)(
    'the %s page loads cleanly and axe finds no WCAG A/AA violation',
    async ([, pagePath, status], { expect }) => {
      const url = `${server.url}${pagePath}`;
      const problems: string[] = [];
      const page = await browser.openPage(url, {
        colorScheme,
        status,
        beforeLoad: (p) => recordProblems(p, url, problems),
      });
      try {
        expect(problems, 'errors while loading').toEqual([]);
        const violations = await runAxe(page);
        expect(violations, formatViolations(violations)).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );
});

describe('the hostile paper', () => {
  it.each([sitePath.paper(HOSTILE_ID), sitePath.day('2026-09-29'), sitePath.topic('reasoning')])(
    'runs no script from its title on %s',
    async (pagePath) => {
      const url = `${server.url}${pagePath}`;
      const problems: string[] = [];
      // An injected `<img onerror>` would fire before the load event openPage waits for.
      const page = await browser.openPage(url, { beforeLoad: (p) => recordProblems(p, url, problems) });
      try {
        expect(problems.filter((problem) => problem.startsWith('dialog'))).toEqual([]);
        expect(await page.locator('img[src="x"]').count()).toBe(0);
        // Data blocks (JSON-LD) may hold the title as escaped JSON; they never run.
        const scripts = await page
          .locator('script:not([type="application/ld+json"])')
          .evaluateAll((elements) => elements.map((e) => e.textContent));
        expect(scripts.filter((text) => text?.includes('alert('))).toEqual([]);
        await expect(page.getByText(HOSTILE_TITLE).first().isVisible()).resolves.toBe(true);
      } finally {
        await page.close();
      }
    },
  );
});

/** Index among the page's `<a>` of the first visible one whose URL starts with `prefix`. */
async function firstVisibleLinkTo(page: Page, prefix: string): Promise<number> {
  const index = await page
    .locator('a')
    .evaluateAll(
      (links, prefix) =>
        links.findIndex(
          (link) => (link as HTMLAnchorElement).href.startsWith(prefix) && link.checkVisibility(),
        ),
      prefix,
    );
  if (index < 0) throw new Error(`${page.url()} has no visible link to ${prefix}`);
  return index;
}

async function clickRel(page: Page, rel: 'prev' | 'next'): Promise<void> {
  const link = page.locator(`a[rel~="${rel}"]`).filter({ visible: true }).first();
  const before = page.url();
  await Promise.all([page.waitForURL((url) => url.href !== before), link.click()]);
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

describe('a feed reader’s web view', () => {
  it('draws the formulas of an item’s content:encoded as MathML, with no stylesheet', async () => {
    const xml = await (await fetch(`${server.url}feeds/all.xml`)).text();
    const items = new XMLParser({ isArray: (name) => name === 'item' }).parse(xml).rss.channel.item as {
      link: string;
      'content:encoded'?: string;
    }[];
    const item = items.find((candidate) => candidate.link.endsWith(sitePath.paper('2609.10003')));
    const content = item?.['content:encoded'];
    expect(content).toContain('<math');
    const page = await browser.browser.newPage();
    try {
      await page.setContent(`<!doctype html><html lang="en"><body>${content}</body></html>`);
      const formulas = await page.$$eval('math', (elements) =>
        elements.map((element) => {
          const box = element.getBoundingClientRect();
          return { width: box.width, height: box.height, text: element.textContent ?? '' };
        }),
      );
      // α² + β, α and k, each drawn with a size of its own; the TeX annotation is not shown.
      expect(formulas.length).toBeGreaterThanOrEqual(3);
      for (const formula of formulas) expect(formula.width * formula.height).toBeGreaterThan(0);
      expect(await page.evaluate(() => document.body.innerText)).not.toContain('\\alpha');
    } finally {
      await page.close();
    }
  });
});
