/**
 * What the search page prints: its head, the choices of its filters, and
 * where the search bundles are (newest first, see search/bundles.ts) for its script.
 */
import { SITE } from '../../settings.ts';
import type { Archive } from '../archive/index.ts';
import { formatMonth } from '../format/dates.ts';
import { arxivAbsUrl } from './links.ts';
import { pageHead, type PageHead } from './head.ts';
import { compareIds } from '../papers/ranking.ts';
import { urls } from './urls.ts';
import { countText } from '../count-text.ts';
import { topicTitle } from './topics.ts';
import { bundleDir, searchSegments } from '../search/bundles.ts';
import { ID_PLACEHOLDER } from '../search/arxiv-query.ts';
import { SORT_ORDERS, type SortOrder } from '../search/query.ts';

/** Results a search shows at first and adds with "Show more results". */
const PAGE_SIZE = 20;

export interface Choice {
  value: string;
  label: string;
}

/** What the page's script needs, serialised into a data attribute. */
export interface SearchClientConfig {
  /** Prepended by Pagefind to result URLs: the base path. */
  baseUrl: string;
  /** Newest first (see bundles.ts); the first bundle is the one whose pagefind.js is loaded. */
  bundles: readonly { piece: string; url: string }[];
  /** Results shown at first and added by "Show more results". */
  pageSize: number;
  /** A paper's page and its arXiv page, for the id in `arxiv-query.ts`'s `ID_PLACEHOLDER`. */
  paperUrl: string;
  arxivUrl: string;
}

export interface SearchPageView {
  head: PageHead;
  topics: readonly Choice[];
  years: readonly Choice[];
  /** By year, newest first, for `<optgroup>`s. */
  months: readonly { year: string; months: readonly Choice[] }[];
  sorts: readonly Choice[];
  client: SearchClientConfig;
  /** `1 paper`, `83 papers`. */
  totalText: string;
  /** Where to go without JavaScript. */
  browse: { archive: string; topics: string; home: string };
}

const SORT_LABELS: Record<SortOrder, string> = {
  relevance: 'Best match',
  newest: 'Newest first',
  upvotes: 'Most upvoted',
};

export function searchPageView(archive: Archive): SearchPageView {
  const years = archive.years.map((year) => String(year.year));
  return {
    head: pageHead({
      title: 'Search',
      description: `Search the ${archive.total} papers of ${SITE.title} by title, author, abstract and keyword.`,
      path: urls.search(),
      noindex: true,
    }),
    topics: archive.topics
      .map((group) => ({ value: group.topic, label: topicTitle(group.topic) }))
      .sort((a, b) => compareIds(a.label, b.label) || compareIds(a.value, b.value)),
    years: years.map((year) => ({ value: year, label: year })),
    months: archive.years.map((year) => ({
      year: String(year.year),
      months: [...year.months]
        .reverse()
        .map((month) => ({ value: month.key, label: formatMonth(month.year, month.month) })),
    })),
    sorts: SORT_ORDERS.map((order) => ({ value: order, label: SORT_LABELS[order] })),
    client: {
      baseUrl: urls.home(),
      bundles: searchSegments(
        archive.years.map((year) => ({
          year: String(year.year),
          months: [...year.months].reverse().map((month) => month.key),
        })),
      ).map(({ segment }) => ({ piece: segment, url: urls.asset(bundleDir(segment)) })),
      pageSize: PAGE_SIZE,
      paperUrl: urls.paper(ID_PLACEHOLDER),
      arxivUrl: arxivAbsUrl(ID_PLACEHOLDER) ?? '',
    },
    totalText: countText(archive.total),
    browse: { archive: urls.archive(), topics: urls.topics(), home: urls.home() },
  };
}
