import { describe, expect, it } from 'vitest';
import { indexSummaryLine } from '../../src/lib/search/indexer.ts';
import { searchPageView } from '../../src/lib/site/search-page.ts';
import { buildArchive } from '../../src/lib/archive/index.ts';
import { urls } from '../../src/lib/site/urls.ts';
import { makePaper } from '../helpers/site-papers.ts';

describe('the search page', () => {
  const archive = buildArchive([
    makePaper({ date: '2026-10-05', topics: ['vision'] }),
    makePaper({ date: '2026-09-29', topics: ['language-models'] }),
    makePaper({ date: '2025-11-14', topics: ['language-models'] }),
  ]);
  const view = searchPageView(archive);

  it('offers the archive’s topics by title, its years and months newest first, and every order', () => {
    expect(view.topics).toEqual([
      { value: 'vision', label: 'Computer vision' },
      { value: 'language-models', label: 'Language models' },
    ]);
    expect(view.years.map((year) => year.value)).toEqual(['2026', '2025']);
    expect(view.months).toEqual([
      {
        year: '2026',
        months: [
          { value: '2026-10', label: 'October 2026' },
          { value: '2026-09', label: 'September 2026' },
        ],
      },
      { year: '2025', months: [{ value: '2025-11', label: 'November 2025' }] },
    ]);
    expect(view.sorts.map((sort) => sort.value)).toEqual(['relevance', 'newest', 'upvotes']);
    expect(view.totalText).toBe('3 papers');
  });

  it('tells its script where each bundle is (the newest year’s months, then years), under the base path', () => {
    expect(view.client).toEqual({
      baseUrl: urls.home(),
      bundles: [
        { piece: '2026-10', url: urls.asset('pagefind/2026-10/') },
        { piece: '2026-09', url: urls.asset('pagefind/2026-09/') },
        { piece: '2025', url: urls.asset('pagefind/2025/') },
      ],
      pageSize: 20,
      paperUrl: urls.paper('0000.00000'),
      arxivUrl: 'https://arxiv.org/abs/0000.00000',
    });
    expect(view.head.noindex).toBe(true);
  });
});

describe('the index step’s summary line', () => {
  it('says what was indexed and what came from the cache', () => {
    const segments = [
      { segment: '2026-02', pages: 120, cached: false },
      { segment: '2026-01', pages: 900, cached: true },
      { segment: '2025', pages: 11_000, cached: true },
    ];
    expect(indexSummaryLine({ pages: 12_020, read: 160, segments }, 4321)).toBe(
      '12020 paper pages in 3 indexes (2026-02 indexed, 2026-01, 2025 from the cache), 160 pages read, in 4.3 s',
    );
    expect(indexSummaryLine({ pages: 0, read: 1, segments: [] }, 10)).toBe(
      '0 paper pages in 0 indexes, 1 page read, in 0.0 s',
    );
  });
});
