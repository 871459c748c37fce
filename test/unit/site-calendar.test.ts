import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../src/lib/archive/index.ts';
import { level, monthCalendar, yearBars } from '../../src/lib/site/calendar.ts';
import { makeDay } from '../helpers/site-papers.ts';

describe('the month calendar', () => {
  const archive = buildArchive([
    ...makeDay('2026-10-01', 8),
    ...makeDay('2026-10-02', 2),
    ...makeDay('2026-10-19', 1),
  ]);
  const calendar = monthCalendar(archive.monthGroup(2026, 10)!);

  it('lays the month out in ISO weeks, Monday first', () => {
    expect(calendar.map((week) => week.week)).toEqual([
      '2026-W40',
      '2026-W41',
      '2026-W42',
      '2026-W43',
      '2026-W44',
    ]);
    // 1 October 2026 is a Thursday.
    expect(calendar[0]?.days.map((day) => day?.day)).toEqual([undefined, undefined, undefined, 1, 2, 3, 4]);
    expect(calendar.at(-1)?.days.map((day) => day?.day)).toEqual([26, 27, 28, 29, 30, 31, undefined]);
    expect(calendar.flatMap((week) => week.days).filter(Boolean)).toHaveLength(31);
  });

  it('counts papers per day and shades by the busiest day', () => {
    const days = calendar.flatMap((week) => week.days);
    const first = days.find((day) => day?.date === '2026-10-01');
    const second = days.find((day) => day?.date === '2026-10-02');
    const empty = days.find((day) => day?.date === '2026-10-03');
    expect([first?.count, first?.level]).toEqual([8, 4]);
    expect([second?.count, second?.level]).toEqual([2, 1]);
    expect([empty?.count, empty?.level]).toEqual([0, 0]);
    expect(calendar.map((week) => week.hasPapers)).toEqual([true, false, false, true, false]);
  });

  it('has five levels', () => {
    expect([0, 1, 25, 26, 50, 75, 100].map((count) => level(count, 100))).toEqual([0, 1, 1, 2, 2, 3, 4]);
    expect(level(3, 0)).toBe(0);
  });
});

describe('the year chart', () => {
  it('has twelve bars sized by the busiest month', () => {
    const archive = buildArchive([...makeDay('2026-02-10', 4), ...makeDay('2026-10-01', 2)]);
    const bars = yearBars(archive.years[0]!);
    expect(bars).toHaveLength(12);
    expect(bars.map((bar) => bar.count)).toEqual([0, 4, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0]);
    expect(bars[1]?.share).toBe(1);
    expect(bars[9]?.share).toBe(0.5);
    expect(bars[0]?.group).toBeUndefined();
    expect(bars[9]?.group?.key).toBe('2026-10');
  });
});
