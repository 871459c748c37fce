/**
 * Every environment variable daily-papers reads, in one schema: what each
 * means, its default, and what it accepts. The build (src/settings.ts) and the
 * `papers` command (scripts/cli/main.ts) each parse their environment once
 * with `readEnvironment` and hand the values on; nothing else reads
 * `process.env`. docs/configuration.md lists these from here.
 *
 * An empty variable counts as unset (the shell idiom for "no override"),
 * except BASE_PATH, where empty has always meant `/`.
 */
import { z } from 'zod';
import { parseSettings } from './errors.ts';
import { BUILD_REUSE_SETTINGS, type BuildReuseSetting } from '../build-reuse.ts';
import { BASE_EXPECTED, folder, isBasePath, normalizeBase, origin } from './values.ts';

/** Where the caches live unless moved: git ignores them, and CI caches of `node_modules/.cache` keep them. */
const CACHE_ROOT = 'node_modules/.cache/daily-papers';

/** Astro's cache folder (its `cacheDir`, set by astro.config.mjs), relative to the project; not a variable. */
export const ASTRO_CACHE_DIR = `${CACHE_ROOT}/astro`;

const unsetWhenEmpty = (value: unknown) => (value === '' ? undefined : value);

function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess(unsetWhenEmpty, schema.optional());
}

function folderVariable(fallback: string) {
  return z.preprocess(unsetWhenEmpty, folder.default(fallback));
}

const FLAG_EXPECTED = '"1" (on) or "0" (off)';
const flag = z
  .preprocess(unsetWhenEmpty, z.enum(['0', '1'], FLAG_EXPECTED).optional())
  .transform((v) => v === '1');
/** Set or not: any value but empty is on, as CI services and DEBUG conventions have it. */
const present = z
  .string()
  .optional()
  .transform((value) => Boolean(value));

/** Operator settings: where the build reads content and keeps its caches and folders. */
const OPERATOR = {
  PAPERS_CONTENT_DIR: folderVariable('content').describe(
    'The content folder to build, absolute or relative to the project.',
  ),
  PAPERS_PAGEFIND_CACHE: folderVariable(`${CACHE_ROOT}/pagefind`).describe(
    'Where the search index’s pieces are kept between builds, so a build re-indexes only the pieces whose papers changed (see Search).',
  ),
  PAPERS_BUILD_CACHE: folderVariable(`${CACHE_ROOT}/build`).describe(
    'Where the build keeps topics and related lists for the next build (see How builds are reused). Outside dist/.',
  ),
  PAPERS_OG_CACHE: folderVariable(`${CACHE_ROOT}/og`).describe(
    'Where social images are kept between builds (see Social images); builds may share it.',
  ),
  PAPERS_PUBLISH_BUILD: folderVariable(`${CACHE_ROOT}/site`).describe(
    '`papers daily` and `papers publish` build the site here before publishing it (see Publishing a day). Kept between runs, never served.',
  ),
  PAPERS_OG_PRUNE: flag.describe(
    '`1`: after the build, delete cached social images it did not use (for CI, where one build owns the cache).',
  ),
  PAPERS_OG_REPORT: optional(folder).describe(
    'Also write the social-image step’s report (counts, timings) as JSON to this file.',
  ),
  PAPERS_INDEX_FOLLOWS: flag.describe(
    '`1`: `papers index` runs right after `astro build`, so `astro build` does not warn that `dist/pagefind/` is an earlier build’s index (`npm run build` needs no such setting).',
  ),
  PAPERS_BUILD_REUSE: z
    .preprocess(
      unsetWhenEmpty,
      z.enum(BUILD_REUSE_SETTINGS, `one of ${BUILD_REUSE_SETTINGS.join(', ')}`).default('auto'),
    )
    .describe(
      '`auto`: reuse the last build’s work (Astro’s incremental build, saved topics and related lists) with the Astro versions it was tested with; `on`: whatever the version; `off`: never, the same site rendered whole (see How builds are reused).',
    ),
  PAPERS_HF_ENDPOINT: optional(z.string()).describe(
    'The Hugging Face daily-papers API `papers ingest hf`, `daily` and `backfill` fetch from (a mirror, or a local server in tests); `--endpoint` overrides it.',
  ),
  PAPERS_ARXIV_ENDPOINT: optional(z.string()).describe(
    'The arXiv API `papers ingest arxiv` fetches from; `--endpoint` overrides it.',
  ),
};

