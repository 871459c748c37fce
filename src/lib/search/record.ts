/**
 * What a paper page tells Pagefind besides its text: the metadata a search
 * result shows, the filters it can be narrowed by and the keys it can be
 * sorted by. Paper.astro prints these as `data-pagefind-*` attributes inside
 * the page's `data-pagefind-body` element, so the indexer
 * (src/lib/search/indexer.ts) reads them with the text they describe.
 *
 * The indexed text is the abstract and the keywords only, so excerpts come
 * from the abstract. The title and authors are searched as metadata (see
 * fields.ts): Pagefind takes the title from the page's `<h1>` and the authors
 * from the page's author line (`data-pagefind-meta="authors"`), both in an
 * ignored header, so they are written once.
 */
import { textRuns } from '../format/math.ts';
import { FILTER, SORT } from './fields.ts';

/** The metadata of one result, as Pagefind returns it (`result.data().meta`). */
export interface ResultMeta {
  /**
   * Plain text, formulas as `$...$`. Written only for a title with formulas:
   * Pagefind takes any other title from the page's `<h1>`, which is the same text.
   */
  title?: string;
  /** Every author, `A, B and C`: from the page's author line, not from the record. */
  authors?: string;
}

export interface SearchRecord {
  meta: Pick<ResultMeta, 'title'>;
  filters: Partial<Record<(typeof FILTER)[keyof typeof FILTER], readonly string[]>>;
  sort: Record<(typeof SORT)[keyof typeof SORT], string>;
}

export interface RecordInput {
  title: string;
  /** Searched from the page's author line; not part of the record. */
  authors: readonly string[];
  /** `YYYY-MM-DD` */
  date: string;
  topics: readonly { id: string; title: string }[];
  upvotes: number | undefined;
}

export function searchRecord(input: RecordInput): SearchRecord {
  return {
    meta: textRuns(input.title).some((run) => run.kind === 'math') ? { title: input.title } : {},
    filters: {
      topic: input.topics.map((topic) => topic.id),
      year: [input.date.slice(0, 4)],
      month: [input.date.slice(0, 7)],
      day: [input.date],
      ...(input.upvotes === undefined ? {} : { upvotes: [String(input.upvotes)] }),
    },
    // Pagefind leaves a page out of a sorted search when it lacks the key, so
    // a paper without upvotes sorts as 0 rather than vanishing.
    sort: { date: input.date, upvotes: String(input.upvotes ?? 0) },
  };
}

/** A value Pagefind reads unchanged after `key:` (a day, a count), so it needs no attribute of its own. */
const INLINE_VALUE = /^[\w.-]+$/;

/** One empty element's attributes: `<span data-pagefind-meta="title[data-value]" data-value="...">`. */
export type RecordAttributes = Record<string, string>;

/**
 * The record as attributes of a few empty elements. Free text (a title) goes
 * in a `data-value` attribute that Pagefind reads with the `key[attribute]`
 * form, so commas and colons in it are never parsed; filter and sort values
 * are written inline (`year:2026`).
 */
export function recordAttributes(record: SearchRecord): RecordAttributes[] {
  const meta = Object.entries(record.meta).map(([key, value]) =>
    INLINE_VALUE.test(value)
      ? { 'data-pagefind-meta': `${key}:${value}` }
      : { 'data-pagefind-meta': `${key}[data-value]`, 'data-value': value },
  );
  const filters = Object.entries(record.filters).flatMap(([key, values]) =>
    values.map((value) => ({ 'data-pagefind-filter': `${key}:${value}` })),
  );
  const sorts = Object.entries(record.sort).map(([key, value]) => ({
    'data-pagefind-sort': `${key}:${value}`,
  }));
  // Pagefind reads each kind of attribute on its own, so one element carries a
  // meta, a filter and a sort key at once: fewer elements, fewer bytes a page.
  const count = Math.max(meta.length, filters.length, sorts.length);
  return Array.from({ length: count }, (_, index) => ({
    ...meta[index],
    ...filters[index],
    ...sorts[index],
  }));
}
