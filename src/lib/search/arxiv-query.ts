/**
 * A query that is an arXiv id: `2511.00001`, `arXiv:2511.00001v2`,
 * `hep-th/9901001`, `https://arxiv.org/abs/2511.00001`. The search page does
 * not look such a query up in the index (Pagefind would match its digits as
 * prefixes of other numbers): the id names its paper's URL, which the page
 * fetches to see whether the archive has it. That costs the index nothing.
 * Runs in the browser.
 *
 * Read as the ingesters read a source's id (src/lib/papers/arxiv-id.ts), and
 * stricter: a new-style id from 2015 on has five digits after the dot, so
 * `2511.0000`, typed on the way to `2511.00001`, is not yet an id; and kinder:
 * an old-style id typed in another case (`HEP-TH/9901001`) is read in the archive's.
 */
import { bareArxivText } from '../papers/arxiv-id.ts';

const NEW_STYLE = /^(\d{2})(\d{2})\.(\d{4,5})$/;
const OLD_STYLE = /^([a-z]+(?:-[a-z]+)*)(?:\.([a-z]{2}))?\/(\d{7})$/i;

/** The bare id a query names, or undefined when the query is not an arXiv id. */
export function arxivIdOfQuery(query: string): string | undefined {
  const text = bareArxivText(query);
  const newStyle = NEW_STYLE.exec(text);
  if (newStyle) {
    const [, year = '', month = '', number = ''] = newStyle;
    const fiveDigits = Number(year) >= 15;
    const valid = Number(month) >= 1 && Number(month) <= 12 && number.length === (fiveDigits ? 5 : 4);
    return valid ? text : undefined;
  }
  const oldStyle = OLD_STYLE.exec(text);
  if (!oldStyle) return undefined;
  const [, archive = '', subject, number = ''] = oldStyle;
  return `${archive.toLowerCase()}${subject ? `.${subject.toUpperCase()}` : ''}/${number}`;
}

/** An id that stands for any other in a URL template (`/papers/0000.00000/`) built by src/lib/site/urls.ts. */
export const ID_PLACEHOLDER = '0000.00000';

/** The template's URL for `id`. Ids hold only `[A-Za-z0-9./-]`, so nothing needs encoding. */
export function urlForId(template: string, id: string): string {
  return template.replace(ID_PLACEHOLDER, id);
}

/** The status line of an id search. */
export function idSummaryText(id: string, found: boolean): string {
  return found
    ? `The paper with arXiv id ${id}; press Enter to open it.`
    : `No paper with arXiv id ${id} is in this archive.`;
}
