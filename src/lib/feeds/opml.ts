/** An OPML file listing every feed, so a reader can subscribe to all at once. */
import { escapeXml } from './xml-text.ts';

export interface FeedLink {
  title: string;
  /** Absolute URL of the feed. */
  xmlUrl: string;
  /** Absolute URL of the page the feed follows. */
  htmlUrl: string;
}

export function opml(title: string, feeds: readonly FeedLink[]): string {
  const outlines = feeds
    .map(
      (feed) =>
        `    <outline type="rss" text="${escapeXml(feed.title)}" title="${escapeXml(feed.title)}" ` +
        `xmlUrl="${escapeXml(feed.xmlUrl)}" htmlUrl="${escapeXml(feed.htmlUrl)}"/>`,
    )
    .join('\n');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    `  <head><title>${escapeXml(title)}</title></head>`,
    '  <body>',
    outlines,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}
