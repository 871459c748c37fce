/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`
 * in astro.config.mjs): a page whose key, and whose code, are the same as at
 * the last build is kept (left in dist/, or copied from Astro's cache)
 * instead of being rendered.
 *
 * A key must change whenever what the page shows changes, so it hashes every
 * input that is not code: the site's settings, the taxonomy (topic names), the
 * route's own facts (dates, neighbours) and every paper the page lists, each
 * with its topics. Keys are only compared, never shown.
 */
import { createHash } from 'node:crypto';
import { SITE } from '../../settings.ts';
import { siteTaxonomyText, topicsOf } from './topics.ts';
import { dayNeighbours, type Archive } from '../archive/index.ts';
import { paperPageImage } from './paper-image.ts';
import type { PaperEntry } from '../papers/entry.ts';

/**
 * The settings pages print. Not the content folder or cache folders: moving
 * those (as CI or the tests do) changes no page.
 */
const PRINTED_SETTINGS = {
  title: SITE.title,
  description: SITE.description,
  url: SITE.url,
  base: SITE.base,
  language: SITE.language,
  og: SITE.og,
};

const SITE_KEY = createHash('sha256')
  .update(JSON.stringify(PRINTED_SETTINGS))
  .update('\0')
  .update(siteTaxonomyText)
  .digest('hex');

/** A paper's data, abstract and topics; kept per entry, as a paper appears on several pages. */
const fingerprints = new WeakMap<PaperEntry, string>();

export function paperFingerprint(paper: PaperEntry): string {
  let value = fingerprints.get(paper);
  if (value === undefined) {
    const topics = topicsOf(paper).join(',');
    // The content layer's digest is a hash of the paper's file: its data and abstract.
    value =
      paper.digest === undefined
        ? createHash('sha256')
            .update(JSON.stringify([paper.id, paper.data, paper.body ?? '', topics]))
            .digest('base64')
        : JSON.stringify([paper.id, paper.digest, topics]);
    fingerprints.set(paper, value);
  }
  return value;
}

const listedFingerprints = new WeakMap<PaperEntry, string>();

/**
 * What a compact card or a related row shows of a paper: id, title,
 * authors, day and topics, not its counts or abstract. A page that lists
 * papers so keeps its key when a refresh brings new counts.
 */
export function listedFingerprint(paper: PaperEntry): string {
  let value = listedFingerprints.get(paper);
  if (value === undefined) {
    const { title, authors, date } = paper.data;
    value = JSON.stringify([paper.id, title, authors, date, topicsOf(paper)]);
    listedFingerprints.set(paper, value);
  }
  return value;
}

const citedFingerprints = new WeakMap<PaperEntry, string>();

/** What a BibTeX entry shows of a paper (src/lib/site/citation.ts): not its abstract, topics or counts. */
export function citedFingerprint(paper: PaperEntry): string {
  let value = citedFingerprints.get(paper);
  if (value === undefined) {
    const { title, authors, date, published, primaryCategory, categories } = paper.data;
    value = JSON.stringify([paper.id, title, authors, date, published, primaryCategory, categories]);
    citedFingerprints.set(paper, value);
  }
  return value;
}

/**
 * The key of a page that shows `papers` and depends on `facts` (its kind,
 * dates, neighbours: whatever else it prints). `fingerprint` says what of a
 * paper the page shows: all of it by default, listedFingerprint for lists
 * without counts or abstracts.
 */
export function pageKey(
  facts: readonly (string | number | undefined)[],
  papers: Iterable<PaperEntry>,
  fingerprint: (paper: PaperEntry) => string = paperFingerprint,
): string {
  const hash = createHash('sha256').update(SITE_KEY).update(JSON.stringify(facts));
  for (const paper of papers) hash.update(fingerprint(paper));
  return hash.digest('base64');
}

/** A page's facts as one string for `pageKey`; sets become arrays (JSON would print `{}`). */
export function factsText(facts: unknown): string {
  return JSON.stringify(facts, (_key, value: unknown) => (value instanceof Set ? [...value] : value));
}

/** The key of the page of a paper of the archive, whose related papers are given by id. */
export function archivePaperPageKey(
  archive: Archive,
  paper: PaperEntry,
  relatedIds: readonly string[],
): string {
  const related = relatedIds.flatMap((id) => archive.paper(id) ?? []);
  const day = archive.dayGroup(paper.data.date);
  const image = paperPageImage(archive, paper);
  return paperPageKey(paper, related, {
    dayTotal: day?.papers.length ?? 1,
    counted: day?.counted ?? false,
    ...dayNeighbours(archive, paper),
    image: `${image.path} ${image.alt}`,
  });
}

/** What a paper's page shows of its day: the day's size and links to its neighbours in the day's list. */
export interface PaperPageFacts {
  dayTotal: number;
  /** Whether its day has counts: the page shows its own only then. */
  counted: boolean;
  prev: PaperEntry | undefined;
  next: PaperEntry | undefined;
  /** The social image's path and alt text. */
  image: string;
}

/**
 * The key of a paper's page: it shows the paper and its related papers (in
 * order), and links to its day and to the papers before and after it there.
 * Nothing else of the day: a change to another paper of the day, a
 * neighbour's title or counts included, leaves this page as it was.
 */
export function paperPageKey(
  paper: PaperEntry,
  related: readonly PaperEntry[],
  facts: PaperPageFacts,
): string {
  const keyFacts = [
    'paper',
    facts.dayTotal,
    facts.counted ? 'counted' : 'uncounted',
    facts.image,
    facts.prev?.id,
    facts.next?.id,
    // Related rows show title and day: a related paper's new counts leave this page as it was.
    ...related.map(listedFingerprint),
  ];
  return pageKey(keyFacts, [paper]);
}
