/**
 * The build step: a card for every day and for each of the newest papers
 * (policy.ts), rendered only when its cache key is new, then placed in the
 * built site.
 *
 * 1. Read the papers with the same code as `papers validate` (store.ts).
 * 2. Plan each card (text, fonts, emoji) and hash it (hash.ts).
 * 3. Render the hashes the cache lacks in worker processes (pool.ts).
 * 4. Link every card from the cache into `dist/og/` (cache.ts).
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OgConfig } from '../config/site.ts';
import { placeCachedFile } from '../cache-file.ts';
import { listPaperFiles, readPaperFile } from '../papers/store.ts';
import { pruneFolder } from '../prune-folder.ts';
import { cacheFile, cachedHashes, pruneCache } from './cache.ts';
import type { CardInput } from './card.ts';
import { FileHasher, jobHash, rendererId } from './hash.ts';
import { dayCardInput, paperCardInput, themeSpec, type PaperLike } from './inputs.ts';
import { dayImagePath, OG_DIR, paperImagePath } from './paths.ts';
import { createPlanner } from './plan.ts';
import { hasOwnCard, newestDayOf, ownCardsFrom } from './policy.ts';
import { ProcessPool } from './pool.ts';
import type { RenderJob } from './render.ts';
import type { RenderResult, RenderTask } from './worker.ts';

export interface OgBuildOptions {
  /** The project folder: relative paths in the config (the logo) are read from here. */
  projectRoot: string;
  /** Holds `papers/`. */
  contentDir: string;
  /** The built site; images go to `<outDir>/og/`. */
  outDir: string;
  cacheDir: string;
  config: OgConfig;
  /** Worker processes; default: one per core. */
  workers?: number;
  /** Images a worker renders before it is replaced (keeps memory flat). */
  recycleAfter?: number;
  /** Delete cached images this build did not use. */
  prune?: boolean;
  /** A paper's topic titles as the site prints them (the site's: src/lib/site/topics.ts). */
  topics: (paper: PaperLike & { body?: string | undefined }) => string[];
  /** The archive's papers, when the build has them already; read from `contentDir` otherwise. */
  papers?: readonly (PaperLike & { body?: string | undefined })[];
}

export interface OgBuildReport {
  total: number;
  rendered: number;
  cached: number;
  /** Site paths (`og/papers/x.png`) of the images rendered by this build. */
  renderedPaths: string[];
  /** Bytes of the images rendered by this build. */
  renderedBytes: number;
  pruned: number;
  ms: number;
  /** Worker processes started, the most memory any one used, and their CPU time on images. */
  workersStarted: number;
  workerMaxRss: number;
  renderCpuMs: number;
}

/**
 * Images per worker process before it is replaced. A worker's memory grows
 * over its first few hundred images (native caches, fragmentation) and a new
 * process starts quickly, so replacing it this often keeps two workers small
 * at a negligible cost in time (docs/decisions/0003-build-speed-ups.md).
 */
export const RECYCLE_AFTER = 250;
/** Files read or linked at once. */
const IO_CONCURRENCY = 32;

interface Card {
  /** Site path, relative to outDir. */
  path: string;
  input: CardInput;
}

export async function buildOgImages(options: OgBuildOptions): Promise<OgBuildReport> {
  const started = performance.now();
  const cards = await collectCards(options);
  const plan = createPlanner(themeSpec(options.config, options.projectRoot));
  const renderer = rendererId();
  const files = new FileHasher();
  const cached = await cachedHashes(options.cacheDir);
  const hashes = new Map<string, string>(); // site path -> hash
  const missing = new Map<string, { job: RenderJob; paths: string[] }>();
  for (const card of cards) {
    const job = plan(card.input);
    const hash = jobHash(job, renderer, files);
    hashes.set(card.path, hash);
    if (cached.has(hash)) continue;
    const entry = missing.get(hash);
    if (entry) entry.paths.push(card.path);
    else missing.set(hash, { job, paths: [card.path] });
  }

  const rendering = await renderMissing(missing, options);
  await placeImages(hashes, options);
  const pruned = options.prune ? await pruneCache(options.cacheDir, new Set(hashes.values())) : 0;
  const renderedPaths = [...missing.values()].flatMap((entry) => entry.paths).sort();
  return {
    total: cards.length,
    rendered: renderedPaths.length,
    cached: cards.length - renderedPaths.length,
    renderedPaths,
    renderedBytes: rendering.bytes,
    pruned,
    ms: performance.now() - started,
    workersStarted: rendering.started,
    workerMaxRss: rendering.maxRss,
    renderCpuMs: rendering.cpuMs,
  };
}

