import { describe, expect, it } from 'vitest';
import {
  cardAuthors,
  dayCardInput,
  dayOgImage,
  paperCardInput,
  paperOgImage,
} from '../../src/lib/og/inputs.ts';
import { dayImagePath, paperImagePath } from '../../src/lib/og/paths.ts';
import type { Paper } from '../../src/lib/papers/schema.ts';

function paper(id: string, data: Partial<Paper> = {}) {
  return {
    id,
    data: {
      id,
      title: `Paper ${id}`,
      authors: ['Ada Lovelace'],
      date: '2026-10-03',
      keywords: [],
      categories: [],
      source: 'hf',
      topics: [],
      ...data,
    } as Paper,
  };
}

describe('image paths', () => {
  it('names a paper image after its id, an old-style id as its file name does', () => {
    expect(paperImagePath('2610.01092')).toBe('og/papers/2610.01092.png');
    expect(paperImagePath('hep-th/9901001')).toBe('og/papers/hep-th_9901001.png');
    expect(paperImagePath('intriguing-properties')).toBe('og/papers/intriguing-properties.png');
    expect(dayImagePath('2026-10-03')).toBe('og/days/2026-10-03.png');
  });
});

describe('card inputs', () => {
  it('shortens long author lists the way the site does, and long names further', () => {
    const many = Array.from({ length: 300 }, (_, index) => `Author Number${index}`);
    expect(cardAuthors(many)).toBe('Author Number0, Author Number1, Author Number2 et al.');
    expect(cardAuthors(['A', 'B', 'C', 'D'])).toBe('A, B, C and D');
    const long = Array.from({ length: 5 }, (_, index) => `Maximilian Alexander von Hohenzollern-${index}`);
    expect(cardAuthors(long)).toBe('Maximilian Alexander von Hohenzollern-0 et al.');
    expect(cardAuthors([])).toBe('');
  });

  it('prints a paper: plain-text title, date, topics and arXiv label', () => {
    const input = paperCardInput(paper('2610.01092', { title: 'On $\\alpha$-Nets' }), [
      'Language models',
      'A topic title far too long for a pill on the card',
      'Vision',
      'Fourth',
    ]);
    expect(input).toEqual({
      kind: 'paper',
      title: 'On α-Nets',
      authors: 'Ada Lovelace',
      date: '3 October 2026',
      topics: ['Language models', 'A topic title far too lon…', 'Vision'],
      label: 'arXiv:2610.01092',
    });
    expect(paperCardInput(paper('some-slug'), []).label).toBe('');
  });

  it("prints a day's best-ranked titles, as the day page orders them", () => {
    const papers = [
      paper('2610.00001', { upvotes: 3 }),
      paper('2610.00002', { upvotes: 10 }),
      paper('2610.00003'),
      paper('2610.00004', { upvotes: 10 }),
      paper('2610.00005', { upvotes: 1 }),
    ];
    expect(dayCardInput('2026-10-03', papers)).toEqual({
      kind: 'day',
      date: '3 October 2026',
      count: '5 papers',
      titles: ['Paper 2610.00002', 'Paper 2610.00004', 'Paper 2610.00001', 'Paper 2610.00005'],
    });
    expect(dayCardInput('2026-10-03', [paper('2610.00001')]).count).toBe('1 paper');
  });
});

describe('what pages print about an image', () => {
  it('gives path, size, type and alt text for a paper', () => {
    expect(paperOgImage(paper('hep-th/9901001', { title: 'Strings $\\beta$', authors: ['A', 'B'] }))).toEqual(
      {
        path: 'og/papers/hep-th_9901001.png',
        alt: 'Strings β, by A and B.',
        width: 1200,
        height: 630,
        type: 'image/png',
      },
    );
  });

  it('ends the alt text with one full stop after "et al."', () => {
    const authors = ['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Edsger Dijkstra', 'Barbara Liskov'];
    const alt = paperOgImage(paper('2610.00001', { title: 'T', authors })).alt;
    expect(alt).toMatch(/ et al\.$/);
  });

  it('gives path and alt text for a day', () => {
    const image = dayOgImage('2026-10-03', [paper('2610.00001'), paper('2610.00002', { upvotes: 2 })]);
    expect(image.path).toBe('og/days/2026-10-03.png');
    expect(image.alt).toBe('Papers of 3 October 2026, 2 papers, first “Paper 2610.00002”.');
  });
});
