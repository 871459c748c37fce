import { describe, expect, it } from 'vitest';
import { pageWindow, paginate, PAGE_SIZE } from '../../src/lib/site/pagination.ts';

/** A list newest first: 1 is the newest item, n the oldest. */
const newestFirst = (n: number) => Array.from({ length: n }, (_, index) => index + 1);

describe('pagination', () => {
  it('numbers full pages from the oldest and leaves the rest to the newest page', () => {
    const pages = paginate(newestFirst(8), 3);
    expect(pages.map((page) => [page.number, page.newest, page.first, page.last, page.items])).toEqual([
      [1, false, 1, 3, [6, 7, 8]],
      [2, true, 4, 8, [1, 2, 3, 4, 5]],
    ]);
    expect(pages.every((page) => page.numbered === 1 && page.total === 8)).toBe(true);
  });

  it('keeps every numbered page as it was when items are added', () => {
    const before = paginate(newestFirst(20), 3);
    const after = paginate([0, -1, -2, -3, ...newestFirst(20)], 3);
    for (const page of before.filter((page) => !page.newest)) {
      const same = after.find((other) => other.number === page.number);
      expect(same?.items).toEqual(page.items);
      expect(same?.newest).toBe(false);
    }
  });

  it('has one page for a short or empty list', () => {
    expect(paginate([1, 2])).toHaveLength(1);
    expect(paginate([])).toEqual([
      { number: 1, newest: true, numbered: 0, items: [], first: 0, last: 0, total: 0 },
    ]);
    expect(paginate(newestFirst(2 * PAGE_SIZE - 1))).toHaveLength(1);
  });

  it('never puts fewer than PAGE_SIZE or more than twice as many items on the newest page', () => {
    for (const n of [PAGE_SIZE, PAGE_SIZE + 1, 2 * PAGE_SIZE - 1, 2 * PAGE_SIZE, 5000, 5049]) {
      const pages = paginate(newestFirst(n));
      const newest = pages.at(-1)!;
      expect(newest.items.length).toBeGreaterThanOrEqual(PAGE_SIZE);
      expect(newest.items.length).toBeLessThan(2 * PAGE_SIZE);
      expect(pages.slice(0, -1).every((page) => page.items.length === PAGE_SIZE)).toBe(true);
      expect(pages.flatMap((page) => page.items)).toHaveLength(n);
    }
  });

  it('refuses a page size that is not a positive integer', () => {
    expect(() => paginate([1], 0)).toThrow(RangeError);
    expect(() => paginate([1], 1.5)).toThrow(RangeError);
  });

  it('links the first page and the pages around the current one, with gaps', () => {
    expect(pageWindow(1, 0)).toEqual([]);
    expect(pageWindow(2, 1)).toEqual([1]);
    expect(pageWindow(1, 5)).toEqual([1, 2, 3, undefined]);
    expect(pageWindow(6, 12)).toEqual([1, undefined, 4, 5, 6, 7, 8, undefined]);
    expect(pageWindow(13, 12)).toEqual([1, undefined, 11, 12]);
    expect(pageWindow(3, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it('gives the same links to a page far from the newest however long the list grows', () => {
    expect(pageWindow(6, 40)).toEqual(pageWindow(6, 12));
  });
});
