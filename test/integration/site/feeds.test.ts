/**
 * The feeds of the fixture builds: valid RSS 2.0 for a strict XML parser and
 * for @rowanmanning/feed-parser (the parser of a feed reader), with stable guids, RFC 822 dates and the hostile
 * paper's text kept as text.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
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

  it('parse in a feed reader’s parser as RSS 2.0, every item with its id', async () => {
    for (const file of await feedFiles(site().outDir)) {
      const feed = parseFeed(await readFile(path.join(site().outDir, file), 'utf8'));
      expect({ file, type: feed.meta.type, version: feed.meta.version }).toEqual({
        file,
        type: 'rss',
        version: '2.0',
      });
      for (const item of feed.items) expect(item.id, file).toMatch(/^daily-papers:/);
      // Every paper of the fixture archive: fewer than the feed's limit.
      if (file === 'feeds/all.xml') expect(feed.items).toHaveLength(13);
    }
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
    expect(await guidsOf(fixtureSite('rootWithoutReuse').outDir)).toEqual(root);
    expect(await guidsOf(fixtureSite('papersBase').outDir)).toEqual(root);
  });
});
