import { readFileSync } from 'node:fs';

import { inputErrorOf } from '../helpers/errors.ts';
import { describe, expect, it } from 'vitest';

import { slugFromTitle } from '../../src/lib/papers/ids.ts';
import {
  abstractToMarkdown,
  abstractToPlainText,
  markdownToPlainText,
} from '../../src/lib/papers/normalize.ts';
import { arxivIdsIn, listingDay, parseDateLine, parseListingText } from '../../src/lib/sources/text.ts';

const listing = readFileSync(new URL('../fixtures/corpus/000_ec3534d374c01979.txt', import.meta.url), 'utf8');

/** The file's own paragraphs after the `Mar 14` line: title, abstract, title, abstract... */
const corpusParagraphs =
  listing
    .split('Mar 14\n')[1]
    ?.trim()
    .split(/\n\s*\n/) ?? [];
const corpusTitles = corpusParagraphs.filter((_, index) => index % 2 === 0);
const corpusAbstracts = corpusParagraphs.filter((_, index) => index % 2 === 1);

const LONG = 'This abstract is long enough to be prose and never a title. '.repeat(6).trim();

describe('parseListingText on the corpus', () => {
  const result = parseListingText(listing, 'page.txt');

  it('finds all 33 papers and the date line', () => {
    expect(corpusTitles).toHaveLength(33);
    expect(result.problems).toEqual([]);
    expect(result.papers).toHaveLength(33);
    expect(result.listedOn).toEqual({ month: 3, day: 14 });
  });

  it('reads the first and last titles and ids', () => {
    expect(result.papers[0]).toMatchObject({
      id: 'intriguing-properties-of-adversarial-examples',
      title: 'Intriguing Properties of Adversarial Examples',
      authors: [],
    });
    expect(result.papers.at(-1)).toMatchObject({
      id: 'parallel-bayesian-optimization-of-agent-based-transportation-simulation',
      title: 'Parallel Bayesian Optimization of Agent-based Transportation Simulation',
    });
  });

  it('keeps every title and whole abstract', () => {
    expect(result.papers.map((paper) => paper.title)).toEqual(corpusTitles);
    expect(result.papers.map((paper) => paper.id)).toEqual(corpusTitles.map(slugFromTitle));
    const readBack = result.papers.map((paper) => markdownToPlainText(paper.abstract));
    expect(readBack).toEqual(corpusAbstracts.map(abstractToPlainText));
    const totalLength = readBack.reduce((sum, text) => sum + text.length, 0);
    expect(totalLength).toBe(corpusAbstracts.map(abstractToPlainText).join('').length);
    expect(totalLength).toBeGreaterThan(50_000);
  });

  it('cleans the LaTeX remnants of the listing', () => {
    const byTitle = (start: string) => result.papers.find((paper) => paper.title.startsWith(start));
    expect(byTitle('AMU-Tuning')?.abstract).toContain('the appropriate **A**uxiliary features');
    expect(byTitle('Entropy Adaptive Decoding')?.abstract).toContain('we maintain 96.7% of the 11B');
    expect(byTitle('FLARE')?.abstract).toContain('demonstrate that \\ours allows');
    expect(byTitle('Harnessing the Power')?.abstract).toMatch(
      /available at https:\/\/github.com\/gblackout\/LogicLLaMA\.$/,
    );
  });

  it('sets each paper’s day when the year is given', () => {
    const withYear = parseListingText(listing, 'page.txt', { year: 2025 });
    expect(withYear.listedOn).toEqual({ month: 3, day: 14, year: 2025 });
    expect(withYear.papers.every((paper) => paper.listedOn === '2025-03-14')).toBe(true);
    expect(result.papers.some((paper) => 'listedOn' in paper)).toBe(false);
  });
});

