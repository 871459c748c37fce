import { describe, expect, it } from 'vitest';
import { hasOwnCard, newestDayOf, ownCardsFrom } from '../../src/lib/og/policy.ts';
import { buildArchive } from '../../src/lib/archive/index.ts';
import { paperPageImage } from '../../src/lib/site/paper-image.ts';
import { SITE } from '../../src/settings.ts';
import { dayImagePath, paperImagePath } from '../../src/lib/og/paths.ts';
import { makePaper } from '../helpers/site-papers.ts';

describe('which papers have a card of their own', () => {
  it('are those of the newest days, counted back from the archive’s newest day', () => {
    const from = ownCardsFrom('2026-10-31', 3);
    expect(from).toBe('2026-10-29');
    expect(['2026-10-28', '2026-10-29', '2026-10-31'].map((day) => hasOwnCard(day, from))).toEqual([
      false,
      true,
      true,
    ]);
  });

  it('are none for 0 days or an empty archive, and all for Infinity', () => {
    expect(hasOwnCard('2026-10-31', ownCardsFrom('2026-10-31', 0))).toBe(false);
    expect(hasOwnCard('2026-10-31', ownCardsFrom(undefined, 90))).toBe(false);
    expect(hasOwnCard('1991-08-14', ownCardsFrom('2026-10-31', Infinity))).toBe(true);
  });

  it('depend on the archive, not the clock', () => {
    expect(newestDayOf([{ data: { date: '2025-01-02' } }, { data: { date: '2026-03-04' } }])).toBe(
      '2026-03-04',
    );
    expect(newestDayOf([])).toBeUndefined();
  });

  it('decide the image a paper’s page points to', () => {
    const days = SITE.og.paperCardDays;
    const newest = makePaper({ id: '2610.00001', date: '2026-10-31' });
    const old = makePaper({ id: '2601.00001', date: '2026-10-31'.replace('10-31', '01-02') });
    const archive = buildArchive([newest, old]);
    expect(days).toBeLessThan(300);
    expect(paperPageImage(archive, newest).path).toBe(paperImagePath(newest.id));
    expect(paperPageImage(archive, old).path).toBe(dayImagePath('2026-01-02'));
    expect(paperPageImage(archive, old).alt).toMatch(/^Papers of 2 January 2026, 1 paper/);
  });
});
