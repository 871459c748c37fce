/**
 * Social images end to end: the build step on a copy of the fixture archive
 * (cache hits, what a change re-renders), then a real Astro build under
 * BASE_PATH=/papers/ (images in dist, meta tags that point at them).
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITE } from '../../src/settings.ts';
import { buildOgImages, type OgBuildOptions, type OgBuildReport } from '../../src/lib/og/build.ts';
import { dayImagePath, paperImagePath } from '../../src/lib/og/paths.ts';
import { hasOwnCard, newestDayOf, ownCardsFrom } from '../../src/lib/og/policy.ts';
import { serializePaperDocument } from '../../src/lib/papers/document.ts';
import { paperRelativePath } from '../../src/lib/papers/paths.ts';
import type { Paper } from '../../src/lib/papers/schema.ts';
import { listPaperFiles } from '../../src/lib/papers/store.ts';
import { createTopicResolver } from '../../src/lib/topics/index.ts';
import { loadTaxonomy } from '../../src/lib/topics/load.ts';
import { buildFixtureSite, FIXTURE_CONTENT_DIR, PROJECT_ROOT } from '../helpers/build-site.ts';
import { attr, parseHtml } from '../helpers/html.ts';

const ADDED_DAY = '2026-10-06';
/** A day of five papers: the last one is below the day card's top four. */
const ADDED: { id: string; title: string; upvotes: number }[] = [
  { id: '2610.00101', title: 'Scaling Laws for Extremely Long Titles '.repeat(8).slice(0, 300), upvotes: 50 },
  { id: '2610.00102', title: 'Multilingual Evaluation 🌍🤖: Emoji 👩‍🔬 in Titles ✨', upvotes: 40 },
  { id: '2610.00103', title: '大语言模型的推理能力：日本語のテキストと한국어 평가', upvotes: 30 },
  { id: '2610.00104', title: 'Bounds for $\\alpha$-Divergences as $n \\to \\infty$', upvotes: 20 },
  { id: '2610.00105', title: 'The Least Upvoted Paper of the Day', upvotes: 1 },
];

let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'og-integration-'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

function addedPaper(entry: (typeof ADDED)[number]): Paper {
  return {
    id: entry.id,
    title: entry.title,
    authors: ['Ada Lovelace', 'Zoë Çelik', '张伟', 'Grace Hopper', 'Alan Turing'],
    date: ADDED_DAY,
    upvotes: entry.upvotes,
    keywords: [],
    categories: ['cs.LG'],
    source: 'hf',
    topics: ['language-models'],
  };
}

async function writePaper(contentDir: string, paper: Paper): Promise<void> {
  const file = path.join(contentDir, paperRelativePath(paper.id, paper.date));
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, serializePaperDocument(paper, 'An abstract.'));
}

async function expectPng(file: string): Promise<void> {
  const meta = await sharp(file).metadata();
  expect([meta.format, meta.width, meta.height], file).toEqual(['png', 1200, 630]);
  await sharp(file).raw().toBuffer();
}

/** Every image the archive needs: one per day, one per paper of the newest days (src/lib/og/policy.ts). */
async function expectedImages(contentDir: string): Promise<string[]> {
  const files = await listPaperFiles(contentDir);
  const from = ownCardsFrom(newestDayOf(files.map((file) => ({ data: file }))), SITE.og.paperCardDays);
  const days = [...new Set(files.map((file) => file.date))];
  const own = files.filter((file) => hasOwnCard(file.date, from));
  // The fixture holds papers on both sides of the window, so both kinds of page are checked.
  expect(own.length).toBeGreaterThan(0);
  expect(own.length).toBeLessThan(files.length);
  return [...own.map((file) => paperImagePath(file.id)), ...days.map(dayImagePath)].sort();
}

describe('the social image build step', () => {
  let options: Omit<OgBuildOptions, 'outDir'>;
  let first: OgBuildReport;
  const run = (name: string) => buildOgImages({ ...options, outDir: path.join(work, name) });

  beforeAll(async () => {
    const contentDir = path.join(work, 'content');
    await cp(FIXTURE_CONTENT_DIR, contentDir, { recursive: true });
    for (const entry of ADDED) await writePaper(contentDir, addedPaper(entry));
    options = {
      projectRoot: PROJECT_ROOT,
      contentDir,
      cacheDir: path.join(work, 'cache'),
      config: SITE.og,
      // Hand-set topics only: the test does not depend on the taxonomy.
      topics: (paper) => paper.data.topics,
    };
    first = await run('dist-1');
  });

  it('renders a valid 1200 x 630 PNG for every day and newest paper, hostile titles included', async () => {
    const expected = await expectedImages(options.contentDir);
    expect(first.renderedPaths).toEqual(expected);
    expect(first).toMatchObject({ total: expected.length, rendered: expected.length, cached: 0 });
    for (const image of expected) await expectPng(path.join(work, 'dist-1', image));
  });

  it('leaves its images in a build folder kept from the last build, and removes those of deleted papers', async () => {
    const dist = path.join(work, 'dist-1');
    const image = path.join(dist, first.renderedPaths[0]!);
    const before = await stat(image);
    const deleted = path.join(dist, 'og/papers/2601.99999.png');
    await writeFile(deleted, 'the image of a paper deleted since');
    await run('dist-1');
    // Linking again would change the link count, and with it the change time.
    expect((await stat(image)).ctimeMs).toBe(before.ctimeMs);
    expect(existsSync(deleted)).toBe(false);
  });

  it('renders nothing the second time, and places the same bytes', async () => {
    const second = await run('dist-2');
    expect(second).toMatchObject({ rendered: 0, cached: first.total, renderedPaths: [] });
    for (const image of first.renderedPaths) {
      const a = await readFile(path.join(work, 'dist-1', image));
      const b = await readFile(path.join(work, 'dist-2', image));
      expect(a.equals(b), image).toBe(true);
    }
  });

  it("re-renders only a changed paper's image, and its day's when the day card shows it", async () => {
    const [top, , , , last] = ADDED.map(addedPaper) as [Paper, Paper, Paper, Paper, Paper];
    await writePaper(options.contentDir, { ...last, title: 'A Corrected Title' });
    expect((await run('dist-3')).renderedPaths).toEqual([paperImagePath(last.id)]);
    await writePaper(options.contentDir, { ...top, title: 'A Better Title for the Top Paper' });
    expect((await run('dist-4')).renderedPaths).toEqual([dayImagePath(ADDED_DAY), paperImagePath(top.id)]);
  });
});

