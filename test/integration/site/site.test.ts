/**
 * The fixture archive built by Astro (test/setup/build-fixtures.ts), checked
 * as files: every page of the URL layout exists, the day chain is complete,
 * hostile text stays text, math is rendered, paper pages carry their meta
 * tags, a BASE_PATH build stays under its base, and builds are reproducible.
 *
 * Conventions these tests rely on (the site issue's URL layout plus):
 * - day pages link to the previous (older) and next (newer) listing day with
 *   `rel="prev"` / `rel="next"` (on `<a>` or `<link>`);
 * - robots.txt names the sitemap (`Sitemap: <absolute URL of sitemap-index.xml>`).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { HtmlElement } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  absoluteUrl,
  listFiles,
  readPage,
  resolveUrl,
  sitePathOfFile,
  type BuiltSite,
} from '../../helpers/built-site.ts';
import { FIXTURE_CONTENT_DIR } from '../../helpers/build-site.ts';
import {
  expectedPages,
  fileForSitePath,
  isoWeek,
  loadFixtureArchive,
  sitePath,
  type FixtureArchive,
  type PageKind,
} from '../../helpers/fixture-archive.ts';
import { fixtureSite } from '../../helpers/fixture-sites.ts';
import { attr, jsonLd, metaValues, parseHtml, textOf, urlReferences } from '../../helpers/html.ts';

const HOSTILE_ID = '2609.10004';
const MATH_ID = '2609.10003';
const MANY_AUTHORS_ID = '2609.10002';

let archive: FixtureArchive;
beforeAll(async () => {
  archive = await loadFixtureArchive(FIXTURE_CONTENT_DIR);
});

describe('the fixture archive', () => {
  it('covers what the site tests need', () => {
    // One paper of 2025, so search has two year indexes to merge.
    expect(archive.days).toEqual([
      '2025-11-14',
      '2026-09-24',
      '2026-09-25',
      '2026-09-29',
      '2026-10-02',
      '2026-10-05',
    ]);
    expect(archive.months).toEqual(['2025-11', '2026-09', '2026-10']);
    expect(archive.weeks).toEqual(['2025-W46', '2026-W39', '2026-W40', '2026-W41']);
    expect(archive.topics).toEqual(['language-models', 'reasoning', 'vision']);
    expect(archive.papers.map((paper) => paper.id)).toContain('hep-th/9901001');
    expect(archive.papers.find((paper) => paper.id === MANY_AUTHORS_ID)?.authors).toHaveLength(30);
    expect(isoWeek('2021-01-03')).toBe('2020-W53');
  });
});

describe.each(['root', 'papersBase'] as const)('the %s build', (variant) => {
  let site: BuiltSite;
  beforeAll(() => {
    site = fixtureSite(variant);
  });

  it.each<PageKind>([
    'home',
    'day',
    'archive',
    'month',
    'week',
    'paper',
    'topics',
    'topic',
    'about',
    'notFound',
  ])('has every %s page', async (kind) => {
    const files = new Set(await listFiles(site.outDir));
    const wanted = expectedPages(archive).filter((page) => page.kind === kind);
    const missing = wanted
      .map((page) => path.relative(site.outDir, fileForSitePath(site.outDir, page.path)))
      .filter((file) => !files.has(file.split(path.sep).join('/')));
    expect(missing, `missing ${kind} pages`).toEqual([]);
  });

  it('has robots.txt naming the sitemap, and a sitemap of every page', async () => {
    const robots = await readFile(path.join(site.outDir, 'robots.txt'), 'utf8');
    expect(robots).toContain(`Sitemap: ${absoluteUrl(site, 'sitemap-index.xml')}`);

    const parser = new XMLParser({ isArray: (name) => name === 'sitemap' || name === 'url' });
    const index = await readXml(path.join(site.outDir, 'sitemap-index.xml'));
    const sitemaps = (parser.parse(index) as SitemapIndex).sitemapindex.sitemap.map((entry) => entry.loc);
    const listed: string[] = [];
    for (const loc of sitemaps) {
      const resolved = resolveUrl(site, '', loc);
      expect(resolved.kind, loc).toBe('internal');
      if (resolved.kind !== 'internal') continue;
      const sitemap = await readXml(path.join(site.outDir, resolved.sitePath));
      listed.push(...(parser.parse(sitemap) as Sitemap).urlset.url.map((entry) => entry.loc));
    }
    const wanted = expectedPages(archive)
      .filter((page) => page.kind !== 'notFound')
      .map((page) => absoluteUrl(site, page.path));
    expect(listed).toEqual(expect.arrayContaining(wanted));
    expect(listed.filter((loc) => /\/404(\.html|\/)$/.test(loc))).toEqual([]);
  });

  it('links every day to the one before and after it, from the latest back to the first and forward again', async () => {
    const newestFirst = [...archive.days].reverse();
    const backwards = await followChain(site, sitePath.day(newestFirst[0] ?? ''), 'prev');
    expect(backwards).toEqual(newestFirst.map((day) => sitePath.day(day)));
    const forwards = await followChain(site, sitePath.day(archive.days[0] ?? ''), 'next');
    expect(forwards).toEqual(archive.days.map((day) => sitePath.day(day)));
  });

  it('shows the latest day on the home page', async () => {
    const latest = archive.days.at(-1);
    const linked = await linkedSitePaths(site, sitePath.home());
    for (const paper of archive.papers.filter((paper) => paper.date === latest)) {
      expect(linked, `home links to ${paper.id}`).toContain(sitePath.paper(paper.id));
    }
  });

  it('lists each paper on its day, week and month pages', async () => {
    for (const day of archive.days) {
      const onDay = await linkedSitePaths(site, sitePath.day(day));
      const inWeek = await linkedSitePaths(site, sitePath.week(isoWeek(day)));
      const inMonth = await linkedSitePaths(site, sitePath.month(day.slice(0, 7)));
      for (const paper of archive.papers.filter((paper) => paper.date === day)) {
        expect(onDay, `day ${day} links to ${paper.id}`).toContain(sitePath.paper(paper.id));
        expect(inWeek, `week ${isoWeek(day)} links to ${paper.id}`).toContain(sitePath.paper(paper.id));
        // A month page may list its papers or only its days.
        expect([sitePath.paper(paper.id), sitePath.day(day)].some((target) => inMonth.includes(target))).toBe(
          true,
        );
      }
    }
  });

  it('lists each paper on its topics’ pages (the newest and any numbered ones)', async () => {
    const topicsIndex = await linkedSitePaths(site, sitePath.topics());
    const files = await listFiles(site.outDir);
    for (const topic of archive.topics) {
      expect(topicsIndex, `/topics/ links to ${topic}`).toContain(sitePath.topic(topic));
      const pages = files
        .filter((file) =>
          new RegExp(`^${escapeRegExp(sitePath.topic(topic))}(\\d+/)?index\\.html$`).test(file),
        )
        .map((file) => file.replace(/index\.html$/, ''));
      expect(pages, topic).toContain(sitePath.topic(topic));
      const linked: string[] = [];
      for (const page of pages) linked.push(...(await linkedSitePaths(site, page)));
      for (const paper of archive.papers.filter((paper) => paper.topics.includes(topic))) {
        expect(linked, `topic ${topic} links to ${paper.id}`).toContain(sitePath.paper(paper.id));
      }
    }
  });

  it('keeps the hostile title and abstract as text on every page', async () => {
    const hostile = archive.papers.find((paper) => paper.id === HOSTILE_ID);
    expect(hostile).toBeDefined();
    const htmlFiles = (await listFiles(site.outDir)).filter((file) => file.endsWith('.html'));
    const problems: string[] = [];
    for (const file of htmlFiles) {
      const { document } = await readPage(site, sitePathOfFile(file));
      problems.push(...injectedMarkup(document).map((problem) => `${file}: ${problem}`));
    }
    expect(problems).toEqual([]);

    const { document } = await readPage(site, sitePath.paper(HOSTILE_ID));
    expect(textOf(document.querySelector('h1') ?? fail('no <h1>'))).toBe(hostile?.title);
    expect(textOf(document.querySelector('title') ?? fail('no <title>'))).toContain(hostile?.title);
    expect(metaValues(document, 'og:title')[0]).toContain(hostile?.title);
    const body = textOf(document);
    expect(body).toContain('Closing tags such as </script> and </style>, CDATA ends like ]]>');
    expect(body).toContain('<img src=x onerror=alert(2)>');
  });

  it('renders math in abstracts as MathML or KaTeX HTML', async () => {
    const { source } = await readPage(site, sitePath.paper(MATH_ID));
    // The page body: <head> keeps the TeX source (description, JSON-LD), and
    // so does MathML's <annotation>.
    const body = source.slice(source.indexOf('<body')).replace(/<annotation[\s\S]*?<\/annotation>/g, '');
    expect(body).toMatch(/<math[\s>]|class="katex"/);
    expect(body).not.toContain('\\alpha');
  });

  it('gives each paper page its canonical URL, Open Graph, Twitter, Highwire and JSON-LD metadata', async () => {
    for (const paper of archive.papers) {
      const { document } = await readPage(site, sitePath.paper(paper.id));
      const where = `paper ${paper.id}`;
      const canonical = document.querySelectorAll('link').filter((link) => attr(link, 'rel') === 'canonical');
      expect(
        canonical.map((link) => attr(link, 'href')),
        where,
      ).toEqual([absoluteUrl(site, sitePath.paper(paper.id))]);
      expect(metaValues(document, 'og:title'), where).toHaveLength(1);
      expect(metaValues(document, 'og:url'), where).toEqual([absoluteUrl(site, sitePath.paper(paper.id))]);
      const [image] = metaValues(document, 'og:image');
      expect(image, `${where}: og:image`).toMatch(/^https?:\/\//);
      const imageTarget = resolveUrl(site, sitePath.paper(paper.id), image ?? '');
      if (imageTarget.kind === 'internal') {
        const file = fileForSitePath(site.outDir, imageTarget.sitePath);
        expect(existsSync(file), `${where}: og:image ${image} is not in the build`).toBe(true);
      }
      expect(metaValues(document, 'twitter:card'), where).toHaveLength(1);
      expect(metaValues(document, 'citation_title'), where).toEqual([paper.title]);
      expect(metaValues(document, 'citation_author'), where).toEqual(paper.authors);
      const articles = jsonLd(document).filter((item) => typeOf(item).includes('ScholarlyArticle'));
      expect(articles, `${where}: a ScholarlyArticle in JSON-LD`).toHaveLength(1);
      expect(
        (articles[0] as { headline?: string; name?: string }).headline ??
          (articles[0] as { name?: string }).name,
      ).toBe(paper.title);
    }
  });
});

describe('a paper file saved with a byte order mark (issue 20)', () => {
  it('builds as any other: its page has its title, authors and abstract', async () => {
    const file = path.join(FIXTURE_CONTENT_DIR, 'papers/2026/10/02/2610.00003.md');
    expect((await readFile(file, 'utf8')).startsWith('\uFEFF---\n')).toBe(true);
    const { document } = await readPage(fixtureSite('root'), sitePath.paper('2610.00003'));
    expect(metaValues(document, 'citation_title')).toEqual(['A Paper Without Topics']);
    expect(metaValues(document, 'citation_author')).toEqual(['Nobody Special']);
    expect(textOf(document)).toContain('Not every paper is filed under a topic; this one belongs to none.');
  });
});

describe('the BASE_PATH=/papers/ build', () => {
  it('has no URL outside /papers/, root-relative or absolute', async () => {
    const site = fixtureSite('papersBase');
    const origin = new URL(site.siteUrl).origin;
    const problems: string[] = [];
    for (const file of await listFiles(site.outDir)) {
      if (!/\.(html|xml|txt|json|css|js|webmanifest)$/.test(file)) continue;
      const text = await readFile(path.join(site.outDir, file), 'utf8');
      if (file.endsWith('.html')) {
        const document = await parseHtml(text);
        for (const { tag, attribute, url } of urlReferences(document)) {
          const resolved = resolveUrl(site, sitePathOfFile(file), url);
          if (resolved.kind === 'outside-base') problems.push(`${file}: <${tag} ${attribute}="${url}">`);
        }
      }
      // Anywhere else (JSON-LD, inline CSS, feeds, sitemaps, scripts): our
      // origin must be followed by the base.
      for (const match of text.matchAll(new RegExp(`${escapeRegExp(origin)}(/[^\\s"'<>)\\\\]*)?`, 'g'))) {
        if (!(match[1] ?? '').startsWith(site.base)) problems.push(`${file}: ${match[0]}`);
      }
      if (file.endsWith('.css') || file.endsWith('.html')) {
        for (const match of text.matchAll(/url\(\s*['"]?(\/[^'")\s]*)/g)) {
          if (!(match[1] ?? '').startsWith(site.base) && !(match[1] ?? '').startsWith('//')) {
            problems.push(`${file}: url(${match[1]})`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('reproducible builds', () => {
  it('builds the same content into the same bytes, with build reuse and without it', async () => {
    const first = fixtureSite('root');
    const second = fixtureSite('rootWithoutReuse');
    const files = await listFiles(first.outDir);
    expect(await listFiles(second.outDir)).toEqual(files);
    const differing: string[] = [];
    for (const file of files) {
      const [a, b] = await Promise.all([
        readFile(path.join(first.outDir, file)),
        readFile(path.join(second.outDir, file)),
      ]);
      if (!a.equals(b)) differing.push(file);
    }
    expect(differing).toEqual([]);
  });
});

// ---------------------------------------------------------------------------

interface SitemapIndex {
  sitemapindex: { sitemap: { loc: string }[] };
}
interface Sitemap {
  urlset: { url: { loc: string }[] };
}

async function readXml(file: string): Promise<string> {
  const xml = await readFile(file, 'utf8');
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    throw new Error(`${file} is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  return xml;
}

function fail(message: string): never {
  throw new Error(message);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function typeOf(item: unknown): string[] {
  const type = item && typeof item === 'object' ? (item as { '@type'?: unknown })['@type'] : undefined;
  return (Array.isArray(type) ? type : [type]).filter((value): value is string => typeof value === 'string');
}

/** Site paths (below the base) of our pages linked from a page with `<a href>`. */
async function linkedSitePaths(site: BuiltSite, from: string): Promise<string[]> {
  const { document } = await readPage(site, from);
  return document
    .querySelectorAll('a[href]')
    .map((link) => resolveUrl(site, from, attr(link, 'href') ?? ''))
    .flatMap((resolved) => (resolved.kind === 'internal' ? [resolved.sitePath] : []));
}

