/**
 * One function per page: everything a page renders, decided here from the
 * archive index. Pages call one of these in their frontmatter (lazily, so
 * 50,000 paper pages never hold 50,000 rendered abstracts at once) and only
 * print the result.
 */
import { SITE } from '../../settings.ts';
import { topicFeed } from './feeds.ts';
import { dayOgImage } from '../og/inputs.ts';
import { searchRecord, type SearchRecord } from '../search/record.ts';
import { topicTitle, topicsOf } from './topics.ts';
import {
  abstractExcerpt,
  DESCRIPTION_LENGTH,
  renderAbstract,
  type Excerpt,
  type RenderedAbstract,
} from './abstract.ts';
import { countText } from '../count-text.ts';
import {
  dayNeighbours,
  type Archive,
  type DayGroup,
  type MonthGroup,
  type WeekGroup,
} from '../archive/index.ts';
import { shortenAuthors, type ShortAuthors } from '../format/authors.ts';
import { monthCalendar, yearBars, type CalendarDay, type CalendarWeek, type MonthBar } from './calendar.ts';
import { bibtex, citationMeta, citesArxiv } from './citation.ts';
import {
  dayParts,
  formatDay,
  formatDayRange,
  formatMonth,
  formatNearbyDay,
  formatWeek,
} from '../format/dates.ts';
import type { PaperEntry } from '../papers/entry.ts';
import { pageHead, type PageHead } from './head.ts';
import { scholarlyArticle, serializeJsonLd } from './jsonld.ts';
import { paperLinks, type PaperLink } from './links.ts';
import { renderTitle } from '../format/math.ts';
import { paperPageImage } from './paper-image.ts';
import { paginate, pageWindow, PAGE_SIZE, type PageSlice } from './pagination.ts';
import { compareIds } from '../papers/ranking.ts';
import { urls } from './urls.ts';

/** How many of a day's papers the month page names under each day. */
export const MONTH_DAY_TOP = 3;
/** Topics a card in a list shows; the paper's page shows them all. */
export const CARD_TOPICS = 3;
/** Papers of the week in a day page's side column. */
export const SIDE_WEEK_TOP = 5;

export interface NavLink {
  href: string;
  label: string;
}

export interface TopicRef {
  id: string;
  title: string;
  href: string;
}

export interface PaperCardView {
  id: string;
  href: string;
  /** Plain text, formulas as `$...$`. */
  title: string;
  /** Escaped, formulas as MathML: safe for set:html. */
  titleHtml: string;
  authors: ShortAuthors;
  date: string;
  dateText: string;
  /** The start of the abstract; left out of compact cards, which do not show it. */
  excerpt: Excerpt | undefined;
  topics: readonly TopicRef[];
  links: readonly PaperLink[];
  upvotes: number | undefined;
  comments: number | undefined;
}

const COMPACT: CardOptions = { excerpt: false };

/** A card without counts when its day had none: a zero there means unknown, not "0 upvotes". */
function countedCard(card: PaperCardView, counted: boolean): PaperCardView {
  return counted ? card : { ...card, upvotes: undefined, comments: undefined };
}

/** A card in a list of papers: its first CARD_TOPICS topics. */
function listCard(card: PaperCardView): PaperCardView {
  return card.topics.length <= CARD_TOPICS ? card : { ...card, topics: card.topics.slice(0, CARD_TOPICS) };
}

/** Cards for papers of `days`, each without counts where its day had none. */
function countedCards(
  papers: readonly PaperEntry[],
  days: readonly DayGroup[],
  options?: CardOptions,
): PaperCardView[] {
  const counted = new Set(days.filter((day) => day.counted).map((day) => day.date));
  return papers.map((paper) =>
    listCard(countedCard(paperCard(paper, options), counted.has(paper.data.date))),
  );
}

export function topicRef(id: string): TopicRef {
  return { id, title: topicTitle(id), href: urls.topic(id) };
}

export interface CardOptions {
  /** Compute the excerpt (parsing the abstract): false for compact cards. */
  excerpt?: boolean;
}

export function paperCard(paper: PaperEntry, options: CardOptions = {}): PaperCardView {
  return {
    id: paper.id,
    href: urls.paper(paper.id),
    title: paper.data.title,
    titleHtml: renderTitle(paper.data.title),
    authors: shortenAuthors(paper.data.authors),
    date: paper.data.date,
    dateText: formatDay(paper.data.date),
    excerpt: options.excerpt === false ? undefined : abstractExcerpt(paper.body),
    topics: topicsOf(paper).map(topicRef),
    links: paperLinks(paper),
    upvotes: paper.data.upvotes,
    comments: paper.data.comments,
  };
}

