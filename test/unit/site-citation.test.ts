import { describe, expect, it } from 'vitest';
import {
  bibtex,
  bibtexBundle,
  bibtexKey,
  bibtexText,
  citationMeta,
  escapeBibtex,
} from '../../src/lib/site/citation.ts';
import { makePaper } from '../helpers/site-papers.ts';

/** Whether every brace in a BibTeX entry is matched (escaped braces do not count). */
function balanced(text: string): boolean {
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    if (text[index] === '\\') index++;
    else if (text[index] === '{') depth++;
    else if (text[index] === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

describe('BibTeX', () => {
  it('escapes every special character', () => {
    expect(escapeBibtex('a & b % c # d _ e $ f ^ g ~ h { i } j \\ k')).toBe(
      'a \\& b \\% c \\# d \\_ e \\$ f \\^{} g \\~{} h \\{ i \\} j \\textbackslash{} k',
    );
  });

  it('keeps balanced formulas as math and escapes the rest', () => {
    expect(bibtexText('Scaling $\\alpha^2$ Laws & More')).toBe('Scaling $\\alpha^2$ Laws \\& More');
    expect(bibtexText('Broken $\\frac{a$ formula')).toBe('Broken \\$\\textbackslash{}frac\\{a\\$ formula');
    expect(bibtexText('Costs 5$')).toBe('Costs 5\\$');
    // Dollars the site shows as text (format/math.ts: no formula in "$5 and $10") are text here too.
    expect(bibtexText('Costs $5 and $10')).toBe('Costs \\$5 and \\$10');
  });

  it('writes an arXiv-style @misc entry', () => {
    const paper = makePaper({
      id: '2610.01092',
      title: 'Attention Is All You Need',
      authors: ['Ashish Vaswani', 'Noam Shazeer'],
      date: '2026-10-03',
      published: '2017-06-12',
      primaryCategory: 'cs.CL',
    });
    expect(bibtex(paper, 'https://example.org/papers/2610.01092/')).toBe(
      [
        '@misc{vaswani2017attention,',
        '  title = {{Attention Is All You Need}},',
        '  author = {Ashish Vaswani and Noam Shazeer},',
        '  year = {2017},',
        '  eprint = {2610.01092},',
        '  archivePrefix = {arXiv},',
        '  primaryClass = {cs.CL},',
        '  url = {https://arxiv.org/abs/2610.01092},',
        '}',
      ].join('\n'),
    );
  });

  it('stays well-formed for hostile titles and names', () => {
    const paper = makePaper({
      title: '}, note = {pwned} @misc{x, title = {',
      authors: ['Robert }) and {Tables', 'Zoë Ünïcode'],
    });
    const entry = bibtex(paper, 'https://example.org/');
    expect(balanced(entry)).toBe(true);
    expect(entry.match(/^ {2}\w+ = /gm)).toHaveLength(entry.split('\n').length - 2);
    expect(entry).toContain('author = {Robert \\}) and \\{Tables and Zoë Ünïcode}');
  });

  it('links a paper without an arXiv id to its page', () => {
    const paper = makePaper({ id: 'a-slug', title: 'A Slug', authors: [] });
    const entry = bibtex(paper, 'https://example.org/papers/a-slug/');
    expect(entry).toContain('url = {https://example.org/papers/a-slug/}');
    expect(entry).not.toContain('eprint');
    expect(entry).not.toContain('author');
  });

  it('makes ASCII keys', () => {
    expect(
      bibtexKey(makePaper({ authors: ['Zoë Ünïcode'], title: 'Ünïcode Wörds', date: '2026-01-01' })),
    ).toBe('unicode2026unicode');
    expect(bibtexKey(makePaper({ authors: ['Doe'], title: 'From $5 Onwards', date: '2026-01-01' }))).toBe(
      'doe2026from',
    );
    expect(bibtexKey(makePaper({ authors: ['Doe, Jane'], title: '$x$ On It', date: '2026-01-01' }))).toMatch(
      /^doe2026[a-z0-9]+$/,
    );
    expect(bibtexKey(makePaper({ id: '2610.00007', authors: [], title: 'A B C', date: '2026-01-01' }))).toBe(
      'anonymous2026261000007',
    );
  });
});

describe('BibTeX files', () => {
  const pageUrl = (paper: { id: string }) => `https://example.org/papers/${paper.id}/`;

  it("hold each paper's entry in the order given, with a letter after a repeated key", () => {
    const papers = ['2610.00001', '2610.00002', '2610.00003', '2610.00004'].map((id, index) =>
      makePaper({
        id,
        authors: [index === 3 ? 'Ada Other' : 'Jane Wang'],
        title: 'Large Models',
        date: '2026-10-03',
      }),
    );
    const file = bibtexBundle(papers, pageUrl);
    expect([...file.matchAll(/^@misc\{([^,]+),$/gm)].map((match) => match[1])).toEqual([
      'wang2026large',
      'wang2026largeb',
      'wang2026largec',
      'other2026large',
    ]);
    // Apart from the key, each entry is the one its page shows.
    expect(file).toContain(bibtex(papers[0]!, pageUrl(papers[0]!)));
    expect(file).toContain(
      bibtex(papers[1]!, pageUrl(papers[1]!)).replace('wang2026large,', 'wang2026largeb,'),
    );
    expect(file.endsWith('}\n')).toBe(true);
    expect(file.split('\n\n')).toHaveLength(4);
  });

  it('never gives a key a letter that another paper has as its own key', () => {
    const papers = [
      makePaper({ id: '2610.00001', authors: ['Wang'], title: 'Large', date: '2026-10-03' }),
      makePaper({ id: '2610.00002', authors: ['Wang'], title: 'Largeb', date: '2026-10-03' }),
      makePaper({ id: '2610.00003', authors: ['Wang'], title: 'Large', date: '2026-10-03' }),
    ];
    const keys = [...bibtexBundle(papers, pageUrl).matchAll(/^@misc\{([^,]+),$/gm)].map((match) => match[1]);
    expect(new Set(keys).size).toBe(3);
  });

  it('are empty for no papers', () => {
    expect(bibtexBundle([], pageUrl)).toBe('');
  });
});

describe('citation meta tags', () => {
  it('lists title, every author in order, dates, arXiv id and PDF', () => {
    const paper = makePaper({
      id: '2610.01092',
      title: 'A <b>Title</b>',
      authors: ['Ada', 'Alan', 'Grace'],
      date: '2026-10-03',
      published: '2026-10-01',
    });
    expect(citationMeta(paper)).toEqual([
      { name: 'citation_title', content: 'A <b>Title</b>' },
      { name: 'citation_author', content: 'Ada' },
      { name: 'citation_author', content: 'Alan' },
      { name: 'citation_author', content: 'Grace' },
      { name: 'citation_publication_date', content: '2026/10/01' },
      { name: 'citation_arxiv_id', content: '2610.01092' },
      { name: 'citation_pdf_url', content: 'https://arxiv.org/pdf/2610.01092' },
    ]);
  });

  it('leaves out arXiv tags for a paper without an arXiv id', () => {
    const names = citationMeta(makePaper({ id: 'a-slug' })).map((tag) => tag.name);
    expect(names).not.toContain('citation_arxiv_id');
    expect(names).not.toContain('citation_pdf_url');
    expect(names).toContain('citation_publication_date');
  });
});
