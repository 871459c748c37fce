import { siteArchive } from '../../site-archive.ts';
import rss from '@astrojs/rss';
import type { APIContext, GetStaticPaths } from 'astro';
import { topicFeedNames, topicFeedOptions } from '../../lib/site/feeds.ts';
import type { Archive } from '../../lib/archive/index.ts';

export const getStaticPaths = (async () => {
  const archive = (await siteArchive()).archive;
  return topicFeedNames(archive).map((topic) => ({ params: { topic }, props: { archive } }));
}) satisfies GetStaticPaths;

export async function GET({ params, props }: APIContext<{ archive: Archive }, { topic: string }>) {
  return rss(topicFeedOptions(props.archive, params.topic));
}
