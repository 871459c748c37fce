/** Ranges of listing days, for backfills. */
import { addDays, isIsoDay } from '../papers/dates.ts';

/** Every day from `from` to `to`, both included, oldest first. */
export function daysBetween(from: string, to: string): string[] {
  if (!isIsoDay(from)) throw new RangeError(`--from: expected a day as YYYY-MM-DD, got "${from}"`);
  if (!isIsoDay(to)) throw new RangeError(`--to: expected a day as YYYY-MM-DD, got "${to}"`);
  if (from > to) throw new RangeError(`--from ${from} is after --to ${to}`);
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}
