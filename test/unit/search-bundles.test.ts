import { describe, expect, it } from 'vitest';
import {
  bundleDir,
  cacheEntryName,
  partHash,
  planYears,
  yearOfCacheEntry,
  type IndexedPage,
} from '../../src/lib/search/bundles.ts';

const SETTINGS = { pagefindVersion: '1.6.0', language: 'en' };

function pages(): IndexedPage[] {
  return [
    { file: 'papers/2610.00002/index.html', year: '2026', hash: partHash('b') },
    { file: 'papers/2512.00001/index.html', year: '2025', hash: partHash('c') },
    { file: 'papers/2610.00001/index.html', year: '2026', hash: partHash('a') },
  ];
}

describe('year indexes', () => {
  it('group the pages by year, newest year first, pages by file', () => {
    const plans = planYears(pages(), SETTINGS);
    expect(plans.map((plan) => plan.year)).toEqual(['2026', '2025']);
    expect(plans[0]?.pages.map((page) => page.file)).toEqual([
      'papers/2610.00001/index.html',
      'papers/2610.00002/index.html',
    ]);
    expect(bundleDir('2026')).toBe('pagefind/2026/');
  });

  it('keep their cache key while their pages are the same, whatever order they are found in', () => {
    const [first2026, first2025] = planYears(pages(), SETTINGS);
    const [again2026] = planYears([...pages()].reverse(), SETTINGS);
    expect(again2026?.key).toBe(first2026?.key);
    expect(first2026?.key).toMatch(/^[0-9a-f]{32}$/);
    expect(first2025?.key).not.toBe(first2026?.key);
  });

  it('get a new key when a page’s indexed part, a page, Pagefind or the language changes', () => {
    const key = (list: IndexedPage[], settings = SETTINGS) =>
      planYears(list, settings).find((plan) => plan.year === '2026')?.key;
    const original = key(pages());
    const changed = pages().map((page) =>
      page.file.includes('2610.00002') ? { ...page, hash: partHash('B') } : page,
    );
    expect(key(changed)).not.toBe(original);
    expect(
      key([...pages(), { file: 'papers/2610.00003/index.html', year: '2026', hash: partHash('d') }]),
    ).not.toBe(original);
    expect(key(pages(), { ...SETTINGS, pagefindVersion: '1.7.0' })).not.toBe(original);
    expect(key(pages(), { ...SETTINGS, language: 'de' })).not.toBe(original);
    // Another year's change leaves this year's key alone.
    const other = pages().map((page) => (page.year === '2025' ? { ...page, hash: partHash('C') } : page));
    expect(key(other)).toBe(original);
  });

  it('name their cache entries by year and key', () => {
    const [plan] = planYears(pages(), SETTINGS);
    const name = cacheEntryName(plan!);
    expect(name).toBe(`2026-${plan!.key}`);
    expect(yearOfCacheEntry(name)).toBe('2026');
    expect(yearOfCacheEntry(`${name}.tmp-12-abcd`)).toBeUndefined();
    expect(yearOfCacheEntry('README')).toBeUndefined();
  });
});