// ---------------------------------------------------------------------------
// Days and the home page

export interface DayView {
  head: PageHead;
  date: string;
  dateText: string;
  /** The page's heading. */
  heading: string;
  /** Whether the day's papers are ranked by upvotes (see DayGroup.counted), or by id. */
  counted: boolean;
  papers: readonly PaperCardView[];
  prev: NavLink | undefined;
  next: NavLink | undefined;
  /** Day, Week and Month: the periods this day is in, the day itself current. */
  tabs: readonly PeriodTab[];
  /** The day's papers as one BibTeX file. */
  bibtex: NavLink;
  /** What helps to scan the day, beside the list on wide screens and after it on narrow ones. */
  side: DaySide;
}

/** One of the Day / Week / Month tabs of a page's navigation row. */
export interface PeriodTab {
  label: string;
  href: string;
  /** The tab of the page being shown. */
  current: boolean;
}

export interface DaySide {
  /** The day's topics, most papers first. */
  topics: readonly (TopicRef & { count: number })[];
  /** The week's most upvoted papers; empty when the week had no counts. */
  weekTop: readonly { href: string; titleHtml: string }[];
  week: NavLink;
}

function periodTabs(current: 'day' | 'week' | 'month', day: string, week: string): PeriodTab[] {
  const { year, month } = dayParts(day);
  return [
    { label: 'Day', href: urls.day(day), current: current === 'day' },
    { label: 'Week', href: urls.week(week), current: current === 'week' },
    { label: 'Month', href: urls.month(year, month), current: current === 'month' },
  ];
}

/** The tabs of a month's page: its latest day, that day's week, and the month itself. */
function latestTabs(days: readonly DayGroup[]): PeriodTab[] {
  const latest = days.reduce((a, b) => (b.date > a.date ? b : a));
  return periodTabs('month', latest.date, latest.week);
}

/** The week's papers a day page shows beside its own (see DaySide). */
export function sideWeekTop(archive: Archive, day: DayGroup): readonly PaperEntry[] {
  const week = archive.weekGroup(day.week);
  return week && week.days.some((other) => other.counted) ? week.top.slice(0, SIDE_WEEK_TOP) : [];
}

function daySide(archive: Archive, day: DayGroup): DaySide {
  const counts = new Map<string, number>();
  for (const paper of day.papers) for (const id of topicsOf(paper)) counts.set(id, (counts.get(id) ?? 0) + 1);
  const order = new Map(archive.topics.map((group, index) => [group.topic, index]));
  return {
    topics: [...counts]
      .sort(([a, m], [b, n]) => n - m || (order.get(a) ?? 0) - (order.get(b) ?? 0))
      .map(([id, count]) => ({ ...topicRef(id), count })),
    weekTop: sideWeekTop(archive, day).map((paper) => ({
      href: urls.paper(paper.id),
      titleHtml: renderTitle(paper.data.title),
    })),
    week: { href: urls.week(day.week), label: `Top papers of ${formatWeek(day.week).toLowerCase()}` },
  };
}

/** A neighbouring day in a navigation row, labelled short (`29 Sep`). */
function nearbyDayLink(date: string | undefined, from: string): NavLink | undefined {
  return date === undefined ? undefined : { href: urls.day(date), label: formatNearbyDay(date, from) };
}

function dayLink(date: string | undefined): NavLink | undefined {
  return date === undefined ? undefined : { href: urls.day(date), label: formatDay(date) };
}

function dayView(archive: Archive, day: DayGroup, head: PageHead): DayView {
  return {
    head,
    date: day.date,
    dateText: formatDay(day.date),
    heading: `Papers of ${formatDay(day.date)}`,
    counted: day.counted,
    papers: day.papers.map((paper) => listCard(countedCard(paperCard(paper), day.counted))),
    prev: nearbyDayLink(day.prev, day.date),
    next: nearbyDayLink(day.next, day.date),
    tabs: periodTabs('day', day.date, day.week),
    bibtex: { href: urls.dayBibtex(day.date), label: 'BibTeX of the day' },
    side: daySide(archive, day),
  };
}

/** The latest day, or undefined for an empty archive. */
export function homeView(archive: Archive): { head: PageHead; day: DayView | undefined } {
  const latest = archive.latest;
  const head = pageHead({
    path: urls.home(),
    section: 'home',
    ...(latest && { image: dayOgImage(latest.date, latest.papers) }),
  });
  return { head, day: latest && dayView(archive, latest, head) };
}

