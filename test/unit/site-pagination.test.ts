import { describe, expect, it } from 'vitest';
import { pageWindow, paginate, PAGE_SIZE } from '../../src/lib/site/pagination.ts';

describe('pagination', () => {
  it('splits a list into pages of a fixed size', () => {
    const pages = paginate(
      Array.from({ length: 7 }, (_, index) => index),
      3,
    );
    expect(pages.map((page) => [page.number, page.last, page.start, page.total, page.items])).toEqual([
      [1, 3, 0, 7, [0, 1, 2]],
      [2, 3, 3, 7, [3, 4, 5]],
      [3, 3, 6, 7, [6]],
    ]);
  });

  it('has one page for a short or empty list', () => {
    expect(paginate([1, 2])).toHaveLength(1);
    expect(paginate([])).toEqual([{ number: 1, last: 1, items: [], start: 0, total: 0 }]);
  });

  it('never puts more than PAGE_SIZE items on a page', () => {
    const pages = paginate(Array.from({ length: 5000 }, (_, index) => index));
    expect(pages).toHaveLength(Math.ceil(5000 / PAGE_SIZE));
    expect(Math.max(...pages.map((page) => page.items.length))).toBe(PAGE_SIZE);
  });

  it('refuses a page size that is not a positive integer', () => {
    expect(() => paginate([1], 0)).toThrow(RangeError);
    expect(() => paginate([1], 1.5)).toThrow(RangeError);
  });

  it('links the first, the last and the pages around the current one', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 5)).toEqual([1, 2, 3, undefined, 5]);
    expect(pageWindow(6, 12)).toEqual([1, undefined, 4, 5, 6, 7, 8, undefined, 12]);
    expect(pageWindow(12, 12)).toEqual([1, undefined, 10, 11, 12]);
    expect(pageWindow(3, 5)).toEqual([1, 2, 3, 4, 5]);
  });
});
