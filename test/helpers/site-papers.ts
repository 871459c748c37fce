/**
 * Paper entries for the site's unit tests, built fresh by a factory so no
 * test shares or mutates another's fixture.
 */
import { paperSchema, type PaperInput } from '../../src/lib/papers/schema.ts';
import type { PaperEntry } from '../../src/lib/papers/entry.ts';

export type PaperOverrides = Partial<PaperInput> & { body?: string };

let counter = 0;

/** A valid entry; `id` defaults to a fresh new-style arXiv id. */
export function makePaper(overrides: PaperOverrides = {}): PaperEntry {
  const { body = 'An abstract.', ...fields } = overrides;
  counter += 1;
  const id = fields.id ?? `2610.${String(10000 + counter)}`;
  const data = paperSchema.parse({
    title: `Paper ${id}`,
    authors: ['A. Author'],
    date: '2026-10-03',
    source: 'hf',
    ...fields,
    id,
  });
  return { id, data, body };
}

/** `count` papers on one day, with upvotes count-1 ... 0. */
export function makeDay(date: string, count: number, extra: PaperOverrides = {}): PaperEntry[] {
  return Array.from({ length: count }, (_, index) =>
    makePaper({ date, upvotes: count - 1 - index, ...extra }),
  );
}
