/**
 * What the search index step costs, on a synthetic archive built by the real
 * site: indexing every piece from scratch (a month of the newest year, or an
 * earlier year: src/lib/search/bundles.ts), a daily rebuild (the current month
 * changed, the other pieces copied from the cache), and a rebuild with nothing
 * changed. Wall time, peak memory (RSS of the indexing process and
 * Pagefind's binary together) and the machine's load average for each: on a
 * shared machine the load says how far to trust the wall time.
 * Its options: SEARCH_BENCH_COMMAND below (`--help`, docs/cli.md).
 *
 * The site is built once, without social images; the index step then runs
 * on the output on its own, as `npm run build` runs it, but without Astro's
 * incremental-build manifest, so it reads every page (the worst case). The daily scenario edits one current-month page's indexed part
 * (a new upvote), which costs the same re-indexing as a new day of papers
 * without a second site build.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { SearchIndexSummary } from '../src/lib/search/indexer.ts';
import { defineCommand, HELP_OPTION, parseScriptArgs, usageFailure } from '../scripts/cli/args.ts';
import { generate } from './generate.ts';
import { measure, type Measured } from './measure.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));
const NODE = existsSync(path.join(PROJECT_ROOT, 'node_modules/.bin/node'))
  ? path.join(PROJECT_ROOT, 'node_modules/.bin/node')
  : process.execPath;

const BUILD_SCRIPT = `
const { build } = await import(process.env.BENCH_ASTRO);
await build(JSON.parse(process.env.BENCH_CONFIG));
`;

const INDEX_SCRIPT = `
const { buildSearchIndex } = await import(process.env.BENCH_INDEXER);
const summary = await buildSearchIndex(JSON.parse(process.env.BENCH_OPTIONS));
console.log('SUMMARY ' + JSON.stringify(summary));
`;

interface Dirs {
  content: string;
  out: string;
  cache: string;
  work: string;
}

async function buildSite(dirs: Dirs): Promise<Measured> {
  const astro = pathToFileURL(createRequire(path.join(PROJECT_ROOT, 'package.json')).resolve('astro')).href;
  await mkdir(dirs.work, { recursive: true });
  return measure(NODE, ['--input-type=module', '--eval', BUILD_SCRIPT], {
    cwd: dirs.work,
    env: {
      ...process.env,
      BENCH_ASTRO: astro,
      BENCH_CONFIG: JSON.stringify({
        root: PROJECT_ROOT,
        configFile: 'bench/astro.config.mjs',
        outDir: dirs.out,
        cacheDir: path.join(dirs.work, 'astro-cache'),
        logLevel: 'warn',
      }),
      BENCH_SKIP_INTEGRATIONS: 'daily-papers:og-images',
      PAPERS_CONTENT_DIR: dirs.content,
      PAPERS_BUILD_CACHE: path.join(dirs.work, 'build-cache'),
      SITE_URL: 'https://example.org',
      BASE_PATH: '/',
      ASTRO_TELEMETRY_DISABLED: '1',
    },
  });
}

async function indexStep(dirs: Dirs): Promise<{ run: Measured; summary: SearchIndexSummary }> {
  await rm(path.join(dirs.out, 'pagefind'), { recursive: true, force: true });
  const run = await measure(NODE, ['--input-type=module', '--eval', INDEX_SCRIPT], {
    env: {
      ...process.env,
      BENCH_INDEXER: pathToFileURL(path.join(PROJECT_ROOT, 'src/lib/search/indexer.ts')).href,
      BENCH_OPTIONS: JSON.stringify({ outDir: dirs.out, cacheDir: dirs.cache, language: 'en' }),
    },
    intervalMs: 100,
  });
  const line = run.lines.find((candidate) => candidate.text.startsWith('SUMMARY '));
  if (!line)
    throw new Error(`the index step printed no summary:\n${run.lines.map((l) => l.text).join('\n')}`);
  return { run, summary: JSON.parse(line.text.slice('SUMMARY '.length)) as SearchIndexSummary };
}

/** Changes one page of a piece (`2026-10` or `2025`) so that piece is indexed again. */
async function touchSegment(dirs: Dirs, summary: SearchIndexSummary, segment: string): Promise<void> {
  const { findIndexedPages } = await import('../src/lib/search/indexer.ts');
  const inSegment = (page: { year: string; month: string }) =>
    segment.length > 4 ? page.month === segment : page.year === segment;
  const page = (await findIndexedPages(dirs.out)).find(inSegment);
  if (!page) throw new Error(`no page of ${segment} among ${summary.pages}`);
  const file = path.join(dirs.out, page.file);
  const html = await readFile(file, 'utf8');
  await writeFile(
    file,
    html.replace(
      /data-pagefind-sort="upvotes:(\d+)"/,
      (_, n: string) => `data-pagefind-sort="upvotes:${Number(n) + 1}"`,
    ),
  );
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

/** Where it builds, relative to the project. */
const WORK_DIR = 'node_modules/.cache/daily-papers-bench-search';

export const SEARCH_BENCH_COMMAND = defineCommand({
  name: 'node bench/search.ts',
  usage: 'node bench/search.ts --n N [options]',
  summary: 'time the search index step alone',
  description: `Builds a synthetic archive of N papers once, then times the search index step alone, with
its cache: cold, after a daily change to the newest piece, with nothing changed, and with the largest
piece changed. Prints a table of the figures.

Examples:
  node bench/search.ts --n 15000            # generate, build, measure
  node bench/search.ts --n 15000 --reuse    # measure an earlier build again`,
  options: {
    n: { type: 'string', value: 'N', description: 'papers in the archive' },
    work: {
      type: 'string',
      value: 'DIR',
      description: 'where the archive, its site and the caches go, under <DIR>/<N>',
      defaultText: WORK_DIR,
    },
    reuse: {
      type: 'boolean',
      default: false,
      description: 'index the site built by an earlier run, when there is one, instead of building it again',
    },
    ...HELP_OPTION,
  },
});

async function main(): Promise<void> {
  const { values } = parseScriptArgs(SEARCH_BENCH_COMMAND, process.argv.slice(2));
  const n = Number(values.n);
  if (!Number.isInteger(n) || n <= 0)
    usageFailure(SEARCH_BENCH_COMMAND, `--n: expected a number of papers, got "${values.n ?? ''}"`);
  const root = path.resolve(values.work ?? path.join(PROJECT_ROOT, WORK_DIR), String(n));
  const dirs: Dirs = {
    content: path.join(root, 'content'),
    out: path.join(root, 'dist'),
    cache: path.join(root, 'pagefind-cache'),
    work: path.join(root, 'work'),
  };
  if (!values.reuse || !existsSync(path.join(dirs.out, 'index.html'))) {
    await generate({ n, out: dirs.content, addDay: false });
    const built = await buildSite(dirs);
    console.log(`site: ${n} papers built in ${seconds(built.wallMs)} (peak ${mb(built.peakRss)})`);
  }
  await rm(dirs.cache, { recursive: true, force: true });
  const rows: string[] = [];
  const report = (scenario: string, { run, summary }: Awaited<ReturnType<typeof indexStep>>) => {
    const indexed = summary.segments.filter((piece) => !piece.cached);
    const pages = indexed.reduce((sum, piece) => sum + piece.pages, 0);
    // CPU time is left out: Pagefind's binary does most of the work, and /usr/bin/time counts it only
    // where the step can wait for it to end (Linux: src/lib/search/service-exit.ts).
    const load = os.loadavg()[0]?.toFixed(1) ?? '–';
    const row = `| ${scenario} | ${summary.pages.toLocaleString('en')} | ${indexed.map((piece) => piece.segment).join(', ') || '–'} | ${pages.toLocaleString('en')} | ${seconds(run.wallMs)} | ${mb(run.peakRss)} | ${load} |`;
    rows.push(row);
    console.log(row);
  };
  const cold = await indexStep(dirs);
  report('cold: every piece', cold);
  const newest = cold.summary.segments[0]?.segment ?? '';
  await touchSegment(dirs, cold.summary, newest);
  report(`daily: ${newest} changed`, await indexStep(dirs));
  report('nothing changed', await indexStep(dirs));
  // The largest piece changed (an edit to a paper of a full earlier year).
  const largest = [...cold.summary.segments].sort((a, b) => b.pages - a.pages)[0];
  if (largest && largest.segment !== newest) {
    await touchSegment(dirs, cold.summary, largest.segment);
    report(`the largest piece: ${largest.segment} changed`, await indexStep(dirs));
  }
  const pieces = cold.summary.segments
    .map((piece) => `${piece.segment}: ${piece.pages.toLocaleString('en')}`)
    .join(', ');
  console.log(`\npages per piece: ${pieces}\n`);
  console.log(
    `| scenario | paper pages | pieces indexed | pages indexed | wall time | peak RSS | load (${os.cpus().length} CPUs) |`,
  );
  console.log('| --- | ---: | --- | ---: | ---: | ---: | ---: |');
  for (const row of rows) console.log(row);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
