/**
 * The field table of docs/content.md, made from the paper schema so the docs
 * say what validation checks: every field, whether a file must have it, what
 * it holds and its size limit. `npm run docs:content` writes it; a unit test
 * fails when the committed page is behind.
 */
import type { z } from 'zod';
import { formatNumber } from '../count-text.ts';
import { markdownTable, replaceBetweenMarkers } from '../markdown-table.ts';
import { MAX_SLUG_LENGTH } from './ids.ts';
import { FIELD_LIMITS, paperSchema } from './schema.ts';

export const CONTENT_REFERENCE_START =
  '<!-- reference: generated from src/lib/papers/schema.ts by `npm run docs:content` -->';
export const CONTENT_REFERENCE_END = '<!-- end of reference -->';

const characters = (n: number) => `${formatNumber(n)} characters`;

type Field = keyof typeof paperSchema.shape;

/** Each field's size limit as the table says it (FIELD_LIMITS); none for dates, counts and enums. */
const LIMITS: Partial<Record<Field, string>> = {
  id: `${characters(MAX_SLUG_LENGTH)} for a slug`,
  title: characters(FIELD_LIMITS.title),
  authors: `${formatNumber(FIELD_LIMITS.authors)} names of ${characters(FIELD_LIMITS.authorName)}`,
  github: characters(FIELD_LIMITS.url),
  projectPage: characters(FIELD_LIMITS.url),
  submittedBy: characters(FIELD_LIMITS.submittedBy),
  keywords: `${formatNumber(FIELD_LIMITS.keywords)} keywords of ${characters(FIELD_LIMITS.keyword)}`,
  categories: `${formatNumber(FIELD_LIMITS.categories)} categories of ${characters(FIELD_LIMITS.category)}`,
  primaryCategory: characters(FIELD_LIMITS.category),
  aiSummary: characters(FIELD_LIMITS.aiSummary),
  thumbnail: characters(FIELD_LIMITS.url),
  topics: `${formatNumber(FIELD_LIMITS.topics)} ids`,
};

/** The table, between the markers. */
export function contentReference(): string {
  const rows = Object.entries(paperSchema.shape as Record<Field, z.ZodType>).map(([name, field]) => [
    `\`${name}\``,
    field.safeParse(undefined).success ? '' : 'yes',
    field.description ?? '',
    LIMITS[name as Field] ?? '',
  ]);
  return [
    CONTENT_REFERENCE_START,
    '',
    markdownTable(['field', 'required', 'what it holds', 'at most'], rows),
    '',
    CONTENT_REFERENCE_END,
  ].join('\n');
}

/** `text` with the part between the markers replaced by the table; throws when a marker is missing. */
export function withContentReference(text: string): string {
  return replaceBetweenMarkers(text, CONTENT_REFERENCE_START, CONTENT_REFERENCE_END, contentReference());
}
