/**
 * Builds the real site (this project's src/, astro.config.mjs, public/) from
 * another content folder, the way CI and the integration tests need it:
 *
 *   const dist = await buildFixtureSite({ contentDir: FIXTURE_CONTENT_DIR, base: '/papers/' });
 *
 * Each build runs `astro build` in a child process. src/config.ts reads
 * SITE_URL, BASE_PATH and PAPERS_CONTENT_DIR from process.env when it is
 * first imported, and Vite keeps modules between builds in one process, so a
 * second in-process build with other settings could reuse the first one's
 * config. A child gets the settings it is given, nothing else.
 *
 * Builds must not share scratch space, or two at once (the test setup's,
 * or a test run beside a developer's `npm run build`) break each other:
 * - the content layer data store lives in `cacheDir`
 *   (node_modules/.cache/daily-papers/astro/data-store.json by default), so two builds of
 *   different content sharing it would read each other's papers. The CLI has
 *   no flag for `cacheDir`, so the child calls Astro's `build()` instead;
 * - the prerender bundle goes to `<cwd>/.astro/.prerender/` when `outDir` is
 *   outside the working directory (astro/dist/prerender/utils.js), so each
 *   child runs in its own temporary working directory. That folder is under
 *   node_modules/.cache/ because the bundle imports packages by bare name,
 *   which Node resolves by walking up to the project's node_modules/.
 * - the search index cache (node_modules/.cache/daily-papers/pagefind/ by
 *   default) goes to the child's scratch folder through PAPERS_PAGEFIND_CACHE,
 *   so every fixture build indexes from scratch and none prunes another's.
 * Only the type declarations in the project's .astro/ are shared; every build
 * of this project writes the same ones.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { INDEX_FOLLOWS_ENV } from '../../src/lib/search/stale-index.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

const PAPERS_CLI = path.join(PROJECT_ROOT, 'scripts/papers.ts');

/** The fixture archive the integration and browser tests build. */
export const FIXTURE_CONTENT_DIR = path.join(PROJECT_ROOT, 'test/fixtures/site-content');
/** The sample site's content: real papers, among them a day of 50 (what the design is judged on). */
export const SAMPLE_CONTENT_DIR = path.join(PROJECT_ROOT, 'content');

export interface FixtureBuildOptions {
  /** Content folder (holding `papers/`), absolute or relative to the project. */
  contentDir: string;
  /** BASE_PATH: `/` (default) or e.g. `/papers/`. */
  base?: string;
  /** SITE_URL: origin without the base path. */
  siteUrl?: string;
  /** Where dist goes; a new temporary folder when absent. */
  outDir?: string;
  /**
   * Astro's cacheDir (content layer, incremental build). A fresh one per
   * build when absent; give the same folder to two builds to test what the
   * second reuses.
   */
  cacheDir?: string;
  /** PAPERS_PAGEFIND_CACHE, the search index's cache; like cacheDir, fresh when absent. */
  searchCacheDir?: string;
  /** PAPERS_BUILD_CACHE, the saved related lists and topics; like cacheDir, fresh when absent. */
  buildCacheDir?: string;
  /** PAPERS_BUILD_REUSE (src/lib/build-reuse.ts); `auto` when absent. */
  buildReuse?: 'auto' | 'on' | 'off';
}

export interface FixtureBuildResult {
  outDir: string;
  /** What the build printed (at log level info: a line per page). */
  log: string;
}

/** Scratch space of running builds; ignored by git, linters and formatters like all of node_modules. */
const WORK_ROOT = path.join(PROJECT_ROOT, 'node_modules/.cache/daily-papers-site-builds');

export const DEFAULT_FIXTURE_SITE_URL = 'https://example.org';

/** Runs `npm run build` (`astro build`, then `papers index`) for `contentDir`; resolves to the output folder. */
export async function buildFixtureSite(options: FixtureBuildOptions): Promise<string> {
  return (await buildFixtureSiteLogged(options, 'warn')).outDir;
}

