/**
 * Search in real Chromium, on the fixture builds served like a CDN: results
 * as you type, authors, filters, orders across the two year indexes (the
 * fixture archive has a paper of 2025 beside those of 2026), the URL as the
 * state of a search, the BASE_PATH build, the page without JavaScript, and
 * axe-core on the page with results.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  formatViolations,
  launchBrowser,
  recordProblems,
  runAxe,
  type BrowserSession,
} from '../helpers/browser.ts';
import { FIXTURE_CONTENT_DIR } from '../helpers/build-site.ts';
import { loadFixtureArchive, sitePath, type FixtureArchive } from '../helpers/fixture-archive.ts';
import { fixtureSite } from '../helpers/fixture-sites.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';

/** The only fixture paper with "speculative" in its title, and the only one of 2025. */
const SPECULATIVE_ID = '2511.00001';
const AUTHOR = 'Ada Lovelace';
const HOSTILE_ID = '2609.10004';

let archive: FixtureArchive;
let browser: BrowserSession;
let root: StaticServer;
let papersBase: StaticServer;

beforeAll(async () => {
  const rootSite = fixtureSite('root');
  const baseSite = fixtureSite('papersBase');
  [archive, browser, root, papersBase] = await Promise.all([
    loadFixtureArchive(FIXTURE_CONTENT_DIR),
    launchBrowser(),
    serveStatic(rootSite.outDir, { base: rootSite.base }),
    serveStatic(baseSite.outDir, { base: baseSite.base }),
  ]);
});

afterAll(async () => {
  await Promise.all([browser?.close(), root?.close(), papersBase?.close()]);
});

interface Shown {
  status: string;
  /** Result links as written in the page. */
  hrefs: string[];
  titles: string[];
  /** The topics line of each result. */
  topics: string[];
  /** Each result's listing day. */
  dates: string[];
}

/** Waits until the status line says `expected` (a search finished), then reads the results. */
async function results(page: Page, expected: RegExp = /found/): Promise<Shown> {
  const status = page.locator('[data-search-status]');
  await status.filter({ hasText: expected }).waitFor();
  const cards = page.locator('[data-search-list] > li');
  return {
    status: (await status.textContent()) ?? '',
    hrefs: await cards
      .locator('h3 a')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? '')),
    titles: await cards.locator('h3').allTextContents(),
    topics: await cards.evaluateAll((items) =>
      items.map((item) => item.querySelector('.search-topics')?.textContent ?? ''),
    ),
    dates: await cards
      .locator('time')
      .evaluateAll((times) => times.map((time) => time.getAttribute('datetime') ?? '')),
  };
}

async function openSearch(server: StaticServer, query = '', problems: string[] = []): Promise<Page> {
  const url = `${server.url}search/${query}`;
  return browser.openPage(url, { beforeLoad: (page) => recordProblems(page, url, problems) });
}

const paperHref = (server: StaticServer, id: string) =>
  `${new URL(server.url).pathname}${sitePath.paper(id)}`;

