/**
 * Long lists (a topic with thousands of papers) are split into pages of a
 * fixed size, so no page grows with the archive.
 */

/** Papers per topic page. */
export const PAGE_SIZE = 50;

export interface PageSlice<T> {
  /** 1-based. */
  number: number;
  /** The number of the last page. */
  last: number;
  items: readonly T[];
  /** 0-based index of the first item on this page in the whole list. */
  start: number;
  /** Items in the whole list. */
  total: number;
}

/** Always at least one page, so an empty list still has a first page. */
export function paginate<T>(items: readonly T[], size: number = PAGE_SIZE): PageSlice<T>[] {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`page size must be a positive integer, got ${size}`);
  const last = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: last }, (_, index) => ({
    number: index + 1,
    last,
    items: items.slice(index * size, (index + 1) * size),
    start: index * size,
    total: items.length,
  }));
}

/**
 * Page numbers to link from page `current` of `last`: the first, the last and
 * a window around the current one; `undefined` stands for a gap ("…").
 */
export function pageWindow(current: number, last: number, radius = 2): (number | undefined)[] {
  const numbers: (number | undefined)[] = [];
  for (let number = 1; number <= last; number++) {
    const near = Math.abs(number - current) <= radius;
    if (number === 1 || number === last || near) numbers.push(number);
    else if (numbers.at(-1) !== undefined) numbers.push(undefined);
  }
  return numbers;
}
