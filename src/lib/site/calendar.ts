/**
 * Build-time pictures of the archive: a month calendar with a count per day
 * and a bar per month of a year. Everything is computed here; the components
 * only draw cells and rectangles.
 */
import type { DayGroup, MonthGroup, YearGroup } from '../archive/index.ts';
import { daysInMonth, isoWeekOf, isoWeekday, monthKey } from '../format/dates.ts';

export interface CalendarDay {
  date: string;
  /** Day of the month. */
  day: number;
  count: number;
  /** 0 (no papers) to 4 (the month's busiest days), for shading. */
  level: number;
}

export interface CalendarWeek {
  /** ISO week, `2026-W40`. */
  week: string;
  /** Monday to Sunday; `undefined` for days outside the month. */
  days: readonly (CalendarDay | undefined)[];
  /** Whether any day of this week in this month has papers. */
  hasPapers: boolean;
}

/** The month as ISO weeks (rows) of seven days (Monday first). */
export function monthCalendar(month: MonthGroup): CalendarWeek[] {
  const counts = new Map<string, number>(month.days.map((day: DayGroup) => [day.date, day.papers.length]));
  const max = Math.max(0, ...counts.values());
  const weeks: CalendarWeek[] = [];
  const total = daysInMonth(month.year, month.month);
  for (let day = 1; day <= total; day++) {
    const date = `${monthKey(month.year, month.month)}-${String(day).padStart(2, '0')}`;
    const weekday = isoWeekday(date);
    let week = weeks.at(-1);
    if (!week || weekday === 1) {
      week = { week: isoWeekOf(date), days: Array.from({ length: 7 }, () => undefined), hasPapers: false };
      weeks.push(week);
    }
    const count = counts.get(date) ?? 0;
    (week.days as (CalendarDay | undefined)[])[weekday - 1] = { date, day, count, level: level(count, max) };
    if (count > 0) week.hasPapers = true;
  }
  return weeks;
}

/** 0 for none, otherwise 1-4 by share of the busiest day. */
export function level(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((count / max) * 4)));
}

export interface MonthBar {
  month: number;
  count: number;
  /** The month group when it has papers. */
  group: MonthGroup | undefined;
  /** Bar height as a share of the year's busiest month, 0 to 1. */
  share: number;
}

/** Twelve bars, January first, for a year's count chart. */
export function yearBars(year: YearGroup): MonthBar[] {
  const byMonth = new Map(year.months.map((month) => [month.month, month]));
  const max = Math.max(0, ...year.months.map((month) => month.count));
  return Array.from({ length: 12 }, (_, index) => {
    const group = byMonth.get(index + 1);
    const count = group?.count ?? 0;
    return { month: index + 1, count, group, share: max > 0 ? count / max : 0 };
  });
}
