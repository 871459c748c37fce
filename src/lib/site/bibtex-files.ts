/**
 * The BibTeX files of a day and of a week (`/days/<date>.bib`,
 * `/weeks/<week>.bib`): every paper listed there, with the entry its own
 * page shows. Papers go in id order, day by day, not in the ranking, so new
 * counts leave the files as they were.
 */
import type { DayGroup, WeekGroup } from '../archive/index.ts';
import { bibtexBundle } from './citation.ts';
import type { PaperEntry } from '../papers/entry.ts';
import { compareIds } from '../papers/ranking.ts';
import { urls } from './urls.ts';

export function dayBibtexPapers(day: DayGroup): PaperEntry[] {
  return [...day.papers].sort((a, b) => compareIds(a.id, b.id));
}

export function weekBibtexPapers(week: WeekGroup): PaperEntry[] {
  return week.days.flatMap(dayBibtexPapers);
}

export function bibtexFile(papers: readonly PaperEntry[]): string {
  return bibtexBundle(papers, (paper) => urls.absolute(urls.paper(paper.id)));
}
