import { siteArchive } from '../../site-archive.ts';
import rss from '@astrojs/rss';
import { weeklyFeedOptions } from '../../lib/site/feeds.ts';

export async function GET() {
  return rss(weeklyFeedOptions((await siteArchive()).archive));
}
