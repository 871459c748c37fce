/**
 * The feeds of the fixture builds: valid RSS 2.0 for a strict XML parser and
 * for Python's feedparser (the library most feed readers' behaviour is
 * measured against), with stable guids, RFC 822 dates and the hostile
 * paper's text kept as text.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { listFiles, readPage } from '../../helpers/built-site.ts';
import { fixtureSite } from '../../helpers/fixture-sites.ts';
import { attr } from '../../helpers/html.ts';

const HOSTILE_ID = '2609.10004';
const RFC_822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

const parser = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ['item', 'category', 'dc:creator', 'outline'].includes(name),
});

interface FeedItem {
  title?: string;
  link?: string;
  description?: string;
  pubDate?: string;
  guid?: { '#text': string; '@_isPermaLink': string };
  category?: string[];
  'dc:creator'?: string[];
}

async function feedFiles(outDir: string): Promise<string[]> {
  return (await listFiles(outDir)).filter((file) => file.startsWith('feeds/') && file.endsWith('.xml'));
}

async function readFeed(outDir: string, file: string) {
  const xml = await readFile(path.join(outDir, file), 'utf8');
  const channel = parser.parse(xml).rss.channel as Record<string, unknown> & { item?: FeedItem[] };
  return { xml, channel, items: channel.item ?? [] };
}

/** Debian's python3 has feedparser (python3-feedparser); a pyenv python3 may not. */
function pythonWithFeedparser(): string {
  for (const python of ['/usr/bin/python3', 'python3']) {
    try {
      execFileSync(python, ['-c', 'import feedparser'], { stdio: 'ignore' });
      return python;
    } catch {
      // try the next one
    }
  }
  throw new Error('no python3 with feedparser: apt-get install python3-feedparser (.ci/run does)');
}

