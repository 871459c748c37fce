/**
 * The reference tables of docs/configuration.md, made from the schemas so
 * the docs say what the code checks: every field of src/config.ts and every
 * environment variable, with its description and default (a default is what
 * the schema gives for an empty input). `npm run docs:config` writes them;
 * a unit test fails when the committed page is behind.
 */
import { z } from 'zod';
import { environmentSchema } from './env.ts';
import { siteSchema } from './site.ts';
import { markdownTable, replaceBetweenMarkers } from '../markdown-table.ts';

export const REFERENCE_START = '<!-- reference: generated from src/lib/config/ by `npm run docs:config` -->';
export const REFERENCE_END = '<!-- end of reference -->';

interface Row {
  name: string;
  description: string;
  fallback: string;
}

/** Both tables, between the markers. */
export function configurationReference(): string {
  const site = rowsTable(
    ['field', 'meaning', 'default'],
    fieldRows(siteSchema, siteSchema.parse({}), []).map((row) => ({ ...row, name: `\`${row.name}\`` })),
  );
  const defaults = environmentSchema.parse({}) as Record<string, unknown>;
  const variables = Object.entries(environmentSchema.shape).map(([name, schema]) => ({
    name: `\`${name}\``,
    description: schema.description ?? '',
    fallback: defaultText(defaults[name]),
  }));
  return [
    REFERENCE_START,
    '',
    '### Site settings (`src/config.ts`)',
    '',
    site,
    '',
    '### Environment variables',
    '',
    rowsTable(['variable', 'meaning', 'default'], variables),
    '',
    REFERENCE_END,
  ].join('\n');
}

/** `text` with the part between the markers replaced by the reference; throws when a marker is missing. */
export function withReference(text: string): string {
  return replaceBetweenMarkers(text, REFERENCE_START, REFERENCE_END, configurationReference());
}

/** The rows of an object's fields, depth first: an object's own row, then its fields'. */
function fieldRows(schema: z.ZodType, defaults: unknown, path: readonly string[]): Row[] {
  const object = unwrapped(schema);
  if (!(object instanceof z.ZodObject)) return [];
  const values = (defaults ?? {}) as Record<string, unknown>;
  return Object.entries(object.shape as Record<string, z.ZodType>).flatMap(([key, field]) => {
    const name = [...path, key].join('.');
    const nested = unwrapped(field) instanceof z.ZodObject;
    const row = {
      name,
      description: field.description ?? '',
      fallback: nested ? '' : defaultText(values[key]),
    };
    return [row, ...fieldRows(field, values[key], [...path, key])];
  });
}

/** The schema under defaults and optionals. */
function unwrapped(schema: z.ZodType): z.ZodType {
  let inner: z.ZodType = schema;
  while (inner instanceof z.ZodDefault || inner instanceof z.ZodPrefault || inner instanceof z.ZodOptional)
    inner = inner.unwrap() as z.ZodType;
  return inner;
}

function defaultText(value: unknown): string {
  if (value === undefined) return 'none';
  if (value === false) return 'off';
  if (typeof value === 'string') return `\`${value}\``;
  return `\`${String(value)}\``;
}

function rowsTable(headers: readonly string[], rows: readonly Row[]): string {
  return markdownTable(
    headers,
    rows.map((row) => [row.name, row.description, row.fallback]),
  );
}
