/**
 * What a paper page tells Pagefind besides its text: the metadata a search
 * result shows, the filters it can be narrowed by and the keys it can be
 * sorted by. Paper.astro prints these as `data-pagefind-*` attributes inside
 * the page's `data-pagefind-body` element, so the indexer
 * (src/lib/search/indexer.ts) reads them with the text they describe.
 */
import { formatAuthors } from '../site/authors.ts';
import { textRuns } from '../site/math.ts';

/** Filter names, shared by the pages, the indexer and the search page's script. */
export const FILTER = { topic: 'topic', year: 'year', month: 'month' } as const;
/** Sort keys. */
export const SORT = { date: 'date', upvotes: 'upvotes' } as const;

/** The metadata of one result, as Pagefind returns it (`result.data().meta`). */
export interface ResultMeta {
  /**
   * Plain text, formulas as `$...$`. Written only for a title with formulas:
   * Pagefind takes any other title from the page's `<h1>`, which is the same text.
   */
  title?: string;
  /** `A, B, C et al.` */
  authors: string;
  /** Listing day, `YYYY-MM-DD`. */
  date: string;
  /** Topic titles, comma separated. */
  topics: string;
  /** Hugging Face upvotes, when the source counts them. */
  upvotes?: string;
}

export interface SearchRecord {
  meta: ResultMeta;
  filters: Record<(typeof FILTER)[keyof typeof FILTER], readonly string[]>;
  sort: Record<(typeof SORT)[keyof typeof SORT], string>;
}

export interface RecordInput {
  title: string;
  authors: readonly string[];
  /** `YYYY-MM-DD` */
  date: string;
  topics: readonly { id: string; title: string }[];
  upvotes: number | undefined;
}

export function searchRecord(input: RecordInput): SearchRecord {
  const upvotes = input.upvotes ?? 0;
  return {
    meta: {
      ...(textRuns(input.title).some((run) => run.kind === 'math') ? { title: input.title } : {}),
      authors: formatAuthors(input.authors),
      date: input.date,
      topics: input.topics.map((topic) => topic.title).join(', '),
      ...(input.upvotes === undefined ? {} : { upvotes: String(input.upvotes) }),
    },
    filters: {
      topic: input.topics.map((topic) => topic.id),
      year: [input.date.slice(0, 4)],
      month: [input.date.slice(0, 7)],
    },
    // Pagefind leaves a page out of a sorted search when it lacks the key, so
    // a paper without upvotes sorts as 0 rather than vanishing.
    sort: { date: input.date, upvotes: String(upvotes) },
  };
}

/** A value Pagefind reads unchanged after `key:` (a day, a count), so it needs no attribute of its own. */
const INLINE_VALUE = /^[\w.-]+$/;

/** One empty element's attributes: `<span data-pagefind-meta="title[data-value]" data-value="...">`. */
export type RecordAttributes = Record<string, string>;

/**
 * The record as attributes of a few empty elements. Free text (titles, names) goes
 * in a `data-value` attribute that Pagefind reads with the `key[attribute]`
 * form, so commas and colons in it are never parsed; filter and sort values,
 * and metadata that are days or counts, are written inline (`year:2026`).
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
