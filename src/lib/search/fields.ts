/**
 * The names search shares between the paper pages, the indexer and the
 * search page's script. Runs in the browser too: no imports here (record.ts
 * pulls in KaTeX, which the search page must not load).
 *
 * Since Pagefind 1.5 every metadata field is searched as well as the text, so
 * only what a reader may type goes into metadata (the title and the authors);
 * the facts a result shows besides them (its day, topics and upvotes) are
 * filters, which are never searched by words.
 */

/** Metadata: searched, and shown with the result. */
export const META = { title: 'title', authors: 'authors' } as const;

/**
 * Filters. The search page narrows by topic, year and month; `day` and
 * `upvotes` are only read back from a result (its listing day, its count),
 * because as metadata "2026" or "42" would find every paper with that day
 * or count.
 */
export const FILTER = {
  topic: 'topic',
  year: 'year',
  month: 'month',
  day: 'day',
  upvotes: 'upvotes',
} as const;

/** Sort keys. */
export const SORT = { date: 'date', upvotes: 'upvotes' } as const;

/**
 * A filter the search page adds to every page of each piece of the index as
 * it loads it (Pagefind's `mergeFilter`; bundles.ts names the pieces), so a
 * search can count, ask or leave out one piece without loading a filter index.
 */
export const PIECE_FILTER = 'piece';

/**
 * What Pagefind leaves out of the indexed text besides `data-pagefind-ignore`:
 * KaTeX prints a formula three times (MathML, its TeX source in an
 * `<annotation>`, and HTML for the eye); only the TeX source is indexed, so
 * an excerpt reads `\alpha^2 + \beta` once.
 */
export const UNINDEXED_SELECTORS = ['.katex-html', '.katex-mathml semantics > :not(annotation)'] as const;

/**
 * How much a word found in a metadata field adds to a result's score
 * (Pagefind's `ranking.metaWeights`; 5 and 1 by default). The authors count
 * double, so a name finds that person's papers before papers that mention it.
 */
export const META_WEIGHTS: Record<(typeof META)[keyof typeof META], number> = { title: 5, authors: 2 };
