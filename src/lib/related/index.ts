/** Related papers for the site's entries: the whole archive's lists in one pass, each from its paper's past. */
import { roughPlainText } from '../papers/plain-text.ts';
import type { PaperEntry } from '../papers/entry.ts';
import { relatedPapers } from './related.ts';

export const RELATED_LIMIT = 5;

export function relatedIndex(papers: readonly PaperEntry[]): Map<string, string[]> {
  return relatedPapers(
    papers.map((paper) => ({
      id: paper.id,
      date: paper.data.date,
      title: paper.data.title,
      abstract: roughPlainText(paper.body ?? ''),
    })),
    RELATED_LIMIT,
  );
}
