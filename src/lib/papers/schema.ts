/**
 * The paper content model: one schema for the content collection, the
 * ingester, `papers validate` and the tests. Every field is documented here;
 * this file is the reference for what a paper's front matter may hold.
 */
import { z } from 'zod';
import { isIsoDay } from './dates.ts';
import { isPaperId } from './ids.ts';

export const PAPER_SOURCES = ['hf', 'arxiv', 'text'] as const;
export type PaperSource = (typeof PAPER_SOURCES)[number];

/** Field order in written files: identity first, bookkeeping last. */
export const FIELD_ORDER = [
  'id',
  'title',
  'authors',
  'date',
  'published',
  'updated',
  'upvotes',
  'comments',
  'github',
  'projectPage',
  'submittedBy',
  'keywords',
  'categories',
  'primaryCategory',
  'aiSummary',
  'thumbnail',
  'source',
  'topics',
  'ingested',
] as const;

const TOPIC_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A calendar day. YAML readers differ: an unquoted `2026-10-03` is a string
 * for some and a Date for others (Astro's), so both are accepted.
 */
const day = z
  .union([z.string(), z.date()], { error: 'expected a day as YYYY-MM-DD' })
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value))
  .refine(isIsoDay, { error: 'expected a day as YYYY-MM-DD' });

const httpUrl = z
  .string({ error: 'expected an http(s) URL' })
  .refine(isHttpUrl, { error: 'expected an http(s) URL' });

/**
 * Characters no hand-written text may hold (ingest removes them, see
 * normalize.ts): C0 controls but tab, newline and CR; DEL and the C1
 * controls; the noncharacters U+FFFE and U+FFFF; and the bidi embeddings,
 * overrides and isolates, which reorder what follows them on the page and in
 * the terminal.
 */
const UNSAFE_CHARACTER = /(?![\t\n\r])\p{Cc}|[\uFFFE\uFFFF\u202A-\u202E\u2066-\u2069]/u;

/** The first unsafe character of `value` as `U+XXXX`, or undefined. */
export function findUnsafeCharacter(value: string): string | undefined {
  const found = UNSAFE_CHARACTER.exec(value)?.[0];
  return found === undefined ? undefined : codePointName(found);
}

function codePointName(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

const text = z
  .string({ error: 'expected text' })
  .refine((value) => findUnsafeCharacter(value) === undefined, {
    error: (issue) =>
      `expected text without control, bidi override or noncharacter characters (found ${findUnsafeCharacter(String(issue.input))})`,
  })
  .trim()
  .min(1, { error: 'expected non-empty text' });

const count = z
  .number({ error: 'expected a whole number' })
  .int({ error: 'expected a whole number' })
  .nonnegative({ error: 'expected a whole number of 0 or more' });

const textList = z.array(text, { error: 'expected a list of text' });

export const paperSchema = z.strictObject(
  {
    /** arXiv id without version (`2610.01092`, `hep-th/9901001`) or a title slug. */
    id: z
      .string({ error: 'expected an arXiv id such as 2610.01092 (quoted) or a slug' })
      .refine(isPaperId, { error: 'expected an arXiv id such as 2610.01092 or a lowercase slug' }),
    /** Plain text; inline math stays as `$...$`. */
    title: text,
    /** In the order the paper lists them. */
    authors: textList.default([]),
    /** The day the paper was listed: the folder the file lives in. */
    date: day,
    /** When the paper was first submitted to arXiv, if known. */
    published: day.optional(),
    /** When the latest arXiv version appeared, if known. */
    updated: day.optional(),
    upvotes: count.optional(),
    comments: count.optional(),
    /** Code repository. */
    github: httpUrl.optional(),
    projectPage: httpUrl.optional(),
    /** Who put the paper on the daily list (Hugging Face user name). */
    submittedBy: text.optional(),
    /** Keywords from the source, e.g. Hugging Face `ai_keywords`. */
    keywords: textList.default([]),
    /** arXiv categories, primary first. */
    categories: textList.default([]),
    primaryCategory: text.optional(),
    /** A one-paragraph summary written by the source's model. */
    aiSummary: text.optional(),
    /** The source's preview image. */
    thumbnail: httpUrl.optional(),
    /** Which ingester first wrote the file. */
    source: z.enum(PAPER_SOURCES, { error: `expected one of ${PAPER_SOURCES.join(', ')}` }),
    /** Hand-assigned topic ids. The ingester never writes this field. */
    topics: z
      .array(z.string().regex(TOPIC_ID), { error: 'expected a list of topic ids (lowercase-with-dashes)' })
      .default([]),
    /**
     * Fingerprints of the title, authors and abstract as the ingester last
     * wrote them, so a later ingest can tell a hand edit from stale text.
     */
    ingested: z
      .strictObject({
        title: z.string().optional(),
        authors: z.string().optional(),
        abstract: z.string().optional(),
      })
      .optional(),
  },
  { error: 'expected front matter fields' },
);

export type Paper = z.output<typeof paperSchema>;
export type PaperInput = z.input<typeof paperSchema>;

export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export interface FieldProblem {
  field: string;
  expected: string;
  got: string;
}

/** zod issues as `field: expected ..., got ...`, one per problem. */
export function describeIssues(error: z.ZodError, input: unknown): FieldProblem[] {
  return error.issues.map((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    if (keys.length > 0) {
      return {
        field: keys.join(', '),
        expected: 'no such field (see src/lib/papers/schema.ts)',
        got: 'a value',
      };
    }
    const field = issue.path.map(String).join('.') || '(front matter)';
    return { field, expected: issue.message, got: describeValue(valueAt(input, issue.path)) };
  });
}

export function formatProblem(where: string, problem: FieldProblem): string {
  return `${where}: field "${problem.field}": ${problem.expected}, got ${problem.got}`;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (value instanceof Date) return `the date ${value.toISOString().slice(0, 10)}`;
  if (typeof value === 'string')
    return escapeUnsafe(JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value));
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

/** JSON.stringify escapes C0 controls but not C1, bidi or U+FFFE: escape those too, for the terminal. */
function escapeUnsafe(quoted: string): string {
  return quoted.replace(
    new RegExp(UNSAFE_CHARACTER.source, 'gu'),
    (character) => `\\u${(character.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
}
