/**
 * Checks and descriptions of values that the paper schema, the settings'
 * schemas and the sources share, so a URL is a URL, and a bad value is
 * shown, in every message alike.
 */
import { formatNumber } from './count-text.ts';

/**
 * Characters no hand-written text may hold (ingest removes them, see
 * papers/normalize.ts): C0 controls but tab, newline and CR; DEL and the C1
 * controls; the noncharacters U+FFFE and U+FFFF; and the bidi embeddings,
 * overrides and isolates, which reorder what follows them on the page and in
 * the terminal.
 */
export const UNSAFE_CHARACTER = /(?![\t\n\r])\p{Cc}|[\uFFFE\uFFFF\u202A-\u202E\u2066-\u2069]/u;

/** An absolute http(s) URL, written with its `http://` or `https://`. */
export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value) || !URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === 'http:' || protocol === 'https:';
}

/** A string as a message quotes it: in JSON quotes, cut after 57 characters, nothing unsafe raw. */
export function quotedValue(value: string): string {
  if (value.length <= 60) return escapeUnsafe(JSON.stringify(value));
  const start = escapeUnsafe(JSON.stringify(`${value.slice(0, 57)}...`));
  return value.length > 1_000 ? `${start} (${formatNumber(value.length)} characters)` : start;
}

/** Any value as a message's "got …" says it. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (value instanceof Date) return `the date ${value.toISOString().slice(0, 10)}`;
  if (typeof value === 'string') return quotedValue(value);
  if (Array.isArray(value)) return value.length > 100 ? `a list of ${formatNumber(value.length)}` : 'a list';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

/** JSON.stringify escapes C0 controls but not C1, bidi or U+FFFE: escape those too, for the terminal. */
function escapeUnsafe(quoted: string): string {
  return quoted.replace(
    new RegExp(UNSAFE_CHARACTER.source, 'gu'),
    (character) => `\\u${(character.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
}
