import { describe, expect, it } from 'vitest';
import { resultView, sitePath, splitAuthorLine } from '../../src/lib/search/results.ts';

describe('a search result', () => {
  const labels = new Map([
    ['language-models', 'Language models'],
    ['efficiency', 'Efficiency and inference'],
  ]);

  it('shows its title, a short author list, its day, upvotes and topics by name, and the excerpt', () => {
    const view = resultView(
      {
        url: '/papers/2610.00001/',
        excerpt: 'We distil <mark>step-by-step</mark> reasoning &amp; more',
        meta: {
          title: 'Chain-of-Thought Distillation',
          authors: 'Ada Lovelace, Claude Shannon, A B and C D',
        },
        filters: {
          topic: ['language-models', 'efficiency', 'unknown'],
          day: ['2026-10-02'],
          upvotes: ['120'],
        },
      },
      { base: '/', topicLabels: labels },
    );
    expect(view).toEqual({
      href: '/papers/2610.00001/',
      title: 'Chain-of-Thought Distillation',
      authors: 'Ada Lovelace, Claude Shannon, A B and C D',
      day: '2026-10-02',
      upvotes: 120,
      topics: ['Language models', 'Efficiency and inference', 'unknown'],
      excerpt: [
        { text: 'We distil ', marked: false },
        { text: 'step-by-step', marked: true },
        { text: ' reasoning & more', marked: false },
      ],
    });
  });

  it('shortens a long author line and shows nothing it does not know', () => {
    const view = resultView(
      { url: 'https://evil.example/', excerpt: '', meta: { authors: 'A, B, C, D and E' }, filters: {} },
      { base: '/', topicLabels: labels },
    );
    expect(view).toMatchObject({
      href: undefined,
      authors: 'A, B, C et al.',
      day: undefined,
      upvotes: undefined,
    });
    expect(splitAuthorLine('Ada  Lovelace')).toEqual(['Ada Lovelace']);
    expect(splitAuthorLine('')).toEqual([]);
    expect(sitePath('//evil.example/x', '/')).toBeUndefined();
    expect(sitePath('/papers/x/', '/papers/')).toBe('/papers/x/');
  });
});
