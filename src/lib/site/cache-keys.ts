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
import { SITE } from '../../config.ts';
import { siteTaxonomyText, topicsOf } from '../topics/index.ts';
import type { Archive, DayGroup } from './archive.ts';
import type { PaperEntry } from './entry.ts';

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

/** Lists many pages show whole, by identity: a day's papers, on each of its papers' pages. */
const listFingerprints = new WeakMap<readonly PaperEntry[], string>();

/**
 * One hash for a list of papers that many pages show whole, for their facts:
 * each of a day's 50 pages then hashes the list once between them, not 50
 * times (about 45 papers for each of 50,000 pages: two million hashes a build).
 */
export function listFingerprint(papers: readonly PaperEntry[]): string {
  let value = listFingerprints.get(papers);
  if (value === undefined) {
    const hash = createHash('sha256');
    for (const paper of papers) hash.update(paperFingerprint(paper));
    value = hash.digest('base64');
    listFingerprints.set(papers, value);
  }
  return value;
}

/**
 * The key of a page that shows `papers` and depends on `facts` (its kind,
 * dates, neighbours: whatever else it prints).
 */
export function pageKey(
  facts: readonly (string | number | undefined)[],
  papers: Iterable<PaperEntry>,
): string {
  const hash = createHash('sha256').update(SITE_KEY).update(JSON.stringify(facts));
  for (const paper of papers) hash.update(paperFingerprint(paper));
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
  return paperPageKey(paper, related, archive.dayGroup(paper.data.date));
}

/**
 * The key of a paper's page: it shows the paper, its related papers (in
 * order) and its day's papers, and links to its week.
 */
export function paperPageKey(
  paper: PaperEntry,
  related: readonly PaperEntry[],
  day: Pick<DayGroup, 'papers' | 'week'> | undefined,
): string {
  const facts = ['paper', day?.week, ...related.map((entry) => entry.id), listFingerprint(day?.papers ?? [])];
  return pageKey(facts, [paper, ...related]);
}
