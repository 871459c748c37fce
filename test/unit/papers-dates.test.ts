import { describe, expect, it } from 'vitest';
import { listingDayProblem } from '../../src/lib/papers/dates.ts';

describe('a listing day given on the command line', () => {
  it('may be any day up to tomorrow in UTC, where it is already today east of UTC', () => {
    for (const day of ['2019-01-01', '2026-10-02', '2026-10-03', '2026-10-04'])
      expect(listingDayProblem('--date', day, '2026-10-03')).toBeUndefined();
  });

  it('is refused after tomorrow, where papers would be filed for good (issue 20)', () => {
    expect(listingDayProblem('--date', '2026-10-05', '2026-10-03')).toBe(
      '--date: 2026-10-05 is in the future (today is 2026-10-03 in UTC); give a day up to 2026-10-04',
    );
    expect(listingDayProblem('--to', '9999-12-31', '2026-12-31')).toBe(
      '--to: 9999-12-31 is in the future (today is 2026-12-31 in UTC); give a day up to 2027-01-01',
    );
  });

  it('is refused when it is not a day', () => {
    expect(listingDayProblem('--from', '2026-02-30', '2026-10-03')).toBe(
      '--from: expected a day as YYYY-MM-DD, got "2026-02-30"',
    );
  });
});
