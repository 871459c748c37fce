/**
 * A worker process of the image pool (pool.ts): renders one job at a time
 * and writes the PNG into the cache itself, so only a few bytes of reply
 * travel back. Started by `node src/lib/og/worker.ts` (Node strips the types).
 */
import sharp from 'sharp';
import { writeAtomically } from '../cache-file.ts';
import { AssetCache, renderPng, type RenderJob } from './render.ts';

export interface RenderTask {
  job: RenderJob;
  /** Where the PNG goes (a cache file). */
  file: string;
}

export interface RenderResult {
  bytes: number;
}

// The pool runs one worker per core: libvips threads of its own would only
// compete with the other workers, and its operation cache only holds memory.
sharp.concurrency(1);
sharp.cache(false);

const assets = new AssetCache();

process.on('message', (message: { id: number; task: RenderTask }) => {
  void handle(message.id, message.task);
});

async function handle(id: number, task: RenderTask): Promise<void> {
  try {
    const before = process.cpuUsage();
    const png = await renderPng(task.job, assets);
    await writeAtomically(task.file, png);
    const used = process.cpuUsage(before);
    const result: RenderResult = { bytes: png.length };
    // maxRSS is in kilobytes.
    const maxRss = process.resourceUsage().maxRSS * 1024;
    process.send?.({ id, ok: true, result, maxRss, cpuMs: (used.user + used.system) / 1000 });
  } catch (error) {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.send?.({ id, ok: false, error: `rendering ${task.file}: ${text}` });
  }
}
