import { describe, expect, it } from 'vitest';
import {
  EMPTY_STATE,
  effectiveSort,
  isSearching,
  MAX_QUERY_LENGTH,
  pagefindFilters,
  pagefindSort,
  parseSearchState,
  searchStateQuery,
  summaryText,
  piecesToSearch,
  reconcilePeriod,
  type SearchState,
} from '../../src/lib/search/query.ts';

const state = (overrides: Partial<SearchState>): SearchState => ({ ...EMPTY_STATE, ...overrides });

describe('the search in the URL', () => {
  it('is read from the query string', () => {
    expect(
      parseSearchState('?q=speculative+decoding&topic=vision&year=2026&month=2026-10&sort=newest'),
    ).toEqual({
      q: 'speculative decoding',
      topic: 'vision',
      year: '2026',
      month: '2026-10',
      sort: 'newest',
    });
    expect(parseSearchState('')).toEqual(EMPTY_STATE);
    expect(parseSearchState(new URLSearchParams({ q: '  Ada   Lovelace ' })).q).toBe('Ada Lovelace');
  });

  it('never holds a year and a month that contradict each other: the month’s year wins', () => {
    expect(parseSearchState('?year=2025&month=2026-10')).toMatchObject({ year: '2026', month: '2026-10' });
    expect(parseSearchState('?month=2026-10')).toMatchObject({ year: '2026', month: '2026-10' });
    expect(reconcilePeriod({ year: '2025', month: '2026-10' }, 'month')).toEqual({
      year: '2026',
      month: '2026-10',
    });
    expect(reconcilePeriod({ year: '2025', month: '2026-10' }, 'year')).toEqual({ year: '2025', month: '' });
    expect(reconcilePeriod({ year: '2026', month: '2026-10' }, 'year')).toEqual({
      year: '2026',
      month: '2026-10',
    });
    expect(reconcilePeriod({ year: '', month: '2026-10' }, 'year')).toEqual({ year: '', month: '' });
    expect(reconcilePeriod({ year: '2026', month: '' }, 'month')).toEqual({ year: '2026', month: '' });
  });

  it('drops values that make no sense', () => {
    expect(parseSearchState('?topic=<script>&year=26&month=2026-13&sort=random')).toEqual(EMPTY_STATE);
    expect(parseSearchState(`?q=${'x'.repeat(500)}`).q).toHaveLength(MAX_QUERY_LENGTH);
  });

  it('is written back with defaults left out, and reads back the same', () => {
    const full = state({ q: 'a & b', topic: 'vision', year: '2026', month: '2026-10', sort: 'upvotes' });
    expect(searchStateQuery(full)).toBe('?q=a+%26+b&topic=vision&year=2026&month=2026-10&sort=upvotes');
    expect(parseSearchState(searchStateQuery(full))).toEqual(full);
    expect(searchStateQuery(state({ q: 'x' }))).toBe('?q=x');
    expect(searchStateQuery(EMPTY_STATE)).toBe('');
  });
});

describe('a search', () => {
  it('runs for words or a filter', () => {
    expect(isSearching(EMPTY_STATE)).toBe(false);
    expect(isSearching(state({ sort: 'newest' }))).toBe(false);
    expect(isSearching(state({ q: 'x' }))).toBe(true);
    expect(isSearching(state({ topic: 'vision' }))).toBe(true);
  });

  it('lists the newest first when there are no words to rank by', () => {
    expect(effectiveSort(state({ topic: 'vision' }))).toBe('newest');
    expect(effectiveSort(state({ q: 'x' }))).toBe('relevance');
    expect(effectiveSort(state({ topic: 'vision', sort: 'upvotes' }))).toBe('upvotes');
  });

  it('becomes Pagefind’s filters and sort', () => {
    expect(pagefindFilters(state({ q: 'x', topic: 'vision', month: '2026-10' }))).toEqual({
      topic: 'vision',
      month: '2026-10',
    });
    expect(pagefindFilters(EMPTY_STATE)).toEqual({});
    expect(pagefindSort('relevance')).toBeUndefined();
    expect(pagefindSort('newest')).toEqual({ date: 'desc' });
    expect(pagefindSort('upvotes')).toEqual({ upvotes: 'desc' });
  });

  it('asks only the pieces its filters allow, each kept to its own papers', () => {
    const pieces = ['2026-10', '2026-09', '2025', '2024'];
    const asked = (overrides: Partial<SearchState>) =>
      piecesToSearch(state(overrides), pieces).map((piece) => [piece.piece, piece.filters]);
    expect(asked({})).toEqual([
      ['2026-10', { piece: '2026-10' }],
      ['2026-09', { piece: '2026-09' }],
      ['2025', { piece: '2025' }],
      ['2024', { piece: '2024' }],
    ]);
    expect(asked({ year: '2026' }).map(([piece]) => piece)).toEqual(['2026-10', '2026-09']);
    expect(asked({ month: '2026-09' }).map(([piece]) => piece)).toEqual(['2026-09']);
    expect(asked({ month: '2024-03' }).map(([piece]) => piece)).toEqual(['2024']);
    expect(asked({ year: '2025', month: '2024-03' })).toEqual([]);
  });

  it('says how many papers it found, and within which filters', () => {
    expect(summaryText(1, state({ q: 'decoding' }))).toBe('1 paper found for “decoding”.');
    expect(summaryText(3, state({ topic: 'vision' }), { topic: 'Computer vision' })).toBe(
      '3 papers found in Computer vision.',
    );
    expect(
      summaryText(35, state({ q: 'benchmark', topic: 'language-models', year: '2026' }), {
        topic: 'Language models',
      }),
    ).toBe('35 papers found for “benchmark” in Language models, 2026.');
    expect(summaryText(2, state({ q: 'x', year: '2026', month: '2026-10' }), { month: 'October 2026' })).toBe(
      '2 papers found for “x” in October 2026.',
    );
    expect(summaryText(0, state({ q: 'zzz' }))).toBe('No papers found for “zzz”. Try other words.');
    expect(summaryText(0, state({ q: 'zzz', year: '2025' }))).toBe(
      'No papers found for “zzz” in 2025. Try fewer filters or other words.',
    );
  });
});
