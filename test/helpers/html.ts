/**
 * Reading built HTML in Node: html-validate's parser (a dependency already)
 * gives a DOM with querySelectorAll; it keeps character references as
 * written, so text and attribute values go through `decodeEntities`.
 */
import { Parser, StaticConfigLoader, type HtmlElement, type ResolvedConfig } from 'html-validate';

let parserConfig: Promise<ResolvedConfig> | undefined;

export async function parseHtml(source: string): Promise<HtmlElement> {
  parserConfig ??= Promise.resolve(new StaticConfigLoader().getConfigFor('page.html'));
  return new Parser(await parserConfig).parseHtml(source);
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

/** Numeric references and the few named ones Astro and KaTeX write. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** An attribute's value as the browser reads it, or null when absent. */
export function attr(element: HtmlElement, name: string): string | null {
  const value = element.getAttributeValue(name);
  return value === null ? null : decodeEntities(value);
}

/** Text content, decoded, with white space collapsed. */
export function textOf(element: HtmlElement): string {
  return decodeEntities(element.textContent).replace(/\s+/g, ' ').trim();
}

export interface UrlReference {
  tag: string;
  attribute: string;
  /** As written in the page (decoded). */
  url: string;
}

// Attributes that hold one URL, by element.
const URL_ATTRIBUTES: [selector: string, attribute: string][] = [
  ['a, area, link, base', 'href'],
  ['img, script, iframe, source, audio, video, track, input, embed', 'src'],
  ['video', 'poster'],
  ['form', 'action'],
  ['button, input', 'formaction'],
  ['object', 'data'],
  ['blockquote, q, del, ins', 'cite'],
];

// <meta> whose content is a URL of ours or someone's.
const URL_METAS = [
  'og:url',
  'og:image',
  'og:image:url',
  'og:image:secure_url',
  'twitter:image',
  'citation_pdf_url',
  'citation_abstract_html_url',
  'citation_fulltext_html_url',
];

/** Every URL a page refers to in its markup (JSON-LD and inline CSS are not parsed). */
export function urlReferences(document: HtmlElement): UrlReference[] {
  const found: UrlReference[] = [];
  for (const [selector, attribute] of URL_ATTRIBUTES) {
    for (const element of document.querySelectorAll(selector)) {
      const url = attr(element, attribute);
      if (url !== null) found.push({ tag: element.tagName, attribute, url: url.trim() });
    }
  }
  for (const element of document.querySelectorAll('img[srcset], source[srcset]')) {
    for (const candidate of (attr(element, 'srcset') ?? '').split(',')) {
      const url = candidate.trim().split(/\s+/)[0];
      if (url) found.push({ tag: element.tagName, attribute: 'srcset', url });
    }
  }
  for (const element of document.querySelectorAll('meta')) {
    const name = attr(element, 'property') ?? attr(element, 'name');
    const content = attr(element, 'content');
    if (name && content !== null && URL_METAS.includes(name)) {
      found.push({ tag: 'meta', attribute: name, url: content.trim() });
    }
  }
  return found;
}

/** `<meta property|name="key">` content values, in document order. */
export function metaValues(document: HtmlElement, key: string): string[] {
  return document
    .querySelectorAll('meta')
    .filter((element) => attr(element, 'property') === key || attr(element, 'name') === key)
    .map((element) => attr(element, 'content') ?? '');
}

/** The JSON-LD objects of a page (each `<script type="application/ld+json">` parsed, `@graph` flattened). */
export function jsonLd(document: HtmlElement): unknown[] {
  return document
    .querySelectorAll('script')
    .filter((element) => attr(element, 'type') === 'application/ld+json')
    .flatMap((element) => {
      // Script text is raw (never entity-decoded by a browser).
      const value: unknown = JSON.parse(element.textContent);
      const items = Array.isArray(value) ? value : [value];
      return items.flatMap((item: unknown) =>
        item && typeof item === 'object' && Array.isArray((item as { '@graph'?: unknown })['@graph'])
          ? ((item as { '@graph': unknown[] })['@graph'] ?? [])
          : [item],
      );
    });
}
