import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { SITE } from '../../src/settings.ts';
import { themeSpec } from '../../src/lib/og/inputs.ts';
import { createPlanner } from '../../src/lib/og/plan.ts';
import { ProcessPool } from '../../src/lib/og/pool.ts';
import type { RenderResult, RenderTask } from '../../src/lib/og/worker.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WORKER = path.join(ROOT, 'src/lib/og/worker.ts');
const plan = createPlanner(themeSpec(SITE.og, ROOT));

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

function task(dir: string, index: number): RenderTask {
  const job = plan({
    kind: 'paper',
    title: `Paper number ${index}`,
    authors: 'Ada Lovelace',
    date: '3 October 2026',
    topics: [],
    label: '',
  });
  return { job, file: path.join(dir, `${index}.png`) };
}

describe('the worker process pool', () => {
  it('renders in worker processes and replaces each after `recycleAfter` images', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'og-pool-'));
    dirs.push(dir);
    const pool = new ProcessPool<RenderTask, RenderResult>({ workerFile: WORKER, size: 2, recycleAfter: 2 });
    try {
      const results = await Promise.all([0, 1, 2, 3, 4, 5, 6].map((index) => pool.run(task(dir, index))));
      expect(results.every((result) => result.bytes > 1000)).toBe(true);
    } finally {
      await pool.close();
    }
    // 7 images, 2 per process: at least 4 processes.
    expect(pool.stats.started).toBeGreaterThanOrEqual(4);
    expect(pool.stats.workerMaxRss).toBeGreaterThan(0);
    const meta = await sharp(path.join(dir, '6.png')).metadata();
    expect([meta.width, meta.height]).toEqual([1200, 630]);
  });

  it('fails a broken job with a readable error and goes on with the rest', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'og-pool-'));
    dirs.push(dir);
    const pool = new ProcessPool<RenderTask, RenderResult>({ workerFile: WORKER, size: 1, recycleAfter: 10 });
    const broken = task(dir, 0);
    broken.job.fonts = [{ family: 'inter-latin', weight: 400, file: path.join(dir, 'no-such-font.woff') }];
    try {
      await expect(pool.run(broken)).rejects.toThrow(/0\.png.*no-such-font\.woff/s);
      await pool.run(task(dir, 1));
    } finally {
      await pool.close();
    }
    expect(existsSync(path.join(dir, '0.png'))).toBe(false);
    expect(existsSync(path.join(dir, '1.png'))).toBe(true);
  });

  it('rejects work after it is closed', async () => {
    const pool = new ProcessPool<RenderTask, RenderResult>({ workerFile: WORKER, size: 1, recycleAfter: 1 });
    await pool.close();
    await expect(pool.run(task(os.tmpdir(), 0))).rejects.toThrow(/closed/);
  });
});
