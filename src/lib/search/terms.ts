/**
 * Which of Pagefind's matches are junk. Runs in the browser.
 *
 * Pagefind matches each word of a query as the start of a word of the index,
 * both stemmed ("decod" finds "decoding"). When no word of an index starts
 * with it, it falls back to the longest word of the index that the query word
 * starts with: "zzqxjv" finds a "Z." and "Lovelace" finds "LoRA" through
 * "lo". That happens per word and per piece of the index (bundles.ts): one
 * month may have "Lovelace" and every other piece fall back. So for each
 * piece that answered, the search page checks that it has each word:
 * - an exact search for the word (`"word"`: no prefixes, no fallback) finds
 *   it in that piece; or else
 * - the piece's best result has a word, in its text or its title or authors,
 *   that starts with the whole query word (or with all but its last letter,
 *   for words of five letters or more: stems such as happy → happi).
 * A piece that fails is left out; a word no piece has finds nothing. A search
 * in quotes is exact already and is not checked.
 */
import { decodeEntities } from './excerpt.ts';

/** The punctuation Pagefind drops from a query (pagefind.js, `search`). */
const DROPPED = /[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu;

/** Accents, as Pagefind strips them (`normalizeDiacritics`), for the scripts this site's language uses. */
function withoutMarks(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

/** The words of a query as Pagefind searches them: lower case, no punctuation or accents, each once. */
export function queryTerms(query: string): string[] {
  const words = withoutMarks(query.replace(DROPPED, '').toLocaleLowerCase()).split(/\s+/).filter(Boolean);
  return [...new Set(words)];
}

/** A search in double quotes, which Pagefind runs as an exact phrase. */
export function isExactQuery(query: string): boolean {
  return /^\s*".+"\s*$/.test(query);
}

/**
 * The forms a word of a page can be matched by: the word lower-cased without
 * punctuation or accents, and its parts (`k-sparse` → `ksparse`, `k`,
 * `sparse`; `LoRA` → `lora`, `lo`, `ra`), as Pagefind indexes them.
 */
export function wordForms(word: string): string[] {
  const camel = word.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2');
  const parts = withoutMarks(camel.toLocaleLowerCase())
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const joined = parts.join('');
  return joined ? [joined, ...parts.filter((part) => part !== joined)] : [];
}

/** Whether a word of a page, in one of its forms, is what a query word was typed for. */
export function wordCoversTerm(word: string, term: string): boolean {
  const start = term.length >= 5 ? term.slice(0, -1) : term;
  return wordForms(word).some((form) => form.startsWith(start));
}

/** What a result matched: its text's words at Pagefind's locations, and its title and authors. */
export interface MatchedResult {
  /** Pagefind's `raw_content`: the indexed text, `<` and `>` as entities. */
  raw_content?: string;
  content: string;
  /** Word positions of the matches in the text. */
  locations: readonly number[];
  meta: { title?: string; authors?: string };
}

/**
 * The words a result was found by: those at its locations (counted as
 * Pagefind counts them: split at spaces, or at zero-width spaces in text
 * without them) and every word of its title and authors, which are searched
 * as metadata.
 */
export function matchedWords(result: MatchedResult): string[] {
  const raw = result.raw_content ?? result.content;
  const words = raw.includes('\u200B') ? raw.split('\u200B') : raw.split(/[^\S\uFEFF]+/);
  const located = result.locations.flatMap((location) => {
    const word = words[location];
    return word === undefined ? [] : [decodeEntities(word)];
  });
  const meta = [result.meta.title, result.meta.authors].flatMap((text) => text?.split(/\s+/) ?? []);
  return [...located, ...meta];
}

/**
 * For each piece that answered a search, the query words it must be checked
 * for: those an exact search did not find in it. Pieces with none are left out.
 */
export function termsToCheck(
  answered: readonly string[],
  terms: readonly string[],
  exactPieces: ReadonlyMap<string, ReadonlySet<string>>,
): Map<string, string[]> {
  const checks = new Map<string, string[]>();
  for (const piece of answered) {
    const missing = terms.filter((term) => !exactPieces.get(term)?.has(piece));
    if (missing.length > 0) checks.set(piece, missing);
  }
  return checks;
}

/** Whether a piece's best result shows that the piece has every one of `terms`. */
export function hasTerms(result: MatchedResult, terms: readonly string[]): boolean {
  const words = matchedWords(result);
  return terms.every((term) => words.some((word) => wordCoversTerm(word, term)));
}