/** The day pages visited by following `rel` links from `start` until there are none. */
async function followChain(site: BuiltSite, start: string, rel: 'prev' | 'next'): Promise<string[]> {
  const visited = [start];
  for (let current = start; ;) {
    const { document } = await readPage(site, current);
    const targets = new Set(
      document
        .querySelectorAll('a[rel], link[rel]')
        .filter((element) => (attr(element, 'rel') ?? '').split(/\s+/).includes(rel))
        .map((element) => resolveUrl(site, current, attr(element, 'href') ?? ''))
        .map((resolved) => (resolved.kind === 'internal' ? resolved.sitePath : `not ours: ${resolved.href}`)),
    );
    if (targets.size === 0) return visited;
    if (targets.size > 1)
      throw new Error(`${current} has several rel=${rel} targets: ${[...targets].join(', ')}`);
    const [next] = targets as Set<string>;
    if (next === undefined || visited.includes(next))
      throw new Error(`rel=${rel} loops back to ${next}: ${visited.join(' -> ')}`);
    visited.push(next);
    current = next;
  }
}

/** Markup that came out of the hostile paper instead of staying text. */
function injectedMarkup(document: HtmlElement): string[] {
  const problems: string[] = [];
  for (const script of document.querySelectorAll('script')) {
    if (/alert\(/.test(script.textContent) && attr(script, 'type') !== 'application/ld+json') {
      problems.push(`<script> running ${JSON.stringify(script.textContent.slice(0, 60))}`);
    }
  }
  // JSON-LD must survive `</script>` in its strings.
  try {
    jsonLd(document);
  } catch (error) {
    problems.push(`JSON-LD does not parse: ${String(error)}`);
  }
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      if (/^on/i.test(attribute.key) && /alert/.test(String(attribute.value))) {
        problems.push(`<${element.tagName} ${attribute.key}=...>`);
      }
    }
    if (element.tagName === 'img' && attr(element, 'src') === 'x') problems.push('<img src=x>');
    if (element.tagName === 'b' && textOf(element) === 'Attacker')
      problems.push('<b>Attacker</b> from an author name');
  }
  return problems;
}
