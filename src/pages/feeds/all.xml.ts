import { siteArchive } from '../../site-archive.ts';
import rss from '@astrojs/rss';
import { allPapersFeedOptions } from '../../lib/site/feeds.ts';

export async function GET() {
  return rss(allPapersFeedOptions((await siteArchive()).archive));
}
