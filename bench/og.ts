/**
 * Social image benchmark: renders the cards of a synthetic archive of N
 * papers (bench/generate.ts) from an empty cache, again from a full one,
 * and after one day is added; prints ms per image and peak memory.
 *
 *   node bench/og.ts --n 200
 *   node bench/og.ts --n 5000 --workers 2 --recycle 500
 *
 * Peak memory is the largest sum of the resident sets of this process and
 * its worker processes, sampled every 200 ms from /proc (Linux); elsewhere,
 * this process's own peak plus the workers' largest.
 */
import { readFile, readdir, rm, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineCommand, HELP_OPTION, parseScriptArgs, usageFailure } from '../scripts/cli/args.ts';
import { SITE } from '../src/settings.ts';
import { buildOgImages, RECYCLE_AFTER, summaryLine, type OgBuildReport } from '../src/lib/og/build.ts';
import { generate } from './generate.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));
const MB = 1024 * 1024;

/** The summed resident memory of a process tree, in bytes (Linux only). */
async function treeRss(pid: number): Promise<number> {
  let total = 0;
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    total += Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    for (const task of await readdir(`/proc/${pid}/task`)) {
      const children = await readFile(`/proc/${pid}/task/${task}/children`, 'utf8');
      for (const child of children.trim().split(/\s+/).filter(Boolean)) total += await treeRss(Number(child));
    }
  } catch {
    // The process ended between two reads.
  }
  return total;
}

/** Samples the memory of this process and its workers until stopped; resolves to the peak. */
function sampleMemory(): { stop: () => Promise<number> } {
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      peak = Math.max(peak, await treeRss(process.pid));
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return peak;
    },
  };
}

interface Run {
  report: OgBuildReport;
  peak: number;
  cpuMs: number;
}

async function run(
  contentDir: string,
  outDir: string,
  cacheDir: string,
  workers: number,
  recycleAfter: number,
): Promise<Run> {
  // Imported here, not at the top: the module reads the site's taxonomy when it loads, which --help need not.
  const { topicTitlesOf } = await import('../src/lib/site/topics.ts');
  const sampler = sampleMemory();
  const cpuBefore = process.cpuUsage();
  const report = await buildOgImages({
    projectRoot: PROJECT_ROOT,
    contentDir,
    outDir,
    cacheDir,
    config: SITE.og,
    topics: topicTitlesOf,
    workers,
    recycleAfter,
  });
  const cpu = process.cpuUsage(cpuBefore);
  const peak = await sampler.stop();
  // Without /proc, the best estimate: this process's peak plus every worker at its peak.
  const fallback = process.resourceUsage().maxRSS * 1024 + workers * report.workerMaxRss;
  return {
    report,
    peak: process.platform === 'linux' ? peak : fallback,
    cpuMs: (cpu.user + cpu.system) / 1000,
  };
}

function line(label: string, { report, peak }: Run): string {
  const perImage = report.ms / Math.max(1, report.total);
  const perRendered =
    report.rendered > 0 ? `, ${(report.ms / report.rendered).toFixed(1)} ms per rendered image` : '';
  const cpu =
    report.rendered > 0
      ? `, ${(report.renderCpuMs / report.rendered).toFixed(1)} ms CPU per rendered image`
      : '';
  const size =
    report.rendered > 0 ? `, ${(report.renderedBytes / report.rendered / 1024).toFixed(1)} KB per PNG` : '';
  return (
    `${label.padEnd(9)} ${summaryLine(report)}: ${perImage.toFixed(2)} ms/image${perRendered}${cpu}${size}; ` +
    `peak RSS ${Math.round(peak / MB)} MB (workers started: ${report.workersStarted}, ` +
    `largest worker ${Math.round(report.workerMaxRss / MB)} MB)`
  );
}

export const OG_BENCH_COMMAND = defineCommand({
  name: 'node bench/og.ts',
  usage: 'node bench/og.ts [options]',
  summary: 'time the social images: cold, cached, and one new day',
  description:
    'Renders the social images of a synthetic archive three times (cold, from the cache, and after one more day) and prints the time and memory of each.',
  options: {
    n: { type: 'string', value: 'N', default: '200', description: 'papers in the archive' },
    workers: {
      type: 'string',
      value: 'N',
      default: String(os.availableParallelism()),
      defaultText: 'the number of cores',
      description: 'worker processes that render',
    },
    recycle: {
      type: 'string',
      value: 'N',
      default: String(RECYCLE_AFTER),
      description: 'images a worker renders before it is replaced',
    },
    keep: { type: 'boolean', default: false, description: 'keep the work folder' },
    ...HELP_OPTION,
  },
});

async function main(): Promise<void> {
  const { values } = parseScriptArgs(OG_BENCH_COMMAND, process.argv.slice(2));
  const n = Number(values.n);
  const workers = Number(values.workers);
  const recycleAfter = Number(values.recycle);
  if (![n, workers, recycleAfter].every((value) => Number.isInteger(value) && value > 0))
    usageFailure(OG_BENCH_COMMAND, '--n, --workers and --recycle take whole numbers of 1 or more');
  const work = await mkdtemp(path.join(os.tmpdir(), 'og-bench-'));
  const contentDir = path.join(work, 'content');
  const cacheDir = path.join(work, 'cache');
  try {
    await generate({ n, out: contentDir });
    console.log(`${n} papers, ${workers} workers, each replaced after ${recycleAfter} images (${work})`);
    const cold = await run(contentDir, path.join(work, 'dist-cold'), cacheDir, workers, recycleAfter);
    console.log(line('cold', cold));
    console.log(
      `          ${(cold.cpuMs / Math.max(1, cold.report.total)).toFixed(1)} ms CPU/image in this process (planning, hashing, linking)`,
    );
    const cached = await run(contentDir, path.join(work, 'dist-cached'), cacheDir, workers, recycleAfter);
    console.log(line('cached', cached));
    const [added] = await generate({ n, out: contentDir, addDay: true });
    const oneDay = await run(contentDir, path.join(work, 'dist-day'), cacheDir, workers, recycleAfter);
    console.log(line(`+${added}`, oneDay));
  } finally {
    if (!values.keep) await rm(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
