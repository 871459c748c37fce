/**
 * The Hugging Face Daily Papers API (`GET /api/daily_papers?date=...`): a
 * JSON array of items, each `{ paper: {...}, publishedAt, title, summary,
 * thumbnail, numComments, submittedBy }`. `paper` holds the arXiv metadata;
 * the item's own fields describe the listing.
 */
import { dayOfTimestamp } from '../papers/dates.ts';
import { parseArxivId } from '../papers/ids.ts';
import {
  abstractToMarkdown,
  normalizeAuthors,
  normalizeList,
  normalizeText,
  normalizeTitle,
} from '../papers/normalize.ts';
import { describeValue, isHttpUrl } from '../papers/schema.ts';
import type { SourcePaper } from '../papers/source-paper.ts';
import { collectPapers, ItemFieldError } from './collect.ts';
import { compactPaper, InputError, type ParseResult } from './types.ts';

type Fields = Record<string, unknown>;

export function parseHfDaily(json: string, inputName: string): ParseResult {
  const items = parseItemArray(json, inputName);
  return collectPapers(items, { noun: 'item', label: itemLabel, toPaper: paperFromItem });
}

function parseItemArray(json: string, inputName: string): unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new InputError(`${inputName}: not valid JSON (${shortJsonError(error, json)})`);
  }
  if (!Array.isArray(value)) {
    throw new InputError(`${inputName}: expected a JSON array of daily papers, got ${describeValue(value)}`);
  }
  return value;
}

/**
 * V8's message without the echo of the input, with the line and column of
 * the error (Node 24 states them; older engines only give a position).
 */
export function shortJsonError(error: unknown, json: string): string {
  const message = error instanceof Error ? error.message : String(error);
  // V8 quotes the input, shortened with `...`: `Unexpected token 'o', "nope" is not valid JSON`.
  const withoutEcho = message.replace(/, (?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/s, '');
  const located = /^(.*?) in JSON at position (\d+)(?: \(line (\d+) column (\d+)\))?$/s.exec(withoutEcho);
  if (!located) return withoutEcho;
  const [, what = '', position = '0', line, column] = located;
  if (line && column) return `${what} at line ${line}, column ${column}`;
  const { line: computedLine, column: computedColumn } = lineAndColumn(json, Number(position));
  return `${what} at line ${computedLine}, column ${computedColumn}`;
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: position - lineStart + 1 };
}

/** `item 3 (2610.01092)` when the item names a valid id, else `item 3`. */
function itemLabel(number: number, item: unknown): string {
  const rawId = isFields(item) && isFields(item['paper']) ? item['paper']['id'] : undefined;
  const id = typeof rawId === 'string' ? parseArxivId(rawId) : undefined;
  return id ? `item ${number} (${id})` : `item ${number}`;
}

function paperFromItem(item: unknown): SourcePaper {
  if (!isFields(item))
    throw new ItemFieldError(`expected a daily-papers item (an object), got ${describeValue(item)}`);
  const paper = item['paper'];
  if (!isFields(paper)) throw fieldError('paper', 'expected an object', paper);

  const rawId = paper['id'];
  const id = typeof rawId === 'string' ? parseArxivId(rawId) : undefined;
  if (!id) throw fieldError('paper.id', 'expected an arXiv id such as 2610.01092', rawId);

  const title = requiredText(paper, item, 'title', normalizeTitle);
  const abstract = requiredText(paper, item, 'summary', abstractToMarkdown);

  return compactPaper({
    id,
    title,
    authors: authorNames(paper['authors']),
    abstract,
    listedOn: dayOf(item['publishedAt']) ?? dayOf(paper['submittedOnDailyAt']),
    published: dayOf(paper['publishedAt']),
    upvotes: wholeNumber(paper['upvotes']),
    comments: wholeNumber(item['numComments']),
    github: httpUrl(paper['githubRepo']),
    projectPage: httpUrl(paper['projectPage']),
    submittedBy: submitterName(item['submittedBy']) ?? submitterName(paper['submittedOnDailyBy']),
    keywords: textList(paper['ai_keywords']),
    aiSummary: optionalText(paper['ai_summary']),
    thumbnail: httpUrl(item['thumbnail']),
  });
}

/**
 * `paper.<key>`, else the item's own `<key>` (the API repeats title and
 * summary there), normalised; the problem names `paper.<key>`.
 */
function requiredText(paper: Fields, item: Fields, key: string, normalize: (s: string) => string): string {
  for (const value of [paper[key], item[key]]) {
    if (typeof value !== 'string') continue;
    const text = normalize(value);
    if (text) return text;
  }
  throw fieldError(`paper.${key}`, 'expected non-empty text', paper[key]);
}

function fieldError(field: string, expected: string, value: unknown): ItemFieldError {
  return new ItemFieldError(`field "${field}": ${expected}, got ${describeValue(value)}`);
}

/**
 * Every listed author, `hidden: true` included: on Hugging Face that only
 * hides the link to the author's profile, the name is still an author.
 */
function authorNames(authors: unknown): string[] {
  if (authors === undefined || authors === null) return [];
  if (!Array.isArray(authors)) throw fieldError('paper.authors', 'expected a list of authors', authors);
  const names = authors.map((author: unknown) => {
    if (typeof author === 'string') return author;
    return isFields(author) && typeof author['name'] === 'string' ? author['name'] : '';
  });
  return normalizeAuthors(names);
}

function dayOf(value: unknown): string | undefined {
  return typeof value === 'string' ? dayOfTimestamp(value) : undefined;
}

function wholeNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

/**
 * Only http(s) URLs without white space or control characters; anything
 * else (`javascript:`, a bare `owner/repo`) is dropped without failing the paper.
 */
function httpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const url = value.trim();
  return !/[\s\p{C}]/u.test(url) && isHttpUrl(url) ? url : undefined;
}

/** The Hugging Face user name; the API says `unknown` when it has none. */
function submitterName(user: unknown): string | undefined {
  if (!isFields(user)) return undefined;
  for (const key of ['name', 'user']) {
    const value = user[key];
    if (typeof value !== 'string') continue;
    const name = normalizeText(value);
    if (name && name.toLowerCase() !== 'unknown') return name;
  }
  return undefined;
}

function textList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const texts = normalizeList(value.filter((entry): entry is string => typeof entry === 'string'));
  return texts.length > 0 ? texts : undefined;
}

function optionalText(value: unknown): string | undefined {
  return typeof value === 'string' ? normalizeText(value) || undefined : undefined;
}

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
