/**
 * The part of a built paper page that Pagefind indexes: its
 * `data-pagefind-body` element. The indexer hands Pagefind only this part
 * (in a minimal document), and the cache key of an index is a hash of
 * exactly these parts, so a year or month whose papers did not change is never
 * re-indexed, even though its pages' related-paper lists and navigation do
 * change as the archive grows.
 */
import { FILTER } from './fields.ts';

const BODY_ATTRIBUTE = 'data-pagefind-body';
const BODY_IN_ATTRIBUTES = /(?:^|\s)data-pagefind-body(?=[\s=/]|$)/i;
const QUOTED = /"[^"]*"|'[^']*'/g;
/** Elements whose content is text, not tags, with the pattern of their end tag. */
const RAW_TEXT = new Map(
  ['script', 'style', 'textarea', 'title'].map((name) => [name, new RegExp(`</${name}\\b`, 'gi')]),
);

interface Tag {
  /** Lowercase. */
  name: string;
  closing: boolean;
  /** Where the tag starts (`<`) and ends (after `>`). */
  start: number;
  end: number;
  /** Where its attributes are: between the name and `>`, quoted values as written. */
  attributesStart: number;
  attributesEnd: number;
}

const isLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const isNameCharacter = (code: number) => isLetter(code) || (code >= 48 && code <= 57) || code === 45;
/** Where a tag may end, or a quoted value start. */
const TAG_END_OR_QUOTE = /["'>]/g;

/**
 * Calls `visit` with the tags of a document, in order, until it returns true.
 * Quoted attribute values are read whole (Astro leaves `<` and `>` in
 * attribute values as they are, so a title such as `</article>` can sit in
 * one); comments and the text of scripts, styles and titles are skipped.
 * Hand-written and jumping with indexOf: a regular expression that reads
 * tags whole, or a generator, is several times slower over 50,000 pages.
 */
function scanTags(html: string, visit: (tag: Tag) => boolean): void {
  const endOrQuote = new RegExp(TAG_END_OR_QUOTE);
  let at = html.indexOf('<');
  while (at >= 0) {
    if (html.startsWith('<!--', at)) {
      const close = html.indexOf('-->', at + 4);
      if (close < 0) return;
      at = html.indexOf('<', close + 3);
      continue;
    }
    const closing = html.charCodeAt(at + 1) === 47;
    const nameStart = at + (closing ? 2 : 1);
    let i = nameStart;
    while (i < html.length && isNameCharacter(html.charCodeAt(i))) i += 1;
    if (i === nameStart || !isLetter(html.charCodeAt(nameStart))) {
      at = html.indexOf('<', at + 1);
      continue;
    }
    const attributesStart = i;
    for (;;) {
      endOrQuote.lastIndex = i;
      const found = endOrQuote.exec(html);
      if (!found) return;
      if (found[0] === '>') {
        i = found.index;
        break;
      }
      const close = html.indexOf(found[0], found.index + 1);
      if (close < 0) return;
      i = close + 1;
    }
    const name = html.slice(nameStart, attributesStart).toLowerCase();
    if (visit({ name, closing, start: at, end: i + 1, attributesStart, attributesEnd: i })) return;
    at = i + 1;
    const rawEnd = closing ? undefined : RAW_TEXT.get(name);
    if (rawEnd) {
      rawEnd.lastIndex = at;
      const match = rawEnd.exec(html);
      if (!match) return;
      at = match.index;
    } else {
      at = html.indexOf('<', at);
    }
  }
}

/**
 * A quick test of whether `needle` occurs in a tag's attributes, before
 * reading them, for tags visited in document order: it remembers the next
 * occurrence, so the whole document is searched once.
 */
function mentions(html: string, needle: string): (tag: Tag) => boolean {
  let next = html.indexOf(needle);
  return (tag) => {
    if (next >= 0 && next < tag.attributesStart) next = html.indexOf(needle, tag.attributesStart);
    return next >= tag.attributesStart && next < tag.attributesEnd;
  };
}

/**
 * The outer HTML of the first element with a `data-pagefind-body` attribute,
 * or undefined when the page has none. Tags are read in order, so nothing
 * inside an attribute value or a script counts, and elements of the same name
 * nested inside it are counted, so `<article>` in `<article>` ends at the right
 * tag.
 */
export function indexedPart(html: string): string | undefined {
  // Most pages of a build are not papers: skip them without reading their tags.
  if (!html.includes(BODY_ATTRIBUTE)) return undefined;
  let body: { name: string; start: number; depth: number } | undefined;
  let part: string | undefined;
  const mentionsBody = mentions(html, BODY_ATTRIBUTE);
  scanTags(html, (tag) => {
    if (body === undefined) {
      if (tag.closing || !mentionsBody(tag)) return false;
      const attributes = html.slice(tag.attributesStart, tag.attributesEnd);
      if (!BODY_IN_ATTRIBUTES.test(attributes.replace(QUOTED, '""'))) return false;
      body = { name: tag.name, start: tag.start, depth: 1 };
      if (!/\/\s*$/.test(attributes)) return false;
      part = html.slice(tag.start, tag.end);
      return true;
    }
    if (tag.name !== body.name) return false;
    body.depth += tag.closing ? -1 : 1;
    if (body.depth > 0) return false;
    part = html.slice(body.start, tag.end);
    return true;
  });
  return part;
}

const ATTRIBUTE = /([^\s"'=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const FILTER_ATTRIBUTE = 'data-pagefind-filter';
const YEAR_VALUE = new RegExp(`^${FILTER.year}:(\\d{4})$`);
const MONTH_VALUE = new RegExp(`^${FILTER.month}:(\\d{4}-\\d{2})$`);

/**
 * The year and month a paper's index part says it belongs to: its
 * `data-pagefind-filter="year:YYYY"` and `"month:YYYY-MM"`.
 */
export function periodOfPart(part: string): { year: string | undefined; month: string | undefined } {
  const found: { year: string | undefined; month: string | undefined } = {
    year: undefined,
    month: undefined,
  };
  const mentionsFilter = mentions(part, FILTER_ATTRIBUTE);
  scanTags(part, (tag) => {
    if (tag.closing || !mentionsFilter(tag)) return false;
    for (const attribute of part.slice(tag.attributesStart, tag.attributesEnd).matchAll(ATTRIBUTE)) {
      if (attribute[1]?.toLowerCase() !== FILTER_ATTRIBUTE) continue;
      const value = attribute[2] ?? attribute[3] ?? attribute[4] ?? '';
      found.year ??= YEAR_VALUE.exec(value)?.[1];
      found.month ??= MONTH_VALUE.exec(value)?.[1];
    }
    return found.year !== undefined && found.month !== undefined;
  });
  return found;
}

/** The document Pagefind is given for one page: the indexed part, in the site's language. */
export function pagefindDocument(part: string, language: string): string {
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"></head><body>${part}</body></html>`;
}
