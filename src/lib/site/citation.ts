/**
 * How a paper is cited: a BibTeX entry to copy, and the `citation_*` meta
 * tags Google Scholar and Zotero read (https://scholar.google.com/intl/en/scholar/inclusion.html#indexing).
 */
import { isArxivId } from '../papers/ids.ts';
import type { Paper } from '../papers/schema.ts';
import { arxivAbsUrl, arxivPdfUrl } from './links.ts';
import { textRuns } from '../format/math.ts';

export interface CitablePaper {
  id: string;
  data: Pick<Paper, 'title' | 'authors' | 'date' | 'published' | 'primaryCategory' | 'categories'>;
}

// ---------------------------------------------------------------------------
// BibTeX

const BIBTEX_SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  _: '\\_',
  '^': '\\^{}',
  '~': '\\~{}',
};

/** Plain text made safe inside a BibTeX `{...}` value: every special character escaped. */
export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}$&%#_^~]/g, (character) => BIBTEX_SPECIAL[character] ?? character);
}

/**
 * Title text for BibTeX: `$...$` formulas pass through as LaTeX math when
 * their braces balance (so `$\alpha$` still typesets), everything else is
 * escaped. An unbalanced brace could end the field early, so such a formula
 * is escaped like text.
 */
export function bibtexText(text: string): string {
  return textRuns(text)
    .map((run) => {
      if (run.kind === 'text') return escapeBibtex(run.value);
      const safe = bracesBalance(run.value) && !/[%#]/.test(run.value);
      return safe ? `$${run.value}$` : escapeBibtex(`$${run.value}$`);
    })
    .join('');
}

function bracesBalance(text: string): boolean {
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (character === '\\') index++;
    else if (character === '{') depth++;
    else if (character === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

/**
 * A citation key such as `vaswani2017attention`: first author's last name,
 * year and first title word longer than three letters, ASCII letters only.
 */
export function bibtexKey(paper: CitablePaper): string {
  const year = citationYear(paper);
  const author = asciiWord(lastName(paper.data.authors[0] ?? '')) || 'anonymous';
  const word =
    textRuns(paper.data.title)
      .map((run) => (run.kind === 'text' ? run.value : ' '))
      .join('')
      .split(/\s+/)
      .map(asciiWord)
      .find((candidate) => candidate.length > 3) ?? '';
  const fallback = paper.id.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
  return `${author}${year}${word || fallback}`;
}

function lastName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.includes(',')) return trimmed.split(',')[0] ?? '';
  return trimmed.split(/\s+/).at(-1) ?? '';
}

function asciiWord(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}

function citationYear(paper: CitablePaper): string {
  return (paper.data.published ?? paper.data.date).slice(0, 4);
}

/**
 * Whether a paper's entry is the one arXiv itself exports for it: only a
 * paper with an arXiv id has one; any other gets a plain `@misc` with the
 * site's URL, which must not be labelled as arXiv's.
 */
export function citesArxiv(paper: CitablePaper): boolean {
  return isArxivId(paper.id);
}

/** A `@misc` entry in the form arXiv itself exports (`key` defaults to bibtexKey). */
export function bibtex(paper: CitablePaper, pageUrl: string, key = bibtexKey(paper)): string {
  const arxiv = citesArxiv(paper);
  const fields: [string, string][] = [
    // Double braces keep capitalisation ("BERT", "GPT") as written.
    ['title', `{${bibtexText(paper.data.title)}}`],
    ['author', paper.data.authors.map(escapeBibtex).join(' and ')],
    ['year', citationYear(paper)],
  ];
  if (arxiv) {
    fields.push(['eprint', paper.id], ['archivePrefix', 'arXiv']);
    const primary = paper.data.primaryCategory ?? paper.data.categories[0];
    if (primary) fields.push(['primaryClass', escapeBibtex(primary)]);
  }
  fields.push(['url', escapeBibtex(arxivAbsUrl(paper.id) ?? pageUrl)]);
  const body = fields
    .filter(([, value]) => value !== '')
    .map(([name, value]) => `  ${name} = {${value}},`)
    .join('\n');
  return `@misc{${key},\n${body}\n}`;
}

/**
 * One .bib file of papers (a day's or a week's), in the order given, each
 * entry as its page shows it. Two papers of a file can share a key
 * (`wang2026large`); a repeated key gets a letter (`wang2026largeb`, as
 * Google Scholar does), so a reference manager imports every entry.
 */
export function bibtexBundle(
  papers: readonly CitablePaper[],
  pageUrl: (paper: CitablePaper) => string,
): string {
  const used = new Set<string>();
  const entries = papers.map((paper) => {
    const base = bibtexKey(paper);
    let key = base;
    for (let repeat = 1; used.has(key); repeat++) key = `${base}${keySuffix(repeat)}`;
    used.add(key);
    return bibtex(paper, pageUrl(paper), key);
  });
  return entries.length === 0 ? '' : `${entries.join('\n\n')}\n`;
}

/** 1 -> b, 2 -> c, …, 25 -> z, 26 -> ba: letters after the bare key, which stands for "a". */
function keySuffix(repeat: number): string {
  let suffix = '';
  let rest = repeat;
  do {
    suffix = String.fromCharCode(97 + (rest % 26)) + suffix;
    rest = Math.floor(rest / 26);
  } while (rest > 0);
  return suffix;
}

// ---------------------------------------------------------------------------
// Meta tags

export interface MetaTag {
  name: string;
  content: string;
}

/** `2026-10-03` -> `2026/10/03`, the form Google Scholar documents. */
function scholarDate(day: string): string {
  return day.replaceAll('-', '/');
}

/**
 * `citation_*` meta tags in the order Scholar suggests: title, one
 * `citation_author` per author (in paper order), dates, arXiv id and PDF.
 */
export function citationMeta(paper: CitablePaper): MetaTag[] {
  const tags: MetaTag[] = [{ name: 'citation_title', content: paper.data.title }];
  for (const author of paper.data.authors) tags.push({ name: 'citation_author', content: author });
  const published = scholarDate(paper.data.published ?? paper.data.date);
  tags.push({ name: 'citation_publication_date', content: published });
  const pdf = arxivPdfUrl(paper.id);
  if (isArxivId(paper.id)) tags.push({ name: 'citation_arxiv_id', content: paper.id });
  if (pdf) tags.push({ name: 'citation_pdf_url', content: pdf });
  return tags;
}
