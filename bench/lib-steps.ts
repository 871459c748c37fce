/**
 * The build's library steps on their own, timed: reading the archive,
 * related papers (src/lib/related) and the archive index with topic
 * classification (src/lib/archive/index.ts, src/lib/site/topics.ts), exactly as the
 * routes' getStaticPaths call them. Prints one JSON line of milliseconds of
 * CPU time (user + system of this one-threaded process), which other work on
 * a busy machine changes much less than wall time.
 *
 *   PAPERS_CONTENT_DIR=DIR node bench/lib-steps.ts
 */
import { loadEntries } from './archive.ts';

const contentDir = process.env['PAPERS_CONTENT_DIR'];
if (!contentDir) throw new Error('set PAPERS_CONTENT_DIR');
// Imported after the check: the site's topics read the content folder's taxonomy when loaded.
const { relatedIndex } = await import('../src/lib/related/index.ts');
const { buildArchive } = await import('../src/lib/archive/index.ts');
const { siteTopics } = await import('../src/lib/site/topics.ts');
// The site's classification, as src/site-archive.ts gives it to the archive.
const withSiteTopics = { topicsOf: siteTopics.topicsOf };

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return Math.round((used.user + used.system) / 1000);
};
const time = <T>(run: () => T): [T, number] => {
  const start = process.cpuUsage();
  const value = run();
  return [value, cpuMs(start)];
};

const loadStart = process.cpuUsage();
const entries = await loadEntries(contentDir);
const load = cpuMs(loadStart);
const [, related] = time(() => relatedIndex(entries));
const [, classifyAndIndex] = time(() => buildArchive(entries, withSiteTopics));
// A second index reuses the classification cache, as every route after the first does.
const [, index] = time(() => buildArchive(entries, withSiteTopics));
console.log(
  JSON.stringify({ papers: entries.length, load, related, classify: classifyAndIndex - index, index }),
);
