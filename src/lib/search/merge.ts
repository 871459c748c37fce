/**
 * Putting the results of the year indexes in one order, a page at a time.
 *
 * Pagefind's `mergeIndex` merges indexes by score, and in a sorted search a
 * result's score is its position in its own index's order, so merged sorted
 * results would alternate between years instead of following the sort. The
 * search page therefore asks each year for its own sorted list and merges
 * them here: newest first is the years one after the other (they do not
 * overlap), most upvoted is a merge by upvotes that reads a result's upvotes
 * only when it reaches the head of its list, so showing 20 results loads at
 * most 20 + (years - 1) results' data. Runs in the browser.
 */

/** Hands out results in order, a page at a time. */
export interface ResultCursor<T> {
  /** How many results there are in all. */
  readonly total: number;
  /** The next `count` results (fewer at the end). */
  take(count: number): Promise<T[]>;
}

/** The results of one list, in its order. */
export function listCursor<T>(items: readonly T[]): ResultCursor<T> {
  let next = 0;
  return {
    total: items.length,
    take: (count) => {
      const page = items.slice(next, next + count);
      next += page.length;
      return Promise.resolve(page);
    },
  };
}

/**
 * Lists each sorted by `key`, largest first, merged into one order by the
 * same key. Ties go to the earlier list (the newer year). `key` is called at
 * most once per result, and only for results that reach the head of a list.
 */
export function mergeCursor<T>(
  lists: readonly (readonly T[])[],
  key: (item: T) => number | Promise<number>,
): ResultCursor<T> {
  const positions = lists.map(() => 0);
  const heads = new Map<T, Promise<number>>();
  const keyOf = (item: T) => {
    let value = heads.get(item);
    if (value === undefined) {
      value = Promise.resolve(key(item));
      heads.set(item, value);
    }
    return value;
  };
  const takeOne = async (): Promise<T | undefined> => {
    // The heads' keys load side by side; most are already known from the last turn.
    const candidates = lists.map((items, list) => items[positions[list] ?? 0]);
    const keys = await Promise.all(candidates.map((item) => (item === undefined ? undefined : keyOf(item))));
    let best: { list: number; key: number } | undefined;
    for (const [list, value] of keys.entries()) {
      if (value !== undefined && (best === undefined || value > best.key)) best = { list, key: value };
    }
    if (best === undefined) return undefined;
    const position = positions[best.list] ?? 0;
    positions[best.list] = position + 1;
    const item = lists[best.list]?.[position];
    if (item !== undefined) heads.delete(item);
    return item;
  };
  return {
    total: lists.reduce((sum, items) => sum + items.length, 0),
    take: async (count) => {
      const page: T[] = [];
      for (let item = count > 0 ? await takeOne() : undefined; item !== undefined;) {
        page.push(item);
        item = page.length < count ? await takeOne() : undefined;
      }
      return page;
    },
  };
}
