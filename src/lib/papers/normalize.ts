/**
 * Text normalisation for what sources send: titles, author names and
 * abstracts arrive as untrusted text with hard wraps, invisible characters
 * and remnants of the authors' LaTeX. Each rule is its own function so a test
 * can name it; the composed helpers at the bottom are what parsers call.
 *
 * Everything here is conservative: a rule only fires on a pattern that cannot
 * plausibly be meant literally, and inline math (`$...$`) is never touched
 * apart from whitespace collapsing (its hard wraps are wraps like any other).
 */
import type { Emphasis, Paragraph, PhrasingContent, RootContent, Strong, Text } from 'mdast';
import { mathToMarkdown, type InlineMath } from 'mdast-util-math';
import { toMarkdown } from 'mdast-util-to-markdown';
import { toString } from 'mdast-util-to-string';
import { parseAbstract } from './markdown.ts';

// ---------------------------------------------------------------------------
// Characters

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Lone surrogates cannot be encoded as UTF-8; they only come from broken input. */
export function removeLoneSurrogates(s: string): string {
  return s.replace(LONE_SURROGATE, '');
}

// Tab, LF, VT, FF, CR and NEL separate words, so they become spaces; the
// other C0/C1 controls and DEL (all that `\p{Cc}` still finds then) carry
// nothing printable.
const SPACING_CONTROL = /[\t\n\v\f\r\u0085]/g;
const OTHER_CONTROL = /\p{Cc}/gu;

export function removeControlCharacters(s: string): string {
  return s.replace(SPACING_CONTROL, ' ').replace(OTHER_CONTROL, '');
}

// Zero-width space, word joiner, soft hyphen and BOM only get in the way of
// search and de-duplication ("Trans\u200Bformer" must equal "Transformer").
// The noncharacters U+FFFE and U+FFFF are never text, and the schema refuses them.
const INVISIBLE = /[\u200B\u2060\u00AD\uFEFF\uFFFE\uFFFF]/g;
// Explicit bidi embeddings, overrides and isolates can reorder the text
// around them (the "Trojan source" trick); abstracts have no need for them.
// The harmless marks LRM, RLM and ALM are kept.
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/g;

export function removeInvisibleCharacters(s: string): string {
  return s.replace(INVISIBLE, '').replace(BIDI_CONTROL, '');
}

const JOINER = /[\u200C\u200D]/g;
// Scripts that need ZWJ/ZWNJ (Persian, Indic scripts...) and emoji sequences
// (family, profession and flag emoji are joined with ZWJ).
const JOINER_NEIGHBOUR =
  /^(?:[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F\p{M}]|(?!\p{Script=Latin})\p{L})$/u;

/**
 * Zero-width (non-)joiners are dropped unless both neighbours are emoji or
 * letters of a script that uses them: there they change how the text reads
 * (a family emoji, a Persian word), elsewhere they are noise.
 */
export function removeStrayJoiners(s: string): string {
  return s.replace(JOINER, (joiner, offset: number) => {
    const before = Array.from(s.slice(Math.max(0, offset - 2), offset)).at(-1) ?? '';
    const after = Array.from(s.slice(offset + 1, offset + 3))[0] ?? '';
    return JOINER_NEIGHBOUR.test(before) && JOINER_NEIGHBOUR.test(after) ? joiner : '';
  });
}

/** Any run of white space (hard wraps, no-break spaces, ideographic spaces) becomes one space. */
export function collapseWhitespace(s: string): string {
  return s.replace(/\s+/g, ' ');
}

/** NFC, no control or stray invisible characters, single spaces, trimmed. */
export function normalizeText(s: string): string {
  const characters = removeStrayJoiners(
    removeInvisibleCharacters(removeControlCharacters(removeLoneSurrogates(s)).normalize('NFC')),
  );
  return collapseWhitespace(characters).trim();
}

/**
 * Names in order, normalised, empty ones dropped, repeats dropped (compared
 * without regard to case or spacing).
 */
export function normalizeList(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const value of values) {
    const text = normalizeText(value);
    const key = text.toLowerCase().replace(/ /g, '');
    if (!text || seen.has(key)) continue;
    seen.add(key);
    result.push(text);
  }
  return result;
}

export function normalizeAuthors(names: readonly string[]): string[] {
  return normalizeList(names);
}

