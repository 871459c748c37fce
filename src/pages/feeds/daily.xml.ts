import { siteArchive } from '../../site-archive.ts';
import rss from '@astrojs/rss';
import { dailyFeedOptions } from '../../lib/site/feeds.ts';

export async function GET() {
  return rss(dailyFeedOptions((await siteArchive()).archive));
}
