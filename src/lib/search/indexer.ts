/**
 * Builds the search index of a built site in pieces (bundles.ts): one
 * Pagefind index per month of the newest year and per earlier year, in
 * `<outDir>/pagefind/<piece>/`.
 *
 * A piece whose paper pages have the same indexed parts as at the last build
 * (same cache key) is linked from the cache folder instead of being indexed
 * again, so a daily build indexes only the current month. The
 * cache lives outside the build folder, which a fresh CI checkout does not
 * have; CI keeps it between runs like node_modules/.cache. In the build
 * folder, a piece already there from the last run is left as it is.
 *
 * Pages are found by what they say, not by their URL: every HTML page with a
 * `data-pagefind-body` element is indexed, and no other page is (Pagefind's
 * own rule once any page has that attribute).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { findPackageJSON } from 'node:module';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { isSameFile, linkTree, writeAtomically } from '../cache-file.ts';
import { countText } from '../count-text.ts';
import { posixRelative } from '../papers/paths.ts';
import { emptyFolder } from '../prune-folder.ts';
import {
  bundleDir,
  cacheEntryName,
  partHash,
  planSegments,
  SEARCH_DIR,
  segmentOfCacheEntry,
  type IndexedPage,
  type SegmentPlan,
} from './bundles.ts';
import { indexedPart, pagefindDocument, periodOfPart } from './extract.ts';
import { UNINDEXED_SELECTORS } from './fields.ts';
import { childProcesses, childrenGone } from './service-exit.ts';
import {
  KNOWN_PAGES_FILE,
  knownPagesText,
  knownPlace,
  readAstroPageRecords,
  readKnownPages,
  type KnownPage,
  type PagePlace,
} from './known-pages.ts';

export interface SearchIndexOptions {
  /** The built site. */
  outDir: string;
  /** Where the pieces' indexes are kept between builds; created when missing. */
  cacheDir: string;
  /** The site's language (ISO 639-1): the whole index uses its stemmer. */
  language: string;
  /**
   * Astro's cache folder. With its incremental-build manifest, pages Astro
   * kept unchanged are not read again (known-pages.ts).
   */
  astroCacheDir?: string | undefined;
}

export interface SegmentSummary {
  /** `2026-10`, `2025`. */
  segment: string;
  pages: number;
  /** Copied from the cache rather than indexed. */
  cached: boolean;
}

export interface SearchIndexSummary {
  pages: number;
  /** Built HTML pages read to find their indexed parts; the others were known unchanged. */
  read: number;
  /** Newest first. */
  segments: SegmentSummary[];
}

/** Pages sent to Pagefind before waiting for its answers. */
const SEND_WINDOW = 256;

/** The file a bundle's loader reads first; it names the hash of the index. */
const ENTRY_FILE = 'pagefind-entry.json';

/** Files Pagefind writes for its ready-made interfaces, which the site does not use. */
const UNUSED_FILE = /^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/;

/** The installed Pagefind's version (its package exports no package.json, hence the lookup). */
export function pagefindVersion(): string {
  const file = findPackageJSON('pagefind', import.meta.url);
  if (file === undefined) throw new Error('Pagefind is not installed (npm install)');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** The name Linux gives Pagefind's service process (its binary's, cut to 15 characters). */
const PAGEFIND_SERVICE = 'pagefind';

export async function buildSearchIndex(options: SearchIndexOptions): Promise<SearchIndexSummary> {
  const knownFile = path.join(options.cacheDir, KNOWN_PAGES_FILE);
  const records = options.astroCacheDir ? readAstroPageRecords(options.astroCacheDir) : new Map();
  const scan = scanBuiltPages(options.outDir, records, readKnownPages(knownFile));
  const { pages } = scan;
  const plans = planSegments(pages, { pagefindVersion: pagefindVersion(), language: options.language });
  await mkdir(options.cacheDir, { recursive: true });
  const segments: SegmentSummary[] = [];
  let started = false;
  try {
    for (const plan of plans) {
      const entry = path.join(options.cacheDir, cacheEntryName(plan));
      const cached = existsSync(entry);
      if (!cached) {
        started = true;
        await writeSegmentIndex(plan, options, entry);
      }
      await placeBundle(entry, path.join(options.outDir, bundleDir(plan.segment)));
      segments.push({ segment: plan.segment, pages: plan.pages.length, cached });
    }
    removeOtherBundles(options.outDir, plans);
    await pruneCache(options.cacheDir, plans);
    await writeAtomically(knownFile, knownPagesText(scan.known));
  } catch (error) {
    // Whatever went wrong, the next run reads every page rather than trust what was kept.
    await rm(knownFile, { force: true });
    throw error;
  } finally {
    // Pagefind's Node API runs its binary as a service until closed.
    if (started) {
      const services = childProcesses(PAGEFIND_SERVICE);
      await pagefind.close();
      await childrenGone(services);
    }
  }
  return { pages: pages.length, read: scan.read, segments };
}

