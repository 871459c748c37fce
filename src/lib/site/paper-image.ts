/**
 * The social image a paper's page points to: the paper's own card while it
 * is among the newest papers, its day's card after that (src/lib/og/policy.ts).
 * The page and its cache key both ask here, so a paper whose card moves to
 * its day's is rebuilt.
 */
import { SITE } from '../../settings.ts';
import { dayOgImage, paperOgImage, type OgImage } from '../og/inputs.ts';
import { hasOwnCard, ownCardsFrom } from '../og/policy.ts';
import type { Archive, DayGroup } from '../archive/index.ts';
import type { PaperEntry } from '../papers/entry.ts';

const ownCardsFromByArchive = new WeakMap<Archive, string | undefined>();

/** The first listing day whose papers have cards of their own, in this archive. */
export function archiveOwnCardsFrom(archive: Archive): string | undefined {
  if (!ownCardsFromByArchive.has(archive))
    ownCardsFromByArchive.set(archive, ownCardsFrom(archive.latest?.date, SITE.og.paperCardDays));
  return ownCardsFromByArchive.get(archive);
}

/** A day's card, worked out once for the day's papers rather than once for each. */
const dayImages = new WeakMap<DayGroup, OgImage>();

export function paperPageImage(archive: Archive, paper: PaperEntry): OgImage {
  if (hasOwnCard(paper.data.date, archiveOwnCardsFrom(archive))) return paperOgImage(paper);
  const day = archive.dayGroup(paper.data.date);
  if (!day) return dayOgImage(paper.data.date, [paper]);
  let image = dayImages.get(day);
  if (image === undefined) {
    image = dayOgImage(day.date, day.papers);
    dayImages.set(day, image);
  }
  return image;
}
