/** Calendar days as `YYYY-MM-DD` strings: no clock, no time zone. */

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDay(value: string): boolean {
  const match = ISO_DAY.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Why `day`, given as `flag`, cannot be the listing day papers are filed
 * under, in a sentence; undefined when it can. A day after tomorrow (in UTC,
 * `today`) is refused: papers filed there stay there for good, and no source
 * lists them yet. Tomorrow is allowed, as it is already today east of UTC.
 */
export function listingDayProblem(flag: string, day: string, today: string): string | undefined {
  if (!isIsoDay(day)) return `${flag}: expected a day as YYYY-MM-DD, got "${day}"`;
  const latest = addDays(today, 1);
  if (day > latest)
    return `${flag}: ${day} is in the future (today is ${today} in UTC); give a day up to ${latest}`;
  return undefined;
}

/** The UTC calendar day of an instant. */
export function dayOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** The UTC day of an ISO timestamp such as `2026-10-03T00:00:00.000Z`, or undefined. */
export function dayOfTimestamp(value: string): string | undefined {
  const time = Date.parse(value);
  if (Number.isNaN(time)) return undefined;
  return dayOf(new Date(time));
}

export function addDays(day: string, count: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + count);
  return dayOf(date);
}

/** 1 for Monday to 7 for Sunday. */
export function isoWeekday(day: string): number {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/**
 * The ISO 8601 week of a day, `2026-W40`: weeks start on Monday and belong
 * to the year that holds their Thursday, so 2027-01-01 can be in 2026-W53.
 */
export function isoWeekOf(day: string): string {
  const thursday = addDays(day, 4 - isoWeekday(day));
  const year = Number(thursday.slice(0, 4));
  const firstThursday = addDays(`${pad(year, 4)}-01-04`, 4 - isoWeekday(`${pad(year, 4)}-01-04`));
  const week = 1 + Math.round(daysBetween(firstThursday, thursday) / 7);
  return `${pad(year, 4)}-W${pad(week, 2)}`;
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
