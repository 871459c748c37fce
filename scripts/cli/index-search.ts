/** `papers index`: the search index of a built site, the last step of `npm run build`. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { defineCommand, HELP_OPTION, parseCommandArgs, showHelp } from './args.ts';
import { buildReuseFor, type BuildReuseSetting } from '../../src/lib/build-reuse.ts';
import { buildSearchIndex, indexSummaryLine } from '../../src/lib/search/indexer.ts';
import { ASTRO_CACHE_DIR } from '../../src/lib/config/env.ts';
import { RunError } from './errors.ts';
import { siteSettings, type CommandContext } from './context.ts';

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

export async function runIndex(args: string[], context: CommandContext): Promise<number> {
  const { values } = parseCommandArgs(INDEX_COMMAND, args);
  if (values.help) return showHelp(INDEX_COMMAND, context);
  const outDir = path.resolve(values['out-dir']);
  if (!existsSync(path.join(outDir, 'index.html')))
    throw new RunError(
      `${values['out-dir']}: no built site there (expected index.html); run "astro build" first`,
    );
  const line = await indexBuiltSite(outDir, path.resolve(values['astro-cache']), indexSettings(context));
  context.output.result(line);
  return 0;
}

export interface IndexSettings {
  /** The search cache (PAPERS_PAGEFIND_CACHE), absolute or relative to the root indexBuiltSite is given. */
  searchCacheDir: string;
  /** The site's language, for Pagefind's stemming. */
  language: string;
  /** PAPERS_BUILD_REUSE: Astro's manifest says which pages it kept only while build reuse is on. */
  buildReuse: BuildReuseSetting;
}

/** The settings of the index: the operator's search cache and the site's language. */
export function indexSettings(context: CommandContext): IndexSettings {
  return {
    searchCacheDir: context.environment.operator.searchCacheDir,
    language: siteSettings(context).language,
    buildReuse: context.environment.operator.buildReuse,
  };
}

/**
 * Indexes the site built in `outDir` with `settings` (the search cache
 * relative to `root`); returns the summary line to print. `papers daily`
 * calls it too, after its build.
 */
export async function indexBuiltSite(
  outDir: string,
  astroCacheDir: string,
  settings: IndexSettings,
  root = process.cwd(),
): Promise<string> {
  const started = performance.now();
  const summary = await buildSearchIndex({
    outDir,
    cacheDir: path.resolve(root, settings.searchCacheDir),
    language: settings.language,
    astroCacheDir: buildReuseFor(settings.buildReuse, root).on ? astroCacheDir : undefined,
  });
  return `search index: ${indexSummaryLine(summary, performance.now() - started)}`;
}
