import rss from '@astrojs/rss';
import { getCollection } from 'astro:content';
import { dailyFeedOptions } from '../../lib/feeds/site-feeds.ts';
import { buildArchive } from '../../lib/site/archive.ts';

export async function GET() {
  return rss(dailyFeedOptions(buildArchive(await getCollection('papers'))));
}
