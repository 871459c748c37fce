/**
 * `npm run bench`: builds synthetic archives of N papers with the real site
 * and with a minimal Hugo site in several scenarios, and writes the figures
 * to bench/results/<date>.md. What each scenario and option does is in
 * BENCH_COMMAND below, which `npm run bench -- --help` and docs/cli.md print.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defineCommand, HELP_OPTION, parseScriptArgs, usageFailure } from '../scripts/cli/args.ts';
import { formatNumber } from '../src/lib/count-text.ts';
import { generate, REFRESH_DAYS, refreshCounts } from './generate.ts';
import { writeHugoContent } from './hugo-content.ts';
import { writeHugoSite } from './hugo-site.ts';
import { measure, peakBetween, type Measured } from './measure.ts';
import { formatResults } from './report.ts';
import {
  formatSiteSize,
  readSiteFiles,
  tallySite,
  withExtrapolatedCards,
  type CardEstimate,
  type SiteSize,
} from './site-size.ts';
import { STORE_FILE } from '../src/integrations/store-module.ts';
import { nextFolder } from '../src/lib/publish/publish.ts';
import { INDEX_FOLLOWS_ENV } from '../src/lib/search/stale-index.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));
const NODE = existsSync(path.join(PROJECT_ROOT, 'node_modules/.bin/node'))
  ? path.join(PROJECT_ROOT, 'node_modules/.bin/node')
  : process.execPath;
const OG_INTEGRATION = 'daily-papers:og-images';
const OG_AUTO_LIMIT = 2000;
/** Where the bench builds, relative to the project. */
const WORK_DIR = 'node_modules/.cache/daily-papers-bench';
/** Real cards rendered to measure when the run renders none (bench/card-sample.ts). */
const CARD_SAMPLE = 2000;

export type Scenario =
  | 'cold'
  | 'rebuild'
  | 'daily'
  | 'daily-refresh'
  | 'daily-fresh'
  | 'daily-publish'
  | 'daily-ci'
  | 'daily-link';
export const SCENARIOS: readonly Scenario[] = [
  'cold',
  'rebuild',
  'daily',
  'daily-refresh',
  'daily-fresh',
  'daily-publish',
  'daily-ci',
  'daily-link',
];
const ADDS_A_DAY: ReadonlySet<Scenario> = new Set([
  'daily',
  'daily-refresh',
  'daily-fresh',
  'daily-publish',
  'daily-ci',
  'daily-link',
]);
/** The scenarios that run as `papers daily` does: the content checked first (check-content.ts). */
const CHECKS_CONTENT: ReadonlySet<Scenario> = new Set(['daily-publish', 'daily-ci', 'daily-link']);

export interface Phase {
  name: string;
  ms: number;
  /** Bytes; 0 when the phase was too short to sample. */
  peakRss: number;
}

export interface ScenarioResult {
  scenario: Scenario;
  /**
   * The machine's 1-minute load average when the scenario started: other
   * work on the machine (a test run, another build) slows every figure.
   */
  load: number;
  astro: Timing & {
    phases: Phase[];
    /** Pages rendered. */
    pages: number;
    /** Pages an incremental build copied from its cache instead (`(cached)`, `(restored)`). */
    reused: number;
    /** Abstracts the pages read from their files (the build log's `abstracts:` line). */
    abstractsRead?: number | undefined;
    /** Size of the content store Astro saved (`data-store.json` in its cache folder). */
    storeBytes?: number | undefined;
  };
  search?: Timing;
  /** Validating and fingerprinting the content as `papers daily` does first (check-content.ts), in its own process. */
  check?: Timing & {
    /** Paper files parsed; the others were known valid and unchanged. */
    read: number;
    /** Paper files read only to find their bytes unchanged (new times). */
    hashed: number;
  };
  /** Publishing the build folder as `papers daily` does (src/lib/publish/publish.ts), in its own process. */
  publish?: Timing & {
    /** `copied 212 files, removed 3 and kept 110004`, `linked 110219 files`. */
    summary: string;
  };
  hugo?: Timing;
  /**
   * The Pagefind CLI over Hugo's output, after Hugo's cold build: the peer of
   * our build and search step (cold scenario only).
   */
  hugoSearch?: Timing & {
    /** Pages Pagefind indexed: the paper pages, marked `data-pagefind-body` (bench/hugo-site.ts). */
    pages: number;
  };
}