// Each test has its own page; two run at once (maxConcurrency in vitest.config.ts).
describe.concurrent('search on the root build', () => {
  it('finds a paper by a word of its title as you type, first, with a link that works', async () => {
    const problems: string[] = [];
    const page = await openSearch(root, '', problems);
    try {
      await page.getByLabel('Words, a title or an author').pressSequentially('speculative', { delay: 20 });
      const shown = await results(page, /for “speculative”/);
      expect(shown.hrefs[0]).toBe(paperHref(root, SPECULATIVE_ID));
      expect(page.url()).toBe(`${root.url}search/?q=speculative`);
      await Promise.all([
        page.waitForURL(`${root.url}${sitePath.paper(SPECULATIVE_ID)}`),
        page.locator('[data-search-list] a').first().click(),
      ]);
      await expect(page.locator('h1').textContent()).resolves.toBe('Speculative Decoding with Draft Trees');
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('runs the search in the URL on load, finds an author’s papers in every year, and sorts them', async () => {
    const written = archive.papers.filter((paper) => paper.authors.includes(AUTHOR));
    expect(new Set(written.map((paper) => paper.date.slice(0, 4))).size).toBeGreaterThan(1);
    const page = await openSearch(root, `?q=${encodeURIComponent(AUTHOR)}&sort=upvotes`);
    try {
      const shown = await results(page, new RegExp(`${written.length} papers found`));
      const byUpvotes = [...written].sort((a, b) => (b.upvotes ?? 0) - (a.upvotes ?? 0));
      expect(shown.hrefs).toEqual(byUpvotes.map((paper) => paperHref(root, paper.id)));
      await expect(page.getByLabel('Words, a title or an author').inputValue()).resolves.toBe(AUTHOR);
      await expect(page.getByLabel('Order').inputValue()).resolves.toBe('upvotes');

      await page.getByLabel('Order').selectOption('newest');
      await page.waitForURL(/sort=newest/);
      const byDate = [...written].sort((a, b) => b.date.localeCompare(a.date));
      // The URL changes at once; the list is drawn again when the sorted search returns.
      await expect
        .poll(async () => (await results(page)).hrefs, { timeout: 10_000 })
        .toEqual(byDate.map((paper) => paperHref(root, paper.id)));
    } finally {
      await page.close();
    }
  });

  it('narrows the results to a topic, keeps it in the URL, and goes back without it', async () => {
    const page = await openSearch(root, `?q=${encodeURIComponent(AUTHOR)}`);
    try {
      const all = await results(page);
      await page.getByLabel('Topic').selectOption('reasoning');
      await page.waitForURL(/topic=reasoning/);
      const narrowed = await results(page, /1 paper found/);
      expect(narrowed.hrefs).toEqual([paperHref(root, '2610.00001')]);
      expect(narrowed.topics.every((topics) => topics.includes('Reasoning'))).toBe(true);
      expect(all.hrefs.length).toBeGreaterThan(narrowed.hrefs.length);

      await page.goBack();
      await expect(page.getByLabel('Topic').inputValue()).resolves.toBe('');
      expect((await results(page, new RegExp(`${all.hrefs.length} papers found`))).hrefs).toEqual(all.hrefs);
    } finally {
      await page.close();
    }
  });

  it('lists a year’s papers newest first from filters alone', async () => {
    const page = await openSearch(root, '?year=2026&topic=vision');
    try {
      const shown = await results(page);
      expect(shown.hrefs.length).toBeGreaterThan(1);
      expect(shown.topics.every((topics) => /vision/i.test(topics))).toBe(true);
      expect(shown.dates.every((date) => date.startsWith('2026-'))).toBe(true);
      expect(shown.dates).toEqual([...shown.dates].sort().reverse());
    } finally {
      await page.close();
    }
  });

  it('shows the hostile paper’s title as text', async () => {
    const problems: string[] = [];
    const page = await openSearch(root, '?q=alert', problems);
    try {
      const shown = await results(page);
      const hostile = archive.papers.find((paper) => paper.id === HOSTILE_ID);
      expect(shown.titles[0]).toBe(hostile?.title);
      expect(
        await page
          .locator('[data-search-list] img[src="x"], [data-search-list] script, [data-search-list] b')
          .count(),
      ).toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it.each(['light', 'dark'] as const)('has no axe violation with results shown (%s)', async (colorScheme) => {
    const page = await browser.openPage(`${root.url}search/?q=decoding`, { colorScheme });
    try {
      const shown = await results(page, /\d+ papers? found/);
      expect(shown.hrefs.length).toBeGreaterThan(0);
      const violations = await runAxe(page);
      expect(violations, formatViolations(violations)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('says how to browse instead when JavaScript is off', async () => {
    const context = await browser.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${root.url}search/?q=speculative`);
      const note = page.locator('.search-note').filter({ hasText: 'needs JavaScript' });
      await expect(note.isVisible()).resolves.toBe(true);
      const links = await note
        .locator('a')
        .evaluateAll((found) => found.map((link) => link.getAttribute('href')));
      expect(links).toEqual(expect.arrayContaining([`/${sitePath.archive()}`, `/${sitePath.topics()}`]));
    } finally {
      await context.close();
    }
  });
});

describe('search under BASE_PATH=/papers/', () => {
  it('loads its index under the base and links results under it', async () => {
    const problems: string[] = [];
    const page = await openSearch(papersBase, '?q=speculative', problems);
    try {
      const shown = await results(page, /for “speculative”/);
      expect(shown.hrefs[0]).toBe(`/papers/${sitePath.paper(SPECULATIVE_ID)}`);
      await Promise.all([
        page.waitForURL(`${papersBase.url}${sitePath.paper(SPECULATIVE_ID)}`),
        page.locator('[data-search-list] a').first().click(),
      ]);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
