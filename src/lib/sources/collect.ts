/** The loop every source shares: one paper per item, bad items reported, repeats dropped. */
import { TextTooLongError } from '../papers/normalize.ts';
import type { ItemProblem, SourcePaper } from '../papers/source-paper.ts';
import type { ParseResult } from './types.ts';

/** Thrown while reading one item; becomes an ItemProblem for that item alone. */
export class ItemFieldError extends Error {}

export interface CollectOptions<T> {
  /** What the source calls an item in messages: `item`, `entry`. */
  noun: string;
  /** How an item is named in messages: `item 3 (2610.01092)`. */
  label: (number: number, item: T) => string;
  toPaper: (item: T) => SourcePaper;
}

export function collectPapers<T>(items: readonly T[], options: CollectOptions<T>): ParseResult {
  const papers: SourcePaper[] = [];
  const problems: ItemProblem[] = [];
  const firstOfId = new Map<string, number>();
  items.forEach((item, index) => {
    const number = index + 1;
    const label = options.label(number, item);
    try {
      const paper = options.toPaper(item);
      const first = firstOfId.get(paper.id);
      if (first !== undefined) {
        const earlier = `${options.noun} ${first}`;
        problems.push({ item: label, message: `the same paper as ${earlier}; kept ${earlier}` });
        return;
      }
      firstOfId.set(paper.id, number);
      papers.push(paper);
    } catch (error) {
      if (!(error instanceof ItemFieldError || error instanceof TextTooLongError)) throw error;
      problems.push({ item: label, message: error.message });
    }
  });
  return { papers, problems };
}
