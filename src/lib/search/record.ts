/**
 * What a paper page tells Pagefind besides its text: the metadata a search
 * result shows, the filters it can be narrowed by and the keys it can be
 * sorted by. Paper.astro prints these as `data-pagefind-*` attributes inside
 * the page's `data-pagefind-body` element, so the indexer
 * (src/lib/search/indexer.ts) reads them with the text they describe.
 */
import { formatAuthors } from '../site/authors.ts';

/** Filter names, shared by the pages, the indexer and the search page's script. */
export const FILTER = { topic: 'topic', year: 'year', month: 'month' } as const;
/** Sort keys. */
export const SORT = { date: 'date', upvotes: 'upvotes' } as const;

/** The metadata of one result, as Pagefind returns it (`result.data().meta`). */
export interface ResultMeta {
  /** Plain text, formulas as `$...$`. */
  title: string;
  /** `A, B, C et al.` */
  authors: string;
  /** Listing day, `YYYY-MM-DD`. */
  date: string;
  /** Topic titles, comma separated. */
  topics: string;
  /** Hugging Face upvotes, when the source counts them. */
  upvotes?: string;
  /** The paper's own social image, root-relative; absent while papers share the site-wide one. */
  image?: string;
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
  /** The page's og:image, absolute. */
  image: string;
  /** The site-wide og:image, absolute: a paper showing it has no image of its own. */
  defaultImage: string;
  /** The site's origin, to make our own image URLs root-relative (the search may be served elsewhere). */
  origin: string;
}

export function searchRecord(input: RecordInput): SearchRecord {
  const upvotes = input.upvotes ?? 0;
  const image = input.image === input.defaultImage ? undefined : sameOriginPath(input.image, input.origin);
  return {
    meta: {
      title: input.title,
      authors: formatAuthors(input.authors),
      date: input.date,
      topics: input.topics.map((topic) => topic.title).join(', '),
      ...(input.upvotes === undefined ? {} : { upvotes: String(input.upvotes) }),
      ...(image === undefined ? {} : { image }),
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

function sameOriginPath(url: string, origin: string): string {
  const prefix = origin.replace(/\/+$/, '');
  return url.startsWith(`${prefix}/`) ? url.slice(prefix.length) : url;
}

/** One empty element's attributes: `<span data-pagefind-meta="title[data-value]" data-value="...">`. */
export type RecordAttributes = Record<string, string>;

/**
 * The record as attributes of empty elements. Free text (titles, names) goes
 * in a `data-value` attribute that Pagefind reads with the `key[attribute]`
 * form, so commas and colons in it are never parsed; filter and sort values
 * are ids, years and days, written inline (`year:2026`).
 */
export function recordAttributes(record: SearchRecord): RecordAttributes[] {
  const meta = Object.entries(record.meta).map(([key, value]) => ({
    'data-pagefind-meta': `${key}[data-value]`,
    'data-value': value,
  }));
  const filters = Object.entries(record.filters).flatMap(([key, values]) =>
    values.map((value) => ({ 'data-pagefind-filter': `${key}:${value}` })),
  );
  const sorts = Object.entries(record.sort).map(([key, value]) => ({
    'data-pagefind-sort': `${key}:${value}`,
  }));
  return [...meta, ...filters, ...sorts];
}
