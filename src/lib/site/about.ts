/** What the about page lists: every feed, the OPML file and the optional email sign-up. */
import { SITE } from '../../settings.ts';
import { everyFeed } from './feeds.ts';
import { safeHttpUrl } from './links.ts';
import { urls } from './urls.ts';

export interface AboutFeeds {
  main: { title: string; href: string; description: string }[];
  topics: { title: string; href: string }[];
  opmlHref: string;
  emailSubscribeUrl: string | undefined;
}

export function aboutFeeds(): AboutFeeds {
  const [all, daily, weekly, ...topics] = everyFeed();
  return {
    main: [all, daily, weekly].flatMap((feed) =>
      feed ? [{ title: feed.title, href: feed.href, description: feed.description }] : [],
    ),
    topics: topics.map((feed) => ({ title: feed.title.replace(`${SITE.title}: `, ''), href: feed.href })),
    opmlHref: urls.opml(),
    emailSubscribeUrl: safeHttpUrl(SITE.feeds.emailSubscribeUrl),
  };
}