/**
 * `12 paper pages in 3 indexes (2026-10 indexed, 2026-09, 2025 from the cache),
 * 40 pages read, in 0.4 s`.
 */
export function indexSummaryLine(summary: SearchIndexSummary, milliseconds: number): string {
  const built = summary.segments.filter((piece) => !piece.cached).map((piece) => piece.segment);
  const cached = summary.segments.filter((piece) => piece.cached).map((piece) => piece.segment);
  const parts = [
    ...(built.length > 0 ? [`${built.join(', ')} indexed`] : []),
    ...(cached.length > 0 ? [`${cached.join(', ')} from the cache`] : []),
  ];
  const indexes = countText(summary.segments.length, 'index', 'indexes');
  const detail = parts.length > 0 ? ` (${parts.join(', ')})` : '';
  const read = `${countText(summary.read, 'page')} read`;
  return `${summary.pages} paper pages in ${indexes}${detail}, ${read}, in ${(milliseconds / 1000).toFixed(1)} s`;
}

/** Every page with an indexed part, with its year, month and the hash of that part. */
export function findIndexedPages(outDir: string): IndexedPage[] {
  return scanBuiltPages(outDir, new Map(), new Map()).pages;
}

export interface PageScan {
  pages: IndexedPage[];
  /** How many HTML files were read. */
  read: number;
  /** What to keep in pages.json: every page that has a build record. */
  known: Map<string, KnownPage>;
}

/**
 * The indexed pages of a build. A page whose build record (known-pages.ts)
 * is the one it had when last read keeps its known place; the others are read.
 * Files are read synchronously: for tens of thousands of small files that is
 * several times faster than fs/promises, and nothing else runs meanwhile.
 */
export function scanBuiltPages(
  outDir: string,
  records: ReadonlyMap<string, string>,
  previous: ReadonlyMap<string, KnownPage>,
): PageScan {
  const files = readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => posixRelative(outDir, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.startsWith(`${SEARCH_DIR}/`))
    .sort();
  const pages: IndexedPage[] = [];
  const known = new Map<string, KnownPage>();
  let read = 0;
  for (const file of files) {
    const record = records.get(file);
    let place = knownPlace(previous, file, record);
    if (place === undefined) {
      place = placeOfPage(file, readFileSync(path.join(outDir, file), 'utf8'));
      read += 1;
    }
    if (record !== undefined) known.set(file, { record, place });
    if (place !== null) pages.push({ file, ...place });
  }
  return { pages, read, known };
}

function placeOfPage(file: string, html: string): PagePlace {
  const part = indexedPart(html);
  if (part === undefined) return null;
  const { year, month } = periodOfPart(part);
  if (year === undefined || month === undefined)
    throw new Error(`${file}: its data-pagefind-body element has no year and month filters`);
  return { year, month, hash: partHash(part) };
}

