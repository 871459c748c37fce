/**
 * A daily-papers listing page as a browser copies it: some header lines, a
 * date line (`Mar 14`, `March 14`, `Mar 14, 2025`), then paragraphs
 * separated by blank lines that alternate title / abstract. There are no
 * authors and usually no arXiv ids, so a paper's id is the slug of its
 * title unless its text names an arXiv id.
 */
import { isIsoDay } from '../papers/dates.ts';
import { parseArxivId, slugFromTitle } from '../papers/ids.ts';
import { abstractToMarkdown, normalizeText, normalizeTitle, TextTooLongError } from '../papers/normalize.ts';
import type { ItemProblem, SourcePaper } from '../papers/source-paper.ts';
import { InputError, type ParseResult } from './types.ts';

export interface ListingDay {
  month: number;
  day: number;
  /** Only when the date line states it or the caller gave one. */
  year?: number;
}

export interface ListingTextResult extends ParseResult {
  /**
   * The day of the date line. Each paper's `listedOn` is set only when the
   * year is known; otherwise the caller decides the year.
   */
  listedOn: ListingDay;
}

export interface ListingTextOptions {
  /** The year of the listing, for a date line without one. */
  year?: number;
}

/** Titles are short; anything longer is prose (an abstract or part of one). */
export const MAX_TITLE_LENGTH = 300;

interface Paragraph {
  /** 1-based line of the paragraph's first line. */
  line: number;
  /** Its lines, normalised. */
  lines: string[];
  /** Its lines joined by spaces. */
  text: string;
}

interface Draft {
  title: Paragraph;
  abstract: string[];
  ids: string[];
}

export function parseListingText(
  text: string,
  inputName: string,
  options: ListingTextOptions = {},
): ListingTextResult {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const dateLineIndex = lines.findIndex((line) => parseDateLine(line) !== undefined);
  const dateLine = parseDateLine(lines[dateLineIndex] ?? '');
  if (!dateLine) {
    throw new InputError(`${inputName}: expected a date line such as "Mar 14" before the papers`);
  }
  const listedOn = withYear(dateLine, options, inputName);
  const day = listedOn.year === undefined ? undefined : isoDay(listedOn.year, listedOn.month, listedOn.day);

  const paragraphs = splitParagraphs(lines.slice(dateLineIndex + 1), dateLineIndex + 2);
  const grouped = groupPapers(paragraphs);
  const { papers, problems } = papersFromDrafts(grouped.drafts, day);
  const allProblems = [...grouped.problems, ...problems].sort((a, b) => lineOf(a.item) - lineOf(b.item));
  return { papers, problems: allProblems, listedOn };
}

/** Drafts without an abstract or an id, and repeats of an earlier paper, become problems. */
function papersFromDrafts(drafts: readonly Draft[], day: string | undefined): ParseResult {
  const papers: SourcePaper[] = [];
  const problems: ItemProblem[] = [];
  const lineOfId = new Map<string, number>();
  for (const draft of drafts) {
    const item = paragraphLabel(draft.title);
    if (draft.abstract.length === 0) {
      problems.push({ item, message: 'a title with no abstract after it' });
      continue;
    }
    let paper: SourcePaper;
    try {
      paper = paperFromDraft(draft, day);
    } catch (error) {
      if (!(error instanceof TextTooLongError)) throw error;
      problems.push({ item, message: error.message });
      continue;
    }
    const firstLine = lineOfId.get(paper.id);
    if (firstLine !== undefined) {
      problems.push({
        item,
        message: `the same paper (${paper.id}) as line ${firstLine}; kept line ${firstLine}`,
      });
    } else {
      lineOfId.set(paper.id, draft.title.line);
      papers.push(paper);
    }
  }
  return { papers, problems };
}

// ---------------------------------------------------------------------------
// The date line

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DATE_LINE = new RegExp(`^(${MONTH_NAMES})\\.? (\\d{1,2})(?:st|nd|rd|th)?(?:,? (\\d{4}))?$`, 'i');

