/**
 * Which papers have a social card of their own. A card costs about as many
 * bytes as the paper's page and everything else it brings to the site put
 * together, so only the papers listed in the newest `paperCardDays` days of
 * the archive get one; an older paper's page shows its day's card, which
 * names the day's best-ranked titles. The window is counted from the
 * archive's newest day, not the clock, so the same content always builds the
 * same site. See docs/hosting.md for the figures behind the default.
 */
import { addDays } from '../papers/dates.ts';

/** The first listing day whose papers have cards of their own, or undefined when none do. */
export function ownCardsFrom(newestDay: string | undefined, paperCardDays: number): string | undefined {
  if (newestDay === undefined || !(paperCardDays > 0)) return undefined;
  if (!Number.isFinite(paperCardDays)) return '0000-01-01';
  return addDays(newestDay, 1 - Math.floor(paperCardDays));
}

/** Whether a paper listed on `date` has a card of its own, given `ownCardsFrom`'s answer. */
export function hasOwnCard(date: string, from: string | undefined): boolean {
  return from !== undefined && date >= from;
}

/** The newest listing day of `papers`, or undefined for none. */
export function newestDayOf(papers: Iterable<{ data: { date: string } }>): string | undefined {
  let newest: string | undefined;
  for (const paper of papers) if (newest === undefined || paper.data.date > newest) newest = paper.data.date;
  return newest;
}
