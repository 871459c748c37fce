import rss from '@astrojs/rss';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { SITE } from '../../src/settings.ts';
import {
  allPapersFeedOptions,
  newestWholeDays,
  topicFeedOptions,
  weeklyFeedOptions,
} from '../../src/lib/site/feeds.ts';
import { buildArchive } from '../../src/lib/archive/index.ts';
import { urls } from '../../src/lib/site/urls.ts';
import { makeDay } from '../helpers/site-papers.ts';

const parser = new XMLParser({ isArray: (name) => name === 'item' });

async function itemLinks(options: Parameters<typeof rss>[0]): Promise<string[]> {
  const xml = await (await rss(options)).text();
  return (parser.parse(xml).rss.channel.item ?? []).map((item: { link: string }) => item.link);
}

describe('the paper feeds', () => {
  // A day busier than the feed's limit, after a quieter one, after an older one.
  const busiest = SITE.feeds.itemLimit + 16;
  const archive = buildArchive([
    ...makeDay('2026-10-05', busiest, { topics: ['vision'] }),
    ...makeDay('2026-10-02', 10, { topics: ['vision'] }),
    ...makeDay('2026-10-01', 10, { topics: ['vision'] }),
  ]);

  it('hold the newest day whole when it is larger than the limit', async () => {
    expect(await itemLinks(allPapersFeedOptions(archive))).toHaveLength(busiest);
    expect(await itemLinks(topicFeedOptions(archive, 'vision'))).toHaveLength(busiest);
  });

  it('never cut a day: the day the limit falls in is kept entire', () => {
    const newestFirst = archive.days.flatMap((day) => day.papers);
    expect(newestWholeDays(newestFirst, 1)).toHaveLength(busiest);
    expect(newestWholeDays(newestFirst, busiest + 1)).toHaveLength(busiest + 10);
    expect(newestWholeDays(newestFirst, busiest + 10)).toHaveLength(busiest + 10);
    expect(newestWholeDays(newestFirst, busiest + 11)).toHaveLength(busiest + 20);
    expect(newestWholeDays(newestFirst, 10_000)).toHaveLength(busiest + 20);
    expect(newestWholeDays([], 50)).toEqual([]);
  });
});

describe('the weekly digest', () => {
  const archive = buildArchive([
    ...makeDay('2026-09-29', 3),
    ...makeDay('2026-10-02', 2),
    // A Monday: week 40 is over, week 41 is not.
    ...makeDay('2026-10-05', 4),
  ]);

  it('holds the finished weeks only, each linking its week page with a guid of its own', async () => {
    const options = weeklyFeedOptions(archive);
    const xml = await (await rss(options)).text();
    const items = new XMLParser({ isArray: (name) => name === 'item' }).parse(xml).rss.channel.item;
    expect(items).toHaveLength(1);
    expect(items[0].link).toBe(urls.absolute(urls.week('2026-W40')));
    expect(items[0].title).toBe('Week 40, 2026: top papers of 5 papers');
    expect(items[0].pubDate).toBe('Sun, 04 Oct 2026 00:00:00 GMT');
    expect(items[0].guid).toBe('daily-papers:week:2026-W40');
    expect(String(items[0].description).match(/<li>/g)).toHaveLength(5);
  });

  it('is empty while the archive has a single week', async () => {
    const xml = await (await rss(weeklyFeedOptions(buildArchive(makeDay('2026-10-05', 2))))).text();
    expect(xml).not.toContain('<item>');
  });
});
