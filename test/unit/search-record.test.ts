import { describe, expect, it } from 'vitest';
import { indexedPart, pagefindDocument, periodOfPart } from '../../src/lib/search/extract.ts';
import { recordAttributes, searchRecord, type RecordInput } from '../../src/lib/search/record.ts';
import { buildArchive } from '../../src/lib/archive/index.ts';
import { paperPageView } from '../../src/lib/site/views.ts';
import { makePaper } from '../helpers/site-papers.ts';

function input(overrides: Partial<RecordInput> = {}): RecordInput {
  return {
    title: 'Speculative Decoding, Revisited: $k$ drafts',
    authors: ['A', 'B', 'C', 'D', 'E'],
    date: '2026-10-05',
    topics: [
      { id: 'language-models', title: 'Language models' },
      { id: 'efficiency', title: 'Efficiency' },
    ],
    upvotes: 12,
    ...overrides,
  };
}

describe('a paper’s search record', () => {
  it('holds the facts a result shows as filters, and its sort keys', () => {
    expect(searchRecord(input())).toEqual({
      meta: { title: 'Speculative Decoding, Revisited: $k$ drafts' },
      filters: {
        topic: ['language-models', 'efficiency'],
        year: ['2026'],
        month: ['2026-10'],
        day: ['2026-10-05'],
        upvotes: ['12'],
      },
      sort: { date: '2026-10-05', upvotes: '12' },
    });
  });

  it('sorts a paper without upvotes as 0 and shows none', () => {
    const record = searchRecord(input({ upvotes: undefined }));
    expect(record.filters.upvotes).toBeUndefined();
    expect(record.sort.upvotes).toBe('0');
  });

  it('puts nothing but the title in metadata, which Pagefind searches: no day, count or image', () => {
    expect(searchRecord(input({ title: 'Plain: a title' })).meta).toEqual({});
    expect(Object.keys(searchRecord(input()).meta)).toEqual(['title']);
  });

  it('is written as attributes whose free text Pagefind never parses, a few to an element', () => {
    const attributes = recordAttributes(searchRecord(input()));
    const titled = attributes.find((element) => element['data-pagefind-meta'] === 'title[data-value]');
    expect(titled?.['data-value']).toBe('Speculative Decoding, Revisited: $k$ drafts');
    const all = attributes.flatMap((element) => Object.entries(element));
    expect(all).toContainEqual(['data-pagefind-filter', 'topic:efficiency']);
    expect(all).toContainEqual(['data-pagefind-filter', 'month:2026-10']);
    expect(all).toContainEqual(['data-pagefind-filter', 'day:2026-10-05']);
    expect(all).toContainEqual(['data-pagefind-filter', 'upvotes:12']);
    expect(all).toContainEqual(['data-pagefind-sort', 'upvotes:12']);
    // One meta (free text, with a data-value), six filters and two sorts on six elements.
    expect(attributes).toHaveLength(6);
    expect(all).toHaveLength(2 + 6 + 2);
  });

  it('comes with every paper page', () => {
    const paper = makePaper({ id: '2610.00042', date: '2025-12-31', topics: ['vision'], upvotes: 3 });
    const view = paperPageView(buildArchive([paper]), paper);
    expect(view.search.filters).toEqual({
      topic: ['vision'],
      year: ['2025'],
      month: ['2025-12'],
      day: ['2025-12-31'],
      upvotes: ['3'],
    });
  });
});

/** A page as the site prints it, with markup where a naive reader would trip. */
function page(title: string, body = '<p>Abstract.</p>'): string {
  const attrs = `data-value="${title.replaceAll('"', '&quot;')}"`;
  return [
    '<!doctype html><html lang="en"><head>',
    `<title>${title.replaceAll('<', '&lt;')}</title>`,
    `<meta property="og:title" content="${title.replaceAll('"', '&quot;')}">`,
    '<script type="application/ld+json">{"a":"<article data-pagefind-body>"}</script>',
    '</head><body><nav>Home</nav>',
    `<article class="paper" data-pagefind-body><h1>T</h1>${body}`,
    `<div hidden><span data-pagefind-meta="title[data-value]" ${attrs}></span>`,
    '<span data-pagefind-filter="year:2026"></span><span data-pagefind-filter="month:2026-10"></span>',
    '</div></article>',
    '<aside><article class="card">Related</article></aside></body></html>',
  ].join('');
}

describe('the indexed part of a page', () => {
  it('is the data-pagefind-body element, nested elements of its kind included', () => {
    const part = indexedPart(page('A title', '<section><article>inner</article></section><p>after</p>'));
    expect(part).toMatch(/^<article class="paper" data-pagefind-body>/);
    expect(part).toMatch(/<p>after<\/p>.*<\/article>$/);
    expect(part).not.toContain('Related');
    expect(part).not.toContain('<nav>');
  });

  it('is not fooled by tags inside attribute values, titles or scripts', () => {
    const hostile = '</article><article data-pagefind-body> <script>alert("x")</script>';
    const part = indexedPart(page(hostile));
    expect(part).toMatch(/^<article class="paper" data-pagefind-body><h1>T<\/h1><p>Abstract.<\/p>/);
    expect(part).toMatch(/<span data-pagefind-filter="month:2026-10"><\/span><\/div><\/article>$/);
    expect(periodOfPart(part ?? '')).toEqual({ year: '2026', month: '2026-10' });
  });

  it('is absent from pages without the attribute', () => {
    expect(
      indexedPart('<html><body><article data-pagefind-bodyx>no</article></body></html>'),
    ).toBeUndefined();
    expect(indexedPart('<html><body><main data-pagefind-ignore>no</main></body></html>')).toBeUndefined();
    expect(indexedPart('<html><body><p title="data-pagefind-body">no</p></body></html>')).toBeUndefined();
  });

  it('reads the year and month only from filter attributes', () => {
    expect(periodOfPart('<div data-value="data-pagefind-filter=&quot;year:1999&quot;"></div>')).toEqual({
      year: undefined,
      month: undefined,
    });
    expect(
      periodOfPart(
        '<span data-pagefind-filter="topic:x"></span><span data-pagefind-filter="year:2025"></span><span data-pagefind-filter="month:2025-11">',
      ),
    ).toEqual({ year: '2025', month: '2025-11' });
  });

  it('goes to Pagefind in a minimal document in the site’s language', () => {
    expect(pagefindDocument('<article data-pagefind-body>x</article>', 'en')).toBe(
      '<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body><article data-pagefind-body>x</article></body></html>',
    );
  });
});
