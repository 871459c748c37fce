import { describe, expect, it } from 'vitest';
import { authorParts, formatAuthors, joinAuthors, shortenAuthors } from '../../src/lib/format/authors.ts';

const names = (count: number) => Array.from({ length: count }, (_, index) => `Author ${index + 1}`);

describe('author lists', () => {
  it('joins names the way people write them', () => {
    expect(joinAuthors([])).toBe('');
    expect(joinAuthors(['Ada'])).toBe('Ada');
    expect(joinAuthors(['Ada', 'Alan'])).toBe('Ada and Alan');
    expect(joinAuthors(['Ada', 'Alan', 'Grace'])).toBe('Ada, Alan and Grace');
  });

  it('shows short lists whole and never hides a single name', () => {
    expect(shortenAuthors(names(3))).toEqual({ shown: names(3), hidden: 0 });
    expect(shortenAuthors(names(4))).toEqual({ shown: names(4), hidden: 0 });
  });

  it('shortens long lists to three names and "et al."', () => {
    expect(shortenAuthors(names(30))).toEqual({ shown: names(3), hidden: 27 });
    expect(formatAuthors(names(30))).toBe('Author 1, Author 2, Author 3 et al.');
    expect(formatAuthors(names(2))).toBe('Author 1 and Author 2');
    expect(formatAuthors(names(6), 1)).toBe('Author 1 et al.');
  });

  it('splits a list into names and separators that read as the joined list', () => {
    for (const count of [0, 1, 2, 3, 7]) {
      const parts = authorParts(names(count));
      expect(parts.map((part) => part.name + part.after).join('')).toBe(joinAuthors(names(count)));
    }
  });
});