export interface Timing {
  wallMs: number;
  /** CPU time (user + system), when /usr/bin/time is installed. */
  cpuMs?: number;
  peakRss: number;
}

const timing = (run: Measured): Timing => ({
  wallMs: run.wallMs,
  ...(run.cpuMs !== undefined && { cpuMs: run.cpuMs }),
  peakRss: run.peakRss,
});

export interface SizeResult {
  files: number;
  bytes: number;
}

export interface RunResult {
  n: number;
  generateMs: number;
  og: boolean;
  /** The library steps alone (bench/lib-steps.ts), ms, and their peak RSS. */
  lib?: { load: number; related: number; classify: number; index: number; peakRss: number };
  hugoContentMs?: number;
  scenarios: ScenarioResult[];
  astroSize: SizeResult;
  /** The cold build's site after its search step, per folder (bench/site-size.ts). */
  siteSize?: SiteSize;
  hugoSize?: SizeResult;
}

export interface BenchOptions {
  sizes: number[];
  work: string;
  og: 'on' | 'off' | 'auto';
  search: 'step' | 'cli' | 'off';
  hugo: boolean;
  /** Time the library steps alone (bench/lib-steps.ts); true by default. */
  libSteps?: boolean;
  /** In this order; all of them by default. */
  scenarios?: readonly Scenario[];
  /** Node's old-space limit for the build and the search step, MB (`--max-old-space-size`); V8's own when absent. */
  heapMb?: number | undefined;
  /** Progress lines; silent when absent. */
  log?: (line: string) => void;
  /** Called after every scenario with the results so far, so a run cut short still leaves figures. */
  onProgress?: (results: RunResult[]) => Promise<void>;
}

