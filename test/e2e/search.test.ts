/**
 * Search in real Chromium, on the fixture builds served like a CDN: results
 * as you type, authors, filters, orders across the two year indexes (the
 * fixture archive has a paper of 2025 beside those of 2026), the URL as the
 * state of a search, arXiv ids, junk matches, excerpts, the page's weight and
 * layout shift, the BASE_PATH build, the page without JavaScript, and
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
/** The fixture paper with formulas in its abstract. */
const MATH_ID = '2609.10003';
/** The fixture paper with thirty authors. */
const COLLABORATION_ID = '2609.10002';
const SEARCH_BOX = 'Words, an author or an arXiv id';

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
  /** Each result's excerpt, as shown. */
  excerpts: string[];
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
    excerpts: await cards.evaluateAll((items) =>
      items.map((item) => item.querySelector('.card-excerpt')?.textContent ?? ''),
    ),
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
      await page.getByLabel(SEARCH_BOX).pressSequentially('speculative', { delay: 20 });
      const shown = await results(page, /for “speculative”/);
      expect(shown.hrefs[0]).toBe(paperHref(root, SPECULATIVE_ID));
      expect(page.url()).toBe(`${root.url}search/?q=speculative`);
      await expect(page.locator('#search-hint').innerText()).resolves.toContain('results appear as you type');
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
      await expect(page.getByLabel(SEARCH_BOX).inputValue()).resolves.toBe(AUTHOR);
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
      // The status line names the filter it counted within.
      expect(narrowed.status).toBe(`1 paper found for “${AUTHOR}” in Reasoning.`);
      expect(narrowed.hrefs).toEqual([paperHref(root, '2610.00001')]);
      expect(narrowed.topics.every((topics) => topics.includes('Reasoning'))).toBe(true);
      expect(all.hrefs.length).toBeGreaterThan(narrowed.hrefs.length);
      expect(all.status).toBe(`${all.hrefs.length} papers found for “${AUTHOR}”.`);

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
      // It promises no results as you type (the same page with JavaScript does).
      await expect(page.locator('#search-hint').innerText()).resolves.not.toContain('as you type');
      const links = await note
        .locator('a')
        .evaluateAll((found) => found.map((link) => link.getAttribute('href')));
      expect(links).toEqual(expect.arrayContaining([`/${sitePath.archive()}`, `/${sitePath.topics()}`]));
    } finally {
      await context.close();
    }
  });
});

const abstractOf = (id: string) => archive.papers.find((paper) => paper.id === id)?.body ?? '';
const paperOf = (id: string) => {
  const paper = archive.papers.find((candidate) => candidate.id === id);
  if (!paper) throw new Error(`no fixture paper ${id}`);
  return paper;
};
const words = (text: string, count: number) => text.split(/\s+/).slice(0, count).join(' ');

