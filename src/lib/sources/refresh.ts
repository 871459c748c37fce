/**
 * Counts settle over the days after a paper is listed, and papers are added
 * to a day's list late, so the daily job also fetches the days before the
 * one it publishes again. It asks for them by ISO week, the API's own range:
 * a week of about 250 papers is a few requests, not one a day or a paper.
 */
import { addDays, isoWeekOf } from '../papers/dates.ts';
import type { SourcePaper } from '../papers/source-paper.ts';

/** The `count` days before `date`, oldest first; none for 0. */
export function daysBefore(date: string, count: number): string[] {
  return Array.from({ length: Math.max(0, count) }, (_, index) => addDays(date, index - count));
}

/** The ISO weeks those days fall in, oldest first: one listing range to fetch each. */
export function weeksOf(days: readonly string[]): string[] {
  return [...new Set(days.map(isoWeekOf))];
}

/**
 * The papers a week's listing returned that were listed on one of `days`:
 * a week also holds days outside the window, the day being published among them.
 */
export function listedOn(papers: readonly SourcePaper[], days: readonly string[]): SourcePaper[] {
  const wanted = new Set(days);
  return papers.filter((paper) => paper.listedOn !== undefined && wanted.has(paper.listedOn));
}