export function hugoAvailable(): boolean {
  try {
    execFileSync('hugo', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export async function runBench(options: BenchOptions): Promise<RunResult[]> {
  const results: RunResult[] = [];
  for (const n of options.sizes) {
    results.push(
      await runSize(
        n,
        options,
        (partial) => options.onProgress?.([...results, partial]) ?? Promise.resolve(),
      ),
    );
  }
  return results;
}

async function runSize(
  n: number,
  options: BenchOptions,
  progress: (partial: RunResult) => Promise<void>,
): Promise<RunResult> {
  const log = options.log ?? (() => {});
  const root = path.join(options.work, String(n));
  const dirs = {
    content: path.join(root, 'content'),
    astroOut: path.join(root, 'astro-dist'),
    astroCache: path.join(root, 'astro-cache'),
    // Under the project's node_modules/: the prerender bundle Astro writes
    // there imports packages by bare name, which Node resolves by walking up.
    astroCwd: path.join(PROJECT_ROOT, 'node_modules/.cache/daily-papers-bench-cwd', `${process.pid}-${n}`),
    og: path.join(root, 'og-cache'),
    search: path.join(root, 'search-cache'),
    build: path.join(root, 'build-cache'),
    published: path.join(root, 'published'),
    hugoSite: path.join(root, 'hugo-site'),
    hugoContent: path.join(root, 'hugo-content'),
    hugoOut: path.join(root, 'hugo-public'),
    hugoCache: path.join(root, 'hugo-cache'),
    hugoSearch: path.join(root, 'hugo-pagefind'),
    // Kept between runs, above the archive's folder: the sample's cards render once.
    cardCache: path.join(options.work, 'card-sample-cache'),
    cardSample: path.join(root, 'card-sample'),
  };
  await rm(root, { recursive: true, force: true });
  await mkdir(dirs.astroCwd, { recursive: true });
  const og = options.og === 'on' || (options.og === 'auto' && n <= OG_AUTO_LIMIT);

  log(`N=${n}: generating`);
  let start = performance.now();
  const days = await generate({ n, out: dirs.content });
  const generateMs = performance.now() - start;
  log(`N=${n}: ${days.length} days in ${seconds(generateMs)}`);

  let lib: RunResult['lib'];
  if (options.libSteps ?? true) {
    const libRun = await measure(NODE, [path.join(PROJECT_ROOT, 'bench/lib-steps.ts')], {
      env: { ...process.env, PAPERS_CONTENT_DIR: dirs.content },
    });
    lib = {
      ...JSON.parse(libRun.lines.find((l) => l.text.startsWith('{'))?.text ?? '{}'),
      peakRss: libRun.peakRss,
    };
    log(`N=${n}: library steps ${JSON.stringify(lib)}`);
  }

  let hugoContentMs: number | undefined;
  if (options.hugo) {
    await writeHugoSite(dirs.hugoSite);
    start = performance.now();
    await writeHugoContent(dirs.content, dirs.hugoContent);
    hugoContentMs = performance.now() - start;
  }

  const result: RunResult = {
    n,
    generateMs,
    og,
    ...(lib && { lib }),
    ...(hugoContentMs !== undefined && { hugoContentMs }),
    scenarios: [],
    astroSize: { files: 0, bytes: 0 },
  };
  /** The day the last daily scenario added: each adds the next weekday. */
  let lastAdded: string | undefined;
  for (const scenario of options.scenarios ?? SCENARIOS) {
    if (scenario === 'cold') {
      // As on a fresh CI checkout: no caches, no output folder.
      for (const dir of [
        dirs.astroOut,
        dirs.astroCache,
        dirs.og,
        dirs.search,
        dirs.build,
        dirs.hugoCache,
        dirs.hugoOut,
        dirs.hugoSearch,
      ])
        await rm(dir, { recursive: true, force: true });
    }
    // As on a machine that ran `papers daily` before: the site is published and its last copy kept,
    // and the content was checked.
    if (scenario === 'daily-publish' && existsSync(dirs.astroOut)) {
      for (let i = 0; i < 2; i += 1) await publishStep(dirs, false);
      await checkStep(dirs);
    }
    if (ADDS_A_DAY.has(scenario)) {
      const [added] = await generate({ n, out: dirs.content, addDay: true, after: lastAdded });
      lastAdded = added;
      if (options.hugo) await writeHugoContent(dirs.content, dirs.hugoContent, added);
      log(`N=${n}: added ${added}`);
      if (scenario === 'daily-refresh' && added)
        log(
          `N=${n}: refreshed ${await refreshCounts(dirs.content, added)} papers of the ${REFRESH_DAYS} days before`,
        );
    }
    // As a CI runner without the kept build folder, or `papers daily` before it had one, build:
    // Astro copies every page it keeps from its cache.
    if (scenario === 'daily-fresh') await rm(dirs.astroOut, { recursive: true, force: true });
    // As after a fresh checkout on a CI runner: every content file has new times, the same bytes.
    if (scenario === 'daily-ci') await touchFiles(dirs.content);
    // As `papers daily --link` on a runner that restores the build folder but not dist/ (Netlify).
    if (scenario === 'daily-link') {
      for (const dir of [dirs.published, nextFolder(dirs.published)])
        await rm(dir, { recursive: true, force: true });
    }
    const load = os.loadavg()[0] ?? 0;
    let check: ScenarioResult['check'];
    if (CHECKS_CONTENT.has(scenario)) {
      const run = await checkStep(dirs);
      const text = run.lines.map((l) => l.text).join('\n');
      const count = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? NaN);
      check = { ...timing(run), read: count(/parsed (\d+)/), hashed: count(/hashed (\d+)/) };
      log(`N=${n} ${scenario}: content checked in ${seconds(run.wallMs)}: ${text}`);
    }
    const astroRun = await astroBuild(dirs, og, options.heapMb);
    const astro = { ...astroPhases(astroRun), ...timing(astroRun), storeBytes: storeSize(dirs.astroCache) };
    // Astro's own output, for a closer look at a phase.
    await writeFile(
      path.join(root, `astro-${scenario}.log`),
      astroRun.lines.map((line) => line.text).join('\n'),
    );
    log(`N=${n} ${scenario}: astro ${seconds(astro.wallMs)}, peak ${mb(astro.peakRss)}`);
    if (scenario === 'cold') result.astroSize = await folderSize(dirs.astroOut);
    const current: ScenarioResult = { scenario, load, astro, ...(check && { check }) };
    if (options.search !== 'off') {
      const run = await searchStep(options.search, dirs, options.heapMb);
      current.search = timing(run);
      log(`N=${n} ${scenario}: search ${seconds(run.wallMs)}, peak ${mb(run.peakRss)}`);
    }
    if (scenario === 'cold') {
      result.siteSize = await siteSize(n, og, dirs, log);
      for (const line of formatSiteSize(result.siteSize)) log(line);
    }
    // daily-ci builds in place in the kept output folder, as `papers daily --in-place`: no publish.
    if (scenario === 'daily-publish' || scenario === 'daily-link') {
      const run = await publishStep(dirs, scenario === 'daily-link');
      const line = run.lines.find((l) => l.text.startsWith('publish: '))?.text ?? '';
      current.publish = { ...timing(run), summary: line.replace('publish: ', '') };
      log(`N=${n} ${scenario}: ${line} in ${seconds(run.wallMs)}`);
    }
    if (options.hugo) {
      const run = await measure(
        'hugo',
        [
          '--source',
          dirs.hugoSite,
          '--contentDir',
          dirs.hugoContent,
          '--destination',
          dirs.hugoOut,
          '--cacheDir',
          dirs.hugoCache,
          '--quiet',
        ],
        { cwd: root },
      );
      current.hugo = timing(run);
      log(`N=${n} ${scenario}: hugo ${seconds(run.wallMs)}, peak ${mb(run.peakRss)}`);
      if (scenario === 'cold') {
        // Outside Hugo's folder, so its later builds and its size are Hugo's alone.
        const search = await pagefindCli(dirs.hugoOut, dirs.hugoSearch);
        const pages = Number(/Indexed (\d+) pages?/.exec(search.lines.map((l) => l.text).join('\n'))?.[1]);
        current.hugoSearch = { ...timing(search), pages };
        log(
          `N=${n} ${scenario}: Pagefind over Hugo's ${pages} pages ${seconds(search.wallMs)}, peak ${mb(search.peakRss)}`,
        );
      }
    }
    result.scenarios.push(current);
    if (options.hugo) result.hugoSize = await folderSize(dirs.hugoOut);
    await progress(result);
  }
  await rm(dirs.astroCwd, { recursive: true, force: true });
  return result;
}

// The child calls Astro's build() rather than the CLI: the CLI has no flag
// for cacheDir, where the content layer keeps its data store between builds
// (see test/helpers/build-site.ts for why each build needs its own).
const CHILD_SCRIPT = `
const { build } = await import(process.env.BENCH_ASTRO);
await build(JSON.parse(process.env.BENCH_CONFIG));
`;

export interface BuildDirs {
  content: string;
  astroOut: string;
  astroCache: string;
  astroCwd: string;
  og: string;
  search: string;
  build: string;
}

function astroBuild(dirs: BuildDirs, og: boolean, heapMb: number | undefined): Promise<Measured> {
  const astro = pathToFileURL(createRequire(path.join(PROJECT_ROOT, 'package.json')).resolve('astro')).href;
  const config = {
    root: PROJECT_ROOT,
    // Relative to root: Astro joins the two.
    configFile: 'bench/astro.config.mjs',
    outDir: dirs.astroOut,
    cacheDir: dirs.astroCache,
    logLevel: 'info',
  };
  return measure(NODE, ['--input-type=module', '--eval', CHILD_SCRIPT], {
    // The prerender bundle goes to <cwd>/.astro/ when outDir is outside the project.
    cwd: dirs.astroCwd,
    env: {
      ...siteEnv(dirs, heapMb),
      BENCH_ASTRO: astro,
      BENCH_CONFIG: JSON.stringify(config),
      BENCH_SKIP_INTEGRATIONS: og ? '' : OG_INTEGRATION,
    },
  });
}

/** The environment of the site's build and its search step: the bench's own folders and heap limit. */
export function siteEnv(dirs: BuildDirs, heapMb: number | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('VITEST') || key === 'NODE_ENV') continue;
    env[key] = value;
  }
  return {
    ...env,
    PAPERS_PAGEFIND_CACHE: dirs.search,
    PAPERS_BUILD_CACHE: dirs.build,
    PAPERS_CONTENT_DIR: dirs.content,
    // The search step follows each build, as in `npm run build`.
    [INDEX_FOLLOWS_ENV]: '1',
    PAPERS_OG_CACHE: dirs.og,
    SITE_URL: 'https://example.org',
    BASE_PATH: '/',
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    ...(heapMb !== undefined && {
      NODE_OPTIONS: [env['NODE_OPTIONS'], `--max-old-space-size=${heapMb}`].filter(Boolean).join(' '),
    }),
  };
}

