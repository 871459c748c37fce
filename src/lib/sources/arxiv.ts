/**
 * The arXiv API (`/api/query?id_list=...`): an Atom feed with one `<entry>`
 * per paper. Titles and abstracts come hard-wrapped (newline plus two
 * spaces); the version is part of the id (`http://arxiv.org/abs/2610.01092v1`).
 * Links to the abstract page and the PDF are not kept: they follow from the id.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { dayOfTimestamp } from '../papers/dates.ts';
import { parseArxivId } from '../papers/ids.ts';
import {
  abstractToMarkdown,
  normalizeAuthors,
  normalizeList,
  normalizeText,
  normalizeTitle,
} from '../papers/normalize.ts';
import { describeValue } from '../papers/schema.ts';
import type { SourcePaper } from '../papers/source-paper.ts';
import { collectPapers, ItemFieldError } from './collect.ts';
import { compactPaper, InputError, type ParseResult } from './types.ts';

type Fields = Record<string, unknown>;

const REPEATED_ELEMENTS = new Set(['entry', 'author', 'category', 'link']);

/*
 * Entities: the parser's own entity handling is off, and any DOCTYPE is
 * refused before parsing, so no declared entity can expand (no "billion
 * laughs", no external entities). The five XML entities and numeric
 * character references are decoded here, once, in `decodeXmlEntities`.
 */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  // Text is normalised later; trimming here would also eat the space
  // between a text part and a following CDATA section.
  trimValues: false,
  processEntities: false,
  isArray: (name) => REPEATED_ELEMENTS.has(name),
});

export function parseArxivAtom(xml: string, inputName: string): ParseResult {
  const feed = parseFeed(xml, inputName);
  const entries = asArray(feed['entry']);
  throwIfApiError(entries, inputName);
  return collectPapers(entries, { noun: 'entry', label: entryLabel, toPaper: paperFromEntry });
}

function parseFeed(xml: string, inputName: string): Fields {
  if (!xml.trim()) throw new InputError(`${inputName}: expected an arXiv Atom feed, got empty text`);
  if (looksLikeHtml(xml)) throw new InputError(`${inputName}: expected an arXiv Atom feed, got an HTML page`);
  if (/<!DOCTYPE/i.test(xml)) {
    throw new InputError(
      `${inputName}: expected an arXiv Atom feed, got a document with a DOCTYPE (not accepted)`,
    );
  }
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    throw new InputError(`${inputName}: not well-formed XML at line ${line}, column ${col} (${msg})`);
  }
  const document: unknown = parser.parse(xml);
  const root = isFields(document) ? Object.keys(document).find((key) => !key.startsWith('?')) : undefined;
  if (!isFields(document) || root !== 'feed') {
    const got = root ? `a <${root}> document` : 'no root element';
    throw new InputError(`${inputName}: expected an arXiv Atom feed (a <feed> element), got ${got}`);
  }
  const feed = document['feed'];
  // `<feed/>` or a feed holding only text parses to a string: no entries.
  return isFields(feed) ? feed : {};
}

function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE\s+html\b|<html\b)/i.test(text);
}

/** The arXiv API reports a bad query as a feed with one entry whose id is under `/api/errors`. */
function throwIfApiError(entries: readonly unknown[], inputName: string): void {
  for (const entry of entries) {
    if (!isFields(entry)) continue;
    const id = textOf(entry['id']);
    if (!/^https?:\/\/(?:export\.)?arxiv\.org\/api\/errors/i.test(id)) continue;
    const summary = normalizeText(textOf(entry['summary'])) || id;
    throw new InputError(`${inputName}: the arXiv API answered with an error: ${summary}`);
  }
}

function entryLabel(number: number, entry: unknown): string {
  const id = isFields(entry) ? parseArxivId(textOf(entry['id'])) : undefined;
  return id ? `entry ${number} (${id})` : `entry ${number}`;
}

function paperFromEntry(entry: unknown): SourcePaper {
  if (!isFields(entry))
    throw new ItemFieldError(`expected an <entry> with fields, got ${describeValue(entry)}`);
  const id = parseArxivId(textOf(entry['id']));
  if (!id)
    throw fieldError('id', 'expected an arXiv abstract URL such as http://arxiv.org/abs/2610.01092v1', entry);
  const title = normalizeTitle(textOf(entry['title']));
  if (!title) throw fieldError('title', 'expected non-empty text', entry);
  const abstract = abstractToMarkdown(textOf(entry['summary']));
  if (!abstract) throw fieldError('summary', 'expected non-empty text', entry);
  const primaryCategory = normalizeText(attributeOf(entry['arxiv:primary_category'], 'term')) || undefined;
  const categories = normalizeList([
    ...(primaryCategory ? [primaryCategory] : []),
    ...asArray(entry['category']).map((category) => attributeOf(category, 'term')),
  ]);

  return compactPaper({
    id,
    title,
    authors: normalizeAuthors(asArray(entry['author']).map((author) => textOf(fieldOf(author, 'name')))),
    abstract,
    published: dayOfTimestamp(textOf(entry['published'])),
    updated: dayOfTimestamp(textOf(entry['updated'])),
    categories: categories.length > 0 ? categories : undefined,
    primaryCategory,
  });
}

function fieldError(field: string, expected: string, entry: Fields): ItemFieldError {
  const value = entry[field];
  const got = value === undefined ? 'nothing' : describeValue(textOf(value));
  return new ItemFieldError(`field "${field}": ${expected}, got ${got}`);
}

/** An element's text, entities decoded: `<title>` parses to a string, `<title type="html">` to `{ '#text' }`. */
function textOf(node: unknown): string {
  if (typeof node === 'string') return decodeXmlEntities(node);
  if (isFields(node) && typeof node['#text'] === 'string') return decodeXmlEntities(node['#text']);
  return '';
}

function attributeOf(node: unknown, name: string): string {
  const value = isFields(node) ? node[`@_${name}`] : undefined;
  return typeof value === 'string' ? decodeXmlEntities(value) : '';
}

function fieldOf(node: unknown, name: string): unknown {
  return isFields(node) ? node[name] : undefined;
}

// Names are case-sensitive in XML (`&LT;` is not an entity); hex digits are not.
const XML_ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g;
const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * One pass, so `&amp;lt;` reads `&lt;` and nothing is decoded twice. A
 * reference to a code point that cannot exist reads as U+FFFD.
 */
export function decodeXmlEntities(text: string): string {
  return text.replace(
    XML_ENTITY,
    (reference, named: string | undefined, decimal: string | undefined, hex: string | undefined) => {
      if (named) return NAMED_ENTITIES[named] ?? reference;
      const codePoint = decimal ? Number.parseInt(decimal, 10) : Number.parseInt(hex ?? '', 16);
      const isScalarValue =
        codePoint > 0 && codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff);
      return isScalarValue ? String.fromCodePoint(codePoint) : '\uFFFD';
    },
  );
}

function asArray(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