describe.each(['root', 'papersBase'] as const)('the feeds of the %s build', (variant) => {
  const site = () => fixtureSite(variant);

  it('exist for everything, every topic and the daily digest, with an OPML list of them all', async () => {
    const files = await feedFiles(site().outDir);
    expect(files).toEqual(
      expect.arrayContaining([
        'feeds/all.xml',
        'feeds/daily.xml',
        'feeds/weekly.xml',
        'feeds/reasoning.xml',
        'feeds/other.xml',
      ]),
    );
    expect(files.length).toBeGreaterThanOrEqual(18);
    const opml = parser.parse(await readFile(path.join(site().outDir, 'feeds/feeds.opml'), 'utf8'));
    const listed = (opml.opml.body.outline as { '@_xmlUrl': string }[]).map((o) => o['@_xmlUrl']);
    expect(listed).toHaveLength(files.length);
    for (const url of listed) {
      expect(url.startsWith(`${site().siteUrl}${site().base}feeds/`)).toBe(true);
      expect(existsSync(path.join(site().outDir, new URL(url).pathname.slice(site().base.length)))).toBe(
        true,
      );
    }
  });

  it('are well-formed RSS 2.0 with the required elements, RFC 822 dates and unique guids', async () => {
    for (const file of await feedFiles(site().outDir)) {
      const { xml, channel, items } = await readFeed(site().outDir, file);
      expect(XMLValidator.validate(xml), file).toBe(true);
      expect(channel['title'], file).toEqual(expect.any(String));
      expect(String(channel['link']).startsWith(`${site().siteUrl}${site().base}`), file).toBe(true);
      expect(channel['description'], file).toEqual(expect.any(String));
      expect((channel['atom:link'] as Record<string, string>)['@_href']).toBe(
        `${site().siteUrl}${site().base}${file}`,
      );
      const guids = items.map((item) => item.guid?.['#text']);
      expect(new Set(guids).size, file).toBe(items.length);
      for (const item of items) {
        expect(item.title, file).toBeTruthy();
        expect(item.link?.startsWith(`${site().siteUrl}${site().base}`), file).toBe(true);
        expect(item.pubDate, file).toMatch(RFC_822);
        expect(item.guid?.['@_isPermaLink']).toBe('false');
      }
      if (items.length > 0) expect(channel['lastBuildDate']).toBe(items[0]?.pubDate);
    }
  });

  it('parse in feedparser without a bozo error', async () => {
    const dir = path.join(site().outDir, 'feeds');
    const script = [
      'import feedparser, glob, json, sys',
      'out = {}',
      'for f in sorted(glob.glob(sys.argv[1] + "/*.xml")):',
      '    d = feedparser.parse(f)',
      '    out[f.rsplit("/", 1)[1]] = {"bozo": bool(d.bozo), "error": str(d.get("bozo_exception", "")),',
      '        "version": d.version, "entries": len(d.entries), "ids": [e.get("id") for e in d.entries]}',
      'print(json.dumps(out))',
    ].join('\n');
    const result = JSON.parse(
      execFileSync(pythonWithFeedparser(), ['-c', script, dir], { encoding: 'utf8' }),
    ) as Record<string, { bozo: boolean; error: string; version: string; entries: number }>;
    for (const [file, report] of Object.entries(result)) {
      expect({ file, bozo: report.bozo, error: report.error, version: report.version }).toEqual({
        file,
        bozo: false,
        error: '',
        version: 'rss20',
      });
    }
    // Every paper of the fixture archive: fewer than the feed's limit.
    expect(result['all.xml']?.entries).toBe(13);
  });

  it('carry the hostile paper as text: markup escaped, ]]> harmless, emoji and RTL kept', async () => {
    const { xml, items } = await readFeed(site().outDir, 'feeds/all.xml');
    const hostile = items.find((item) => item.guid?.['#text'] === `daily-papers:paper:${HOSTILE_ID}`);
    expect(hostile?.title).toContain('<script>alert("x")</script>');
    expect(xml).not.toContain('<script>');
    expect(hostile?.description).toContain('&lt;/script&gt;');
    const rtl = items.find((item) => /[\u0590-\u05FF\u0600-\u06FF]/u.test(item.title ?? ''));
    expect(rtl?.title).toMatch(/\p{Extended_Pictographic}/u);
  });

  it('are linked from every page’s head, topic pages first with their own feed', async () => {
    const home = await readPage(site(), '');
    const alternates = home.document.querySelectorAll('link[rel="alternate"][type="application/rss+xml"]');
    expect(alternates.map((link) => attr(link, 'href'))).toEqual([
      `${site().siteUrl}${site().base}feeds/all.xml`,
      `${site().siteUrl}${site().base}feeds/daily.xml`,
    ]);
    const topic = await readPage(site(), 'topics/reasoning/');
    const topicLinks = topic.document.querySelectorAll('link[rel="alternate"][type="application/rss+xml"]');
    expect(attr(topicLinks[0]!, 'href')).toBe(`${site().siteUrl}${site().base}feeds/reasoning.xml`);
    const about = await readPage(site(), 'about/');
    const hrefs = about.document.querySelectorAll('a').map((a) => attr(a, 'href'));
    expect(hrefs).toEqual(
      expect.arrayContaining([
        `${site().base}feeds/feeds.opml`,
        `${site().base}feeds/daily.xml`,
        `${site().base}feeds/vision.xml`,
      ]),
    );
  });
});

describe('feed guids', () => {
  it('are the same in every build: a rebuild, a new base path or a new domain changes none', async () => {
    const guidsOf = async (outDir: string) => {
      const all = new Map<string, string[]>();
      for (const file of await feedFiles(outDir)) {
        all.set(
          file,
          (await readFeed(outDir, file)).items.map((item) => item.guid?.['#text'] ?? ''),
        );
      }
      return all;
    };
    const root = await guidsOf(fixtureSite('root').outDir);
    expect(await guidsOf(fixtureSite('rootRepeat').outDir)).toEqual(root);
    expect(await guidsOf(fixtureSite('papersBase').outDir)).toEqual(root);
  });
});
