/**
 * Keeps the last value made while its key stays the same: for what is costly
 * to make and changes rarely, such as the dev server's archive (kept by the
 * state of the content files, src/site-archive.ts). A promise that rejects
 * is forgotten, so the next call tries again.
 */
export function lastMade<T>(): (key: string, make: () => Promise<T>) => Promise<T> {
  let last: { key: string; value: Promise<T> } | undefined;
  return (key, make) => {
    if (last?.key === key) return last.value;
    const value = make();
    const made = { key, value };
    last = made;
    value.catch(() => {
      if (last === made) last = undefined;
    });
    return value;
  };
}
