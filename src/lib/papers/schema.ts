/**
 * The paper content model: one schema for the content collection, the
 * ingester, `papers validate` and the tests. Every field is described here;
 * docs/content.md's table is made from these descriptions (`npm run docs:content`).
 */
import { z } from 'zod';
import { formatNumber } from '../count-text.ts';
import { describeValue, isHttpUrl, UNSAFE_CHARACTER } from '../value-checks.ts';
import { isIsoDay } from './dates.ts';
import { isPaperId } from './ids.ts';

// The sources describe and check values as the schema does.
export { describeValue, isHttpUrl };

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

/**
 * The most each field may hold, far above any real paper (the longest arXiv
 * titles have a few hundred characters; the largest author lists a few
 * thousand names), so that one bad item cannot make a page of megabytes.
 * Lengths are in characters (UTF-16 code units), lists in entries.
 */
export const FIELD_LIMITS = {
  title: 1_000,
  /** Each author's name. */
  authorName: 300,
  authors: 10_000,
  submittedBy: 100,
  /** Each keyword or category. */
  keyword: 200,
  keywords: 200,
  category: 50,
  categories: 50,
  aiSummary: 5_000,
  /** github, projectPage and thumbnail. */
  url: 2_000,
  topics: 50,
  /** The abstract below the front matter, as Markdown (escapes included). */
  body: 40_000,
} as const;

/** An ingest fingerprint (a short hash); never long. */
const fingerprint = z.string().max(200, { error: 'expected a fingerprint of at most 200 characters' });

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
  .max(FIELD_LIMITS.url, { error: `expected an http(s) URL of at most ${FIELD_LIMITS.url} characters` })
  .refine(isHttpUrl, { error: 'expected an http(s) URL' });

/** The first unsafe character of `value` as `U+XXXX`, or undefined. */
export function findUnsafeCharacter(value: string): string | undefined {
  const found = UNSAFE_CHARACTER.exec(value)?.[0];
  return found === undefined ? undefined : codePointName(found);
}

function codePointName(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function text(maxLength: number) {
  return z
    .string({ error: 'expected text' })
    .max(maxLength, { error: `expected at most ${formatNumber(maxLength)} characters` })
    .refine((value) => findUnsafeCharacter(value) === undefined, {
      error: (issue) =>
        `expected text without control, bidi override or noncharacter characters (found ${findUnsafeCharacter(String(issue.input))})`,
    })
    .trim()
    .min(1, { error: 'expected non-empty text' });
}

const count = z
  .number({ error: 'expected a whole number' })
  .int({ error: 'expected a whole number' })
  .nonnegative({ error: 'expected a whole number of 0 or more' });

function textList(maxEntries: number, maxLength: number) {
  return z
    .array(text(maxLength), { error: 'expected a list of text' })
    .max(maxEntries, { error: `expected at most ${formatNumber(maxEntries)} entries` });
}

export const paperSchema = z.strictObject(
  {
    id: z
      .string({ error: 'expected an arXiv id such as 2610.01092 (quoted) or a slug' })
      .refine(isPaperId, { error: 'expected an arXiv id such as 2610.01092 or a lowercase slug' })
      .describe(
        'arXiv id without version, quoted (`"2610.01092"`); old-style ids such as `hep-th/9901001`; or a lowercase slug for papers without an arXiv id',
      ),
    title: text(FIELD_LIMITS.title).describe('plain text; inline math stays as `$...$`'),
    authors: textList(FIELD_LIMITS.authors, FIELD_LIMITS.authorName)
      .default([])
      .describe('plain text, in the order the paper lists them'),
    date: day.describe('the day the paper was listed, `YYYY-MM-DD`: the folder the file lives in'),
    published: day.optional().describe('the day the paper was first submitted to arXiv, when known'),
    updated: day.optional().describe("the day arXiv's latest version appeared, when known"),
    upvotes: count.optional().describe('Hugging Face upvotes'),
    comments: count.optional().describe('Hugging Face comments'),
    github: httpUrl.optional().describe('the code repository, an http(s) link'),
    projectPage: httpUrl.optional().describe("the project's page, an http(s) link"),
    submittedBy: text(FIELD_LIMITS.submittedBy)
      .optional()
      .describe('who put the paper on the daily list (a Hugging Face user name)'),
    keywords: textList(FIELD_LIMITS.keywords, FIELD_LIMITS.keyword)
      .default([])
      .describe('keywords from the source, e.g. Hugging Face `ai_keywords`'),
    categories: textList(FIELD_LIMITS.categories, FIELD_LIMITS.category)
      .default([])
      .describe('arXiv categories, primary first'),
    primaryCategory: text(FIELD_LIMITS.category).optional().describe('the primary arXiv category'),
    aiSummary: text(FIELD_LIMITS.aiSummary)
      .optional()
      .describe("a one-paragraph summary written by the source's model"),
    thumbnail: httpUrl.optional().describe("the source's preview image, an http(s) link"),
    source: z
      .enum(PAPER_SOURCES, { error: `expected one of ${PAPER_SOURCES.join(', ')}` })
      .describe(
        `the ingester that first wrote the file: ${PAPER_SOURCES.map((name) => `\`${name}\``).join(', ')}`,
      ),
    topics: z
      .array(z.string().max(FIELD_LIMITS.keyword).regex(TOPIC_ID), {
        error: 'expected a list of topic ids (lowercase-with-dashes)',
      })
      .max(FIELD_LIMITS.topics, { error: `expected at most ${FIELD_LIMITS.topics} topic ids` })
      .default([])
      .describe('topic ids (from topics.yaml) a person assigns; the ingester never writes them'),
    ingested: z
      .strictObject({
        title: fingerprint.optional(),
        authors: fingerprint.optional(),
        abstract: fingerprint.optional(),
      })
      .optional()
      .describe(
        'fingerprints of the title, authors and abstract as the ingester last wrote them, so a later ingest can tell a hand edit from stale text (leave it alone)',
      ),
  },
  { error: 'expected front matter fields' },
);

export type Paper = z.output<typeof paperSchema>;
export type PaperInput = z.input<typeof paperSchema>;

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