export function dayPageView(archive: Archive, date: string): DayView {
  const day = archive.dayGroup(date);
  if (!day) throw new Error(`no papers on ${date}`);
  const head = pageHead({
    title: `Papers of ${formatDay(date)}`,
    description: `The ${countText(day.papers.length)} listed on ${formatDay(date)}${day.counted ? ', ranked by upvotes' : ''}.`,
    path: urls.day(date),
    image: dayOgImage(date, day.papers),
  });
  return dayView(archive, day, head);
}

// ---------------------------------------------------------------------------
// Weeks

export interface WeekView {
  head: PageHead;
  heading: string;
  rangeText: string;
  count: number;
  /** Whether any day of the week had counts: its top papers are ranked by upvotes only then. */
  counted: boolean;
  top: readonly PaperCardView[];
  days: readonly { link: NavLink; date: string; count: number }[];
  prev: NavLink | undefined;
  next: NavLink | undefined;
  /** Day (the week's latest day), Week (this one) and Month (that day's). */
  tabs: readonly PeriodTab[];
  /** All the week's papers (not only the top ones) as one BibTeX file. */
  bibtex: NavLink;
}

function weekLink(week: string | undefined): NavLink | undefined {
  return week === undefined ? undefined : { href: urls.week(week), label: formatWeek(week) };
}

export function weekPageView(week: WeekGroup): WeekView {
  const heading = `Top papers of ${formatWeek(week.week).toLowerCase()}`;
  const rangeText = formatDayRange(week.start, week.end);
  return {
    head: pageHead({
      title: `Top papers of ${formatWeek(week.week).toLowerCase()}`,
      description: week.days.some((day) => day.counted)
        ? `The most upvoted of the ${countText(week.count)} listed ${rangeText}.`
        : `The ${countText(week.count)} listed ${rangeText}.`,
      path: urls.week(week.week),
      section: 'archive',
    }),
    heading: heading.charAt(0).toUpperCase() + heading.slice(1),
    rangeText,
    count: week.count,
    counted: week.days.some((day) => day.counted),
    top: countedCards(week.top, week.days),
    days: week.days.map((day) => ({
      link: dayLink(day.date) as NavLink,
      date: day.date,
      count: day.papers.length,
    })),
    prev: weekLink(week.prev),
    next: weekLink(week.next),
    tabs: periodTabs('week', week.days.at(-1)?.date ?? week.end, week.week),
    bibtex: { href: urls.weekBibtex(week.week), label: `BibTeX of all ${countText(week.count)}` },
  };
}

// ---------------------------------------------------------------------------
// Archive and months

export interface ArchiveView {
  head: PageHead;
  total: number;
  years: readonly {
    year: number;
    anchor: string;
    count: number;
    bars: readonly (MonthBar & { href: string | undefined; label: string })[];
    months: readonly { link: NavLink; count: number }[];
  }[];
}

export function archiveView(archive: Archive): ArchiveView {
  return {
    head: pageHead({
      title: 'Archive',
      description: `Every month of ${SITE.title} with its paper counts.`,
      path: urls.archive(),
      section: 'archive',
    }),
    total: archive.total,
    years: archive.years.map((year) => ({
      year: year.year,
      anchor: `y${year.year}`,
      count: year.count,
      bars: yearBars(year).map((bar) => ({
        ...bar,
        href: bar.group && urls.month(year.year, bar.month),
        label: `${formatMonth(year.year, bar.month)}: ${countText(bar.count)}`,
      })),
      months: [...year.months].reverse().map((month) => ({ link: monthLink(month), count: month.count })),
    })),
  };
}

function monthLink(month: MonthGroup): NavLink {
  return { href: urls.month(month.year, month.month), label: formatMonth(month.year, month.month) };
}

export interface CalendarRow extends CalendarWeek {
  href: string;
  label: string;
  days: readonly ((CalendarDay & { href: string }) | undefined)[];
}

export interface MonthView {
  head: PageHead;
  heading: string;
  count: number;
  calendar: readonly CalendarRow[];
  days: readonly {
    link: NavLink;
    date: string;
    count: number;
    top: readonly { href: string; titleHtml: string }[];
  }[];
  top: readonly PaperCardView[];
  prev: NavLink | undefined;
  next: NavLink | undefined;
  /** Day (the month's latest day), Week (that day's) and Month (this one). */
  tabs: readonly PeriodTab[];
}

