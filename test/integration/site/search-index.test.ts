/**
 * The search index of the fixture build: only paper pages are in it, one
 * index per month of the newest year and per earlier year, and the indexer's
 * cache makes a rebuild re-index only the pieces whose papers changed, with
 * the same bytes as indexing from scratch.
 * The indexer runs here on copies of the built site, with its own cache.
 */
import { cp, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { segmentOfCacheEntry } from '../../../src/lib/search/bundles.ts';
import { buildSearchIndex, findIndexedPages } from '../../../src/lib/search/indexer.ts';
import { folderStamps, listFiles } from '../../helpers/built-site.ts';
import { FIXTURE_CONTENT_DIR } from '../../helpers/build-site.ts';
import { loadFixtureArchive, sitePath, type FixtureArchive } from '../../helpers/fixture-archive.ts';
import { fixtureSite } from '../../helpers/fixture-sites.ts';

let archive: FixtureArchive;
let scratch: string;
beforeAll(async () => {
  archive = await loadFixtureArchive(FIXTURE_CONTENT_DIR);
  scratch = await mkdtemp(path.join(os.tmpdir(), 'papers-search-index-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** A copy of the root build without its search index. */
async function siteCopy(name: string): Promise<string> {
  const outDir = path.join(scratch, name);
  await cp(fixtureSite('root').outDir, outDir, { recursive: true });
  await rm(path.join(outDir, 'pagefind'), { recursive: true });
  return outDir;
}

/** Every file under `pagefind/` with its bytes, for comparing two builds. */
const bundleFiles = (outDir: string) => folderBytes(path.join(outDir, 'pagefind'));

/** Every file under a folder with its bytes. */
async function folderBytes(dir: string): Promise<Map<string, Buffer>> {
  const files = await listFiles(dir);
  return new Map(
    await Promise.all(files.map(async (file) => [file, await readFile(path.join(dir, file))] as const)),
  );
}

describe('the search index', () => {
  it('holds every paper page and nothing else', async () => {
    const pages = await findIndexedPages(fixtureSite('root').outDir);
    expect(pages.map((page) => page.file).sort()).toEqual(
      archive.papers.map((paper) => `${sitePath.paper(paper.id)}index.html`).sort(),
    );
    const newestYear = archive.papers
      .map((paper) => paper.date.slice(0, 4))
      .sort()
      .at(-1);
    const pieces = new Set(
      archive.papers.map((paper) =>
        paper.date.startsWith(newestYear!) ? paper.date.slice(0, 7) : paper.date.slice(0, 4),
      ),
    );
    const built = await readdir(path.join(fixtureSite('root').outDir, 'pagefind'));
    expect(built.sort()).toEqual([...pieces].sort());
    expect(built.sort()).toEqual(['2025', '2026-09', '2026-10']);
  });

  it('re-indexes only the pieces whose papers changed, and writes what a full run writes', async () => {
    const cacheDir = path.join(scratch, 'cache');
    const options = (outDir: string) => ({ outDir, cacheDir, language: 'en' });
    const cold = await siteCopy('cold');
    const october = archive.papers.filter((paper) => paper.date.startsWith('2026-10')).length;
    expect(await buildSearchIndex(options(cold))).toMatchObject({
      pages: archive.papers.length,
      segments: [
        { segment: '2026-10', pages: october, cached: false },
        { segment: '2026-09', pages: archive.papers.length - 1 - october, cached: false },
        { segment: '2025', pages: 1, cached: false },
      ],
    });
    const astroBuilt = await bundleFiles(fixtureSite('root').outDir);
    // Pages are added in file order, so the bytes do not depend on timing.
    expect(await bundleFiles(cold)).toEqual(astroBuilt);

    // Run again over its own output: the same files, and the cache's are untouched.
    const cacheBefore = await folderBytes(cacheDir);
    // The pieces' entries; pages.json, what the step knows of each page, is written every run.
    const entryStamps = async () =>
      new Map([...(await folderStamps(cacheDir))].filter(([file]) => file !== 'pages.json'));
    const stampsBefore = await entryStamps();
    const builtBefore = await folderStamps(path.join(cold, 'pagefind'));
    await buildSearchIndex(options(cold));
    expect(await bundleFiles(cold)).toEqual(astroBuilt);
    expect(await folderBytes(cacheDir)).toEqual(cacheBefore);
    expect(await entryStamps()).toEqual(stampsBefore);
    // The pieces already in the build are left in place, not placed again.
    expect(await folderStamps(path.join(cold, 'pagefind'))).toEqual(builtBefore);

    const warm = await siteCopy('warm');
    const again = await buildSearchIndex(options(warm));
    expect(again.segments.map((piece) => piece.cached)).toEqual([true, true, true]);
    expect(await bundleFiles(warm)).toEqual(astroBuilt);
    // Linked from the cache, not indexed again.
    const entry2025 = (await readdir(cacheDir)).find((name) => segmentOfCacheEntry(name) === '2025');
    const inode = async (file: string) => (await stat(file)).ino;
    expect(await inode(path.join(warm, 'pagefind/2025/pagefind-entry.json'))).toBe(
      await inode(path.join(cacheDir, entry2025!, 'pagefind-entry.json')),
    );

    // A new upvote on a 2026 paper; what is outside the indexed part (the
    // page's frame, its related list) may change freely.
    const changed = await siteCopy('changed');
    const paperFile = path.join(changed, sitePath.paper('2610.00005'), 'index.html');
    const html = await readFile(paperFile, 'utf8');
    await writeFile(
      paperFile,
      html.replace('data-pagefind-sort="upvotes:64"', 'data-pagefind-sort="upvotes:65"'),
    );
    const oldPaper = path.join(changed, sitePath.paper('2511.00001'), 'index.html');
    const oldHtml = await readFile(oldPaper, 'utf8');
    expect(oldHtml).toContain('Skip to content');
    await writeFile(oldPaper, oldHtml.replace('Skip to content', 'Skip to the paper'));
    const third = await buildSearchIndex(options(changed));
    expect(third.segments.map((piece) => [piece.segment, piece.cached])).toEqual([
      ['2026-10', false],
      ['2026-09', true],
      ['2025', true],
    ]);
    // One entry per piece is kept, beside what the step knows of each page.
    const entries = await readdir(cacheDir);
    expect(entries.filter((name) => segmentOfCacheEntry(name) === undefined)).toEqual(['pages.json']);
    expect(entries.flatMap((name) => segmentOfCacheEntry(name) ?? []).sort()).toEqual([
      '2025',
      '2026-09',
      '2026-10',
    ]);
  });
});
