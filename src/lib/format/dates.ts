/**
 * Calendar days, months and ISO weeks as the site shows them. Days are
 * `YYYY-MM-DD` strings throughout: no clock, no time zone, no locale data, so
 * two builds anywhere print the same text.
 */
import { addDays, isIsoDay, isoWeekday, isoWeekOf } from '../papers/dates.ts';

export { addDays, isIsoDay, isoWeekday, isoWeekOf };

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export const WEEKDAYS_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

export interface DayParts {
  year: number;
  month: number;
  day: number;
}

export function dayParts(day: string): DayParts {
  const [year = NaN, month = NaN, date = NaN] = day.split('-').map(Number);
  return { year, month, day: date };
}

/** `2026-10` for `2026-10-03`. */
export function monthKeyOf(day: string): string {
  return day.slice(0, 7);
}

export function monthKey(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}`;
}

export function monthName(month: number): string {
  const name = MONTHS[month - 1];
  if (!name) throw new RangeError(`no month ${month}`);
  return name;
}

/** `3 October 2026`. */
export function formatDay(day: string): string {
  const { year, month, day: date } = dayParts(day);
  return `${date} ${monthName(month)} ${year}`;
}

/**
 * `29 Sep`, or `29 Sep 2025` when `day` is not in the year of `from`: a
 * neighbouring day in a navigation row, short enough to fit a phone.
 */
export function formatNearbyDay(day: string, from: string): string {
  const { year, month, day: date } = dayParts(day);
  const short = `${date} ${monthName(month).slice(0, 3)}`;
  return year === dayParts(from).year ? short : `${short} ${year}`;
}

/** `October 2026`. */
export function formatMonth(year: number, month: number): string {
  return `${monthName(month)} ${year}`;
}

/** Monday = 1 ... Sunday = 7, as ISO 8601 counts. */

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

export function isIsoWeek(value: string): boolean {
  const match = ISO_WEEK.exec(value);
  if (!match) return false;
  const week = Number(match[2]);
  return week >= 1 && isoWeekOf(mondayOfUnchecked(Number(match[1]), week)) === value;
}

/** The Monday that starts an ISO week. */
export function weekStart(week: string): string {
  const match = ISO_WEEK.exec(week);
  if (!match || !isIsoWeek(week)) throw new RangeError(`not an ISO week: ${week}`);
  return mondayOfUnchecked(Number(match[1]), Number(match[2]));
}

/** The seven days of an ISO week, Monday first. */
export function weekDays(week: string): string[] {
  const monday = weekStart(week);
  return Array.from({ length: 7 }, (_, index) => addDays(monday, index));
}

/** `Week 40, 2026`. */
export function formatWeek(week: string): string {
  const [year, number] = week.split('-W');
  return `Week ${Number(number)}, ${year}`;
}

/** `28 September – 4 October 2026`, shortened when month or year repeat. */
export function formatDayRange(first: string, last: string): string {
  const a = dayParts(first);
  const b = dayParts(last);
  const end = formatDay(last);
  if (a.year !== b.year) return `${formatDay(first)} – ${end}`;
  if (a.month !== b.month) return `${a.day} ${monthName(a.month)} – ${end}`;
  return `${a.day}–${end}`;
}

function mondayOfUnchecked(year: number, week: number): string {
  const january4 = `${pad(year, 4)}-01-04`;
  return addDays(january4, (week - 1) * 7 - (isoWeekday(january4) - 1));
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