/** The search index after the build: the site's own step (`papers index`), or Pagefind's CLI. */
function searchStep(how: 'step' | 'cli', dirs: BuildDirs, heapMb: number | undefined): Promise<Measured> {
  if (how === 'cli') return pagefindCli(dirs.astroOut);
  const args = ['index', '--out-dir', dirs.astroOut, '--astro-cache', dirs.astroCache];
  return measure(NODE, [path.join(PROJECT_ROOT, 'scripts/papers.ts'), ...args], {
    cwd: PROJECT_ROOT,
    env: siteEnv(dirs, heapMb),
  });
}

/** The Pagefind CLI over a built site; the index goes into the site unless `outputPath` says elsewhere. */
function pagefindCli(site: string, outputPath?: string): Promise<Measured> {
  return measure(path.join(PROJECT_ROOT, 'node_modules/.bin/pagefind'), [
    '--site',
    site,
    ...(outputPath === undefined ? [] : ['--output-path', outputPath]),
  ]);
}

/**
 * The site as published, counted per folder: the cold build's output after
 * its search step. A run without cards (`--og off`) renders a sample of
 * real ones apart, in its own process, and counts the site's by its card policy.
 */
async function siteSize(
  n: number,
  og: boolean,
  dirs: BuildDirs & { cardCache: string; cardSample: string },
  log: (line: string) => void,
): Promise<SiteSize> {
  const size = tallySite(n, await readSiteFiles(dirs.astroOut));
  if (og) return size;
  const script = path.join(PROJECT_ROOT, 'bench/card-sample.ts');
  const args = ['--out', dirs.cardSample, '--cache', dirs.cardCache, '--cards', String(CARD_SAMPLE)];
  const run = await measure(NODE, [script, ...args], { cwd: PROJECT_ROOT, env: siteEnv(dirs, undefined) });
  const estimate = JSON.parse(run.lines.findLast((l) => l.text.startsWith('{'))?.text ?? '') as CardEstimate;
  log(
    `N=${n}: card sample of ${estimate.sample.paper.files + estimate.sample.day.files} in ${seconds(run.wallMs)}`,
  );
  return withExtrapolatedCards(size, estimate);
}

