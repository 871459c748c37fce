import { describe, expect, it } from 'vitest';
import {
  hasTerms,
  isExactQuery,
  matchedWords,
  queryTerms,
  termsToCheck,
  wordCoversTerm,
  wordForms,
  type MatchedResult,
} from '../../src/lib/search/terms.ts';

describe('a query’s words', () => {
  it('are read as Pagefind reads them: lower case, without punctuation or accents, each once', () => {
    expect(queryTerms('  Gödel’s k-Sparse, sparse! ')).toEqual(['godels', 'ksparse', 'sparse']);
    expect(queryTerms('2605.27492')).toEqual(['260527492']);
    expect(queryTerms(' … ')).toEqual([]);
  });

  it('in quotes are an exact search', () => {
    expect(isExactQuery('"speculative decoding"')).toBe(true);
    expect(isExactQuery('speculative "decoding"')).toBe(false);
  });
});

describe('a word of a page', () => {
  it('is matched by itself and by its parts, as Pagefind indexes it', () => {
    expect(wordForms('LoRA-based,')).toEqual(['lorabased', 'lo', 'ra', 'based']);
    expect(wordForms('Émoji.')).toEqual(['emoji']);
    expect(wordForms('—')).toEqual([]);
  });

  it('covers a query word it starts with, or all but its last letter for a long one', () => {
    expect(wordCoversTerm('speculative', 'speculat')).toBe(true);
    expect(wordCoversTerm('happiness', 'happy')).toBe(true);
    expect(wordCoversTerm('Lovelace,', 'lovelace')).toBe(true);
    // Pagefind's fallback to a shorter word: junk.
    expect(wordCoversTerm('Z.', 'zzqxjv')).toBe(false);
    expect(wordCoversTerm('LoRA', 'lovelace')).toBe(false);
    expect(wordCoversTerm('loves', 'lovelace')).toBe(false);
    expect(wordCoversTerm('model', 'mod')).toBe(true);
    expect(wordCoversTerm('mode', 'mods')).toBe(false);
  });
});

describe('a piece of the index that answered a search', () => {
  const result = (content: string, locations: number[], meta: MatchedResult['meta'] = {}) => ({
    content,
    locations,
    meta,
  });

  it('is found by the words at its locations and by its title and authors', () => {
    const found = result('We route each token &lt;b&gt; to experts.', [4, 6], {
      title: 'Sparse mixtures',
      authors: 'Grace Hopper and Author Z. Number',
    });
    expect(matchedWords({ ...found, raw_content: found.content })).toEqual([
      '<b>',
      'experts.',
      'Sparse',
      'mixtures',
      'Grace',
      'Hopper',
      'and',
      'Author',
      'Z.',
      'Number',
    ]);
    expect(hasTerms(found, ['expert', 'hopper'])).toBe(true);
    expect(hasTerms(found, ['zzqxjv'])).toBe(false);
    expect(hasTerms(result('Author Z. Number', [1]), ['zzqxjv', 'author'])).toBe(false);
  });

  it('is checked only for the words an exact search did not find in it', () => {
    const exact = new Map([
      ['lovelace', new Set(['2026-10'])],
      ['decoding', new Set(['2026-10', '2025'])],
    ]);
    expect(termsToCheck(['2026-10', '2025'], ['lovelace', 'decoding'], exact)).toEqual(
      new Map([['2025', ['lovelace']]]),
    );
    expect(termsToCheck(['2026-10'], ['lovelace'], exact)).toEqual(new Map());
  });
});
