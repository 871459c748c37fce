/**
 * `astro build` alone leaves the search index the last `papers index` made in
 * `dist/pagefind/` (the folder is kept between builds), and that index does
 * not know the build's new pages. `npm run build` and `papers daily` index
 * right after; whoever else runs `astro build` is told.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { SEARCH_DIR } from './bundles.ts';

/** Set to `1` by whatever runs `papers index` right after `astro build` (the bench, the tests). */
export const INDEX_FOLLOWS_ENV = 'PAPERS_INDEX_FOLLOWS';

/**
 * `indexFollows`: PAPERS_INDEX_FOLLOWS=1, or `npm run build`, which is
 * `astro build && papers index` (src/lib/config/env.ts).
 */
export function staleIndexWarning(outDir: string, indexFollows: boolean): string | undefined {
  if (indexFollows) return undefined;
  if (!existsSync(path.join(outDir, SEARCH_DIR))) return undefined;
  return `${SEARCH_DIR}/ is the search index of an earlier build and lacks this build's new pages: run "npx papers index" (npm run build does)`;
}
