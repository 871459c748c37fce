/**
 * What a search result shows, read from Pagefind's answer (or from a paper
 * page fetched for an id search): its link, title, short author list, day,
 * upvotes, topics and excerpt. Runs in the browser; the page's script turns
 * it into text nodes.
 */
import { formatAuthors } from '../format/authors.ts';
import { FILTER } from './fields.ts';
import { excerptRuns, type ExcerptRun } from './excerpt.ts';
import type { ResultMeta } from './record.ts';

/** The part of Pagefind's `result.data()` a result is shown from. */
export interface ResultData {
  url: string;
  /** HTML: the text with `<`, `>` and `&` encoded and matches in `<mark>`. */
  excerpt: string;
  meta: ResultMeta;
  filters: Partial<Record<string, readonly string[]>>;
}

export interface ResultView {
  /** A path on this site, or undefined when the index gave something else. */
  href: string | undefined;
  title: string;
  /** `A, B, C et al.` */
  authors: string;
  /** `YYYY-MM-DD`, when known. */
  day: string | undefined;
  upvotes: number | undefined;
  topics: string[];
  excerpt: ExcerptRun[];
}

/**
 * `A, B and C` (the page's author line, which Pagefind reads as the `authors`
 * metadata) as names. A name with a comma in it reads as two; the list is
 * only shown shortened, so that costs a name at most.
 */
export function splitAuthorLine(line: string): string[] {
  const text = line.replace(/\s+/g, ' ').trim();
  if (!text) return [];
  const last = text.lastIndexOf(' and ');
  if (last < 0) return [text];
  return [...text.slice(0, last).split(', '), text.slice(last + ' and '.length)];
}

/** `url` when it is a path on this site (under the base path), else undefined. */
export function sitePath(url: string | undefined, base: string): string | undefined {
  return url !== undefined && url.startsWith(base) && !url.startsWith('//') ? url : undefined;
}

export function resultView(
  data: ResultData,
  options: { base: string; topicLabels: ReadonlyMap<string, string> },
): ResultView {
  const href = sitePath(data.url, options.base);
  const upvotes = data.filters[FILTER.upvotes]?.[0];
  return {
    href,
    title: data.meta.title || href || '',
    authors: formatAuthors(splitAuthorLine(data.meta.authors ?? '')),
    day: data.filters[FILTER.day]?.[0],
    upvotes: upvotes === undefined || !/^\d+$/.test(upvotes) ? undefined : Number(upvotes),
    topics: (data.filters[FILTER.topic] ?? []).map((topic) => options.topicLabels.get(topic) ?? topic),
    excerpt: excerptRuns(data.excerpt),
  };
}