export const environmentSchema = z.object({
  SITE_URL: optional(origin).describe('Overrides the site’s `url`: the origin the site is served from.'),
  BASE_PATH: z
    .string(BASE_EXPECTED)
    .refine((value) => isBasePath(normalizeBase(value)), BASE_EXPECTED)
    .transform(normalizeBase)
    .optional()
    .describe(
      'Overrides the site’s `base`: the path it lives under, e.g. `/papers/` for a GitHub Pages project site (`papers` is read as `/papers/`).',
    ),
  ...OPERATOR,
  DEBUG: present.describe('Any value: the `papers` command prints the stack of an unexpected error.'),
  CI: present.describe('Any value (CI services set it): the `papers` command prints no progress lines.'),
  npm_lifecycle_event: z
    .string()
    .optional()
    .describe(
      'Set by npm: `build` under `npm run build`, which indexes after `astro build` (as PAPERS_INDEX_FOLLOWS=1).',
    ),
});

type Variables = z.output<typeof environmentSchema>;

/** Where the build reads and keeps things: the operator's business, not the site owner's. */
export interface OperatorSettings {
  contentDir: string;
  searchCacheDir: string;
  buildCacheDir: string;
  ogCacheDir: string;
  publishBuildDir: string;
  ogPrune: boolean;
  ogReport: string | undefined;
  /** Whether `papers index` follows this `astro build` (so its search index will not be stale). */
  indexFollows: boolean;
  /** Whether builds reuse the last one's work (src/lib/build-reuse.ts). */
  buildReuse: BuildReuseSetting;
}

export interface Environment {
  /** Overrides of the site owner's `url` and `base` (site.ts). */
  site: { url: string | undefined; base: string | undefined };
  operator: OperatorSettings;
  /** Unchecked: resolveEndpoint checks them as it checks an override. */
  endpoints: { hf: string | undefined; arxiv: string | undefined };
  debug: boolean;
  ci: boolean;
}

/** The environment's settings, checked; throws a ConfigError naming each bad variable. */
export function readEnvironment(env: Readonly<Record<string, string | undefined>>): Environment {
  const vars: Variables = parseSettings(environmentSchema, env, 'environment');
  return {
    site: { url: vars.SITE_URL, base: vars.BASE_PATH },
    operator: {
      contentDir: vars.PAPERS_CONTENT_DIR,
      searchCacheDir: vars.PAPERS_PAGEFIND_CACHE,
      buildCacheDir: vars.PAPERS_BUILD_CACHE,
      ogCacheDir: vars.PAPERS_OG_CACHE,
      publishBuildDir: vars.PAPERS_PUBLISH_BUILD,
      ogPrune: vars.PAPERS_OG_PRUNE,
      ogReport: vars.PAPERS_OG_REPORT,
      indexFollows: vars.PAPERS_INDEX_FOLLOWS || vars.npm_lifecycle_event === 'build',
      buildReuse: vars.PAPERS_BUILD_REUSE,
    },
    endpoints: { hf: vars.PAPERS_HF_ENDPOINT, arxiv: vars.PAPERS_ARXIV_ENDPOINT },
    debug: vars.DEBUG,
    ci: vars.CI,
  };
}

/**
 * DEBUG or CI alone, which cannot be wrong: for what runs before the whole
 * environment is read (the CLI's output) or when reading it failed (the
 * CLI's error report).
 */
export function readSwitch(env: Readonly<Record<string, string | undefined>>, name: 'DEBUG' | 'CI'): boolean {
  return environmentSchema.shape[name].parse(env[name]);
}
