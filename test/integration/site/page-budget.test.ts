/**
 * The bytes a reader's host pays for: a paper page is the site's most
 * numerous file, so its median size is held to a budget here, on the fixture
 * site; `npm run bench` measures the whole site at 50,000 papers
 * (docs/hosting.md).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../../helpers/built-site.ts';
import { fixtureSite } from '../../helpers/fixture-sites.ts';

/** Bytes of raw HTML of the median paper page. */
const PAPER_PAGE_BUDGET = 9_000;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

describe('the paper pages of the fixture site', () => {
  it(`are at most ${PAPER_PAGE_BUDGET.toLocaleString('en')} bytes each, median`, async () => {
    const site = fixtureSite('root');
    const pages = (await listFiles(site.outDir)).filter(
      (file) => file.startsWith('papers/') && file.endsWith('/index.html'),
    );
    expect(pages.length).toBeGreaterThanOrEqual(10);
    const sizes = await Promise.all(
      pages.map(async (file) => Buffer.byteLength(await readFile(path.join(site.outDir, file)))),
    );
    expect(median(sizes)).toBeLessThanOrEqual(PAPER_PAGE_BUDGET);
  });
});