/** `Mar 14`, `March 14th`, `Sept. 3`, `Mar 14, 2025`; the whole line and nothing else. */
export function parseDateLine(line: string): ListingDay | undefined {
  const match = DATE_LINE.exec(normalizeText(line));
  if (!match) return undefined;
  const [, monthName = '', dayText = '', yearText] = match;
  const month = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase()) + 1;
  const day = Number(dayText);
  if (day < 1 || day > 31) return undefined;
  return yearText ? { month, day, year: Number(yearText) } : { month, day };
}

function withYear(dateLine: ListingDay, options: ListingTextOptions, inputName: string): ListingDay {
  const { year: statedYear } = dateLine;
  if (statedYear !== undefined && options.year !== undefined && statedYear !== options.year) {
    throw new InputError(
      `${inputName}: the date line says ${statedYear}, but the year ${options.year} was given`,
    );
  }
  const year = statedYear ?? options.year;
  if (year === undefined) return dateLine;
  if (!isIsoDay(isoDay(year, dateLine.month, dateLine.day))) {
    throw new InputError(`${inputName}: the date line names a day that does not exist in ${year}`);
  }
  return { ...dateLine, year };
}

/**
 * The day the papers go to, `YYYY-MM-DD`: the given day, which must agree
 * with the date line, or else the date line's own day when it states a year.
 */
export function listingDay(
  parsed: Pick<ListingTextResult, 'listedOn'>,
  day: string | undefined,
  inputName: string,
): string {
  const { month, day: dayOfMonth, year } = parsed.listedOn;
  const stated = `${MONTH_LABELS[month - 1] ?? month} ${dayOfMonth}${year === undefined ? '' : `, ${year}`}`;
  if (day === undefined) {
    if (year === undefined) {
      throw new InputError(
        `${inputName}: the date line "${stated}" gives no year; the day must be given as YYYY-MM-DD`,
      );
    }
    return isoDay(year, month, dayOfMonth);
  }
  const [givenYear, givenMonth, givenDay] = day.split('-').map(Number);
  if (givenMonth !== month || givenDay !== dayOfMonth || (year !== undefined && givenYear !== year)) {
    throw new InputError(`${inputName}: the date line says "${stated}", which does not agree with ${day}`);
  }
  return day;
}

const MONTH_LABELS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function isoDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------
// Paragraphs

/** Blank lines (white space only, no-break spaces included) separate paragraphs. */
function splitParagraphs(lines: readonly string[], firstLineNumber: number): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let current: Paragraph | undefined;
  lines.forEach((rawLine, index) => {
    const line = normalizeText(rawLine);
    if (!line) {
      current = undefined;
      return;
    }
    if (!current) {
      current = { line: firstLineNumber + index, lines: [], text: '' };
      paragraphs.push(current);
    }
    current.lines.push(line);
    // Hard-wrapped lines of one paragraph join with a space.
    current.text = current.lines.join(' ');
  });
  return paragraphs;
}

