/**
 * The papers collection, its archive index and its related lists, made once
 * per build. Every route's getStaticPaths and several pages need them;
 * `getCollection` returns fresh entry objects on each call, so a dozen routes
 * each copied 50,000 entries and indexed them again. The dev server reloads
 * content as it changes, so there they are made again whenever the papers'
 * files changed (content-key.ts), and kept from one page request to the next
 * otherwise.
 *
 * A build that reuses the last one's work (src/lib/build-reuse.ts) also keeps
 * its topics and related lists in OPERATOR.buildCacheDir for the next one
 * (src/lib/topics/saved.ts, src/lib/related/saved.ts), so a daily build
 * classifies and scores only what is new.
 */
import { getCollection } from 'astro:content';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { OPERATOR } from './settings.ts';
import { buildCodeVersion, buildNotes, projectRoot } from './lib/build-record.ts';
import { writeAtomically } from './lib/cache-file.ts';
import { readBodiesOnDemand } from './lib/papers/bodies.ts';
import { recordBuiltPapers } from './lib/papers/built-papers.ts';
import { roughPlainText } from './lib/papers/plain-text.ts';
import { RELATED_LIMIT, relatedIndex } from './lib/related/index.ts';
import { readSavedRelated, relatedWithSaved } from './lib/related/saved.ts';
import { buildArchive, type Archive } from './lib/archive/index.ts';
import { contentKey } from './lib/site/content-key.ts';
import { lastMade } from './lib/last-made.ts';
import type { PaperEntry } from './lib/papers/entry.ts';
import { siteTaxonomyText, siteTopics } from './lib/site/topics.ts';
import { readSavedTopics, savedTopicsText } from './lib/topics/saved.ts';

export interface SiteArchive {
  papers: readonly PaperEntry[];
  archive: Archive;
  /** Each paper's related papers' ids, by paper id; worked out on the first call. */
  related(): Promise<Map<string, string[]>>;
}

const TOPICS_FILE = 'topics.json';
const RELATED_FILE = 'related.json';

let loaded: Promise<SiteArchive> | undefined;

/** The dev server's archive, kept by the content it was made from. */
const devArchive = lastMade<SiteArchive>();

export async function siteArchive(): Promise<SiteArchive> {
  if (!import.meta.env.DEV)
    return (loaded ??= getCollection('papers').then((entries) =>
      load(entries, buildCodeVersion() !== undefined),
    ));
  const entries = await getCollection('papers');
  return devArchive(contentKey(entries), () => load(entries, false));
}

async function load(entries: PaperEntry[], keep: boolean): Promise<SiteArchive> {
  // The store keeps no abstracts: each is read from its file when a page needs it.
  const papers = readBodiesOnDemand(entries, projectRoot());
  // For the steps after the pages (social images, topic report): see the module.
  recordBuiltPapers(papers);
  const build = () => buildArchive(papers, { topicsOf: siteTopics.topicsOf });
  const archive = keep ? await withSavedTopics(build) : build();
  let related: Promise<Map<string, string[]>> | undefined;
  return {
    papers,
    archive,
    related: () => (related ??= keep ? relatedWithSavedLists(papers) : Promise.resolve(relatedIndex(papers))),
  };
}

async function withSavedTopics(build: () => Archive): Promise<Archive> {
  const file = path.resolve(OPERATOR.buildCacheDir, TOPICS_FILE);
  const version = versionOf(siteTaxonomyText);
  const saved = readSavedTopics(file, version);
  siteTopics.remember(saved);
  const archive = build();
  const classifications = siteTopics.classifications();
  const kept = [...classifications].filter(([key, value]) => saved.get(key) === value).length;
  buildNotes().push(
    `topics: ${kept} papers kept from the last build, ${classifications.size - kept} classified`,
  );
  if (kept !== classifications.size || saved.size !== classifications.size)
    await writeAtomically(file, savedTopicsText(classifications, version));
  return archive;
}

async function relatedWithSavedLists(papers: readonly PaperEntry[]): Promise<Map<string, string[]>> {
  const file = path.resolve(OPERATOR.buildCacheDir, RELATED_FILE);
  const outcome = relatedWithSaved(
    papers.map((paper) => ({
      id: paper.id,
      date: paper.data.date,
      title: paper.data.title,
      digest: paper.digest,
      // Read only for the days scored (bodies.ts).
      get body() {
        return paper.body ?? '';
      },
    })),
    { count: RELATED_LIMIT, abstract: roughPlainText, version: versionOf() },
    readSavedRelated(file),
  );
  buildNotes().push(
    `related papers: ${outcome.daysReused} days kept from the last build, ${outcome.daysScored} scored`,
  );
  if (outcome.save) await writeAtomically(file, JSON.stringify(outcome.save));
  return outcome.lists;
}

/** A hash of the project's code version and whatever else the saved results depend on. */
function versionOf(...more: string[]): string {
  const hash = createHash('sha256').update(`${buildCodeVersion() ?? ''}\u0000`);
  for (const part of more) hash.update(`${part}\u0000`);
  return hash.digest('hex');
}
