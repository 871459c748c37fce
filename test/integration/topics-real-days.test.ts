/**
 * The shipped taxonomy on real Daily Papers days it was not tuned on
 * (test/fixtures/corpus/real-days/README.md says which days were used to
 * tune it and which are held out): each day ingested as `papers ingest hf`
 * does, then classified as the build does. A paper should be filed where it
 * belongs, not everywhere it touches, and rarely nowhere.
 */
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { topicCoverage, topicsPerPaper } from '../../src/lib/topics/coverage.ts';
import { loadClassifiablePapers, loadTaxonomy } from '../../src/lib/topics/load.ts';
import { PROJECT_ROOT } from '../helpers/build-site.ts';
import { papers } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const REAL_DAYS = path.join(PROJECT_ROOT, 'test/fixtures/corpus/real-days');
/** The days the taxonomy's rules and settings were tuned on, with the sample in content/. */
const TUNED_ON = new Set(['2024-10-16', '2025-06-18', '2026-02-10']);

describe('the taxonomy on real days it was not tuned on', () => {
  it('gives at most 1.8 topics a paper on average and leaves at most 5% only in "other"', async () => {
    const days = (await readdir(REAL_DAYS))
      .map((file) => /^hf-(\d{4}-\d{2}-\d{2})\.json$/.exec(file)?.[1])
      .filter((day): day is string => day !== undefined && !TUNED_ON.has(day));
    expect(days.length).toBeGreaterThanOrEqual(8);
    const contentDir = await tempDir('real-days-');
    await mkdir(contentDir, { recursive: true });
    await copyFile(path.join(PROJECT_ROOT, 'content/topics.yaml'), path.join(contentDir, 'topics.yaml'));
    for (const day of days) {
      const file = path.join(REAL_DAYS, `hf-${day}.json`);
      const run = await papers(['ingest', 'hf', '--file', file, '--date', day, '--content-dir', contentDir]);
      expect(run.code, `${day}: ${run.stderr}`).toBe(0);
    }
    const taxonomy = await loadTaxonomy(contentDir);
    const coverage = topicCoverage(await loadClassifiablePapers(contentDir), taxonomy);
    expect(coverage.papers).toBeGreaterThanOrEqual(150);
    expect(topicsPerPaper(coverage)).toBeLessThanOrEqual(1.8);
    expect(coverage.unmatched / coverage.papers).toBeLessThanOrEqual(0.05);
  }, 60_000);
});