/** Runs `astro build` and `papers index` for `contentDir` and keeps what they printed. */
export async function buildFixtureSiteLogged(
  options: FixtureBuildOptions,
  logLevel: 'info' | 'warn' = 'info',
): Promise<FixtureBuildResult> {
  const outDir = options.outDir ?? (await mkdtemp(path.join(os.tmpdir(), 'papers-site-')));
  await mkdir(WORK_ROOT, { recursive: true });
  const workDir = await mkdtemp(path.join(WORK_ROOT, 'build-'));
  try {
    const config = {
      root: PROJECT_ROOT,
      outDir: path.resolve(outDir),
      cacheDir: options.cacheDir ?? path.join(workDir, 'cache'),
      logLevel,
    };
    const env = buildEnv(options, workDir);
    const log = await runChild(
      ['--input-type=module', '--eval', CHILD_SCRIPT],
      workDir,
      { ...env, FIXTURE_BUILD_CONFIG: JSON.stringify(config), FIXTURE_BUILD_ASTRO: astroEntry() },
      'astro build',
    );
    // The search index, as `npm run build` makes it: in a process of its own.
    const index = ['index', '--out-dir', config.outDir, '--astro-cache', config.cacheDir];
    const indexLog = await runChild([PAPERS_CLI, ...index], PROJECT_ROOT, env, 'papers index');
    return { outDir, log: `${log}${indexLog}` };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

// `logLevel: 'warn'` keeps a good build silent; the output is only shown
// when the build fails, inside the error.
const CHILD_SCRIPT = `
const { build } = await import(process.env.FIXTURE_BUILD_ASTRO);
const config = JSON.parse(process.env.FIXTURE_BUILD_CONFIG);
await build(config);
`;

const VITEST_ENV = new Set(['NODE_ENV', 'DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL', 'TEST']);

/** This process's environment without what Vitest adds to it, for a child that builds the site. */
export function withoutVitestEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // Vitest marks its workers (VITEST, VITEST_POOL_ID, NODE_ENV=test) and
    // copies import.meta.env into process.env (DEV, PROD, MODE, ...); Astro
    // reads those back into the pages' import.meta.env, so a build that saw
    // them would not be the production build we test.
    if (key.startsWith('VITEST') || VITEST_ENV.has(key)) continue;
    env[key] = value;
  }
  return env;
}

function buildEnv(options: FixtureBuildOptions, workDir: string): NodeJS.ProcessEnv {
  return {
    ...withoutVitestEnv(),
    PAPERS_CONTENT_DIR: path.resolve(PROJECT_ROOT, options.contentDir),
    BASE_PATH: options.base ?? '/',
    SITE_URL: options.siteUrl ?? DEFAULT_FIXTURE_SITE_URL,
    PAPERS_PAGEFIND_CACHE: options.searchCacheDir ?? path.join(workDir, 'pagefind-cache'),
    PAPERS_BUILD_CACHE: options.buildCacheDir ?? path.join(workDir, 'build-cache'),
    PAPERS_BUILD_REUSE: options.buildReuse ?? 'auto',
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    // `papers index` follows each build, as in `npm run build`: no reminder that it should.
    [INDEX_FOLLOWS_ENV]: '1',
  };
}

/** The project's pinned Node (system Node may be too old for Astro 7). */
function nodeBinary(): string {
  const pinned = path.join(PROJECT_ROOT, 'node_modules/.bin/node');
  return existsSync(pinned) ? pinned : process.execPath;
}

/** Astro's entry point as a file URL: the child's working directory is not the project. */
function astroEntry(): string {
  return pathToFileURL(createRequire(path.join(PROJECT_ROOT, 'package.json')).resolve('astro')).href;
}

function runChild(args: string[], cwd: string, env: NodeJS.ProcessEnv, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(nodeBinary(), args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve(output);
      else {
        const why = signal ? `was killed by ${signal}` : `exited with code ${code}`;
        const settings = `PAPERS_CONTENT_DIR=${env['PAPERS_CONTENT_DIR']} BASE_PATH=${env['BASE_PATH']}`;
        reject(new Error(`${what} (${settings}) ${why}:\n${output.trim()}`));
      }
    });
  });
}
