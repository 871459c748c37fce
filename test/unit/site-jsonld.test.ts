import { describe, expect, it } from 'vitest';
import { scholarlyArticle, serializeJsonLd } from '../../src/lib/site/jsonld.ts';
import { makePaper } from '../helpers/site-papers.ts';

describe('JSON-LD', () => {
  it('describes a paper as a ScholarlyArticle', () => {
    const paper = makePaper({
      id: '2610.01092',
      title: 'A Title',
      authors: ['Ada', 'Alan'],
      date: '2026-10-03',
      published: '2026-10-01',
      keywords: ['a', 'b'],
    });
    expect(scholarlyArticle(paper)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ScholarlyArticle',
      headline: 'A Title',
      author: [
        { '@type': 'Person', name: 'Ada' },
        { '@type': 'Person', name: 'Alan' },
      ],
      datePublished: '2026-10-01',
      keywords: 'a, b',
      sameAs: 'https://arxiv.org/abs/2610.01092',
    });
  });

  it('leaves arXiv out for a paper without an arXiv id', () => {
    const article = scholarlyArticle(makePaper({ id: 'a-slug' }));
    expect(article).not.toHaveProperty('sameAs');
  });

  it('serialises so that nothing can end the script element', () => {
    const value = { name: '</script><script>alert(1)</script> <!-- & \u2028 \u2029' };
    const json = serializeJsonLd(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(json)).toEqual(value);
  });
});
