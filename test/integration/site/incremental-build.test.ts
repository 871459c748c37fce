/**
 * The daily update as CI runs it: an archive is built, a new day is added,
 * and the site is built again with the first build's cache (Astro's
 * incremental build, src/lib/site/cache-keys.ts). The second build must give
 * exactly the pages a build from scratch gives (the fixture build `root`),
 * while copying, not rendering, the pages the new day does not change.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { statSync, type Stats } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureSiteLogged, FIXTURE_CONTENT_DIR } from '../../helpers/build-site.ts';
import { folderStamps, listFiles } from '../../helpers/built-site.ts';
import { fixtureSite } from '../../helpers/fixture-sites.ts';

const NEW_DAY = '2026/10/05';
const NEW_PAPERS = ['2610.00004', '2610.00005'];
/** The day before the new one: its page gains a "next day" link. */
const PREVIOUS_DAY = '2026-10-02';

/** A page and a search piece (a folder) the new day does not change. */
const KEPT_PAGE = 'days/2025-11-14/index.html';
const KEPT_PIECE = 'pagefind/2025';

let work: string;
let firstStats: { page: Stats; piece: Map<string, string> };
let log: string;
let firstLog: string;
/** HTML pages of the first build. */
let firstPages: string[];
let outDir: string;
let cacheDir: string;
let searchCacheDir: string;
let buildCacheDir: string;
let content: string;
/** A copy of the first build's output, older than the second build's. */
let olderCopy: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'papers-incremental-'));
  content = path.join(work, 'content');
  cacheDir = path.join(work, 'astro-cache');
  searchCacheDir = path.join(work, 'search-cache');
  buildCacheDir = path.join(work, 'build-cache');
  await cp(FIXTURE_CONTENT_DIR, content, { recursive: true });
  await rm(path.join(content, 'papers', NEW_DAY), { recursive: true });
  // Both builds write to one folder, as `npm run build` does.
  outDir = path.join(work, 'dist');
  ({ log: firstLog } = await buildFixtureSiteLogged({
    contentDir: content,
    cacheDir,
    searchCacheDir,
    buildCacheDir,
    outDir,
  }));
  firstPages = (await listFiles(outDir)).filter(
    (file) => file.endsWith('.html') && !file.startsWith('pagefind'),
  );
  firstStats = {
    page: statSync(path.join(outDir, KEPT_PAGE)),
    piece: await folderStamps(path.join(outDir, KEPT_PIECE)),
  };
  // Two empty maps would compare equal.
  expect(firstStats.piece.size).toBeGreaterThan(0);
  olderCopy = path.join(work, 'older-copy');
  await cp(outDir, olderCopy, { recursive: true });
  // A page the first build left that the second must not keep (a paper deleted since, say).
  await mkdir(path.join(outDir, 'papers', 'gone'), { recursive: true });
  await writeFile(path.join(outDir, 'papers', 'gone', 'index.html'), 'stale');
  await cp(path.join(FIXTURE_CONTENT_DIR, 'papers', NEW_DAY), path.join(content, 'papers', NEW_DAY), {
    recursive: true,
  });
  ({ log } = await buildFixtureSiteLogged({
    contentDir: content,
    cacheDir,
    searchCacheDir,
    buildCacheDir,
    outDir,
  }));
}, 240_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

/** How the second build made each HTML page: `rendered` or `reused` (restored or kept from the cache). */
function howMade(): Map<string, 'rendered' | 'reused'> {
  const made = new Map<string, 'rendered' | 'reused'>();
  for (const match of log.matchAll(/[├└]─ (\/\S+\.html) (\(\+\d+ms\)|\((?:restored|cached)\))/g)) {
    made.set(match[1]!, match[2]!.startsWith('(+') ? 'rendered' : 'reused');
  }
  return made;
}

/** Checks that `dir` holds byte for byte the site a build from scratch gives. */
async function expectSameAsFromScratch(dir: string): Promise<void> {
  const scratch = fixtureSite('root').outDir;
  const [ours, theirs] = await Promise.all([listFiles(dir), listFiles(scratch)]);
  expect(ours).toEqual(theirs);
  const differing: string[] = [];
  for (const file of ours) {
    const [a, b] = await Promise.all([readFile(path.join(dir, file)), readFile(path.join(scratch, file))]);
    if (!a.equals(b)) differing.push(file);
  }
  expect(differing).toEqual([]);
}

