/** `papers index`: the search index of a built site, the last step of `npm run build`. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { defineCommand, HELP_OPTION, parseCommandArgs, showHelp } from './args.ts';
import { resolveConfig } from '../../src/config.ts';
import { buildSearchIndex, indexSummaryLine } from '../../src/lib/search/indexer.ts';
import { ASTRO_CACHE_DIR } from '../../src/lib/search/known-pages.ts';
import { InputError } from '../../src/lib/sources/types.ts';
import type { CliContext } from './context.ts';

export const INDEX_COMMAND = defineCommand({
  name: 'papers index',
  usage: 'papers index [options]',
  summary: 'the search index of a built site (npm run build runs it)',
  description: `Indexes the site built in --out-dir for search: one Pagefind index per month
of the archive's newest year and one per earlier year, in its pagefind/ folder. A piece whose
papers did not change since the last run is linked (or copied) from the search cache
(PAPERS_PAGEFIND_CACHE, default node_modules/.cache/daily-papers/pagefind) instead of being
indexed again, and only the pages Astro rendered since then are read.

"npm run build" runs it after "astro build", in a process of its own so the two never hold their
memory at once.`,
  options: {
    'out-dir': { type: 'string', value: 'DIR', default: 'dist', description: 'the built site' },
    'astro-cache': {
      type: 'string',
      value: 'DIR',
      default: ASTRO_CACHE_DIR,
      description:
        "Astro's cache folder, whose incremental-build manifest says which pages were kept unchanged and need not be read",
    },
    ...HELP_OPTION,
  },
});

export async function runIndex(args: string[], context: CliContext): Promise<number> {
  const { values } = parseCommandArgs(INDEX_COMMAND, args);
  if (values.help) return showHelp(INDEX_COMMAND, context);
  const outDir = path.resolve(values['out-dir']);
  if (!existsSync(path.join(outDir, 'index.html')))
    throw new InputError(
      `${values['out-dir']}: no built site there (expected index.html); run "astro build" first`,
    );
  const line = await indexBuiltSite(outDir, path.resolve(values['astro-cache']), {
    ...process.env,
    ...context.env,
  });
  context.output.result(line);
  return 0;
}

/**
 * Indexes the site built in `outDir` with the settings `env` gives (its
 * search cache relative to `root`); returns the summary line to print.
 * `papers daily` calls it too, after its build.
 */
export async function indexBuiltSite(
  outDir: string,
  astroCacheDir: string,
  env: NodeJS.ProcessEnv,
  root = process.cwd(),
): Promise<string> {
  const site = resolveConfig(env);
  const started = performance.now();
  const summary = await buildSearchIndex({
    outDir,
    cacheDir: path.resolve(root, site.search.cacheDir),
    language: site.language,
    astroCacheDir,
  });
  return `search index: ${indexSummaryLine(summary, performance.now() - started)}`;
}