/** `og images: 133 (2 rendered, 131 cached) in 1.2s` */
export function summaryLine(report: OgBuildReport): string {
  const seconds = (report.ms / 1000).toFixed(1);
  const pruned = report.pruned > 0 ? `, ${report.pruned} pruned` : '';
  return `og images: ${report.total} (${report.rendered} rendered, ${report.cached} cached${pruned}) in ${seconds}s`;
}

async function collectCards(options: OgBuildOptions): Promise<Card[]> {
  const { topics } = options;
  const papers = options.papers ?? (await readPapers(options.contentDir));
  const byDay = new Map<string, PaperLike[]>();
  const cards: Card[] = [];
  const from = ownCardsFrom(newestDayOf(papers), options.config.paperCardDays);
  for (const paper of papers) {
    if (hasOwnCard(paper.data.date, from))
      cards.push({ path: paperImagePath(paper.id), input: paperCardInput(paper, topics(paper)) });
    const day = byDay.get(paper.data.date);
    if (day) day.push(paper);
    else byDay.set(paper.data.date, [paper]);
  }
  for (const [date, dayPapers] of byDay)
    cards.push({ path: dayImagePath(date), input: dayCardInput(date, dayPapers) });
  return cards;
}

async function readPapers(contentDir: string): Promise<(PaperLike & { body: string })[]> {
  const files = await listPaperFiles(contentDir);
  return mapLimit(files, IO_CONCURRENCY, async (file) => {
    const result = await readPaperFile(contentDir, file);
    if (!result.ok) throw new Error(`social images: ${result.problems.join('; ')}`);
    return { id: result.paper.id, data: result.paper, body: result.body };
  });
}

async function renderMissing(
  missing: Map<string, { job: RenderJob }>,
  options: OgBuildOptions,
): Promise<{ bytes: number; started: number; maxRss: number; cpuMs: number }> {
  if (missing.size === 0) return { bytes: 0, started: 0, maxRss: 0, cpuMs: 0 };
  const pool = new ProcessPool<RenderTask, RenderResult>({
    workerFile: workerFile(options.projectRoot),
    size: Math.min(options.workers ?? os.availableParallelism(), missing.size),
    recycleAfter: options.recycleAfter ?? RECYCLE_AFTER,
  });
  let bytes = 0;
  try {
    await Promise.all(
      [...missing].map(async ([hash, { job }]) => {
        const result = await pool.run({ job, file: cacheFile(options.cacheDir, hash) });
        bytes += result.bytes;
      }),
    );
  } finally {
    await pool.close();
  }
  const { started, workerMaxRss, workerCpuMs } = pool.stats;
  return { bytes, started, maxRss: workerMaxRss, cpuMs: workerCpuMs };
}

async function placeImages(hashes: Map<string, string>, options: OgBuildOptions): Promise<void> {
  const folders = new Set(
    [...hashes.keys()].map((sitePath) => path.dirname(path.join(options.outDir, sitePath))),
  );
  for (const folder of folders) await mkdir(folder, { recursive: true });
  for (const [sitePath, hash] of hashes)
    placeCachedFile(cacheFile(options.cacheDir, hash), path.join(options.outDir, sitePath));
  // The build folder is kept between builds: a deleted paper's image goes here.
  pruneFolder(options.outDir, OG_DIR, new Set(hashes.keys()));
}

/**
 * worker.ts beside this module; when this module was bundled somewhere else
 * (a config loader), the copy in the project.
 */
function workerFile(projectRoot: string): string {
  const beside = fileURLToPath(new URL('./worker.ts', import.meta.url));
  return existsSync(beside) ? beside : path.join(projectRoot, 'src/lib/og/worker.ts');
}

/** Like Promise.all over `items`, with at most `limit` calls running at once. */
async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  call: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await call(items[index] as T);
    }
  });
  await Promise.all(lanes);
  return results;
}

/** Writes the report as JSON (PAPERS_OG_REPORT), for tests and CI logs. */
export async function writeReport(file: string, report: OgBuildReport): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
}
