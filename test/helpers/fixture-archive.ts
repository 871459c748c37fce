/**
 * What the fixture archive holds, read from its files with the project's own
 * paper reader, and the site paths the built site must have for it (the URL
 * layout of the site issue). The tests compute their expectations here
 * rather than from src/lib/site, so a mistake there cannot hide in both.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parsePaperDocument } from '../../src/lib/papers/document.ts';
import { paperSchema, type Paper } from '../../src/lib/papers/schema.ts';

export interface FixturePaper extends Paper {
  /** The abstract as Markdown. */
  body: string;
}

export interface FixtureArchive {
  papers: FixturePaper[];
  /** Listing days, oldest first. */
  days: string[];
  /** `YYYY-MM`, oldest first. */
  months: string[];
  /** ISO weeks `YYYY-Www`, oldest first. */
  weeks: string[];
  /** Topic ids used by some paper, sorted. */
  topics: string[];
}

export async function loadFixtureArchive(contentDir: string): Promise<FixtureArchive> {
  const root = path.join(contentDir, 'papers');
  const files = (await readdir(root, { recursive: true })).filter((file) => file.endsWith('.md')).sort();
  const papers = await Promise.all(
    files.map(async (file) => {
      const { data, body } = parsePaperDocument(await readFile(path.join(root, file), 'utf8'));
      return { ...paperSchema.parse(data), body };
    }),
  );
  const sortedUnique = (values: string[]) => [...new Set(values)].sort();
  const days = sortedUnique(papers.map((paper) => paper.date));
  return {
    papers,
    days,
    months: sortedUnique(days.map((day) => day.slice(0, 7))),
    weeks: sortedUnique(days.map(isoWeek)),
    topics: sortedUnique(papers.flatMap((paper) => paper.topics)),
  };
}

/** ISO 8601 week of a day: `2026-10-01` -> `2026-W40` (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeek(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = date.getUTCDay() || 7;
  // The Thursday of this week decides the week's year.
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const year = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export type PageKind =
  'home' | 'day' | 'archive' | 'month' | 'week' | 'paper' | 'topics' | 'topic' | 'about' | 'notFound';

/** Site paths below the base path, without a leading slash: `days/2026-10-05/`. */
export const sitePath = {
  home: () => '',
  day: (day: string) => `days/${day}/`,
  archive: () => 'archive/',
  month: (month: string) => `archive/${month.replace('-', '/')}/`,
  week: (week: string) => `weeks/${week}/`,
  paper: (id: string) => `papers/${id}/`,
  topics: () => 'topics/',
  /** The topic's newest papers, or its page `page` counted from the oldest (src/lib/site/pagination.ts). */
  topic: (topic: string, page?: number) =>
    page === undefined ? `topics/${topic}/` : `topics/${topic}/${page}/`,
  about: () => 'about/',
  notFound: () => '404.html',
};

export interface ExpectedPage {
  kind: PageKind;
  path: string;
}

/** Every page the site must have for the archive (the first page of each topic). */
export function expectedPages(archive: FixtureArchive): ExpectedPage[] {
  return [
    { kind: 'home', path: sitePath.home() },
    { kind: 'archive', path: sitePath.archive() },
    { kind: 'topics', path: sitePath.topics() },
    { kind: 'about', path: sitePath.about() },
    { kind: 'notFound', path: sitePath.notFound() },
    ...archive.days.map((day) => ({ kind: 'day' as const, path: sitePath.day(day) })),
    ...archive.months.map((month) => ({ kind: 'month' as const, path: sitePath.month(month) })),
    ...archive.weeks.map((week) => ({ kind: 'week' as const, path: sitePath.week(week) })),
    ...archive.papers.map((paper) => ({ kind: 'paper' as const, path: sitePath.paper(paper.id) })),
    ...archive.topics.map((topic) => ({ kind: 'topic' as const, path: sitePath.topic(topic) })),
  ];
}

/** The file a site path is served from: folders by their index.html. */
export function fileForSitePath(outDir: string, sitePathname: string): string {
  const decoded = decodeURIComponent(sitePathname);
  return path.join(outDir, decoded === '' || decoded.endsWith('/') ? `${decoded}index.html` : decoded);
}