async function writeSegmentIndex(
  plan: SegmentPlan,
  options: SearchIndexOptions,
  entry: string,
): Promise<void> {
  const { index, errors } = await pagefind.createIndex({
    forceLanguage: options.language,
    excludeSelectors: [...UNINDEXED_SELECTORS],
  });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const temporary = `${entry}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    // Pagefind numbers pages in the order they arrive, and the numbers are in
    // its files, so pages go in file order: the same pages always give the same
    // bytes. They are sent a window at a time without waiting for each answer
    // (a round trip per page is most of the time on a busy machine); the order
    // holds because the calls write to the service's stdin in the order they
    // are made, and the service handles its messages one at a time. While
    // Pagefind takes in one window, the next is read and sent: waiting for the
    // service before reading on left one of the two processes idle.
    let inFlight: Promise<void> = Promise.resolve();
    for (let start = 0; start < plan.pages.length; start += SEND_WINDOW) {
      const window = plan.pages.slice(start, start + SEND_WINDOW);
      let sent: Promise<void>;
      try {
        sent = addWindow(index, window, options);
      } catch (error) {
        await inFlight.catch(() => undefined);
        throw error;
      }
      // Awaited below or in the next round; marked handled in case an earlier window fails first.
      sent.catch(() => undefined);
      const previous = inFlight;
      inFlight = sent;
      await previous;
    }
    await inFlight;
    const written = await index.writeFiles({ outputPath: temporary });
    if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
    await removeUnusedFiles(temporary);
    await publishEntry(temporary, entry);
  } finally {
    await index.deleteIndex();
    await rm(temporary, { recursive: true, force: true });
  }
}

/** Sends a window of pages to Pagefind; settles when it has taken them all, or one failed. */
function addWindow(
  index: pagefind.PagefindIndex,
  pages: readonly IndexedPage[],
  options: SearchIndexOptions,
): Promise<void> {
  // Read whole before any is sent: a page that fails to read leaves no answer waiting.
  const documents = pages.map((page) => pagefindDocument(readPart(options.outDir, page), options.language));
  const added = pages.map((page, i) =>
    index.addHTMLFile({ sourcePath: page.file, content: documents[i] ?? '' }),
  );
  return Promise.all(added).then((results) => {
    for (const [i, result] of results.entries()) {
      if (result.errors.length > 0)
        throw new Error(`Pagefind: ${pages[i]?.file}: ${result.errors.join('; ')}`);
    }
  });
}

/** A page's indexed part, which must be the one its cache key was made from. */
function readPart(outDir: string, page: IndexedPage): string {
  const part = indexedPart(readFileSync(path.join(outDir, page.file), 'utf8'));
  if (part === undefined || partHash(part) !== page.hash)
    throw new Error(
      `${page.file} is not the page the search step found (changed during the step, or its record in ${KNOWN_PAGES_FILE} was wrong); run the step again`,
    );
  return part;
}

async function removeUnusedFiles(bundle: string): Promise<void> {
  for (const name of await readdir(bundle)) {
    if (UNUSED_FILE.test(name)) await rm(path.join(bundle, name));
  }
}

/**
 * Renames a finished index into the cache. Two builds sharing a cache may
 * finish the same entry at once; the second finds it there and keeps it
 * (both are built from the same pages).
 */
async function publishEntry(temporary: string, entry: string): Promise<void> {
  try {
    await rename(temporary, entry);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!(code === 'ENOTEMPTY' || code === 'EEXIST') || !existsSync(entry)) throw error;
  }
}

/**
 * Keeps one cache entry per piece: removes the pieces' older indexes and
 * the entries of a year cut into pieces the other way.
 */
async function pruneCache(cacheDir: string, plans: readonly SegmentPlan[]): Promise<void> {
  const current = new Set(plans.map((plan) => cacheEntryName(plan)));
  const planned = new Set(plans.map((plan) => plan.segment));
  const newestYear = plans[0]?.year;
  for (const name of await readdir(cacheDir)) {
    const segment = segmentOfCacheEntry(name);
    if (segment === undefined || current.has(name)) continue;
    // An older index of a planned piece; a month of a year that is one piece
    // now; the newest year as one piece, which is in months now.
    const year = segment.slice(0, 4);
    const stale = planned.has(segment) || (segment.length > 4 ? year !== newestYear : year === newestYear);
    if (stale) await rm(path.join(cacheDir, name), { recursive: true, force: true });
  }
}

/**
 * Puts a cached bundle into the build unless it is there already: the build
 * folder is kept between builds (src/integrations/out-dir.ts), and a daily
 * update changes one piece of a dozen.
 */
async function placeBundle(entry: string, target: string): Promise<void> {
  if (isSameBundle(entry, target)) return;
  // What was there may be links into the cache (copyTree): removed, never written through.
  await rm(target, { recursive: true, force: true });
  copyTree(entry, target);
}

/**
 * Whether `target` holds the bundle in `entry`: its entry file, which names
 * the hash of the index's contents, is the same file or the same bytes.
 * copyTree places that file last, so a tree cut short never matches.
 */
function isSameBundle(entry: string, target: string): boolean {
  const [ours, theirs] = [path.join(entry, ENTRY_FILE), path.join(target, ENTRY_FILE)];
  if (isSameFile(ours, theirs)) return true;
  try {
    return readFileSync(ours).equals(readFileSync(theirs));
  } catch {
    return false;
  }
}

/** Removes from the build's search folder what no planned piece is (an earlier build's pieces). */
function removeOtherBundles(outDir: string, plans: readonly SegmentPlan[]): void {
  const folder = path.join(outDir, SEARCH_DIR);
  if (existsSync(folder)) emptyFolder(folder, new Set(plans.map((plan) => plan.segment)));
}

/**
 * Puts a cached bundle into the build, file by file, linked where the file
 * system allows (linkTree). Copying a year's fragments, one file a page, was
 * most of the search step of a daily build; fs.cp was slower still.
 */
function copyTree(from: string, to: string): void {
  linkTree(from, to, ENTRY_FILE);
}
