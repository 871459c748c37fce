import { describe, expect, it } from 'vitest';
import { countText } from '../../src/lib/count-text.ts';

describe('counts', () => {
  it('say paper or papers by default', () => {
    expect([0, 1, 2].map((n) => countText(n))).toEqual(['0 papers', '1 paper', '2 papers']);
  });

  it('take another noun, and its plural when it is not the noun plus s', () => {
    expect(countText(1, 'more author')).toBe('1 more author');
    expect(countText(3, 'more author')).toBe('3 more authors');
    expect(countText(1, 'index', 'indexes')).toBe('1 index');
    expect(countText(2, 'index', 'indexes')).toBe('2 indexes');
  });
});
