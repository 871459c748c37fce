import { describe, expect, it } from 'vitest';
import { lastMade } from '../../src/lib/last-made.ts';

describe('the last value made', () => {
  it('is kept while the key stays, and made again when it changes', async () => {
    const keep = lastMade<number>();
    let made = 0;
    const make = () => Promise.resolve(++made);
    expect(await keep('a', make)).toBe(1);
    expect(await keep('a', make)).toBe(1);
    expect(await keep('b', make)).toBe(2);
    expect(await keep('a', make)).toBe(3);
  });

  it('is made again after it failed, with the same key', async () => {
    const keep = lastMade<string>();
    await expect(keep('a', () => Promise.reject(new Error('broken file')))).rejects.toThrow('broken file');
    expect(await keep('a', () => Promise.resolve('fixed'))).toBe('fixed');
  });
});
