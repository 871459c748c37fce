import { describe, expect, it } from 'vitest';
import { daysBetween } from '../../scripts/cli/backfill.ts';

describe('day ranges', () => {
  it('include both ends and cross months and leap days', () => {
    expect(daysBetween('2028-02-27', '2028-03-01')).toEqual([
      '2028-02-27',
      '2028-02-28',
      '2028-02-29',
      '2028-03-01',
    ]);
    expect(daysBetween('2026-10-03', '2026-10-03')).toEqual(['2026-10-03']);
  });

  it('refuse bad days and backwards ranges', () => {
    expect(() => daysBetween('2026-02-30', '2026-03-01')).toThrow(
      '--from: expected a day as YYYY-MM-DD, got "2026-02-30"',
    );
    expect(() => daysBetween('2026-03-02', '2026-03-01')).toThrow(
      '--from 2026-03-02 is after --to 2026-03-01',
    );
  });
});