const ARXIV_REFERENCE =
  /(?:arxiv\.org\/(?:abs|pdf)\/|\barxiv: ?)((?:\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?)/gi;
const HAS_URL = /\bhttps?:\/\//i;

/** Distinct arXiv ids a paragraph names (`arXiv:2610.01092`, `arxiv.org/abs/2610.01092v2`). */
export function arxivIdsIn(text: string): string[] {
  const ids = Array.from(text.matchAll(ARXIV_REFERENCE), (match) => parseArxivId(match[1] ?? ''));
  return [...new Set(ids.filter((id): id is string => id !== undefined))];
}

/** A paragraph that is nothing but an arXiv reference, such as a line `arXiv:2610.01092`. */
function isArxivReferenceOnly(text: string): boolean {
  return (
    arxivIdsIn(text).length === 1 && text.replace(ARXIV_REFERENCE, '').replace(/[\s.,;()[\]<>]/g, '') === ''
  );
}

function endsLikeSentence(text: string): boolean {
  return /[.]["”’)]?$/.test(text);
}

function isProse(text: string): boolean {
  return text.length > MAX_TITLE_LENGTH;
}

/**
 * Whether a paragraph opens a new paper. A title is short, has no URL and
 * does not end with a period; a short paragraph that does end with one is a
 * title only when prose (its abstract) follows, since otherwise it is more
 * likely the last paragraph of the previous abstract ("Code: ... .").
 */
function looksLikeTitle(text: string, next: string | undefined): boolean {
  if (isProse(text) || HAS_URL.test(text)) return false;
  if (!endsLikeSentence(text)) return true;
  return next !== undefined && isProse(next);
}

/**
 * A paragraph right after a title is its abstract, unless it is itself a
 * title (no final period) followed by prose: then the first title had none.
 */
function isTitleInsteadOfAbstract(text: string, next: string | undefined): boolean {
  return looksLikeTitle(text, next) && !endsLikeSentence(text) && next !== undefined && isProse(next);
}

/**
 * Titles and abstracts in order. After an abstract, a paragraph that does
 * not look like a title continues the abstract (multi-paragraph abstracts).
 */
function groupPapers(paragraphs: readonly Paragraph[]): { drafts: Draft[]; problems: ItemProblem[] } {
  const drafts: Draft[] = [];
  const problems: ItemProblem[] = [];
  let pendingIds: string[] = [];
  const startPaper = (title: Paragraph): void => {
    drafts.push({ title, abstract: [], ids: pendingIds });
    pendingIds = [];
  };
  paragraphs.forEach((paragraph, index) => {
    const { text } = paragraph;
    const next = paragraphs[index + 1]?.text;
    const current = drafts.at(-1);
    if (isArxivReferenceOnly(text)) {
      // A reference on its own belongs to the paper being read, if it has no id yet.
      if (current && current.ids.length === 0) current.ids.push(...arxivIdsIn(text));
      else pendingIds = arxivIdsIn(text);
    } else if (!current) {
      if (looksLikeTitle(text, next)) startPaper(paragraph);
      else problems.push({ item: paragraphLabel(paragraph), message: EXPECTED_TITLE });
    } else if (current.abstract.length === 0) {
      if (isTitleInsteadOfAbstract(text, next)) startPaper(paragraph);
      else current.abstract.push(text);
    } else if (looksLikeTitle(text, next)) {
      startPaper(paragraph);
    } else {
      current.abstract.push(text);
    }
  });
  return { drafts, problems };
}

const EXPECTED_TITLE =
  'expected a paper title (a short paragraph without a final period, followed by its abstract); skipped';

function paperFromDraft(draft: Draft, day: string | undefined): SourcePaper {
  // A line of the title paragraph that is only `arXiv:2610.01092` names the id, it is not part of the title.
  const [referenceLines, titleLines] = partition(draft.title.lines, isArxivReferenceOnly);
  const title = normalizeTitle(titleLines.join(' '));
  const abstractText = draft.abstract.join(' ');
  const ids = [...draft.ids, ...referenceLines.flatMap(arxivIdsIn), ...arxivIdsIn(title)];
  // An id in the abstract counts only when it is the only one: an abstract
  // may well cite other papers.
  const abstractIds = arxivIdsIn(abstractText);
  const id = ids[0] ?? (abstractIds.length === 1 ? abstractIds[0] : undefined) ?? slugFromTitle(title);
  const paper: SourcePaper = { id, title, authors: [], abstract: abstractToMarkdown(abstractText) };
  if (day) paper.listedOn = day;
  return paper;
}

function partition<T>(values: readonly T[], test: (value: T) => boolean): [T[], T[]] {
  return [values.filter(test), values.filter((value) => !test(value))];
}

// ---------------------------------------------------------------------------
// Labels

/** `line 141 ("Parallel Bayesian Optimization of Agent…")`: where to look in the file. */
function paragraphLabel(paragraph: Paragraph): string {
  return `line ${paragraph.line} (${JSON.stringify(shorten(paragraph.text))})`;
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function lineOf(label: string): number {
  return Number(/^line (\d+)/.exec(label)?.[1] ?? 0);
}
