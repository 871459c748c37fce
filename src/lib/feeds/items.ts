/**
 * Papers and days as RSS items, field by field: nothing from front matter is
 * spread into an item. Every item's guid is the paper id (or the day), never
 * a URL, so it survives a new domain, a base path or a rebuild.
 */
import type { RSSFeedItem } from '@astrojs/rss';
// HTML inside an RSS description is escaped here once, and once more by the XML builder.
import { countText } from '../count-text.ts';
import { formatAuthors } from '../format/authors.ts';
import { escapeHtml, runsToHtml, textRuns } from '../format/math.ts';
import { escapeXml, xmlText } from './xml-text.ts';

export interface FeedPaper {
  id: string;
  title: string;
  authors: readonly string[];
  /** Listing day, YYYY-MM-DD: the item's date. */
  date: string;
  /** The abstract as plain text; math stays as `$...$`. */
  abstract: string;
  /** Topic titles. */
  topics: readonly string[];
  /** Absolute URL of the paper's page on this site. */
  url: string;
  /** Absolute arXiv abstract and PDF URLs, when the paper has an arXiv id. */
  arxivUrl?: string | undefined;
  pdfUrl?: string | undefined;
}

export interface FeedDay {
  date: string;
  /** Human-readable day, e.g. `3 October 2026`. */
  label: string;
  url: string;
  papers: readonly FeedPaper[];
}

/** A listing day as an RSS date: midnight UTC, never the time of the build. */
export function dayToDate(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

export function paperGuid(id: string): string {
  return `daily-papers:paper:${id}`;
}

export function dayGuid(date: string): string {
  return `daily-papers:day:${date}`;
}

export function weekGuid(week: string): string {
  return `daily-papers:week:${week}`;
}

export function paperItem(paper: FeedPaper): RSSFeedItem {
  const links = [
    paper.arxivUrl && `<a href="${escapeHtml(paper.arxivUrl)}">arXiv</a>`,
    paper.pdfUrl && `<a href="${escapeHtml(paper.pdfUrl)}">PDF</a>`,
  ].filter(Boolean);
  const html = (abstract: string) =>
    [
      paper.authors.length ? `<p>${escapeHtml(paper.authors.join(', '))}</p>` : '',
      `<p>${abstract}</p>`,
      links.length ? `<p>${links.join(' · ')}</p>` : '',
    ].join('');
  const formulas = textRuns(paper.abstract);
  return {
    title: xmlText(paper.title),
    link: paper.url,
    pubDate: dayToDate(paper.date),
    // Formulas stay `$...$` in the description, which every reader shows;
    // readers that show content:encoded get them as MathML, which browsers
    // (and so feed readers' web views) draw with no stylesheet or script.
    description: xmlText(html(escapeHtml(paper.abstract))),
    ...(formulas.some((run) => run.kind === 'math') && { content: xmlText(html(runsToHtml(formulas))) }),
    categories: paper.topics.map(xmlText),
    customData: [
      `<guid isPermaLink="false">${escapeXml(paperGuid(paper.id))}</guid>`,
      ...paper.authors.map((author) => `<dc:creator>${escapeXml(author)}</dc:creator>`),
    ].join(''),
  };
}

/** A paper as a list item of a digest: its linked title and first authors. */
function paperListItem(paper: FeedPaper): string {
  const authors = paper.authors.length ? ` — ${escapeHtml(formatAuthors(paper.authors))}` : '';
  return `<li><a href="${escapeHtml(paper.url)}">${escapeHtml(paper.title)}</a>${authors}</li>`;
}

/** One item per day, listing its papers: what RSS-to-email services turn into a daily digest. */
export function dayItem(day: FeedDay): RSSFeedItem {
  const list = day.papers.map(paperListItem).join('');
  const count = countText(day.papers.length);
  return {
    title: xmlText(`${day.label}: ${count}`),
    link: day.url,
    pubDate: dayToDate(day.date),
    description: xmlText(`<ul>${list}</ul>`),
    customData: `<guid isPermaLink="false">${escapeXml(dayGuid(day.date))}</guid>`,
  };
}

export interface FeedWeek {
  /** `2026-W40`. */
  week: string;
  /** `Week 40, 2026`. */
  label: string;
  /** Its Sunday, `YYYY-MM-DD`: the item's date, once the week is over. */
  end: string;
  url: string;
  /** Papers listed that week. */
  count: number;
  /** Its best-ranked papers. */
  top: readonly FeedPaper[];
}

/** One item per finished week, its top papers: what a newsletter sends. */
export function weekItem(week: FeedWeek): RSSFeedItem {
  return {
    title: xmlText(`${week.label}: top papers of ${countText(week.count)}`),
    link: week.url,
    pubDate: dayToDate(week.end),
    description: xmlText(`<ol>${week.top.map(paperListItem).join('')}</ol>`),
    customData: `<guid isPermaLink="false">${escapeXml(weekGuid(week.week))}</guid>`,
  };
}

export interface ChannelExtras {
  /** Absolute URL of the feed itself. */
  selfUrl: string;
  language: string;
  /** The newest item's day; undefined for an empty feed. */
  newest: string | undefined;
}

/** Channel elements @astrojs/rss has no option for. */
export function channelCustomData(extras: ChannelExtras): string {
  return [
    `<atom:link href="${escapeXml(extras.selfUrl)}" rel="self" type="application/rss+xml"/>`,
    `<language>${escapeXml(extras.language)}</language>`,
    extras.newest ? `<lastBuildDate>${dayToDate(extras.newest).toUTCString()}</lastBuildDate>` : '',
  ].join('');
}

export const FEED_NAMESPACES = {
  atom: 'http://www.w3.org/2005/Atom',
  dc: 'http://purl.org/dc/elements/1.1/',
};
