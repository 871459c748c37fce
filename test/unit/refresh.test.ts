import { describe, expect, it } from 'vitest';
import { daysBefore, listedOn, weeksOf } from '../../src/lib/sources/refresh.ts';
import type { SourcePaper } from '../../src/lib/papers/source-paper.ts';

describe('the days a daily run refreshes', () => {
  it('are the days before the one it publishes, oldest first', () => {
    expect(daysBefore('2026-10-05', 3)).toEqual(['2026-10-02', '2026-10-03', '2026-10-04']);
    expect(daysBefore('2026-01-02', 2)).toEqual(['2025-12-31', '2026-01-01']);
    expect(daysBefore('2026-10-05', 0)).toEqual([]);
  });

  it('are asked for by ISO week: seven days are one or two requests', () => {
    // Monday 5 October 2026: the seven days before are all of week 40.
    expect(weeksOf(daysBefore('2026-10-05', 7))).toEqual(['2026-W40']);
    expect(weeksOf(daysBefore('2026-10-07', 7))).toEqual(['2026-W40', '2026-W41']);
    expect(weeksOf(daysBefore('2027-01-02', 3))).toEqual(['2026-W53']);
  });

  it('keep only the papers listed on those days', () => {
    const paper = (id: string, day: string | undefined) => ({ id, listedOn: day }) as SourcePaper;
    const papers = [paper('a', '2026-10-01'), paper('b', '2026-10-05'), paper('c', undefined)];
    expect(listedOn(papers, ['2026-10-01', '2026-10-02']).map((p) => p.id)).toEqual(['a']);
  });
});
