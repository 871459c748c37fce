/**
 * Long lists (a topic with thousands of papers) are split into pages of a
 * fixed size, so no page grows with the archive, and numbered from the
 * oldest, so a numbered page keeps its papers as the list grows: a daily
 * update changes the list's newest page, not every page after it (which is
 * what lets the incremental build reuse them).
 *
 * With `size` 50 and 130 items: page 1 holds items 1–50 (counted from the
 * oldest) and the newest page, the list's own URL, holds items 51–130. The
 * newest page takes what is left after the numbered pages, `size` to
 * 2 × `size` − 1 items, so it is never nearly empty; at 150 items, 51–100
 * become page 2.
 */

/** Papers per topic page. */
export const PAGE_SIZE = 50;

export interface PageSlice<T> {
  /** 1-based, from the oldest page; the newest page's is one more than the last numbered page's. */
  number: number;
  /** The newest page, shown at the list's own URL without a number. */
  newest: boolean;
  /** How many pages have a number (all but the newest). */
  numbered: number;
  /** Newest first, as the whole list. */
  items: readonly T[];
  /** Position of the page's oldest item, counted from 1 at the oldest of the whole list. */
  first: number;
  /** Position of the page's newest item. */
  last: number;
  /** Items in the whole list. */
  total: number;
}

/** `newestFirst` in pages; always at least one (the newest), so an empty list still has a page. */
export function paginate<T>(newestFirst: readonly T[], size: number = PAGE_SIZE): PageSlice<T>[] {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`page size must be a positive integer, got ${size}`);
  const total = newestFirst.length;
  const numbered = Math.max(0, Math.floor(total / size) - 1);
  // Position p (from the oldest, 1-based) is at index total - p of the newest-first list.
  const slice = (first: number, last: number) => newestFirst.slice(total - last, total - first + 1);
  const pages: PageSlice<T>[] = Array.from({ length: numbered }, (_, index) => {
    const first = index * size + 1;
    const last = (index + 1) * size;
    return { number: index + 1, newest: false, numbered, items: slice(first, last), first, last, total };
  });
  const first = numbered * size + 1;
  pages.push({
    number: numbered + 1,
    newest: true,
    numbered,
    items: slice(first, total),
    first: Math.min(first, total),
    last: total,
    total,
  });
  return pages;
}

/**
 * Numbered pages to link from page `current` when `highest` pages have a
 * number: the first and a window around the current one, ascending;
 * `undefined` stands for a gap ("…"), also before the newest page when the
 * window stops short of `highest`. Only pages near the newest depend on
 * `highest`, so older pages' links stay the same as the list grows.
 */
export function pageWindow(current: number, highest: number, radius = 2): (number | undefined)[] {
  const from = Math.max(1, current - radius);
  const to = Math.min(highest, current + radius);
  const numbers: (number | undefined)[] = [];
  if (from > 1) numbers.push(...(from > 2 ? [1, undefined] : [1]));
  for (let number = from; number <= to; number++) numbers.push(number);
  if (to < highest) numbers.push(undefined);
  return numbers;
}
