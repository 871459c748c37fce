/**
 * The last step of `astro build`: indexes the built paper pages for search
 * (src/lib/search/indexer.ts) and says in one line what it did.
 */
import type { AstroIntegration } from 'astro';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSearchIndex, type SearchIndexSummary } from '../lib/search/indexer.ts';

export interface SearchIndexSettings {
  /** Where the search index's pieces are kept between builds; relative to the project root. */
  cacheDir: string;
  language: string;
}

export function searchIndex(settings: SearchIndexSettings): AstroIntegration {
  let root = process.cwd();
  let astroCacheDir: string | undefined;
  return {
    name: 'daily-papers:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        // Its incremental-build manifest says which pages were copied unchanged.
        astroCacheDir = config.experimental.incrementalBuild ? fileURLToPath(config.cacheDir) : undefined;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const summary = await buildSearchIndex({
          outDir: fileURLToPath(dir),
          cacheDir: path.resolve(root, settings.cacheDir),
          language: settings.language,
          astroCacheDir,
        });
        logger.info(summaryLine(summary, performance.now() - started));
      },
    },
  };
}

/**
 * `12 paper pages in 3 indexes (2026-10 indexed, 2026-09, 2025 from the cache),
 * 40 pages read, in 0.4 s`.
 */
export function summaryLine(summary: SearchIndexSummary, milliseconds: number): string {
  const built = summary.segments.filter((piece) => !piece.cached).map((piece) => piece.segment);
  const cached = summary.segments.filter((piece) => piece.cached).map((piece) => piece.segment);
  const parts = [
    ...(built.length > 0 ? [`${built.join(', ')} indexed`] : []),
    ...(cached.length > 0 ? [`${cached.join(', ')} from the cache`] : []),
  ];
  const indexes = `${summary.segments.length} ${summary.segments.length === 1 ? 'index' : 'indexes'}`;
  const detail = parts.length > 0 ? ` (${parts.join(', ')})` : '';
  const read = `${summary.read} ${summary.read === 1 ? 'page' : 'pages'} read`;
  return `${summary.pages} paper pages in ${indexes}${detail}, ${read}, in ${(milliseconds / 1000).toFixed(1)} s`;
}