const CHECK_SCRIPT = `
const { checkContent } = await import(process.env.BENCH_CHECK);
// The site's settings resolved as papers daily resolves them (src/config.ts with the environment's overrides).
const { OPERATOR, SITE } = await import(process.env.BENCH_SETTINGS);
const settings = { buildCacheDir: OPERATOR.buildCacheDir, site: SITE };
const { report } = await checkContent(process.env.PAPERS_CONTENT_DIR, settings, process.env.BENCH_ROOT);
if (report.problems.length > 0) throw new Error(report.problems.join('\\n'));
console.log('check: ' + report.files + ' files, parsed ' + report.read + ', hashed ' + report.hashed);
`;

/** `papers daily`'s first step after ingesting: validate the content and fingerprint it. */
function checkStep(dirs: BuildDirs): Promise<Measured> {
  return measure(NODE, ['--input-type=module', '--eval', CHECK_SCRIPT], {
    cwd: PROJECT_ROOT,
    env: {
      ...siteEnv(dirs, undefined),
      BENCH_CHECK: pathToFileURL(path.join(PROJECT_ROOT, 'src/lib/publish/check-content.ts')).href,
      BENCH_SETTINGS: pathToFileURL(path.join(PROJECT_ROOT, 'src/settings.ts')).href,
      BENCH_ROOT: PROJECT_ROOT,
    },
  });
}