// ---------------------------------------------------------------------------
// Inline math

export interface TextSegment {
  math: boolean;
  value: string;
}

// Display math is tried first at each position, so its `$$` is not read as
// two empty inline formulas. Inline math follows Pandoc's rule, which keeps
// prices apart from formulas: the opening `$` has a non-space after it, the
// closing one a non-space before it and no digit after it ("between $5 and
// $10" is not math). `\$` is a literal dollar.
const MATH = new RegExp(
  [
    String.raw`(?<!\\)\$\$(?!\s)((?:\\.|[^$\\])+?)(?<!\s)\$\$`,
    String.raw`(?<!\\)\$(?![\s$])((?:\\.|[^$\\])+?)(?<![\s\\])\$(?!\d)`,
  ].join('|'),
  'g',
);

/**
 * Splits text into prose and `$...$` formulas. A formula's value is its
 * source between the dollars; `$$...$$` display math is kept as a formula too
 * (it is written back as inline math: abstracts are one paragraph).
 */
export function splitMath(s: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of s.matchAll(MATH)) {
    if (match.index > last) segments.push({ math: false, value: s.slice(last, match.index) });
    segments.push({ math: true, value: match[1] ?? match[2] ?? '' });
    last = match.index + match[0].length;
  }
  if (last < s.length) segments.push({ math: false, value: s.slice(last) });
  return segments;
}

// ---------------------------------------------------------------------------
// LaTeX remnants (applied to prose only, never inside math)