describe('parseListingText layout', () => {
  it('accepts CRLF, trailing spaces, no-break spaces and hard-wrapped paragraphs', () => {
    const wrapped = LONG.replace(/ (?=never a title\. This abstract)/g, '  \r\n  ');
    const text = `Header\r\n\r\nMarch 14  \r\n \u00a0\r\nA Wrapped\r\n  Title  \r\n\r\n${wrapped}\r\n\r\n`;
    const result = parseListingText(text, 'page.txt');
    expect(result.problems).toEqual([]);
    expect(result.papers).toEqual([
      { id: 'a-wrapped-title', title: 'A Wrapped Title', authors: [], abstract: abstractToMarkdown(LONG) },
    ]);
  });

  it('joins a multi-paragraph abstract, short last paragraphs included', () => {
    const text = [
      'Mar 14',
      'First Title',
      LONG,
      LONG,
      'Code is at https://example.org/code',
      'Data are public.',
      'Second Title',
      'Short abstract.',
    ].join('\n\n');
    const result = parseListingText(text, 'page.txt');
    expect(result.problems).toEqual([]);
    expect(result.papers.map((paper) => [paper.title, markdownToPlainText(paper.abstract)])).toEqual([
      ['First Title', `${LONG} ${LONG} Code is at https://example.org/code Data are public.`],
      ['Second Title', 'Short abstract.'],
    ]);
  });

  it('takes a title ending with a period when its abstract follows', () => {
    const text = ['Mar 14', 'One', LONG, 'Attention Is All You Need.', LONG].join('\n\n');
    expect(parseListingText(text, 'page.txt').papers.map((paper) => paper.title)).toEqual([
      'One',
      'Attention Is All You Need.',
    ]);
  });

  it('reports a title with no abstract, in the middle or at the end', () => {
    const text = ['Mar 14', 'Lonely Title', 'Real Title', LONG, 'Last Title'].join('\n\n');
    const result = parseListingText(text, 'page.txt');
    expect(result.papers.map((paper) => paper.title)).toEqual(['Real Title']);
    expect(result.problems).toEqual([
      { item: 'line 3 ("Lonely Title")', message: 'a title with no abstract after it' },
      { item: 'line 9 ("Last Title")', message: 'a title with no abstract after it' },
    ]);
  });

  it('reports prose where a title should be', () => {
    const text = ['Mar 14', LONG, 'A Title', 'Its abstract.'].join('\n\n');
    const result = parseListingText(text, 'page.txt');
    expect(result.papers.map((paper) => paper.title)).toEqual(['A Title']);
    expect(result.problems).toEqual([
      {
        item: 'line 3 ("This abstract is long enough to be pros…")',
        message:
          'expected a paper title (a short paragraph without a final period, followed by its abstract); skipped',
      },
    ]);
  });

  it('keeps the first of two papers with the same title', () => {
    const text = ['Mar 14', 'Same Title', 'One.', 'Same  title', 'Two.'].join('\n\n');
    const result = parseListingText(text, 'page.txt');
    expect(result.papers.map((paper) => markdownToPlainText(paper.abstract))).toEqual(['One.']);
    expect(result.problems).toEqual([
      { item: 'line 7 ("Same title")', message: 'the same paper (same-title) as line 3; kept line 3' },
    ]);
  });

  it('gives a title without Latin letters a stable fingerprint id', () => {
    const result = parseListingText(['Mar 14', '深度学习', 'An abstract.'].join('\n\n'), 'page.txt');
    expect(result.problems).toEqual([]);
    expect(result.papers.map((p) => [p.id, p.title])).toEqual([
      [expect.stringMatching(/^paper-[0-9a-f]{12}$/), '深度学习'],
    ]);
  });

  it('escapes hostile text in titles and abstracts', () => {
    const text = [
      'Mar 14',
      '<script>alert(1)</script>',
      '[x](javascript:alert(1)) *a* _b_ # not a heading.',
    ].join('\n\n');
    const [paper] = parseListingText(text, 'page.txt').papers;
    expect(paper?.title).toBe('<script>alert(1)</script>');
    expect(paper?.id).toBe('script-alert-1-script');
    expect(paper?.abstract).toBe('\\[x]\\(javascript:alert(1)) \\*a\\* \\_b\\_ # not a heading.');
  });
});

