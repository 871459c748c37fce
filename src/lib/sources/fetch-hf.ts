/**
 * Download one day (or one ISO week, the API's own range) of the Hugging
 * Face Daily Papers list, page by page, and hand it on as the single JSON
 * array the hf parser reads from a file.
 */
import { isIsoDay } from '../papers/dates.ts';
import { fetchText, type FetchOptions } from './http.ts';
import { InputError } from './types.ts';

export const DEFAULT_HF_PAGE_SIZE = 100;
/** Far above any real day, even at a server-side cap below the page size: reaching it is an error (a looping server). */
export const DEFAULT_HF_MAX_PAGES = 20;

export interface FetchHfOptions extends FetchOptions {
  endpoint: string;
  pageSize?: number | undefined;
  maxPages?: number | undefined;
  /** After each page: its number (from 0) and the papers collected so far. */
  onPage?: ((page: number, itemsSoFar: number) => void) | undefined;
}

/**
 * Returns the day's items as `JSON.stringify(items, null, 2)`. Stops at the
 * first empty page or at a page with nothing new (a server that ignores `p`
 * and repeats itself). A page shorter than `limit` does not end the list: the
 * server may cap pages below what we asked for, and the API gives no total.
 * Still finding new papers after `maxPages` (a server inventing ids) is an
 * InputError naming the cap. A paper listed on two pages (the list shifted
 * while we paged) is kept once, where first seen.
 */
export async function fetchHfDay(date: string, options: FetchHfOptions): Promise<string> {
  if (!isIsoDay(date)) throw new InputError(`date: "${date}" is not a day such as 2026-10-03`);
  return fetchHfRange({ date }, options);
}

/** What one listing request names: a day, or an ISO week (`2026-W40`). */
export type HfRange = { date: string } | { week: string };

/** An ISO week of the list, as fetchHfDay fetches a day; `week` is the week of a day, as isoWeekOf gives. */
export async function fetchHfWeek(week: string, options: FetchHfOptions): Promise<string> {
  // A caller's mistake, not input: weeks come from isoWeekOf.
  if (!/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/.test(week)) throw new RangeError(`not an ISO week: ${week}`);
  return fetchHfRange({ week }, options);
}

async function fetchHfRange(range: HfRange, options: FetchHfOptions): Promise<string> {
  const pageSize = options.pageSize ?? DEFAULT_HF_PAGE_SIZE;
  const maxPages = options.maxPages ?? DEFAULT_HF_MAX_PAGES;
  // Caller mistakes, not input problems: a page size of 0 would never end a page.
  if (!isPositiveInteger(pageSize))
    throw new RangeError(`pageSize must be a positive integer, got ${pageSize}`);
  if (!isPositiveInteger(maxPages))
    throw new RangeError(`maxPages must be a positive integer, got ${maxPages}`);
  const items: unknown[] = [];
  const seen = new Set<string>();

  for (let page = 0; page < maxPages; page++) {
    const url = rangePageUrl(options.endpoint, range, page, pageSize);
    const pageItems = parsePage(
      url,
      await fetchText(url, { ...options, accept: options.accept ?? 'application/json' }),
    );
    const fresh = pageItems.filter((item) => {
      const key = itemKey(item);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    items.push(...fresh);
    options.onPage?.(page, items.length);
    if (fresh.length === 0) return JSON.stringify(items, null, 2);
  }
  throw new InputError(
    `GET ${rangePageUrl(options.endpoint, range, maxPages - 1, pageSize)}: still new papers after ` +
      `${maxPages} pages (the page cap, maxPages ${maxPages}); stopped with ${items.length} papers ` +
      `rather than follow a server that never ends its list`,
  );
}

export function hfPageUrl(endpoint: string, date: string, page: number, pageSize: number): string {
  return rangePageUrl(endpoint, { date }, page, pageSize);
}

function rangePageUrl(endpoint: string, range: HfRange, page: number, pageSize: number): string {
  const url = new URL(endpoint);
  if ('date' in range) url.searchParams.set('date', range.date);
  else url.searchParams.set('week', range.week);
  url.searchParams.set('p', String(page));
  url.searchParams.set('limit', String(pageSize));
  return url.toString();
}

function parsePage(url: string, text: string): unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(`GET ${url}: expected a JSON array, got invalid JSON (${oneLine(reason)})`);
  }
  if (!Array.isArray(value)) {
    throw new InputError(`GET ${url}: expected a JSON array, got ${describeJson(value)}`);
  }
  return value;
}

/** The paper id when there is one; otherwise the item itself stands for its identity. */
function itemKey(item: unknown): string {
  const paper = isRecord(item) ? item['paper'] : undefined;
  const id = isRecord(paper) ? paper['id'] : undefined;
  return typeof id === 'string' ? `id:${id}` : `json:${JSON.stringify(item)}`;
}

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (isRecord(value)) return 'an object';
  return `a ${typeof value}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPositiveInteger(value: number): boolean {
  return Number.isInteger(value) && value > 0;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