/** `\%`, `\&`, `\_`, `\#` and `\$` are LaTeX escapes for the plain character. */
export function unescapeLatexSpecials(s: string): string {
  return s.replace(/\\([%&_#$])/g, '$1');
}

/** `27{,}300` (a thousands separator protected from math spacing) reads `27,300`. */
export function removeDigitGroupBraces(s: string): string {
  return s.replace(/(?<=\d)\{,\}(?=\d)/g, ',');
}

/**
 * `1.18--1.47` is LaTeX for an en dash in a range. Only between digits:
 * `--` elsewhere may be a command-line flag (`--verbose`) or a literal
 * `flag--value` and is left alone.
 */
export function numberRangeDashes(s: string): string {
  return s.replace(/(?<=\d)--(?=\d)/g, '\u2013');
}

/**
 * `---` is LaTeX for an em dash; only replaced between two words
 * (`word---word`) or standing alone between spaces (`a --- b`).
 */
export function wordEmDashes(s: string): string {
  return s.replace(/(?<=[\p{L}\p{N}])---(?=[\p{L}\p{N}])|(?<= )---(?= )/gu, '\u2014');
}

/**
 * LaTeX quotes: ``` ``x'' ``` reads “x” and `` `x' `` reads ‘x’. Only when
 * the opening backtick starts a word and the closing quote ends one, so
 * Markdown-style `code` (closed by a backtick) never matches.
 */
export function latexQuotes(s: string): string {
  // Quoted phrases are short; the bound also keeps hostile input with many
  // unclosed backticks from making the search quadratic.
  return s
    .replace(/(?<![^\s([])``([^`'"]{1,200}?)''(?![\p{L}\p{N}])/gu, '\u201C$1\u201D')
    .replace(/(?<![^\s([])`((?:[^`']|'(?=\p{L})){1,200}?)'(?![\p{L}\p{N}])/gu, '\u2018$1\u2019');
}

/**
 * `{\ours}` is a group around an undefined macro: the braces go, the macro
 * stays visible (`\ours`) because its expansion (here the method's name) is
 * unknown and a reader or editor should see that something is missing.
 */
export function unwrapMacroGroups(s: string): string {
  return s.replace(/\{(\\[A-Za-z]+)\}/g, '$1');
}

const SIZE_COMMAND = '(?:tiny|scriptsize|footnotesize|small|normalsize|large|Large|LARGE|huge|Huge)';
// `{\small X}`, or `{{small X}}` when the backslash was lost (a footnote's
// braces around a size switch; the single-brace form without backslash could
// be literal text and is left alone).
const SIZE_GROUP = new RegExp(
  `\\{\\\\${SIZE_COMMAND}\\s+([^{}]*)\\}|\\{\\{${SIZE_COMMAND}\\s+([^{}]*)\\}\\}`,
  'g',
);

/**
 * Font-size groups keep their text. When that text repeats what comes right
 * before it (a footnote URL after the same URL in the sentence), it goes.
 */
export function removeSizeGroups(s: string): string {
  return s.replace(
    SIZE_GROUP,
    (_group, withSlash: string | undefined, without: string | undefined, offset: number) => {
      const inner = (withSlash ?? without ?? '').trim();
      const before = s.slice(0, offset);
      if (!inner || before.endsWith(inner)) return '';
      return before === '' || before.endsWith(' ') ? inner : ` ${inner}`;
    },
  );
}

/** Every plain-text LaTeX cleanup, in an order where none undoes another. */
export function cleanLatexRemnants(s: string): string {
  const cleanups = [
    unescapeLatexSpecials,
    removeDigitGroupBraces,
    numberRangeDashes,
    wordEmDashes,
    latexQuotes,
    unwrapMacroGroups,
    removeSizeGroups,
  ];
  return cleanups.reduce((text, cleanup) => cleanup(text), s);
}

// ---------------------------------------------------------------------------
// Formatting commands

export type RunStyle = 'plain' | 'strong' | 'emphasis' | 'math';

/** A stretch of an abstract or title with one style. */
export interface InlineRun {
  style: RunStyle;
  value: string;
}

const STYLE_OF_COMMAND: Readonly<Record<string, RunStyle>> = {
  textbf: 'strong',
  emph: 'emphasis',
  textit: 'emphasis',
  textsl: 'emphasis',
  // Small caps, typewriter, roman, sans and underline have no Markdown
  // equivalent worth the noise: their text stays, the command goes.
  textsc: 'plain',
  texttt: 'plain',
  textrm: 'plain',
  textsf: 'plain',
  underline: 'plain',
};

// `\textbf{A}`, and `textbf{A}` whose backslash a source lost; without the
// backslash only at the start of a word, so `mytextbf{x}` is not touched.
const FORMATTING_COMMAND = new RegExp(
  `(?:\\\\|(?<![A-Za-z\\\\]))(${Object.keys(STYLE_OF_COMMAND).join('|')})\\{([^{}]*)\\}`,
  'g',
);

/** Splits prose at formatting commands; the commands become styles. */
export function splitFormatting(s: string): InlineRun[] {
  const runs: InlineRun[] = [];
  let last = 0;
  for (const match of s.matchAll(FORMATTING_COMMAND)) {
    const [whole, command = '', inner = ''] = match;
    runs.push({ style: 'plain', value: s.slice(last, match.index) });
    runs.push({ style: STYLE_OF_COMMAND[command] ?? 'plain', value: inner });
    last = match.index + whole.length;
  }
  runs.push({ style: 'plain', value: s.slice(last) });
  return mergeRuns(runs);
}

function mergeRuns(runs: readonly InlineRun[]): InlineRun[] {
  const merged: InlineRun[] = [];
  for (const run of runs) {
    if (!run.value) continue;
    const previous = merged.at(-1);
    if (previous && previous.style === run.style && run.style !== 'math') previous.value += run.value;
    else merged.push({ ...run });
  }
  return merged;
}

/**
 * Source text as styled runs: normalised, LaTeX remnants cleaned outside
 * math, formatting commands turned into styles, math kept as written.
 */
export function parseInlineRuns(s: string): InlineRun[] {
  const runs = splitMath(normalizeText(s)).flatMap((segment): InlineRun[] =>
    segment.math
      ? [{ style: 'math', value: segment.value }]
      : splitFormatting(cleanLatexRemnants(segment.value)),
  );
  return trimRuns(mergeRuns(runs.flatMap(moveSpacesOutOfStyle)).map(collapseRunSpaces));
}

/**
 * `\textbf{ A }` is bold `A` between spaces: Markdown cannot open emphasis
 * on a space, and the spaces may double up with those around the command.
 */
function moveSpacesOutOfStyle(run: InlineRun): InlineRun[] {
  if (run.style !== 'strong' && run.style !== 'emphasis') return [run];
  const [, before = '', inner = '', after = ''] = /^(\s*)(.*?)(\s*)$/s.exec(run.value) ?? [];
  return [
    { style: 'plain', value: before },
    { style: run.style, value: inner },
    { style: 'plain', value: after },
  ];
}

function collapseRunSpaces(run: InlineRun): InlineRun {
  return run.style === 'math' ? run : { ...run, value: collapseWhitespace(run.value) };
}

/** Cleanups can leave a space at either end (a removed group); math is never trimmed. */
function trimRuns(runs: InlineRun[]): InlineRun[] {
  const first = runs[0];
  if (first && first.style !== 'math') first.value = first.value.trimStart();
  const last = runs.at(-1);
  if (last && last.style !== 'math') last.value = last.value.trimEnd();
  return runs.filter((run) => run.value !== '');
}

/** Plain text of runs: styles dropped, formulas kept as `$...$`. */
export function runsToPlainText(runs: readonly InlineRun[]): string {
  return runs.map((run) => (run.style === 'math' ? `$${run.value}$` : run.value)).join('');
}

// ---------------------------------------------------------------------------
// Titles and abstracts

/** A title as plain text: emphasis markers dropped, inline math kept as `$...$`. */
export function normalizeTitle(s: string): string {
  return runsToPlainText(parseInlineRuns(s));
}

/** What `markdownToPlainText(abstractToMarkdown(s))` reads: the abstract as plain text. */
export function abstractToPlainText(s: string): string {
  return runsToPlainText(parseInlineRuns(s));
}

function runToNode(run: InlineRun): PhrasingContent {
  const text: Text = { type: 'text', value: run.value };
  switch (run.style) {
    case 'math':
      return { type: 'inlineMath', value: run.value } satisfies InlineMath;
    case 'strong':
      return { type: 'strong', children: [text] } satisfies Strong;
    case 'emphasis':
      return { type: 'emphasis', children: [text] } satisfies Emphasis;
    case 'plain':
      return text;
  }
}

/**
 * The abstract as one Markdown paragraph, without a trailing newline (empty
 * for an empty abstract). The text is serialised from a syntax tree, so
 * anything Markdown-significant in it (`*`, `_`, `<script>`, `[x](...)`, a
 * leading `#`) is escaped and reads back literally.
 */
/**
 * Real abstracts stay under 2,000 characters (arXiv's limit is 1,920). Text
 * far past that is not an abstract, and the Markdown libraries' work on it
 * grows fast enough to stall an ingest.
 */
export const MAX_ABSTRACT_LENGTH = 20_000;

export class TextTooLongError extends Error {
  override name = 'TextTooLongError';
}

export function abstractToMarkdown(s: string): string {
  if (s.length > MAX_ABSTRACT_LENGTH) {
    throw new TextTooLongError(
      `field "abstract": expected at most ${MAX_ABSTRACT_LENGTH} characters, got ${s.length}`,
    );
  }
  const runs = parseInlineRuns(s);
  if (runs.length === 0) return '';
  const paragraph: Paragraph = { type: 'paragraph', children: runs.map(runToNode) };
  const markdown = toMarkdown(
    { type: 'root', children: [paragraph] },
    {
      extensions: [mathToMarkdown()],
      // The site may render with GFM, where `~a~` is strikethrough;
      // CommonMark reads `\~` as `~` either way.
      unsafe: [{ character: '~', inConstruct: 'phrasing' }],
    },
  );
  return markdown.replace(/\n+$/, '');
}

// Containers whose children are blocks: their text is joined with spaces.
const BLOCK_CONTAINERS = new Set([
  'blockquote',
  'list',
  'listItem',
  'footnoteDefinition',
  'table',
  'tableRow',
]);

/** Formulas read back with their dollars; line breaks and block boundaries as spaces. */
function plainTextOf(node: RootContent): string {
  if (node.type === 'inlineMath') return `$${node.value}$`;
  if (node.type === 'math') return `$$${node.value}$$`;
  if (node.type === 'break') return ' ';
  if ('children' in node) {
    const separator = BLOCK_CONTAINERS.has(node.type) ? ' ' : '';
    return node.children.map((child: RootContent) => plainTextOf(child)).join(separator);
  }
  return toString(node);
}

/**
 * The text a reader sees in Markdown: markup dropped, escapes resolved,
 * math kept as `$...$`; blocks joined by a space, whitespace collapsed.
 */
export function markdownToPlainText(markdown: string): string {
  const blocks = parseAbstract(markdown).children.map((block) => plainTextOf(block));
  return normalizeText(blocks.join(' '));
}
