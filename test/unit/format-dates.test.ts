import { describe, expect, it } from 'vitest';
import {
  daysInMonth,
  formatDay,
  formatDayRange,
  formatNearbyDay,
  formatMonth,
  formatWeek,
  isIsoWeek,
  isoWeekOf,
  isoWeekday,
  weekDays,
  weekStart,
} from '../../src/lib/format/dates.ts';

describe('site dates', () => {
  it('formats days and months for readers, without locale data', () => {
    expect(formatDay('2026-10-03')).toBe('3 October 2026');
    expect(formatDay('2026-01-31')).toBe('31 January 2026');
    expect(formatMonth(2026, 12)).toBe('December 2026');
    expect(() => formatMonth(2026, 13)).toThrow(RangeError);
  });

  it.each([
    ['2026-10-03', '2026-W40'],
    ['2026-09-28', '2026-W40'],
    ['2026-10-04', '2026-W40'],
    ['2026-10-05', '2026-W41'],
    ['2021-01-03', '2020-W53'],
    ['2020-12-31', '2020-W53'],
    ['2025-12-29', '2026-W01'],
    ['2027-01-01', '2026-W53'],
    ['2024-12-30', '2025-W01'],
  ])('puts %s in ISO week %s', (day, week) => {
    expect(isoWeekOf(day)).toBe(week);
  });

  it('finds the Monday and the days of an ISO week', () => {
    expect(weekStart('2026-W40')).toBe('2026-09-28');
    expect(weekStart('2020-W53')).toBe('2020-12-28');
    expect(weekDays('2026-W01')).toEqual([
      '2025-12-29',
      '2025-12-30',
      '2025-12-31',
      '2026-01-01',
      '2026-01-02',
      '2026-01-03',
      '2026-01-04',
    ]);
  });

  it('knows which weeks exist', () => {
    expect(isIsoWeek('2026-W53')).toBe(true);
    expect(isIsoWeek('2025-W53')).toBe(false);
    expect(isIsoWeek('2026-W00')).toBe(false);
    expect(isIsoWeek('2026-40')).toBe(false);
    expect(() => weekStart('2025-W53')).toThrow(RangeError);
  });

  it('agrees with itself for every day of several years', () => {
    for (let day = '2019-12-25'; day < '2028-01-10';) {
      const week = isoWeekOf(day);
      expect(weekDays(week)).toContain(day);
      expect(weekDays(week)[isoWeekday(day) - 1]).toBe(day);
      const next = new Date(`${day}T00:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      day = next.toISOString().slice(0, 10);
    }
  });

  it('names weeks and ranges', () => {
    expect(formatWeek('2026-W04')).toBe('Week 4, 2026');
    expect(formatDayRange('2026-09-28', '2026-10-04')).toBe('28 September – 4 October 2026');
    expect(formatDayRange('2026-10-05', '2026-10-11')).toBe('5–11 October 2026');
    expect(formatDayRange('2025-12-29', '2026-01-04')).toBe('29 December 2025 – 4 January 2026');
  });

  it('counts days in months, leap years included', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2026, 10)).toBe(31);
  });
});

describe('formatNearbyDay', () => {
  it('leaves out the year of a day in the same year, and keeps it across a new year', () => {
    expect(formatNearbyDay('2026-09-29', '2026-10-02')).toBe('29 Sep');
    expect(formatNearbyDay('2025-12-31', '2026-01-02')).toBe('31 Dec 2025');
  });
});