const PUBLISH_SCRIPT = `
const { publishBuild, publishSummaryText } = await import(process.env.BENCH_PUBLISH);
const summary = await publishBuild(process.env.BENCH_FROM, process.env.BENCH_TO, { link: process.env.BENCH_LINK === '1' });
console.log('publish: ' + publishSummaryText(summary));
`;

/** `papers daily`'s last step: the build folder (the bench's output) published to another folder. */
function publishStep(dirs: BuildDirs & { published: string }, link: boolean): Promise<Measured> {
  return measure(NODE, ['--input-type=module', '--eval', PUBLISH_SCRIPT], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      BENCH_PUBLISH: pathToFileURL(path.join(PROJECT_ROOT, 'src/lib/publish/publish.ts')).href,
      BENCH_FROM: dirs.astroOut,
      BENCH_TO: dirs.published,
      BENCH_LINK: link ? '1' : '',
    },
  });
}

/**
 * Phases from Astro's log: content sync, setup and bundling, page rendering
 * (split by route from the per-page `(+Nms)` figures; getStaticPaths, where
 * related papers and topics are computed, is in "pages: other"), social
 * images, and the other integrations.
 */
export function astroPhases(run: Measured): {
  phases: Phase[];
  pages: number;
  reused: number;
  abstractsRead: number | undefined;
} {
  const { lines, samples } = run;
  const find = (pattern: RegExp, after = 0) =>
    lines.findIndex((line, i) => i >= after && pattern.test(line.text));
  const at = (index: number, fallback: number) => (index >= 0 ? (lines[index]?.at ?? fallback) : fallback);
  const phases: Phase[] = [];
  const add = (name: string, from: number, to: number) =>
    phases.push({ name, ms: Math.max(0, to - from), peakRss: peakBetween(samples, from, to) });

  const syncStart = at(find(/\[content\] Syncing content/), 0);
  const syncEnd = at(find(/\[content\] Synced content/), syncStart);
  const routesIndex = find(/generating static routes/);
  const routesStart = at(routesIndex, syncEnd);
  const routesEndIndex = find(/✓ Completed in/, Math.max(routesIndex, 0));
  const routesEnd = at(routesEndIndex, routesStart);
  add('content sync', syncStart, syncEnd);
  add('setup + bundling', 0, routesStart - (syncEnd - syncStart));

  const byRoute = new Map<string, number>();
  let pages = 0;
  let reused = 0;
  for (const line of lines) {
    if (/[├└]─ \/\S* \((?:cached|restored)\)/.test(line.text)) reused += 1;
    const match = /[├└]─ \/([^/ ]*)[^ ]* \(\+(\d+)ms\)/.exec(line.text);
    if (!match) continue;
    pages += 1;
    const first = match[1] ?? '';
    const route = ['papers', 'days', 'topics', 'weeks', 'archive', 'feeds'].includes(first)
      ? first
      : 'home, about, search, 404';
    byRoute.set(route, (byRoute.get(route) ?? 0) + Number(match[2]));
  }
  const rendered = [...byRoute.values()].reduce((a, b) => a + b, 0);
  add('pages (all)', routesStart, routesEnd);
  for (const [route, ms] of byRoute) phases.push({ name: `pages: ${route}`, ms, peakRss: 0 });
  phases.push({
    name: 'pages: other (getStaticPaths, writing)',
    ms: Math.max(0, routesEnd - routesStart - rendered),
    peakRss: 0,
  });

  // Integrations that report their own time: the phase is the line's figure, ending when it is printed.
  let timed = 0;
  for (const [name, pattern] of [['social images', /og images: .* in ([\d.]+) ?s/]] as const) {
    const line = lines[find(pattern)];
    const seconds = line && pattern.exec(line.text)?.[1];
    if (!line || !seconds) continue;
    const ms = Number(seconds) * 1000;
    add(name, line.at - ms, line.at);
    timed += ms;
  }
  add('other integrations', routesEnd, run.wallMs - timed);
  const abstracts = lines.map((line) => /abstracts: (\d+) read/.exec(line.text)?.[1]).find(Boolean);
  return { phases, pages, reused, abstractsRead: abstracts === undefined ? undefined : Number(abstracts) };
}

