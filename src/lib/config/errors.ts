/**
 * Settings errors as one line per bad value, naming where the value came
 * from, the field, what was expected and what was found (STYLE.md habit 6):
 *
 *   src/config.ts: field "feeds.itemLimit": expected a whole number of 1 or more, got -3
 *   BASE_PATH: expected a path starting and ending with "/", such as "/" or "/papers/", got "a b"
 */
import type { z } from 'zod';
import { quotedValue } from '../value-checks.ts';

/** Bad settings: the message is one line per bad value, for people, never with a stack. */
export class ConfigError extends Error {
  override name = 'ConfigError';

  constructor(message: string) {
    super(message);
    // No stack: it would point into this module, not at the value, and `astro build` prints it whole.
    this.stack = '';
  }
}

/**
 * Where the values came from: a settings file, whose fields are named as
 * paths (`feeds.itemLimit`), or the environment, whose fields are variables.
 */
export type SettingsSource = { file: string } | 'environment';

/** Parses `input` with `schema`, or throws a ConfigError that names every bad value. */
export function parseSettings<S extends z.ZodType>(
  schema: S,
  input: unknown,
  source: SettingsSource,
): z.output<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((issue) => issueLine(issue, source)).join('\n'));
}

/** One issue as a line; messages in the schemas are the "expected" part. */
export function issueLine(issue: z.core.$ZodIssue, source: SettingsSource): string {
  if (issue.code === 'unrecognized_keys')
    return issue.keys
      .map((key) => `${fieldText([...issue.path, key], source)} is not a setting (a misspelt name?)`)
      .join('\n');
  const expected = issue.message.replace(/^Invalid input: expected /, '').replace(/, received \w+$/, '');
  return `${fieldText(issue.path, source)}: expected ${expected}, got ${gotText(issue.input)}`;
}

function fieldText(path: readonly PropertyKey[], source: SettingsSource): string {
  const name = path.map(String).join('.');
  if (source === 'environment') return name;
  return `${source.file}: field "${name}"`;
}

function gotText(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (typeof value === 'string') return quotedValue(value);
  if (typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
  return Array.isArray(value) ? 'a list' : typeof value === 'object' && value ? 'an object' : String(value);
}
