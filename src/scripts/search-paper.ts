/**
 * An id search on the search page (src/scripts/search.ts): the arXiv id
 * names its paper's page (src/lib/search/arxiv-query.ts), which is fetched and
 * read the way Pagefind reads it, so the result looks like any other. The
 * page is parsed with DOMParser, which runs none of its scripts and loads
 * none of its images; only text and attribute values are read from it.
 */
import { UNINDEXED_SELECTORS } from '../lib/search/fields.ts';
import type { ResultData } from '../lib/search/results.ts';

/** Words of the abstract shown, as many as Pagefind's excerpts hold. */
const EXCERPT_WORDS = 30;

/** The paper at `url` as a search result, or undefined when the site has no paper there. */
export async function fetchPaper(url: string): Promise<ResultData | undefined> {
  const response = await fetch(url, { headers: { accept: 'text/html' } });
  if (!response.ok) return undefined;
  const html = await response.text();
  const body = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-pagefind-body]');
  return body ? readPaper(body, url) : undefined;
}

/** `key[attribute]`, `key:value` or `key` (the element's text), as Pagefind reads `data-pagefind-meta` and `-filter`. */
function readField(element: Element, spec: string): [string, string] | undefined {
  const fromAttribute = /^([^[:]+)\[([^\]]+)\]$/.exec(spec);
  if (fromAttribute) return [fromAttribute[1] ?? '', element.getAttribute(fromAttribute[2] ?? '') ?? ''];
  const colon = spec.indexOf(':');
  if (colon > 0) return [spec.slice(0, colon), spec.slice(colon + 1)];
  return spec ? [spec, collapse(element.textContent)] : undefined;
}

function collapse(text: string | null): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function readPaper(body: Element, url: string): ResultData {
  const meta: Record<string, string> = {};
  for (const element of body.querySelectorAll('[data-pagefind-meta]')) {
    const field = readField(element, element.getAttribute('data-pagefind-meta') ?? '');
    if (field) meta[field[0]] = field[1];
  }
  const filters: Record<string, string[]> = {};
  for (const element of body.querySelectorAll('[data-pagefind-filter]')) {
    const field = readField(element, element.getAttribute('data-pagefind-filter') ?? '');
    if (field) (filters[field[0]] ??= []).push(field[1]);
  }
  // Pagefind's own rule for a missing title: the first heading.
  meta['title'] ??= collapse(body.querySelector('h1')?.textContent ?? '');
  return { url, excerpt: excerptOf(body), meta, filters };
}

/** The start of the indexed text, entity-encoded like Pagefind's excerpts (no matches to mark). */
function excerptOf(body: Element): string {
  const copy = body.cloneNode(true) as Element;
  for (const left of copy.querySelectorAll(
    ['[data-pagefind-ignore]', '[hidden]', ...UNINDEXED_SELECTORS].join(','),
  ))
    left.remove();
  const words = collapse(copy.textContent).split(' ');
  const text = words.slice(0, EXCERPT_WORDS).join(' ') + (words.length > EXCERPT_WORDS ? ' …' : '');
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
