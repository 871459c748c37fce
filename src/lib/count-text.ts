/**
 * A count with its noun: `1 paper`, `3 papers`, `2 indexes`. The site's own
 * words, the CLI's and the build log's are English, so the plural is the
 * singular plus `s` unless given.
 */
export function countText(count: number, singular = 'paper', plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

const NUMBER = new Intl.NumberFormat('en-US');

/** `20,000`: a number as messages and docs print it. */
export function formatNumber(value: number): string {
  return NUMBER.format(value);
}

/** `999 bytes`, `64 MiB`, `1.5 MiB`: a size limit or a file's size in a message. */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${Number((bytes / 1024 / 1024).toFixed(1))} MiB`
    : `${formatNumber(bytes)} bytes`;
}
