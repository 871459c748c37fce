/** What every source parser yields, before the paper is placed on a day. */

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

type PaperFields = { [K in keyof SourcePaper]: SourcePaper[K] | undefined };

/** exactOptionalPropertyTypes: a missing field is left out, never `undefined`. */
export function compactPaper(fields: PaperFields): SourcePaper {
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  ) as unknown as SourcePaper;
}

/** A paper the source described but that could not be used. */
export interface ItemProblem {
  /** Which item: `item 3 (2610.01092)`. */
  item: string;
  /** What is wrong: `field "title": expected non-empty text, got null`. */
  message: string;
}

export interface ParseResult {
  papers: SourcePaper[];
  problems: ItemProblem[];
}

/**
 * A problem with a whole input (malformed JSON, wrong shape, HTTP error):
 * the CLI prints its message on one line, without a stack trace.
 */
export class InputError extends Error {
  override name = 'InputError';
}