describe('arXiv ids in the listing', () => {
  it('uses an id on a line of the title paragraph, in the title or on its own', () => {
    const text = [
      'Mar 14',
      'First Paper\narXiv:2610.01092v2',
      'Abstract one.',
      'Second Paper',
      'https://arxiv.org/abs/2610.00002',
      'Abstract two.',
      'Third Paper (arXiv:2610.00003)',
      'Abstract three.',
    ].join('\n\n');
    const result = parseListingText(text, 'page.txt');
    expect(result.problems).toEqual([]);
    expect(result.papers.map((paper) => [paper.id, paper.title])).toEqual([
      ['2610.01092', 'First Paper'],
      ['2610.00002', 'Second Paper'],
      ['2610.00003', 'Third Paper (arXiv:2610.00003)'],
    ]);
  });

  it('uses an id in the abstract only when it is the only one', () => {
    const text = [
      'Mar 14',
      'One Id',
      'Preprint at arxiv.org/abs/2610.00003.',
      'Two Ids',
      'We extend arXiv:2601.00001 and arXiv:2601.00002.',
    ].join('\n\n');
    expect(parseListingText(text, 'page.txt').papers.map((paper) => paper.id)).toEqual([
      '2610.00003',
      'two-ids',
    ]);
  });

  it('finds new- and old-style ids', () => {
    expect(
      arxivIdsIn('see arXiv:2610.01092v1, https://arxiv.org/pdf/hep-th/9901001v2 and arxiv: 2610.01092'),
    ).toEqual(['2610.01092', 'hep-th/9901001']);
    expect(arxivIdsIn('version 2610.01092 without a prefix')).toEqual([]);
  });
});

describe('the date line', () => {
  it('reads short and long month names, ordinals and years', () => {
    expect(parseDateLine('Mar 14')).toEqual({ month: 3, day: 14 });
    expect(parseDateLine(' March 14 ')).toEqual({ month: 3, day: 14 });
    expect(parseDateLine('Sept. 3rd')).toEqual({ month: 9, day: 3 });
    expect(parseDateLine('Mar 14, 2025')).toEqual({ month: 3, day: 14, year: 2025 });
    expect(parseDateLine('dec 1 2024')).toEqual({ month: 12, day: 1, year: 2024 });
  });

  it('is the whole line and nothing else', () => {
    expect(parseDateLine('Mar 14 papers')).toBeUndefined();
    expect(parseDateLine('Published on Mar 14')).toBeUndefined();
    expect(parseDateLine('Mar 32')).toBeUndefined();
    expect(parseDateLine('Marsh 14')).toBeUndefined();
  });

  it('requires a date line before the papers', () => {
    expect(inputErrorOf(() => parseListingText('Some Title\n\nAn abstract.', 'page.txt'))).toBe(
      'page.txt: expected a date line such as "Mar 14" before the papers',
    );
    expect(inputErrorOf(() => parseListingText('', 'page.txt'))).toBe(
      'page.txt: expected a date line such as "Mar 14" before the papers',
    );
  });

  it('reads a date line without papers as no papers', () => {
    expect(parseListingText('new\n\nMar 14\n\n', 'page.txt')).toEqual({
      papers: [],
      problems: [],
      listedOn: { month: 3, day: 14 },
    });
  });

  it('takes the year from the date line and refuses a contradicting one', () => {
    const text = 'Mar 14, 2025\n\nA Title\n\nAn abstract.';
    expect(parseListingText(text, 'page.txt').papers[0]?.listedOn).toBe('2025-03-14');
    expect(inputErrorOf(() => parseListingText(text, 'page.txt', { year: 2026 }))).toBe(
      'page.txt: the date line says 2025, but the year 2026 was given',
    );
    expect(inputErrorOf(() => parseListingText('Feb 29\n\nT\n\nA.', 'page.txt', { year: 2025 }))).toBe(
      'page.txt: the date line names a day that does not exist in 2025',
    );
  });
});

describe('listingDay', () => {
  it('accepts a given day that agrees with the date line', () => {
    expect(listingDay({ listedOn: { month: 3, day: 14 } }, '2026-03-14', 'page.txt')).toBe('2026-03-14');
    expect(listingDay({ listedOn: { month: 3, day: 14, year: 2025 } }, undefined, 'page.txt')).toBe(
      '2025-03-14',
    );
  });

  it('refuses a day that disagrees, or no day when the year is unknown', () => {
    expect(
      inputErrorOf(() => listingDay({ listedOn: { month: 3, day: 14 } }, '2026-03-15', 'page.txt')),
    ).toBe('page.txt: the date line says "Mar 14", which does not agree with 2026-03-15');
    expect(
      inputErrorOf(() =>
        listingDay({ listedOn: { month: 3, day: 14, year: 2025 } }, '2026-03-14', 'page.txt'),
      ),
    ).toBe('page.txt: the date line says "Mar 14, 2025", which does not agree with 2026-03-14');
    expect(inputErrorOf(() => listingDay({ listedOn: { month: 3, day: 14 } }, undefined, 'page.txt'))).toBe(
      'page.txt: the date line "Mar 14" gives no year; the day must be given as YYYY-MM-DD',
    );
  });
});