export function monthPageView(month: MonthGroup): MonthView {
  const heading = formatMonth(month.year, month.month);
  return {
    head: pageHead({
      title: heading,
      description: `The ${countText(month.count)} of ${heading}, day by day, and the month's most upvoted.`,
      path: urls.month(month.year, month.month),
      section: 'archive',
    }),
    heading,
    count: month.count,
    calendar: monthCalendar(month).map((week) => ({
      ...week,
      href: urls.week(week.week),
      label: `Week ${Number(week.week.slice(6))}`,
      days: week.days.map((day) => day && { ...day, href: urls.day(day.date) }),
    })),
    days: [...month.days].reverse().map((day) => ({
      link: dayLink(day.date) as NavLink,
      date: day.date,
      count: day.papers.length,
      top: day.papers
        .slice(0, MONTH_DAY_TOP)
        .map((paper) => ({ href: urls.paper(paper.id), titleHtml: renderTitle(paper.data.title) })),
    })),
    top: countedCards(month.top, month.days, COMPACT),
    prev: month.prev && monthLink(month.prev),
    next: month.next && monthLink(month.next),
    tabs: latestTabs(month.days),
  };
}

// ---------------------------------------------------------------------------
// Papers

export interface PaperView {
  head: PageHead;
  card: PaperCardView;
  authors: readonly string[];
  /** arXiv submission day, when known and different from the listing day. */
  published: { date: string; text: string } | undefined;
  updated: { date: string; text: string } | undefined;
  abstract: RenderedAbstract;
  aiSummary: string | undefined;
  keywords: readonly string[];
  categories: readonly string[];
  submittedBy: string | undefined;
  bibtex: string;
  /** Whether `bibtex` is arXiv's own entry for the paper; otherwise a plain one with this site's URL. */
  citesArxiv: boolean;
  day: NavLink;
  /** Links to the papers before and after this one in its day's list. */
  prevInDay: string | undefined;
  nextInDay: string | undefined;
  /** All papers of that day, including this one. */
  dayTotal: number;
  /** The most similar papers listed up to this one's day, most similar first (see src/lib/related/). */
  related: readonly RelatedPaperView[];
  /** What search shows, filters and sorts this paper by. */
  search: SearchRecord;
}

/** A related paper: its title and day, without the authors and counts a card shows. */
export interface RelatedPaperView {
  href: string;
  /** Escaped, formulas as MathML: safe for set:html. */
  titleHtml: string;
  /** The listing day, as text. */
  dateText: string;
}

function relatedPaper(paper: PaperEntry): RelatedPaperView {
  return {
    href: urls.paper(paper.id),
    titleHtml: renderTitle(paper.data.title),
    dateText: formatDay(paper.data.date),
  };
}

function paperHref(paper: PaperEntry | undefined): string | undefined {
  return paper && urls.paper(paper.id);
}

export function paperPageView(
  archive: Archive,
  paper: PaperEntry,
  relatedIds: readonly string[] = [],
): PaperView {
  const day = archive.dayGroup(paper.data.date);
  const counted = day?.counted ?? false;
  const card = countedCard(paperCard(paper, COMPACT), counted);
  const abstract = renderAbstract(paper.body ?? '');
  const description = abstractExcerpt(paper.body, DESCRIPTION_LENGTH).text || paper.data.title;
  const canonical = urls.absolute(card.href);
  const head = pageHead({
    title: paper.data.title,
    description,
    path: card.href,
    type: 'article',
    meta: citationMeta(paper),
    math: abstract.hasMath,
    image: paperPageImage(archive, paper),
  });
  const jsonLd = serializeJsonLd(scholarlyArticle(paper));
  const neighbours = dayNeighbours(archive, paper);
  const dated = (date: string | undefined) =>
    date === undefined || date === paper.data.date ? undefined : { date, text: formatDay(date) };
  return {
    head: { ...head, jsonLd },
    card,
    authors: paper.data.authors,
    published: dated(paper.data.published),
    updated: dated(paper.data.updated === paper.data.published ? undefined : paper.data.updated),
    abstract,
    aiSummary: paper.data.aiSummary,
    keywords: paper.data.keywords,
    categories: paper.data.categories,
    submittedBy: paper.data.submittedBy,
    bibtex: bibtex(paper, canonical),
    citesArxiv: citesArxiv(paper),
    day: dayLink(paper.data.date) as NavLink,
    prevInDay: paperHref(neighbours.prev),
    nextInDay: paperHref(neighbours.next),
    dayTotal: day?.papers.length ?? 1,
    related: relatedIds.flatMap((id) => {
      const other = archive.paper(id);
      return other ? [relatedPaper(other)] : [];
    }),
    search: searchRecord({
      title: paper.data.title,
      authors: paper.data.authors,
      date: paper.data.date,
      topics: card.topics,
      upvotes: card.upvotes,
    }),
  };
}

