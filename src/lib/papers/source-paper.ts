/**
 * A paper as a source parser yields it (src/lib/sources/), which ingest.ts
 * places on a day and merges into the store.
 */

/** One paper as a source describes it, with text already normalised. */
export interface SourcePaper {
  /** arXiv id without version, or a title slug for papers without one. */
  id: string;
  title: string;
  authors: string[];
  /** The abstract as Markdown (see `abstractToMarkdown`). */
  abstract: string;
  /** The listing day the source states, `YYYY-MM-DD`. */
  listedOn?: string;
  published?: string;
  updated?: string;
  upvotes?: number;
  comments?: number;
  github?: string;
  projectPage?: string;
  submittedBy?: string;
  keywords?: string[];
  categories?: string[];
  primaryCategory?: string;
  aiSummary?: string;
  thumbnail?: string;
}

/** A paper the source described but that could not be used. */
export interface ItemProblem {
  /** Which item: `item 3 (2610.01092)`. */
  item: string;
  /** What is wrong: `field "title": expected non-empty text, got null`. */
  message: string;
}
