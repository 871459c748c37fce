/**
 * The archive index: every paper grouped by listing day, ISO week, month,
 * year and topic, built once per route from the whole collection and handed
 * to pages through props. One sort plus linear passes, so 50,000 papers cost
 * milliseconds; pages only look things up.
 */
import { dayParts, isoWeekOf, monthKeyOf, weekDays } from '../format/dates.ts';
import type { PaperEntry } from '../papers/entry.ts';
import { compareByRank, compareIds, compareNewest } from '../papers/ranking.ts';

/** How many papers a week or month page ranks. */
export const TOP_LIMIT = 20;

export interface DayGroup {
  /** `YYYY-MM-DD`. */
  date: string;
  /** Ranked: most upvotes first, then by id. */
  papers: readonly PaperEntry[];
  /** The ISO week the day is in, `2026-W40`. */
  week: string;
  /** The nearest earlier day that has papers. */
  prev: string | undefined;
  /** The nearest later day that has papers. */
  next: string | undefined;
  /**
   * Whether the source counted upvotes that day: some paper has one. A day
   * whose papers all have none (an arXiv feed, a copied listing, a list
   * fetched before anyone voted) is in id order, and its zeros mean unknown.
   */
  counted: boolean;
}

export interface MonthGroup {
  /** `2026-10`. */
  key: string;
  year: number;
  month: number;
  /** Days with papers, oldest first. */
  days: readonly DayGroup[];
  count: number;
  /** The month's best-ranked papers, at most TOP_LIMIT. */
  top: readonly PaperEntry[];
  prev: MonthGroup | undefined;
  next: MonthGroup | undefined;
}

export interface YearGroup {
  year: number;
  /** Months with papers, oldest first. */
  months: readonly MonthGroup[];
  count: number;
}

export interface WeekGroup {
  /** `2026-W40`. */
  week: string;
  /** Monday. */
  start: string;
  /** Sunday. */
  end: string;
  /** Days with papers, oldest first. */
  days: readonly DayGroup[];
  count: number;
  /** The week's best-ranked papers, at most TOP_LIMIT. */
  top: readonly PaperEntry[];
  prev: string | undefined;
  next: string | undefined;
}

export interface TopicGroup {
  topic: string;
  /** Newest day first, ranked within a day. */
  papers: readonly PaperEntry[];
}

export interface Archive {
  total: number;
  /** Newest first. */
  days: readonly DayGroup[];
  /** The newest day, which the home page shows. */
  latest: DayGroup | undefined;
  /** Newest first. */
  months: readonly MonthGroup[];
  /** Newest first. */
  years: readonly YearGroup[];
  /** Newest first. */
  weeks: readonly WeekGroup[];
  /** By topic id. */
  topics: readonly TopicGroup[];
  dayGroup(date: string): DayGroup | undefined;
  monthGroup(year: number, month: number): MonthGroup | undefined;
  /** An ISO week (`2026-W40`) that has papers. */
  weekGroup(week: string): WeekGroup | undefined;
  paper(id: string): PaperEntry | undefined;
}

export interface ArchiveOptions {
  /** Which topics a paper is in (the site's taxonomy: site/topics.ts); its hand-set ones by default. */
  topicsOf?: (paper: PaperEntry) => readonly string[];
}

export function buildArchive(papers: readonly PaperEntry[], options: ArchiveOptions = {}): Archive {
  const topicsOf = options.topicsOf ?? ((paper: PaperEntry) => paper.data.topics);
  const byId = new Map<string, PaperEntry>();
  for (const paper of papers) {
    if (byId.has(paper.id)) throw new Error(`two papers have the id ${paper.id}`);
    byId.set(paper.id, paper);
  }
  // One sort decides every list below: newest day first, ranked within a day.
  const sorted = [...papers].sort(compareNewest);

  const days = groupDays(sorted);
  const dayByDate = new Map(days.map((day) => [day.date, day]));
  const months = groupMonths(days);
  const monthByKey = new Map(months.map((month) => [month.key, month]));

  const weeks = groupWeeks(days);
  const weekByName = new Map(weeks.map((week) => [week.week, week]));
  return {
    total: papers.length,
    days,
    latest: days[0],
    months,
    years: groupYears(months),
    weeks,
    topics: groupTopics(sorted, topicsOf),
    dayGroup: (date) => dayByDate.get(date),
    weekGroup: (week) => weekByName.get(week),
    monthGroup: (year, month) => monthByKey.get(`${year}-${String(month).padStart(2, '0')}`),
    paper: (id) => byId.get(id),
  };
}