interface MetaImage {
  page: string;
  property: string;
  url: string;
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

async function metaImages(outDir: string): Promise<MetaImage[]> {
  const found: MetaImage[] = [];
  for (const file of await htmlFiles(outDir)) {
    const document = await parseHtml(await readFile(file, 'utf8'));
    for (const meta of document.querySelectorAll('meta')) {
      const property = attr(meta, 'property') ?? attr(meta, 'name') ?? '';
      const url = attr(meta, 'content');
      if ((property === 'og:image' || property === 'twitter:image') && url)
        found.push({ page: path.relative(outDir, file), property, url });
    }
  }
  return found;
}

describe('social images in an Astro build under BASE_PATH=/papers/', () => {
  const siteUrl = 'https://example.org';
  const base = '/papers/';
  let outDir: string;
  let report: OgBuildReport;
  // A copy: the fixture may change while the tests run (other tests are written beside them).
  let contentDir: string;

  async function build(name: string): Promise<OgBuildReport> {
    const reportFile = path.join(work, `${name}.json`);
    // buildFixtureSite hands the environment on to the build.
    process.env['PAPERS_OG_CACHE'] = path.join(work, 'astro-cache');
    process.env['PAPERS_OG_REPORT'] = reportFile;
    try {
      await buildFixtureSite({ contentDir, base, siteUrl, outDir: path.join(work, name) });
    } finally {
      delete process.env['PAPERS_OG_CACHE'];
      delete process.env['PAPERS_OG_REPORT'];
    }
    return JSON.parse(await readFile(reportFile, 'utf8')) as OgBuildReport;
  }

  beforeAll(async () => {
    contentDir = path.join(work, 'astro-content');
    await cp(FIXTURE_CONTENT_DIR, contentDir, { recursive: true });
    report = await build('astro-1');
    outDir = path.join(work, 'astro-1');
  });

  it('puts a card for every day and newest paper in dist/og/', async () => {
    const expected = await expectedImages(contentDir);
    expect(report.renderedPaths).toEqual(expected);
    for (const image of expected) await expectPng(path.join(outDir, image));
  });

  it('gives every page og:image and twitter:image URLs of images that exist, under the base path', async () => {
    const images = await metaImages(outDir);
    expect(images.filter((image) => image.property === 'og:image').length).toBeGreaterThan(10);
    for (const image of images) {
      const url = new URL(image.url);
      expect(`${url.origin}${url.pathname.slice(0, base.length)}`, `${image.page}: ${image.url}`).toBe(
        `${siteUrl}${base}`,
      );
      await expectPng(path.join(outDir, decodeURIComponent(url.pathname.slice(base.length))));
    }
  });

  it('points a newest paper’s page at its own card, an older one’s at its day’s', async () => {
    const images = await metaImages(outDir);
    const files = await listPaperFiles(contentDir);
    const from = ownCardsFrom(newestDayOf(files.map((file) => ({ data: file }))), SITE.og.paperCardDays);
    for (const file of files) {
      const page = path.join('papers', ...file.id.split('/'), 'index.html');
      const card = hasOwnCard(file.date, from) ? paperImagePath(file.id) : dayImagePath(file.date);
      const shown = images.filter((image) => image.page === page).map((image) => image.url);
      expect(shown, page).toEqual([`${siteUrl}${base}${card}`]);
    }
  });

  it('renders nothing when the site is built again', async () => {
    const again = await build('astro-2');
    expect(again).toMatchObject({ rendered: 0, cached: report.total });
  });

  // The build makes its cards from the papers and topics its pages used
  // (src/lib/papers/built-papers.ts, build-record.ts); reading the files must give the same cards.
  it('makes the cards that reading the content folder makes', async () => {
    const resolver = createTopicResolver(await loadTaxonomy(contentDir));
    const fromFiles = await buildOgImages({
      projectRoot: PROJECT_ROOT,
      contentDir,
      cacheDir: path.join(work, 'astro-cache'),
      config: SITE.og,
      outDir: path.join(work, 'from-files'),
      topics: (paper) => resolver.topicsOf(paper).map(resolver.topicTitle),
    });
    expect(fromFiles).toMatchObject({ total: report.total, rendered: 0 });
  });
});