describe.concurrent('what search finds', () => {
  it('shows an excerpt of the abstract, not the title and authors, and finds a paper by its authors', async () => {
    const page = await openSearch(root, `?q=${encodeURIComponent(AUTHOR)}`);
    try {
      const written = archive.papers.filter((paper) => paper.authors.includes(AUTHOR));
      const shown = await results(page, new RegExp(`${written.length} papers found`));
      expect(shown.hrefs.toSorted()).toEqual(written.map((paper) => paperHref(root, paper.id)).toSorted());
      for (const [index, excerpt] of shown.excerpts.entries()) {
        const paper = archive.papers.find(
          (candidate) => shown.hrefs[index] === paperHref(root, candidate.id),
        );
        expect(excerpt.startsWith(paper?.title ?? '?'), excerpt).toBe(false);
        expect(excerpt).not.toContain(AUTHOR);
        // A paper found by its authors shows the start of its abstract.
        expect(excerpt.startsWith(words(paper?.body ?? '', 5)), excerpt).toBe(true);
      }
    } finally {
      await page.close();
    }
  });

  it('finds every author of a long list, though a result shows only the first three', async () => {
    const paper = paperOf(COLLABORATION_ID);
    const twentieth = paper.authors[19] ?? '';
    expect(twentieth).toBe('Author T. Number20');
    const page = await openSearch(root, `?q=${encodeURIComponent('Number20')}`);
    try {
      const shown = await results(page, /1 paper found/);
      expect(shown.hrefs).toEqual([paperHref(root, COLLABORATION_ID)]);
      const authors = await page.locator('[data-search-list] .authors').textContent();
      expect(authors).toBe(`${paper.authors.slice(0, 3).join(', ')} et al.`);
    } finally {
      await page.close();
    }
  });

  it('shows each formula once, as its TeX source', async () => {
    const page = await openSearch(root, '?q=sparsity');
    try {
      const shown = await results(page, /1 paper found/);
      expect(shown.hrefs).toEqual([paperHref(root, MATH_ID)]);
      expect(abstractOf(MATH_ID)).toContain('$\\alpha^2 + \\beta$');
      expect(shown.excerpts[0]).toContain(
        'the error of k-sparse attention is at most \\alpha^2 + \\beta where \\alpha is',
      );
      // KaTeX's MathML and HTML copies are not indexed.
      expect(shown.excerpts[0]).not.toMatch(/kk|α/);
    } finally {
      await page.close();
    }
  });

  it.each(['zzqxjv', 'abstract'])(
    'finds nothing for “%s”, which Pagefind would match through a shorter word',
    async (nonsense) => {
      // The shorter words are there: "Z." among the authors, "a" in the abstracts.
      const short = await openSearch(root, `?q=${nonsense[0]}`);
      try {
        expect((await results(short, /\d+ papers? found/)).hrefs.length).toBeGreaterThan(0);
      } finally {
        await short.close();
      }
      const page = await openSearch(root, `?q=${nonsense}`);
      try {
        const shown = await results(page, /No papers found/);
        expect(shown.status).toBe(`No papers found for “${nonsense}”. Try other words.`);
        expect(shown.hrefs).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );

  it('still finds a word as it is typed, and a number only where the text has it', async () => {
    const page = await openSearch(root, '?q=speculat');
    try {
      expect((await results(page, /1 paper found/)).hrefs).toEqual([paperHref(root, SPECULATIVE_ID)]);
      // Days and upvotes are not searched: "2026" is in no paper's text.
      await page.getByLabel(SEARCH_BOX).fill('2026');
      expect((await results(page, /No papers found for “2026”/)).hrefs).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('puts the paper of an arXiv id first as it is typed, and opens it on Enter', async () => {
    const problems: string[] = [];
    const page = await openSearch(root, '', problems);
    try {
      const box = page.getByLabel(SEARCH_BOX);
      await box.pressSequentially('arXiv:2511.00001v2', { delay: 10 });
      const shown = await results(page, /arXiv id 2511\.00001/);
      expect(shown.status).toBe('The paper with arXiv id 2511.00001; press Enter to open it.');
      expect(shown.hrefs).toEqual([paperHref(root, SPECULATIVE_ID)]);
      expect(shown.titles).toEqual([paperOf(SPECULATIVE_ID).title]);
      expect(shown.excerpts[0]?.startsWith(words(abstractOf(SPECULATIVE_ID), 5))).toBe(true);
      await Promise.all([
        page.waitForURL(`${root.url}${sitePath.paper(SPECULATIVE_ID)}`),
        box.press('Enter'),
      ]);
      // Back returns to the search, which shows the paper and stays.
      await page.goBack();
      expect((await results(page, /arXiv id 2511\.00001/)).hrefs).toEqual([paperHref(root, SPECULATIVE_ID)]);
      expect(page.url()).toBe(`${root.url}search/?q=arXiv%3A2511.00001v2`);
      // Leaving the page may cut its favicon's request short; that is no problem.
      expect(problems.filter((problem) => !problem.includes('ERR_ABORTED'))).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('opens the paper of an old-style id in a link, and says when an id is not in the archive', async () => {
    const page = await openSearch(root, `?q=${encodeURIComponent('hep-th/9901001v1')}`);
    try {
      await page.waitForURL(`${root.url}${sitePath.paper('hep-th/9901001')}`);
      await page.goto(`${root.url}search/?q=2605.27492`);
      const shown = await results(page, /arXiv id 2605\.27492/);
      expect(shown.status).toBe('No paper with arXiv id 2605.27492 is in this archive. Look it up on arXiv.');
      expect(shown.hrefs).toEqual([]);
      await expect(page.locator('[data-search-status] a').getAttribute('href')).resolves.toBe(
        'https://arxiv.org/abs/2605.27492',
      );
    } finally {
      await page.close();
    }
  });
});

/** Layout shifts the reader did not cause, summed (CLS), from the page's first paint on. */
async function observeLayoutShift(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const global = globalThis as unknown as { layoutShift: number };
    global.layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
      })[])
        if (!entry.hadRecentInput) global.layoutShift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

describe('a light and stable search page', () => {
  it.each([390, 1280])(
    'loads ≤ 250 KB and no images to speak of for a query, and does not shift (%i px)',
    async (width) => {
      const context = await browser.browser.newContext({ viewport: { width, height: 800 } });
      try {
        const page = await context.newPage();
        await observeLayoutShift(page);
        // Every response, the Pagefind worker's included, which the page's Performance API does not see.
        const bytes = new Map<string, number>();
        page.on('requestfinished', (request) => {
          void request.sizes().then((sizes) => {
            bytes.set(request.url(), sizes.responseBodySize + sizes.responseHeadersSize);
          });
        });
        await page.goto(`${root.url}search/?q=decoding`);
        expect((await results(page, /\d+ papers found/)).hrefs.length).toBeGreaterThan(1);
        // Let late images, fonts and shifts arrive.
        await page.waitForTimeout(1000);
        const measured = await page.evaluate(() => {
          const entries = [
            ...performance.getEntriesByType('navigation'),
            ...performance.getEntriesByType('resource'),
          ] as PerformanceResourceTiming[];
          const isImage = (entry: PerformanceResourceTiming) =>
            entry.initiatorType === 'img' || /\.(png|jpe?g|webp|avif|gif|svg)(\?|$)/.test(entry.name);
          return {
            layoutShift: (globalThis as unknown as { layoutShift: number }).layoutShift,
            imageBytes: entries.filter(isImage).reduce((sum, entry) => sum + entry.transferSize, 0),
            resources: entries.map((entry) => [entry.name, entry.transferSize] as const),
          };
        });
        for (const [url, size] of measured.resources) bytes.set(url, Math.max(bytes.get(url) ?? 0, size));
        const total = [...bytes.values()].reduce((sum, size) => sum + size, 0);
        expect(measured.resources.length).toBeGreaterThan(3);
        expect(measured.layoutShift).toBeLessThan(0.05);
        expect(measured.imageBytes).toBeLessThanOrEqual(100_000);
        // Uncompressed: the test server, unlike a CDN, sends no gzip.
        expect(total, [...bytes].map(([url, size]) => `${size} ${url}`).join('\n')).toBeLessThanOrEqual(
          250_000,
        );
      } finally {
        await context.close();
      }
    },
  );
});

describe.concurrent('search and the history', () => {
  it('keeps “Show more” and the scroll position when the reader comes back', async ({ expect }) => {
    const context = await browser.browser.newContext({ viewport: { width: 1280, height: 500 } });
    try {
      const page = await context.newPage();
      // Five results a page instead of twenty, so the fixture archive has more than one page.
      let rewritten = 0;
      await page.route(
        (url) => url.pathname.endsWith('/search/'),
        async (route) => {
          const response = await route.fetch();
          const page20 = '&quot;pageSize&quot;:20';
          const body = await response.text();
          if (body.includes(page20)) rewritten += 1;
          await route.fulfill({ response, body: body.replace(page20, '&quot;pageSize&quot;:5') });
        },
      );
      const papers2026 = archive.papers.filter((paper) => paper.date.startsWith('2026')).length;
      expect(papers2026).toBeGreaterThan(10);
      await page.goto(`${root.url}search/?year=2026`);
      const list = page.locator('[data-search-list] > li');
      await results(page, new RegExp(`${papers2026} papers found`));
      await expect(list.count()).resolves.toBe(5);
      await page.getByRole('button', { name: /Show more results/ }).click();
      // The test's own expect: in a concurrent block the global one may find no test running.
      await expect.poll(() => list.count()).toBe(10);
      const ninth = list.nth(8).locator('h3 a');
      // At once (the site scrolls smoothly), so the position read is where the page stays.
      await ninth.evaluate((link) => link.scrollIntoView({ block: 'center', behavior: 'instant' }));
      const scrolled = await page.evaluate(() => {
        (globalThis as unknown as { before?: boolean }).before = true;
        return window.scrollY;
      });
      expect(scrolled).toBeGreaterThan(100);
      const href = await ninth.getAttribute('href');
      // Followed from the script, so the click does not scroll the page first as Playwright's would.
      await Promise.all([
        page.waitForURL(`${root.origin}${href}`),
        ninth.evaluate((link: HTMLAnchorElement) => link.click()),
      ]);
      await page.goBack();
      await results(page, new RegExp(`${papers2026} papers found`));
      await expect(list.count()).resolves.toBe(10);
      // The page was loaded again (no back-forward cache), and put back as it was.
      await expect(page.evaluate(() => (globalThis as unknown as { before?: boolean }).before)).resolves.toBe(
        undefined,
      );
      // Scrolled in the same task that drew the results, at once.
      await expect(page.evaluate(() => window.scrollY)).resolves.toBe(scrolled);
      expect(rewritten).toBe(2);
    } finally {
      await context.close();
    }
  });

  it('adds one history entry for arrow keys in a closed select, and keeps the year and month apart', async () => {
    const page = await openSearch(root, `?q=${encodeURIComponent(AUTHOR)}`);
    try {
      await results(page);
      const topic = page.getByLabel('Topic');
      await topic.focus();
      for (let step = 0; step < 3; step += 1) await topic.press('ArrowDown');
      const third = await topic.evaluate((select: HTMLSelectElement) => select.options[3]?.value ?? '');
      await page.waitForURL(new RegExp(`topic=${third}`));
      await expect(topic.inputValue()).resolves.toBe(third);
      await page.goBack();
      await page.waitForURL((url) => !url.searchParams.has('topic'));
      await expect(topic.inputValue()).resolves.toBe('');

      // A month sets its year; a year of another month clears the month.
      await page.getByLabel('Year').selectOption('2025');
      await page.getByLabel('Month').selectOption('2026-10');
      await expect(page.getByLabel('Year').inputValue()).resolves.toBe('2026');
      await page.waitForURL(/year=2026&month=2026-10/);
      await page.getByLabel('Year').selectOption('2025');
      await expect(page.getByLabel('Month').inputValue()).resolves.toBe('');
      await page.waitForURL(/year=2025$/);
      const shown = await results(page, /1 paper found .* in 2025\./);
      expect(shown.hrefs).toEqual([paperHref(root, SPECULATIVE_ID)]);
    } finally {
      await page.close();
    }
  });

  it('tells the reader, not the site’s builder, when the index does not load', async () => {
    const context = await browser.browser.newContext();
    try {
      const page = await context.newPage();
      await page.route('**/pagefind/**', (route) => route.abort());
      await page.goto(`${root.url}search/?q=decoding`);
      await page.locator('[data-search-status]').filter({ hasText: 'Search is not available.' }).waitFor();
      const note = page.locator('[data-search-unavailable]');
      await expect(note.isVisible()).resolves.toBe(true);
      const text = (await note.textContent()) ?? '';
      expect(text).toContain('could not load');
      expect(text).not.toMatch(/npm|build/);
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
      // An id opens its paper under the base too.
      await page.goto(`${papersBase.url}search/?q=arXiv:${SPECULATIVE_ID}`);
      await page.waitForURL(`${papersBase.url}${sitePath.paper(SPECULATIVE_ID)}`);
      // Leaving the page at once may cut its favicon's request short; that is no problem.
      expect(problems.filter((problem) => !problem.includes('ERR_ABORTED'))).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
