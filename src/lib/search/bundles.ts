/**
 * One Pagefind index per year of the archive: `pagefind/<year>/` in the
 * built site. The indexer decides which paper pages go in which year and
 * whether a year's cached index can be reused; the search page loads the
 * newest year's bundle and merges the others into it. Both take the folder
 * names from here.
 */
import { createHash } from 'node:crypto';

/** The folder of all search bundles inside the built site. */
export const SEARCH_DIR = 'pagefind';

/**
 * Bumped when what goes into an index changes in a way the pages' HTML does
 * not show (the indexer's options, the wrapper document), so old caches are
 * not reused.
 */
export const INDEX_FORMAT = 1;

/** `pagefind/2026/`, relative to the site's root. */
export function bundleDir(year: string): string {
  return `${SEARCH_DIR}/${year}/`;
}

/** A paper page found in the build. */
export interface IndexedPage {
  /** `papers/2610.01092/index.html`, `/`-separated, relative to the build. */
  file: string;
  year: string;
  /** Hash of the page's indexed part (see extract.ts). */
  hash: string;
}

export interface YearPlan {
  year: string;
  /** Sorted by file, so the index and its key do not depend on the order files were found in. */
  pages: readonly IndexedPage[];
  /** Names the year's index in the cache: the same pages with the same indexed parts give the same key. */
  key: string;
}

export interface PlanSettings {
  /** Pagefind's version: a new one writes other files. */
  pagefindVersion: string;
  language: string;
}

/** Groups the paper pages by year, newest year first, each with its cache key. */
export function planYears(pages: readonly IndexedPage[], settings: PlanSettings): YearPlan[] {
  const byYear = Map.groupBy(pages, (page) => page.year);
  return [...byYear.keys()]
    .sort((a, b) => b.localeCompare(a))
    .map((year) => {
      const yearPages = [...(byYear.get(year) ?? [])].sort((a, b) => compareStrings(a.file, b.file));
      return { year, pages: yearPages, key: yearKey(year, yearPages, settings) };
    });
}

function yearKey(year: string, pages: readonly IndexedPage[], settings: PlanSettings): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ format: INDEX_FORMAT, year, ...settings }));
  for (const page of pages) hash.update(`\n${page.file}\u0000${page.hash}`);
  return hash.digest('hex').slice(0, 32);
}

/** Hash of one page's indexed part. */
export function partHash(part: string): string {
  return createHash('sha256').update(part).digest('hex');
}

/** `2026-<key>`: a cache entry's folder name. */
export function cacheEntryName(plan: Pick<YearPlan, 'year' | 'key'>): string {
  return `${plan.year}-${plan.key}`;
}

/** The year of a cache entry's folder name, or undefined for other folders. */
export function yearOfCacheEntry(name: string): string | undefined {
  return /^(\d{4})-[0-9a-f]{32}$/.exec(name)?.[1];
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
