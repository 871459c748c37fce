/**
 * The last step of `astro build`: indexes the built paper pages for search
 * (src/lib/search/indexer.ts) and says in one line what it did.
 */
import type { AstroIntegration } from 'astro';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSearchIndex, type SearchIndexSummary } from '../lib/search/indexer.ts';

export interface SearchIndexSettings {
  /** Where year indexes are kept between builds; relative to the project root. */
  cacheDir: string;
  language: string;
}

export function searchIndex(settings: SearchIndexSettings): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'daily-papers:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const summary = await buildSearchIndex({
          outDir: fileURLToPath(dir),
          cacheDir: path.resolve(root, settings.cacheDir),
          language: settings.language,
        });
        logger.info(summaryLine(summary, performance.now() - started));
      },
    },
  };
}

/** `12 paper pages in 2 year indexes (2026 indexed, 2025 from the cache) in 0.4 s`. */
export function summaryLine(summary: SearchIndexSummary, milliseconds: number): string {
  const built = summary.years.filter((year) => !year.cached).map((year) => year.year);
  const cached = summary.years.filter((year) => year.cached).map((year) => year.year);
  const parts = [
    ...(built.length > 0 ? [`${built.join(', ')} indexed`] : []),
    ...(cached.length > 0 ? [`${cached.join(', ')} from the cache`] : []),
  ];
  const years = `${summary.years.length} year ${summary.years.length === 1 ? 'index' : 'indexes'}`;
  const detail = parts.length > 0 ? ` (${parts.join(', ')})` : '';
  return `${summary.pages} paper pages in ${years}${detail} in ${(milliseconds / 1000).toFixed(1)} s`;
}
