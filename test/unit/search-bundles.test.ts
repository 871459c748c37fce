import { describe, expect, it } from 'vitest';
import {
  bundleDir,
  cacheEntryName,
  partHash,
  planSegments,
  searchSegments,
  segmentOfCacheEntry,
  type IndexedPage,
} from '../../src/lib/search/bundles.ts';

const SETTINGS = { pagefindVersion: '1.6.0', language: 'en' };

function page(id: string, month: string, part: string): IndexedPage {
  return { file: `papers/${id}/index.html`, year: month.slice(0, 4), month, hash: partHash(part) };
}

function pages(): IndexedPage[] {
  return [
    page('2610.00002', '2026-10', 'b'),
    page('2512.00001', '2025-12', 'c'),
    page('2511.00001', '2025-11', 'e'),
    page('2610.00001', '2026-10', 'a'),
    page('2609.00001', '2026-09', 'f'),
  ];
}

describe('search index pieces', () => {
  it('are the newest year’s months and the earlier years, newest first, pages by file', () => {
    const plans = planSegments(pages(), SETTINGS);
    expect(plans.map((plan) => [plan.segment, plan.year, plan.pages.length])).toEqual([
      ['2026-10', '2026', 2],
      ['2026-09', '2026', 1],
      ['2025', '2025', 2],
    ]);
    expect(plans[0]?.pages.map((indexed) => indexed.file)).toEqual([
      'papers/2610.00001/index.html',
      'papers/2610.00002/index.html',
    ]);
    expect(bundleDir('2026-10')).toBe('pagefind/2026-10/');
  });

  it('are the same pieces the search page asks for', () => {
    expect(
      searchSegments([
        { year: '2026', months: ['2026-10', '2026-09'] },
        { year: '2025', months: ['2025-12', '2025-11'] },
      ]),
    ).toEqual(planSegments(pages(), SETTINGS).map(({ segment, year }) => ({ segment, year })));
    expect(searchSegments([])).toEqual([]);
  });

  it('keep their cache key while their pages are the same, whatever order they are found in', () => {
    const [first, , older] = planSegments(pages(), SETTINGS);
    const [again] = planSegments([...pages()].reverse(), SETTINGS);
    expect(again?.key).toBe(first?.key);
    expect(first?.key).toMatch(/^[0-9a-f]{32}$/);
    expect(older?.key).not.toBe(first?.key);
  });

  it('get a new key when a page’s indexed part, a page, Pagefind or the language changes', () => {
    const key = (list: IndexedPage[], settings = SETTINGS) =>
      planSegments(list, settings).find((plan) => plan.segment === '2026-10')?.key;
    const original = key(pages());
    const changed = pages().map((indexed) =>
      indexed.file.includes('2610.00002') ? { ...indexed, hash: partHash('B') } : indexed,
    );
    expect(key(changed)).not.toBe(original);
    expect(key([...pages(), page('2610.00003', '2026-10', 'd')])).not.toBe(original);
    expect(key(pages(), { ...SETTINGS, pagefindVersion: '1.7.0' })).not.toBe(original);
    expect(key(pages(), { ...SETTINGS, language: 'de' })).not.toBe(original);
    // A change in another piece leaves this one's key alone.
    const other = pages().map((indexed) =>
      indexed.month === '2026-09' ? { ...indexed, hash: partHash('F') } : indexed,
    );
    expect(key(other)).toBe(original);
  });

  it('make a finished year one piece once a new year starts', () => {
    const plans = planSegments([...pages(), page('2701.00001', '2027-01', 'g')], SETTINGS);
    expect(plans.map((plan) => plan.segment)).toEqual(['2027-01', '2026', '2025']);
  });

  it('name their cache entries by piece and key', () => {
    const [plan] = planSegments(pages(), SETTINGS);
    const name = cacheEntryName(plan!);
    expect(name).toBe(`2026-10-${plan!.key}`);
    expect(segmentOfCacheEntry(name)).toBe('2026-10');
    expect(segmentOfCacheEntry(`2025-${plan!.key}`)).toBe('2025');
    expect(segmentOfCacheEntry(`${name}.tmp-12-abcd`)).toBeUndefined();
    expect(segmentOfCacheEntry('README')).toBeUndefined();
  });
});
