/**
 * A search as the URL holds it: `/search/?q=speculative+decoding&topic=vision&year=2026&sort=newest`.
 * The search page's script reads the state from the URL on load and on the
 * back button, and writes it back as the reader types, so a search can be
 * shared. Runs in the browser: no Node imports here.
 */
import { countText } from '../count-text.ts';
import { FILTER, PIECE_FILTER, SORT } from './fields.ts';

export const SORT_ORDERS = ['relevance', 'newest', 'upvotes'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export interface SearchState {
  /** The words typed, trimmed; empty for none. */
  q: string;
  /** Topic id, or empty for every topic. */
  topic: string;
  /** `YYYY`, or empty. */
  year: string;
  /** `YYYY-MM`, or empty. */
  month: string;
  sort: SortOrder;
}

export const EMPTY_STATE: SearchState = { q: '', topic: '', year: '', month: '', sort: 'relevance' };

/** Longer queries are cut: nobody types 500 characters, and a pasted page should not stall the search. */
export const MAX_QUERY_LENGTH = 200;

const VALID = {
  topic: /^[a-z0-9][a-z0-9-]{0,63}$/,
  year: /^\d{4}$/,
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
};

/**
 * The state of a query string (`?q=...` or a URLSearchParams); values that
 * make no sense are dropped, and a year that contradicts the month gives way
 * to the month's.
 */
export function parseSearchState(search: string | URLSearchParams): SearchState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const value = (name: string) => (params.get(name) ?? '').trim();
  const valid = (name: keyof typeof VALID) => {
    const text = value(name);
    return VALID[name].test(text) ? text : '';
  };
  const sort = value('sort');
  const month = valid('month');
  return {
    q: value('q').replace(/\s+/g, ' ').slice(0, MAX_QUERY_LENGTH).trim(),
    topic: valid('topic'),
    year: month ? month.slice(0, 4) : valid('year'),
    month,
    sort: (SORT_ORDERS as readonly string[]).includes(sort) ? (sort as SortOrder) : 'relevance',
  };
}

/**
 * The year and month after the reader changed one of them, so the two never
 * contradict each other: a month sets its year, a year clears a month of
 * another year.
 */
export function reconcilePeriod(
  state: Pick<SearchState, 'year' | 'month'>,
  changed: 'year' | 'month',
): Pick<SearchState, 'year' | 'month'> {
  if (changed === 'month')
    return { year: state.month ? state.month.slice(0, 4) : state.year, month: state.month };
  const keepsMonth = state.year && state.month.startsWith(`${state.year}-`);
  return { year: state.year, month: keepsMonth ? state.month : '' };
}

/** `?q=...&topic=...`, leaving out what is empty or the default; `` for the empty state. */
export function searchStateQuery(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.topic) params.set('topic', state.topic);
  if (state.year) params.set('year', state.year);
  if (state.month) params.set('month', state.month);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Whether there is anything to search for: words or a filter. */
export function isSearching(state: SearchState): boolean {
  return Boolean(state.q || state.topic || state.year || state.month);
}

/** The order results come in: with no words there is no relevance, so filters alone list the newest first. */
export function effectiveSort(state: SearchState): SortOrder {
  return state.sort === 'relevance' && !state.q ? 'newest' : state.sort;
}

/** Pagefind's `filters` option. */
export function pagefindFilters(state: SearchState): Record<string, string> {
  return {
    ...(state.topic ? { [FILTER.topic]: state.topic } : {}),
    ...(state.year ? { [FILTER.year]: state.year } : {}),
    ...(state.month ? { [FILTER.month]: state.month } : {}),
  };
}

/** Pagefind's `sort` option; undefined for relevance. */
export function pagefindSort(order: SortOrder): Record<string, 'desc'> | undefined {
  if (order === 'newest') return { [SORT.date]: 'desc' };
  if (order === 'upvotes') return { [SORT.upvotes]: 'desc' };
  return undefined;
}

/**
 * The pieces of the index (bundles.ts: `2026-10`, `2025`) a sorted search
 * asks one by one, newest first, each kept to its own papers by the piece
 * filter the search page adds (fields.ts): all of them, or those a year or
 * month filter allows.
 */
export function piecesToSearch(
  state: SearchState,
  pieces: readonly string[],
): { piece: string; filters: Record<string, string> }[] {
  return pieces
    .filter((piece) => {
      const year = piece.slice(0, 4);
      if (state.year && state.year !== year) return false;
      if (!state.month) return true;
      return piece.length > 4 ? piece === state.month : state.month.startsWith(`${year}-`);
    })
    .map((piece) => ({ piece, filters: { [PIECE_FILTER]: piece } }));
}

/** What the reader sees of the active filters: the chosen topic's and month's names. */
export interface FilterLabels {
  topic?: string | undefined;
  month?: string | undefined;
}

/** `in Language models, October 2026`, or empty without filters. */
function scopeText(state: SearchState, labels: FilterLabels): string {
  const topic = state.topic ? (labels.topic ?? state.topic) : '';
  const period = state.month ? (labels.month ?? state.month) : state.year;
  const scope = [topic, period].filter(Boolean).join(', ');
  return scope ? ` in ${scope}` : '';
}

/** The status line after a search: `3 papers found for “decoding” in Language models, 2026.` */
export function summaryText(total: number, state: SearchState, labels: FilterLabels = {}): string {
  const words = state.q ? ` for “${state.q}”` : '';
  const scope = scopeText(state, labels);
  if (total > 0) return `${countText(total)} found${words}${scope}.`;
  return `No papers found${words}${scope}. Try ${scope ? 'fewer filters or ' : ''}other words.`;
}
