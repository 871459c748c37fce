import rss from '@astrojs/rss';
import { getCollection } from 'astro:content';
import { allPapersFeedOptions } from '../../lib/feeds/site-feeds.ts';
import { buildArchive } from '../../lib/site/archive.ts';

export async function GET() {
  return rss(allPapersFeedOptions(buildArchive(await getCollection('papers'))));
}