/** Gives every file under `dir` the current time, as a checkout writes them. */
async function touchFiles(dir: string): Promise<void> {
  const now = new Date();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) await utimes(path.join(entry.parentPath, entry.name), now, now);
  }
}

/** The size of the content store Astro keeps in its cache folder, if there is one. */
function storeSize(astroCache: string): number | undefined {
  try {
    return statSync(path.join(astroCache, STORE_FILE)).size;
  } catch {
    return undefined;
  }
}

async function folderSize(dir: string): Promise<SizeResult> {
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

function versions(): Record<string, string> {
  // Read from the file: not every package exports its package.json.
  const version = (name: string) =>
    (
      JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  let hugo = 'not installed';
  try {
    hugo = execFileSync('hugo', ['version'], { encoding: 'utf8' }).split(' ')[1] ?? hugo;
  } catch {
    // Reported as not installed.
  }
  return { node: process.version, astro: version('astro'), pagefind: version('pagefind'), hugo };
}

export function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, ${os.type()} ${os.release()}`;
}

export const BENCH_COMMAND = defineCommand({
  name: 'npm run bench',
  usage: 'npm run bench -- [options]',
  summary: 'time builds of synthetic archives, ours against Hugo',
  helpCommand: 'npm run bench -- --help',
  description: `Builds synthetic archives of N papers with the real site and, where hugo is installed, with
a minimal Hugo site, in each scenario, and writes the figures to bench/results/<date>.md. The cold
scenario also times Hugo followed by the Pagefind CLI over its output, the peer of our build and
search step, and counts the site it published per folder and per paper, against the hosts' limits.

Scenarios, in this order:
  cold            no output folder, empty caches
  rebuild         nothing changed
  daily           one new day, built in the kept output folder
  daily-refresh   the same, and the ${REFRESH_DAYS} days before get new counts and a
                  late paper, as the refresh of "papers daily" writes them
  daily-fresh     one new day into an empty output folder, the caches kept
  daily-publish   as "papers daily" on a machine of its own: the content
                  checked, built, published to a kept copy
  daily-ci        as the shipped workflow: checked, built in place
  daily-link      as on Netlify: checked, built, linked into an empty folder

Examples:
  npm run bench                                  # N = 1,000 and 10,000
  npm run bench -- --n 1000,10000,50000
  npm run bench -- --n 60 --out /tmp/r.md        # a quick check`,
  options: {
    n: { type: 'string', value: 'LIST', default: '1000,10000', description: 'archive sizes, in papers' },
    work: {
      type: 'string',
      value: 'DIR',
      description:
        "where the archives, caches and outputs go; each build's Astro log is kept as <N>/astro-<scenario>.log",
      defaultText: WORK_DIR,
    },
    out: {
      type: 'string',
      value: 'FILE',
      description: 'the results file',
      defaultText: 'bench/results/<date>.md',
    },
    og: {
      type: 'string',
      value: 'on|off|auto',
      default: 'auto',
      description: `social images; auto renders them only up to ${formatNumber(OG_AUTO_LIMIT)} papers, as rendering them all cold takes long in a large archive`,
    },
    search: {
      type: 'string',
      value: 'step|cli|off',
      default: 'step',
      description:
        'the search index after each build, in its own process: the site\'s own step ("papers index", its cache kept between builds), the Pagefind CLI over the output, or none',
    },
    scenarios: {
      type: 'string',
      value: 'LIST',
      default: SCENARIOS.join(','),
      description: 'the scenarios to run, comma-separated; they run in the order above',
      defaultText: 'all',
    },
    'no-hugo': { type: 'boolean', default: false, description: 'do not build with Hugo' },
    'no-lib-steps': {
      type: 'boolean',
      default: false,
      description: 'do not time the library steps alone (bench/lib-steps.ts)',
    },
    'runner-memory': {
      type: 'string',
      value: 'GB|off',
      default: '7',
      description:
        'give the build and the search step the Node heap limit V8 picks on a machine with this much memory, a quarter of it, as on a CI runner; on a larger machine V8 lets the heap grow further before collecting, and the peaks say more about the machine',
    },
    ...HELP_OPTION,
  },
});