describe('a daily update with the last build’s cache', () => {
  it('gives byte for byte the site a build from scratch gives, in the folder of the last build', async () => {
    await expectSameAsFromScratch(outDir);
    // src/integrations/out-dir.ts kept the first build's output and removed the page no build made.
    expect(log).toContain(
      "[daily-papers:out-dir] kept the last build's output; removed 1 file and 1 folder this build did not make",
    );
    expect(log).not.toContain('did not finish');
  });

  it('leaves unchanged pages and search pieces in place rather than writing them again', async () => {
    expect(statSync(path.join(outDir, KEPT_PAGE)).ino).toBe(firstStats.page.ino);
    expect(statSync(path.join(outDir, KEPT_PAGE)).mtimeMs).toBe(firstStats.page.mtimeMs);
    // src/lib/search/indexer.ts: an older year's piece is not linked or written again, file by file.
    expect(await folderStamps(path.join(outDir, KEPT_PIECE))).toEqual(firstStats.piece);
  });

  it('renders the new day’s pages and reuses the older papers’ and days’ pages', () => {
    const made = howMade();
    for (const id of NEW_PAPERS) expect(made.get(`/papers/${id}/index.html`), id).toBe('rendered');
    expect(made.get(`/days/${NEW_DAY.replaceAll('/', '-')}/index.html`)).toBe('rendered');
    expect(made.get(`/days/${PREVIOUS_DAY}/index.html`)).toBe('rendered');

    const olderPapers = [...made].filter(
      ([page]) => page.startsWith('/papers/') && !NEW_PAPERS.some((id) => page.includes(id)),
    );
    expect(olderPapers.length).toBeGreaterThan(5);
    expect(olderPapers.filter(([, how]) => how === 'rendered')).toEqual([]);
    expect(made.get('/days/2025-11-14/index.html')).toBe('reused');
    expect(made.get('/archive/2025/11/index.html')).toBe('reused');
  });

  // src/lib/search/known-pages.ts: a copied page has the indexed part it had when it was rendered.
  it('reads for the search index only the pages it rendered', async () => {
    const pagesRead = (text: string) => Number(/search index: .*, (\d+) pages? read, in /.exec(text)?.[1]);
    expect(pagesRead(firstLog)).toBe(firstPages.length);
    const rendered = [...howMade().values()].filter((how) => how === 'rendered');
    expect(rendered.length).toBeGreaterThan(NEW_PAPERS.length);
    expect(pagesRead(log)).toBe(rendered.length);
  });

  // src/site-archive.ts: the first build saves, the second reuses all but the new day's work.
  it('classifies and scores for related papers only the new day’s papers', async () => {
    const papers = (await listFiles(FIXTURE_CONTENT_DIR)).filter((file) => file.endsWith('.md')).length;
    const oldPapers = papers - NEW_PAPERS.length;
    expect(firstLog).toContain(
      `[daily-papers:build] topics: 0 papers kept from the last build, ${oldPapers} classified`,
    );
    expect(firstLog).toMatch(
      /\[daily-papers:build\] related papers: 0 days kept from the last build, \d+ scored/,
    );
    expect(log).toContain(
      `[daily-papers:build] topics: ${oldPapers} papers kept from the last build, ${NEW_PAPERS.length} classified`,
    );
    expect(log).toMatch(
      /\[daily-papers:build\] related papers: [1-9]\d* days kept from the last build, 1 scored/,
    );
  });

  // src/content.config.ts: the store keeps each paper's data and abstract, not Astro's HTML of it.
  it('keeps no rendered Markdown in the content layer’s store', async () => {
    const store = await readFile(path.join(cacheDir, 'data-store.json'), 'utf8');
    // src/integrations/store-module.ts: the pages read it from that file.
    expect(log).toContain('[daily-papers:build] content store: read from its file, not bundled');
    expect(store).toContain('"papers"');
    expect(store).toContain('2610.00004');
    expect(store).not.toContain('"rendered"');
    // src/lib/papers/bodies.ts: nor the abstracts, which pages read from the files when they need them.
    expect(store).not.toContain('"body"');
    expect(store).not.toContain('the error of $k$-sparse attention');
    expect(log).toMatch(/\[daily-papers:build\] abstracts: [1-9]\d* read from their files/);
  });
});

// src/lib/publish/last-output.ts: `papers daily` builds in a folder of its own, `npm run build` in dist/.
describe('a build in a folder the last build did not write to', () => {
  it('clears it first, so no page older than the cache is kept', async () => {
    const third = await buildFixtureSiteLogged({
      contentDir: content,
      cacheDir,
      searchCacheDir,
      buildCacheDir,
      outDir: olderCopy,
    });
    expect(third.log).toContain(`the last build wrote to ${outDir}, not here`);
    await expectSameAsFromScratch(olderCopy);
  }, 120_000);
});

// src/lib/build-reuse.ts: with reuse off, nothing of the last build is used, and the site is the same.
describe('a build with build reuse off, on the same caches', () => {
  it('renders every page, reads every page for search, classifies every paper, and gives the same bytes', async () => {
    const off = await buildFixtureSiteLogged({
      contentDir: content,
      cacheDir,
      searchCacheDir,
      buildCacheDir,
      outDir,
      buildReuse: 'off',
    });
    const lines = [...off.log.matchAll(/[├└]─ (\/\S+\.html) (\(\+\d+ms\)|\((?:restored|cached)\))/g)];
    expect(lines.length).toBeGreaterThan(firstPages.length / 2);
    expect(lines.filter((line) => !line[2]!.startsWith('(+'))).toEqual([]);
    expect(off.log).not.toContain('content store: read from its file');
    expect(off.log).not.toContain('kept from the last build');
    const pagesRead = Number(/search index: .*, (\d+) pages? read, in /.exec(off.log)?.[1]);
    expect(pagesRead).toBeGreaterThanOrEqual(firstPages.length);
    await expectSameAsFromScratch(outDir);
  }, 120_000);
});
