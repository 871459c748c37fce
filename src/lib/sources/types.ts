/** What every source parser yields (its papers are SourcePapers: papers/source-paper.ts), before they are placed on a day. */
import type { ItemProblem, SourcePaper } from '../papers/source-paper.ts';

type PaperFields = { [K in keyof SourcePaper]: SourcePaper[K] | undefined };

/** exactOptionalPropertyTypes: a missing field is left out, never `undefined`. */
export function compactPaper(fields: PaperFields): SourcePaper {
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  ) as unknown as SourcePaper;
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
