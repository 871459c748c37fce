/**
 * A paper file as text: YAML front matter plus the abstract as Markdown.
 * Written with a YAML serializer, read with gray-matter whose code-running
 * engines are replaced, so `---js` front matter is an error, never code.
 */
import matter from 'gray-matter';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { FIELD_ORDER, type Paper } from './schema.ts';

export interface PaperDocument {
  /** The front matter as parsed, not yet validated. */
  data: unknown;
  /** The abstract as Markdown, without surrounding blank lines. */
  body: string;
}

export class DocumentError extends Error {
  override name = 'DocumentError';
}

function refuseEngine(language: string) {
  return () => {
    throw new DocumentError(`front matter in "${language}" is not allowed; use YAML between --- lines`);
  };
}

const ENGINES = {
  yaml: (text: string) => (parseYaml(text) ?? {}) as object,
  js: refuseEngine('js'),
  javascript: refuseEngine('javascript'),
  coffee: refuseEngine('coffee'),
  coffeescript: refuseEngine('coffeescript'),
  json: refuseEngine('json'),
  toml: refuseEngine('toml'),
};

/**
 * A byte order mark (U+FEFF) some editors on Windows save at the start of a
 * UTF-8 file. It is read past, as Astro's front matter reader does (the
 * build reads the file as if it were not there), so a file `papers validate`
 * accepts builds the same with or without one.
 */
const BYTE_ORDER_MARK = '\uFEFF';

function withoutByteOrderMark(text: string): string {
  return text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
}

/** Refuses a file that does not open with a `---` line (or opens with `---js` and the like). */
function checkOpeningLine(text: string): void {
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const language = /^---[ \t]*(\S+)/.exec(firstLine)?.[1];
  if (language) refuseEngine(language)();
  if (!/^---[ \t]*\r?$/.test(firstLine))
    throw new DocumentError('expected YAML front matter starting with ---');
}

export function parsePaperDocument(file: string): PaperDocument {
  const text = withoutByteOrderMark(file);
  checkOpeningLine(text);
  try {
    // Options make gray-matter skip its cache, which is keyed by text alone.
    const file = matter(text, { language: 'yaml', engines: ENGINES });
    return { data: file.data, body: file.content.trim() };
  } catch (error) {
    if (error instanceof DocumentError) throw error;
    throw new DocumentError(`front matter is not valid YAML: ${firstLineOf(error)}`);
  }
}

/**
 * The abstract of a paper file, split off the way gray-matter splits it (after
 * the first line that starts with `---`) without parsing the front matter:
 * `parsePaperDocument(text).body` for any text that function accepts. Pages
 * read the abstracts of files the content layer has already parsed and
 * checked; parsing their YAML again was a tenth of a cold build's rendering.
 */
export function paperDocumentBody(file: string): string {
  const text = withoutByteOrderMark(file);
  checkOpeningLine(text);
  const close = text.indexOf('\n---', 3);
  return close < 0 ? '' : text.slice(close + 4).trim();
}

export function serializePaperDocument(paper: Paper, body: string): string {
  const ordered: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) {
    const value = paper[key];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    ordered[key] = value;
  }
  // YAML 1.1 rules quote strings that older readers would take for dates or
  // booleans, so every reader (Astro's included) sees the same values.
  const yaml = stringifyYaml(ordered, { version: '1.1', lineWidth: 0 });
  return `---\n${yaml}---\n\n${body.trim()}\n`;
}

function firstLineOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
