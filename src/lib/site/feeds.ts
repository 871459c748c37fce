/**
 * The site's feeds, from the archive index: every paper, one per topic, and
 * a daily digest. Route files call one function each.
 */
import type { RSSOptions } from '@astrojs/rss';
import { SITE } from '../../settings.ts';
import { markdownToPlainText } from '../papers/normalize.ts';
import type { Archive } from '../archive/index.ts';
import { formatDay, formatWeek } from '../format/dates.ts';
import type { PaperEntry } from '../papers/entry.ts';
import { arxivAbsUrl, arxivPdfUrl } from './links.ts';
import { urls } from './urls.ts';
import { siteTopics } from './topics.ts';
import {
  channelCustomData,
  dayItem,
  FEED_NAMESPACES,
  paperItem,
  weekItem,
  type FeedPaper,
} from '../feeds/items.ts';
import { opml, type FeedLink } from '../feeds/opml.ts';

export interface FeedInfo {
  /** `all`, `daily` or a topic id: the file is /feeds/<name>.xml. */
  name: string;
  title: string;
  description: string;
  /** Root-relative URL of the feed. */
  href: string;
  /** Root-relative URL of the page the feed follows. */
  pageHref: string;
}

export function allPapersFeed(): FeedInfo {
  return {
    name: 'all',
    title: `${SITE.title}: all papers`,
    description: `The newest papers in ${SITE.title}, with full abstracts.`,
    href: urls.feed('all'),
    pageHref: urls.home(),
  };
}

export function dailyFeed(): FeedInfo {
  return {
    name: 'daily',
    title: `${SITE.title}: daily digest`,
    description: `One item a day listing that day's papers; made for RSS-to-email services.`,
    href: urls.feed('daily'),
    pageHref: urls.home(),
  };
}

export function weeklyFeed(): FeedInfo {
  return {
    name: 'weekly',
    title: `${SITE.title}: weekly digest`,
    description: `One item a week, once it is over, with its top papers; made for newsletters and RSS-to-email services.`,
    href: urls.feed('weekly'),
    pageHref: urls.archive(),
  };
}

export function topicFeed(topic: string): FeedInfo {
  const info = siteTopics.topicInfo(topic);
  return {
    name: topic,
    title: `${SITE.title}: ${info.title}`,
    description: info.description,
    href: urls.feed(topic),
    pageHref: urls.topic(topic),
  };
}

/** Every feed the site publishes: all, daily, weekly, then one per topic of the taxonomy. */
export function everyFeed(): FeedInfo[] {
  return [
    allPapersFeed(),
    dailyFeed(),
    weeklyFeed(),
    ...siteTopics.topics().map((topic) => topicFeed(topic.id)),
  ];
}

export function feedPaper(paper: PaperEntry): FeedPaper {
  return {
    id: paper.id,
    title: paper.data.title,
    authors: paper.data.authors,
    date: paper.data.date,
    abstract: markdownToPlainText(paper.body ?? ''),
    topics: siteTopics.topicsOf(paper).map(siteTopics.topicTitle),
    url: urls.absolute(urls.paper(paper.id)),
    arxivUrl: arxivAbsUrl(paper.id),
    pdfUrl: arxivPdfUrl(paper.id),
  };
}

function options(feed: FeedInfo, items: RSSOptions['items'], newest: string | undefined): RSSOptions {
  return {
    title: feed.title,
    description: feed.description,
    site: urls.absolute(feed.pageHref),
    items,
    xmlns: FEED_NAMESPACES,
    customData: channelCustomData({ selfUrl: urls.absolute(feed.href), language: SITE.language, newest }),
  };
}

/**
 * The newest papers (`papers` is newest first), at least `limit` of them when
 * there are that many, in whole days: the day the limit falls in is kept
 * entire. A reader who polls once a day then sees every paper of every day,
 * however busy; a feed holds at most `limit - 1` papers plus its busiest day.
 */
export function newestWholeDays(papers: readonly PaperEntry[], limit: number): PaperEntry[] {
  let end = Math.min(Math.max(limit, 1), papers.length);
  const lastDay = papers[end - 1]?.data.date;
  while (end < papers.length && papers[end]?.data.date === lastDay) end += 1;
  return papers.slice(0, end);
}

function newestPapers(papers: readonly PaperEntry[]) {
  const shown = newestWholeDays(papers, SITE.feeds.itemLimit);
  return { items: shown.map((paper) => paperItem(feedPaper(paper))), newest: shown[0]?.data.date };
}

export function allPapersFeedOptions(archive: Archive): RSSOptions {
  const papers: PaperEntry[] = [];
  // Whole days only, so stop at the first day that reaches the limit.
  for (const day of archive.days) {
    if (papers.length >= SITE.feeds.itemLimit) break;
    papers.push(...day.papers);
  }
  const { items, newest } = newestPapers(papers);
  return options(allPapersFeed(), items, newest);
}

export function topicFeedOptions(archive: Archive, topic: string): RSSOptions {
  const group = archive.topics.find((candidate) => candidate.topic === topic);
  const { items, newest } = newestPapers(group?.papers ?? []);
  return options(topicFeed(topic), items, newest);
}

export function dailyFeedOptions(archive: Archive): RSSOptions {
  const days = archive.days.slice(0, SITE.feeds.dailyLimit);
  const items = days.map((day) =>
    dayItem({
      date: day.date,
      label: formatDay(day.date),
      url: urls.absolute(urls.day(day.date)),
      papers: day.papers.map(feedPaper),
    }),
  );
  return options(dailyFeed(), items, days[0]?.date);
}

/**
 * The newest finished weeks: a week is over once the archive has a later day,
 * so the feed depends on the content, not the clock, and never shows a week
 * whose counts and papers are still coming in.
 */
export function weeklyFeedOptions(archive: Archive): RSSOptions {
  const newestDay = archive.latest?.date;
  const weeks = archive.weeks
    .filter((week) => newestDay !== undefined && week.end < newestDay)
    .slice(0, SITE.feeds.weeklyLimit);
  const items = weeks.map((week) =>
    weekItem({
      week: week.week,
      label: formatWeek(week.week),
      end: week.end,
      url: urls.absolute(urls.week(week.week)),
      count: week.count,
      top: week.top.map(feedPaper),
    }),
  );
  return options(weeklyFeed(), items, weeks[0]?.end);
}

/** Feeds for the topic pages' getStaticPaths: every taxonomy topic and every hand-set one in use. */
export function topicFeedNames(archive: Archive): string[] {
  const names = new Set([...siteTopics.topics().map((t) => t.id), ...archive.topics.map((g) => g.topic)]);
  return [...names].sort();
}

export function opmlText(): string {
  const links: FeedLink[] = everyFeed().map((feed) => ({
    title: feed.title,
    xmlUrl: urls.absolute(feed.href),
    htmlUrl: urls.absolute(feed.pageHref),
  }));
  return opml(`${SITE.title}: every feed`, links);
}