/** `sorted` is newest first; days come out newest first with prev/next set. */
function groupDays(sorted: readonly PaperEntry[]): DayGroup[] {
  const days: DayGroup[] = [];
  for (const paper of sorted) {
    const current = days.at(-1);
    const counted = (paper.data.upvotes ?? 0) > 0;
    if (current?.date === paper.data.date) {
      (current.papers as PaperEntry[]).push(paper);
      current.counted ||= counted;
    } else
      days.push({
        date: paper.data.date,
        papers: [paper],
        week: isoWeekOf(paper.data.date),
        prev: undefined,
        next: undefined,
        counted,
      });
  }
  days.forEach((day, index) => {
    day.next = days[index - 1]?.date;
    day.prev = days[index + 1]?.date;
  });
  return days;
}

/** `days` is newest first; so are the months. */
function groupMonths(days: readonly DayGroup[]): MonthGroup[] {
  const months: MonthGroup[] = [];
  for (const day of days) {
    const key = monthKeyOf(day.date);
    const current = months.at(-1);
    if (current?.key === key) (current.days as DayGroup[]).push(day);
    else {
      const { year, month } = dayParts(day.date);
      months.push({ key, year, month, days: [day], count: 0, top: [], prev: undefined, next: undefined });
    }
  }
  months.forEach((month, index) => {
    (month.days as DayGroup[]).reverse();
    month.count = countPapers(month.days);
    month.top = topOf(month.days);
    month.next = months[index - 1];
    month.prev = months[index + 1];
  });
  return months;
}

/** `months` is newest first; so are the years, each listing its months oldest first. */
function groupYears(months: readonly MonthGroup[]): YearGroup[] {
  const years: YearGroup[] = [];
  for (const month of months) {
    const current = years.at(-1);
    if (current?.year === month.year) (current.months as MonthGroup[]).unshift(month);
    else years.push({ year: month.year, months: [month], count: 0 });
  }
  for (const year of years) year.count = year.months.reduce((sum, month) => sum + month.count, 0);
  return years;
}

/** `days` is newest first; consecutive days of one ISO week form a week. */
function groupWeeks(days: readonly DayGroup[]): WeekGroup[] {
  const weeks: WeekGroup[] = [];
  for (const day of days) {
    const current = weeks.at(-1);
    if (current?.week === day.week) (current.days as DayGroup[]).unshift(day);
    else {
      const [start = day.date, , , , , , end = day.date] = weekDays(day.week);
      weeks.push({
        week: day.week,
        start,
        end,
        days: [day],
        count: 0,
        top: [],
        prev: undefined,
        next: undefined,
      });
    }
  }
  weeks.forEach((week, index) => {
    week.count = countPapers(week.days);
    week.top = topOf(week.days);
    week.next = weeks[index - 1]?.week;
    week.prev = weeks[index + 1]?.week;
  });
  return weeks;
}

/** `sorted` is newest first, and each topic's list keeps that order. */
function groupTopics(
  sorted: readonly PaperEntry[],
  topicsOf: (paper: PaperEntry) => readonly string[],
): TopicGroup[] {
  const byTopic = new Map<string, PaperEntry[]>();
  for (const paper of sorted) {
    for (const topic of new Set(topicsOf(paper))) {
      const list = byTopic.get(topic);
      if (list) list.push(paper);
      else byTopic.set(topic, [paper]);
    }
  }
  return [...byTopic.entries()]
    .sort(([a], [b]) => compareIds(a, b))
    .map(([topic, topicPapers]) => ({ topic, papers: topicPapers }));
}

function countPapers(days: readonly DayGroup[]): number {
  return days.reduce((sum, day) => sum + day.papers.length, 0);
}

/**
 * The best TOP_LIMIT papers of some days. Each day is already ranked, so only
 * each day's first TOP_LIMIT can make it: the sort stays small for any size.
 */
function topOf(days: readonly DayGroup[]): PaperEntry[] {
  return days
    .flatMap((day) => day.papers.slice(0, TOP_LIMIT))
    .sort(compareByRank)
    .slice(0, TOP_LIMIT);
}

/** The papers before and after a paper in its day's ranked list, as the day page shows it. */
export function dayNeighbours(
  archive: Archive,
  paper: PaperEntry,
): { prev: PaperEntry | undefined; next: PaperEntry | undefined } {
  const papers = archive.dayGroup(paper.data.date)?.papers ?? [];
  const index = papers.findIndex((other) => other.id === paper.id);
  if (index < 0) return { prev: undefined, next: undefined };
  return { prev: papers[index - 1], next: papers[index + 1] };
}
