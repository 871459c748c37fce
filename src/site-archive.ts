/**
 * The papers collection and its archive index, made once per build. Every
 * route's getStaticPaths and several pages need them; `getCollection`
 * returns fresh entry objects on each call, so a dozen routes each copied
 * 50,000 entries and indexed them again. The dev server reloads content as
 * it changes, so there they are made fresh on every call.
 */
import { getCollection } from 'astro:content';
import { recordBuiltPapers } from './lib/build-record.ts';
import { buildArchive, type Archive } from './lib/site/archive.ts';
import type { PaperEntry } from './lib/site/entry.ts';

export interface SiteArchive {
  papers: readonly PaperEntry[];
  archive: Archive;
}

let loaded: Promise<SiteArchive> | undefined;

export function siteArchive(): Promise<SiteArchive> {
  if (import.meta.env.DEV) return load();
  loaded ??= load();
  return loaded;
}

async function load(): Promise<SiteArchive> {
  const papers = await getCollection('papers');
  // For the steps after the pages (social images, topic report): see the module.
  recordBuiltPapers(papers);
  return { papers, archive: buildArchive(papers) };
}