// ---------------------------------------------------------------------------
// Topics

export interface TopicsView {
  head: PageHead;
  topics: readonly (TopicRef & { count: number })[];
}

export function topicsView(archive: Archive): TopicsView {
  return {
    head: pageHead({
      title: 'Topics',
      description: `Every topic in ${SITE.title} with its number of papers.`,
      path: urls.topics(),
      section: 'topics',
    }),
    topics: [...archive.topics]
      .sort((a, b) => compareIds(topicTitle(a.topic), topicTitle(b.topic)) || compareIds(a.topic, b.topic))
      .map((group) => ({ ...topicRef(group.topic), count: group.papers.length })),
  };
}

/** One entry per topic page: what the topic route's getStaticPaths lists. */
export interface TopicPage {
  topic: string;
  page: PageSlice<PaperEntry>;
}

export function topicPages(archive: Archive, size = PAGE_SIZE): TopicPage[] {
  return archive.topics.flatMap((group) =>
    paginate(group.papers, size).map((page) => ({ topic: group.topic, page })),
  );
}

export interface TopicView {
  head: PageHead;
  heading: string;
  /** "Papers 51–100 of 230, newest first" on the newest page, "Papers 1–50, newest first" on others. */
  rangeText: string;
  /** Position of the page's newest paper, counted from the topic's oldest: the list counts down from it. */
  start: number;
  /** The topic's RSS feed. */
  feedHref: string;
  papers: readonly PaperCardView[];
  pages: readonly (NavLink & { current: boolean })[] | undefined;
  gapsAfter: ReadonlySet<number>;
  prev: NavLink | undefined;
  next: NavLink | undefined;
}

/** The label of the newest page in the page links. */
export const NEWEST_PAGE_LABEL = 'Newest';

/**
 * A topic page lists compact cards: title, authors and day. A paper is on the
 * page of each of its topics, so an excerpt, links, counts or its other
 * topics here would be paid again for every topic; its own page and its
 * day's page show them.
 */
export function topicPageView(entry: TopicPage): TopicView {
  return {
    ...topicPageFrame(entry),
    papers: entry.page.items.map((paper) => ({
      ...paperCard(paper, COMPACT),
      topics: [],
      upvotes: undefined,
      comments: undefined,
    })),
  };
}

/** Everything a topic page shows but its papers: cheap, and with the papers all a page's cache key needs. */
export function topicPageFrame({ topic, page }: TopicPage): Omit<TopicView, 'papers'> {
  const title = topicTitle(topic);
  const href = (number: number) => (number > page.numbered ? urls.topic(topic) : urls.topic(topic, number));
  const pageLink = (number: number): NavLink => ({
    href: href(number),
    label: number > page.numbered ? NEWEST_PAGE_LABEL : String(number),
  });
  const window = pageWindow(page.number, page.numbered);
  const gapsAfter = new Set<number>();
  window.forEach((number, index) => {
    const before = window[index - 1];
    if (number === undefined && before !== undefined) gapsAfter.add(before);
  });
  const range = `Papers ${page.first}–${page.last}`;
  return {
    head: pageHead({
      title: page.newest ? title : `${title}, page ${page.number}`,
      description: page.newest
        ? `${countText(page.total)} on ${title} in ${SITE.title}, newest first.`
        : `${range} on ${title} in ${SITE.title}, counted from the oldest.`,
      path: href(page.number),
      section: 'topics',
      feed: topicFeed(topic),
    }),
    heading: title,
    feedHref: urls.feed(topic),
    rangeText: page.newest ? `${range} of ${page.total}, newest first` : `${range}, newest first`,
    start: page.last,
    pages:
      page.numbered > 0
        ? [...window.filter((number): number is number => number !== undefined), page.numbered + 1].map(
            (number) => ({ ...pageLink(number), current: number === page.number }),
          )
        : undefined,
    gapsAfter,
    prev: page.newest ? undefined : { ...pageLink(page.number + 1), label: 'Newer papers' },
    next: page.number > 1 ? { ...pageLink(page.number - 1), label: 'Older papers' } : undefined,
  };
}
