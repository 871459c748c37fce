import { describe, expect, it } from 'vitest';
import { replaceBetweenMarkers } from '../../src/lib/markdown-table.ts';

describe('a generated part of a page', () => {
  it('is replaced from its start marker to the first end marker after it', () => {
    const page = 'intro <!-- end --> <!-- a --> old <!-- end --> outro';
    expect(replaceBetweenMarkers(page, '<!-- a -->', '<!-- end -->', 'NEW')).toBe(
      'intro <!-- end --> NEW outro',
    );
  });

  it('is refused when a marker is missing', () => {
    expect(() => replaceBetweenMarkers('<!-- a --> no end', '<!-- a -->', '<!-- end -->', 'NEW')).toThrow(
      "the generated part's markers are missing: <!-- a -->",
    );
    expect(() =>
      replaceBetweenMarkers('no start <!-- end -->', '<!-- a -->', '<!-- end -->', 'NEW'),
    ).toThrow();
  });
});
