import rss from '@astrojs/rss';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  channelCustomData,
  dayItem,
  FEED_NAMESPACES,
  paperItem,
  type FeedPaper,
} from '../../src/lib/feeds/items.ts';
import { opml } from '../../src/lib/feeds/opml.ts';
import { xmlText } from '../../src/lib/feeds/xml-text.ts';

function feedPaper(fields: Partial<FeedPaper> = {}): FeedPaper {
  return {
    id: '2610.01092',
    title: 'A title',
    authors: ['Ada Lovelace', 'Alan Turing'],
    date: '2026-10-03',
    abstract: 'An abstract with $x^2$.',
    topics: ['Reasoning'],
    url: 'https://example.org/papers/2610.01092/',
    arxivUrl: 'https://arxiv.org/abs/2610.01092',
    pdfUrl: 'https://arxiv.org/pdf/2610.01092',
    ...fields,
  };
}

async function feedXml(items: ReturnType<typeof paperItem>[], newest?: string): Promise<string> {
  const response = await rss({
    title: 'Feed',
    description: 'Test',
    site: 'https://example.org/',
    items,
    xmlns: FEED_NAMESPACES,
    customData: channelCustomData({ selfUrl: 'https://example.org/feeds/all.xml', language: 'en', newest }),
  });
  return response.text();
}

const parser = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ['item', 'dc:creator', 'category'].includes(name),
});

describe('paper feed items', () => {
  it('map each field explicitly, with a guid that is not a URL and the listing day as date', async () => {
    const xml = await feedXml([paperItem(feedPaper())], '2026-10-03');
    const channel = parser.parse(xml).rss.channel;
    const item = channel.item[0];
    expect(item.title).toBe('A title');
    expect(item.link).toBe('https://example.org/papers/2610.01092/');
    expect(item.guid).toEqual({ '#text': 'daily-papers:paper:2610.01092', '@_isPermaLink': 'false' });
    expect(item.pubDate).toBe('Sat, 03 Oct 2026 00:00:00 GMT');
    expect(item['dc:creator']).toEqual(['Ada Lovelace', 'Alan Turing']);
    expect(item.category).toEqual(['Reasoning']);
    expect(item.description).toContain('An abstract with $x^2$.');
    expect(item.description).toContain('<a href="https://arxiv.org/pdf/2610.01092">PDF</a>');
    expect(channel.lastBuildDate).toBe('Sat, 03 Oct 2026 00:00:00 GMT');
    expect(channel['atom:link']['@_rel']).toBe('self');
  });

  it('stay valid XML whatever the text: control characters, ]]>, markup, emoji, RTL', async () => {
    const hostile = feedPaper({
      title: 'Bad \u0000\u0007\u001B title ]]> <script>alert(1)</script> & 😀 עברית',
      authors: ['<b>Eve</b> & co\u0008'],
      abstract: 'x ]]> y <![CDATA[ z \uFFFE \uD800 العربية',
    });
    const xml = await feedXml([paperItem(hostile)], '2026-10-03');
    expect(XMLValidator.validate(xml)).toBe(true);
    // eslint-disable-next-line no-control-regex -- looking for control characters is the test
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(xml).not.toContain('<script>');
    const item = parser.parse(xml).rss.channel.item[0];
    expect(item.title).toBe('Bad  title ]]> <script>alert(1)</script> & 😀 עברית');
    expect(item['dc:creator']).toEqual(['<b>Eve</b> & co']);
  });
});

describe('the daily digest item', () => {
  it('lists the day’s papers with links and short author lists', async () => {
    const papers = [
      feedPaper(),
      feedPaper({ id: '2610.00002', title: 'Second <one>', authors: ['A', 'B', 'C', 'D', 'E'] }),
    ];
    const item = dayItem({
      date: '2026-10-03',
      label: '3 October 2026',
      url: 'https://example.org/days/2026-10-03/',
      papers,
    });
    const xml = await feedXml([item]);
    const parsed = parser.parse(xml).rss.channel.item[0];
    expect(parsed.title).toBe('3 October 2026: 2 papers');
    expect(parsed.guid['#text']).toBe('daily-papers:day:2026-10-03');
    expect(parsed.description).toContain('<a href="https://example.org/papers/2610.01092/">A title</a>');
    expect(parsed.description).toContain('Second &lt;one&gt;</a> — A, B, C et al.');
  });
});

describe('OPML', () => {
  it('lists every feed and escapes titles', () => {
    const text = opml('All feeds', [
      { title: 'A & B', xmlUrl: 'https://example.org/feeds/a.xml', htmlUrl: 'https://example.org/topics/a/' },
    ]);
    expect(XMLValidator.validate(text)).toBe(true);
    const outline = new XMLParser({ ignoreAttributes: false }).parse(text).opml.body.outline;
    expect(outline['@_text']).toBe('A & B');
    expect(outline['@_xmlUrl']).toBe('https://example.org/feeds/a.xml');
  });
});

describe('xmlText', () => {
  it('removes what XML 1.0 forbids and keeps the rest', () => {
    expect(xmlText('a\u0000b\u0009c\u000Ad\uFFFFe\uD83D\uDE00f\uDC00')).toBe('ab\u0009c\u000Ade😀f');
  });
});

describe('math in paper items', () => {
  it('travels as MathML in content:encoded, and as readable $...$ text in the description', async () => {
    const xml = await feedXml([
      paperItem(feedPaper({ abstract: 'Bounds for $\\alpha$-divergences, and $x < y$.' })),
    ]);
    const item = parser.parse(xml).rss.channel.item[0];
    expect(item.description).toContain('Bounds for $\\alpha$-divergences, and $x &lt; y$.');
    expect(item.description).not.toContain('<math');
    const content: string = item['content:encoded'];
    expect(content).toMatch(/<math[^>]*>.*<mi>α<\/mi>.*<\/math><\/span>-divergences/);
    expect(content).not.toContain('$');
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it('leaves content:encoded out of an item without formulas', async () => {
    const xml = await feedXml([paperItem(feedPaper({ abstract: 'No formulas here, only $5 and $10.' }))]);
    expect(parser.parse(xml).rss.channel.item[0]).not.toHaveProperty('content:encoded');
    expect(xml).not.toContain('xmlns:content');
  });
});
