/**
 * The search index in pieces: one Pagefind index per month of the newest
 * year and one per earlier year, `pagefind/2026-10/`, `pagefind/2025/` in the
 * built site. A daily update adds papers to the current month only, so it
 * re-indexes about a thousand pages, not a whole year; a finished year is one
 * piece, so the search page merges at most a dozen months and one piece per
 * earlier year. When a new year starts, the last one's months are indexed
 * once more as one year.
 *
 * The indexer decides which paper pages go in which piece and whether a
 * piece's cached index can be reused; the search page loads the newest
 * piece's bundle and merges the others into it. Both take the pieces and
 * their folder names from here.
 */
import { createHash } from 'node:crypto';
import { compareIds } from '../papers/ranking.ts';
import { UNINDEXED_SELECTORS } from './fields.ts';

/** The folder of all search bundles inside the built site. */
export const SEARCH_DIR = 'pagefind';

/**
 * Bumped when what goes into an index changes in a way the pages' HTML does
 * not show (the indexer's options, the wrapper document), so old caches are
 * not reused. The selectors Pagefind leaves out are part of the key too.
 */
export const INDEX_FORMAT = 2;

/** `pagefind/2026-10/`, `pagefind/2025/`, relative to the site's root. */
export function bundleDir(segment: string): string {
  return `${SEARCH_DIR}/${segment}/`;
}

/** A paper page found in the build. */
export interface IndexedPage {
  /** `papers/2610.01092/index.html`, `/`-separated, relative to the build. */
  file: string;
  /** `2026`. */
  year: string;
  /** `2026-10`. */
  month: string;
  /** Hash of the page's indexed part (see extract.ts). */
  hash: string;
}

export interface SegmentPlan {
  /** A month of the newest year (`2026-10`) or an earlier year (`2025`): the bundle's folder. */
  segment: string;
  year: string;
  /** Sorted by file, so the index and its key do not depend on the order files were found in. */
  pages: readonly IndexedPage[];
  /** Names the piece's index in the cache: the same pages with the same indexed parts give the same key. */
  key: string;
}

export interface PlanSettings {
  /** Pagefind's version: a new one writes other files. */
  pagefindVersion: string;
  language: string;
}

/**
 * The pieces of an archive whose years and months are given newest first:
 * the newest year's months, then the earlier years, newest first.
 */
export function searchSegments(
  years: readonly { year: string; months: readonly string[] }[],
): { segment: string; year: string }[] {
  return years.flatMap(({ year, months }, index) =>
    index === 0 ? months.map((month) => ({ segment: month, year })) : [{ segment: year, year }],
  );
}

/** Groups the paper pages into pieces, newest first, each with its cache key. */
export function planSegments(pages: readonly IndexedPage[], settings: PlanSettings): SegmentPlan[] {
  const newestYear = pages.reduce((newest, page) => (page.year > newest ? page.year : newest), '');
  const bySegment = Map.groupBy(pages, (page) => (page.year === newestYear ? page.month : page.year));
  return [...bySegment.keys()]
    .sort((a, b) => compareIds(b, a))
    .map((segment) => {
      const segmentPages = [...(bySegment.get(segment) ?? [])].sort((a, b) => compareIds(a.file, b.file));
      return {
        segment,
        year: segment.slice(0, 4),
        pages: segmentPages,
        key: segmentKey(segment, segmentPages, settings),
      };
    });
}

function segmentKey(segment: string, pages: readonly IndexedPage[], settings: PlanSettings): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ format: INDEX_FORMAT, segment, unindexed: UNINDEXED_SELECTORS, ...settings }));
  for (const page of pages) hash.update(`\n${page.file}\u0000${page.hash}`);
  return hash.digest('hex').slice(0, 32);
}

/** Hash of one page's indexed part. */
export function partHash(part: string): string {
  return createHash('sha256').update(part).digest('hex');
}

/** `2026-10-<key>`, `2025-<key>`: a cache entry's folder name. */
export function cacheEntryName(plan: Pick<SegmentPlan, 'segment' | 'key'>): string {
  return `${plan.segment}-${plan.key}`;
}

/** The piece of a cache entry's folder name (`2026-10`, `2025`), or undefined for other folders. */
export function segmentOfCacheEntry(name: string): string | undefined {
  return /^(\d{4}(?:-\d{2})?)-[0-9a-f]{32}$/.exec(name)?.[1];
}
