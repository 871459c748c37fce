/**
 * The one order of papers within a day, week, month or topic list. Ties are
 * broken by id with plain code-unit comparison (not `localeCompare`), so the
 * order never depends on the machine's locale.
 */
import type { PaperEntry } from './entry.ts';

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Most upvotes first (a paper without a count has 0), then by id. */
export function compareByRank(a: PaperEntry, b: PaperEntry): number {
  return (b.data.upvotes ?? 0) - (a.data.upvotes ?? 0) || compareIds(a.id, b.id);
}

/** Newest listing day first, then by rank within the day. */
export function compareNewest(a: PaperEntry, b: PaperEntry): number {
  return compareIds(b.data.date, a.data.date) || compareByRank(a, b);
}

/** A ranked copy; the input is left alone. */
export function rankPapers<T extends PaperEntry>(papers: readonly T[]): T[] {
  return [...papers].sort(compareByRank);
}

/** The `limit` best-ranked papers. */
export function topPapers<T extends PaperEntry>(papers: readonly T[], limit: number): T[] {
  return rankPapers(papers).slice(0, Math.max(0, limit));
}
