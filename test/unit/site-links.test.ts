import { describe, expect, it } from 'vitest';
import { arxivAbsUrl, arxivPdfUrl, hfPaperUrl, paperLinks, safeHttpUrl } from '../../src/lib/site/links.ts';
import { makePaper } from '../helpers/site-papers.ts';

describe('paper links', () => {
  it('derives arXiv and Hugging Face URLs from the id', () => {
    expect(arxivAbsUrl('2610.01092')).toBe('https://arxiv.org/abs/2610.01092');
    expect(arxivPdfUrl('2610.01092')).toBe('https://arxiv.org/pdf/2610.01092');
    expect(hfPaperUrl('2610.01092')).toBe('https://huggingface.co/papers/2610.01092');
  });

  it('links old-style ids to arXiv only', () => {
    expect(arxivAbsUrl('hep-th/9901001')).toBe('https://arxiv.org/abs/hep-th/9901001');
    expect(arxivPdfUrl('hep-th/9901001')).toBe('https://arxiv.org/pdf/hep-th/9901001');
    expect(hfPaperUrl('hep-th/9901001')).toBeUndefined();
  });

  it('gives a paper without an arXiv id no arXiv links', () => {
    expect(arxivAbsUrl('a-title-slug')).toBeUndefined();
    expect(paperLinks(makePaper({ id: 'a-title-slug' }))).toEqual([]);
  });

  it.each([
    ['https://github.com/a/b', 'https://github.com/a/b'],
    ['http://example.org/x?y=1&z=2', 'http://example.org/x?y=1&z=2'],
    ['  https://example.org  ', 'https://example.org/'],
    ['javascript:alert(1)', undefined],
    ['JAVASCRIPT:alert(1)', undefined],
    ['data:text/html,<script>', undefined],
    ['//evil.example/x', undefined],
    ['/relative', undefined],
    ['https://', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('keeps %j only when it is http(s)', (value, expected) => {
    expect(safeHttpUrl(value)).toBe(expected);
  });

  it('lists the links that exist, in a fixed order', () => {
    const paper = makePaper({
      id: '2610.01092',
      github: 'https://github.com/a/b',
      projectPage: 'https://example.org/project',
    });
    expect(paperLinks(paper).map((link) => [link.kind, link.href])).toEqual([
      ['arxiv', 'https://arxiv.org/abs/2610.01092'],
      ['pdf', 'https://arxiv.org/pdf/2610.01092'],
      ['hf', 'https://huggingface.co/papers/2610.01092'],
      ['code', 'https://github.com/a/b'],
      ['project', 'https://example.org/project'],
    ]);
  });

  it('drops a source link that is not http(s), even if it got past the schema', () => {
    const paper = makePaper({ id: 'a-slug' });
    const tampered = { ...paper, data: { ...paper.data, github: 'javascript:alert(1)' } };
    expect(paperLinks(tampered)).toEqual([]);
  });
});
