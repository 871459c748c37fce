import { describe, expect, it } from 'vitest';
import { parseArxivId } from '../../src/lib/papers/ids.ts';
import { arxivIdOfQuery, ID_PLACEHOLDER, idSummaryText, urlForId } from '../../src/lib/search/arxiv-query.ts';
import { urls } from '../../src/lib/site/urls.ts';

describe('a query that is an arXiv id', () => {
  const ids = [
    '2511.00001',
    'arXiv:2511.00001v2',
    'ARXIV: 2511.00001',
    'https://arxiv.org/abs/2511.00001v3',
    'http://export.arxiv.org/pdf/2511.00001.pdf',
    'hep-th/9901001',
    'arXiv:hep-th/9901001v1',
    'math.AG/0601001',
    '0704.0001',
  ];

  it.each(ids)('%s names the paper the ingester would file it under', (query) => {
    expect(arxivIdOfQuery(query)).toBe(parseArxivId(query));
    expect(arxivIdOfQuery(query)).toBeDefined();
  });

  it('writes an old-style id as the archive does', () => {
    expect(arxivIdOfQuery('HEP-TH/9901001')).toBe('hep-th/9901001');
    expect(arxivIdOfQuery('math.ag/0601001')).toBe('math.AG/0601001');
  });

  it('is not an id while it is still being typed, nor when it is words', () => {
    for (const query of [
      '2511.0000',
      '2511.',
      '2511',
      '1412.00001',
      '2513.00001',
      'speculative decoding',
      'hep-th',
    ])
      expect(arxivIdOfQuery(query), query).toBeUndefined();
  });

  it('leads to its paper’s page and to arXiv', () => {
    expect(urlForId(urls.paper(ID_PLACEHOLDER), 'hep-th/9901001')).toBe(urls.paper('hep-th/9901001'));
    expect(urlForId(urls.paper(ID_PLACEHOLDER), '2511.00001')).toBe(urls.paper('2511.00001'));
    expect(idSummaryText('2605.27492', false)).toBe('No paper with arXiv id 2605.27492 is in this archive.');
  });
});