/** The bench's options, or its help or a one-line usage error and the exit. */
function benchArgs(args: string[]) {
  const fail = (message: string) => usageFailure(BENCH_COMMAND, message);
  const { values } = parseScriptArgs(BENCH_COMMAND, args);
  const sizes = values.n.split(',').map(Number);
  const scenarios = values.scenarios.split(',') as Scenario[];
  const runnerGb = values['runner-memory'] === 'off' ? undefined : Number(values['runner-memory']);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1))
    fail(`--n: expected whole numbers of papers, comma-separated, got "${values.n}"`);
  if (!['on', 'off', 'auto'].includes(values.og)) fail(`--og: expected on, off or auto, got "${values.og}"`);
  if (!['step', 'cli', 'off'].includes(values.search))
    fail(`--search: expected step, cli or off, got "${values.search}"`);
  const unknown = scenarios.find((scenario) => !SCENARIOS.includes(scenario));
  if (unknown !== undefined) fail(`--scenarios: no scenario "${unknown}" (${SCENARIOS.join(', ')})`);
  if (runnerGb !== undefined && !(runnerGb > 0))
    fail(`--runner-memory: expected a number of GB or off, got "${values['runner-memory']}"`);
  return { values, sizes, scenarios, runnerGb };
}

async function main(): Promise<void> {
  const { values, sizes, scenarios, runnerGb } = benchArgs(process.argv.slice(2));
  const heapMb = runnerGb === undefined ? undefined : v8HeapLimitMb(runnerGb);
  const hugo = !values['no-hugo'] && hugoAvailable();
  if (!values['no-hugo'] && !hugo)
    console.log('hugo is not installed (apt-get install -y hugo): no reference times');
  const started = new Date();
  const out =
    values.out ?? path.join(PROJECT_ROOT, 'bench/results', `${started.toISOString().slice(0, 10)}.md`);
  const context = {
    date: started,
    machine: machine(),
    versions: versions(),
    command: commandLine(),
    ...(runnerGb !== undefined && heapMb !== undefined && { heap: { runnerGb, heapMb } }),
  };
  const write = async (results: RunResult[]) => {
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, formatResults(results, context));
  };
  const results = await runBench({
    sizes,
    work: path.resolve(values.work ?? path.join(PROJECT_ROOT, WORK_DIR)),
    og: values.og as BenchOptions['og'],
    search: values.search as BenchOptions['search'],
    hugo,
    libSteps: !values['no-lib-steps'],
    scenarios,
    heapMb,
    log: (line) => console.log(line),
    onProgress: write,
  });
  await write(results);
  console.log(`\n${formatResults(results, context)}\nwritten to ${path.relative(process.cwd(), out)}`);
}

/**
 * The old-space limit V8 sets by itself on a machine with `gb` of memory: a
 * quarter of it, at most 4 GB (its HeapSizeFromPhysicalMemory).
 */
export function v8HeapLimitMb(gb: number): number {
  return Math.min(4096, Math.round((gb * 1024) / 4));
}

/** How this run was started, for the results file. */
function commandLine(): string {
  const args = process.argv.slice(2);
  return `npm run bench${args.length > 0 ? ` -- ${args.join(' ')}` : ''}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
