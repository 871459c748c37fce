/**
 * Short text with formulas, for titles and card excerpts: plain text is
 * HTML-escaped, `$...$` formulas become MathML via KaTeX at build time.
 * MathML alone needs no stylesheet or fonts (every current browser renders
 * it), so list pages stay light; paper pages render abstracts in full KaTeX
 * (see site/abstract.ts).
 */
import katex from 'katex';

export interface TextRun {
  kind: 'text' | 'math';
  /** The text, or the formula's TeX source without dollars. */
  value: string;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

/**
 * A formula as MathML. `trust: false` keeps `\href` and friends inert; a
 * formula KaTeX cannot parse is shown as its source in an error span.
 */
export function mathToMathml(tex: string, displayMode = false): string {
  return katex.renderToString(tex, {
    output: 'mathml',
    displayMode,
    throwOnError: false,
    strict: 'ignore',
    trust: false,
  });
}

// Pandoc's rule: no space just inside the dollars, no digit right after the
// closing one, so "costs $5 and $10" stays text.
const INLINE_FORMULA = /(?<![\\$])\$(?=\S)((?:\\.|[^$\\])*?\S)\$(?!\d)/g;

/** Plain text with `$...$` formulas (a title) as runs. */
export function textRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let last = 0;
  for (const match of text.matchAll(INLINE_FORMULA)) {
    if (match.index > last) runs.push({ kind: 'text', value: text.slice(last, match.index) });
    runs.push({ kind: 'math', value: match[1] ?? '' });
    last = match.index + match[0].length;
  }
  if (last < text.length) runs.push({ kind: 'text', value: text.slice(last) });
  return runs;
}

export function runsToHtml(runs: readonly TextRun[]): string {
  return runs.map((run) => (run.kind === 'math' ? mathToMathml(run.value) : escapeHtml(run.value))).join('');
}

/** Runs as plain text, formulas with their dollars: for titles, meta tags and feeds. */
export function runsToText(runs: readonly TextRun[]): string {
  return runs.map((run) => (run.kind === 'math' ? `$${run.value}$` : run.value)).join('');
}

/** A title (plain text, formulas as `$...$`) as safe HTML with MathML formulas. */
export function renderTitle(title: string): string {
  return runsToHtml(textRuns(title));
}

/**
 * The first `maxLength` characters of some runs, counting a formula as its
 * `$...$` source (so the plain text fits `maxLength` too). Text is cut at a
 * word boundary; a formula is never cut, it is left out instead. A cut ends
 * with "…".
 */
export function truncateRuns(runs: readonly TextRun[], maxLength: number): TextRun[] {
  const total = runs.reduce((sum, run) => sum + lengthOf(run), 0);
  if (total <= maxLength) return runs.map((run) => ({ ...run }));
  const kept: TextRun[] = [];
  let budget = maxLength - 1;
  for (const run of runs) {
    if (lengthOf(run) <= budget) {
      kept.push({ ...run });
      budget -= lengthOf(run);
      continue;
    }
    if (run.kind === 'text') {
      const space = run.value.lastIndexOf(' ', budget);
      // A single word longer than the budget is cut anyway, rather than lost.
      const cut = space > 0 ? space : kept.length === 0 ? budget : 0;
      if (cut > 0) kept.push({ kind: 'text', value: run.value.slice(0, cut) });
    }
    break;
  }
  const end = kept.at(-1);
  if (end?.kind === 'text') end.value = end.value.replace(/[\s,;:.\-–—(]+$/, '');
  if (end?.kind === 'text' && end.value === '') kept.pop();
  const lastRun = kept.at(-1);
  if (lastRun?.kind === 'text') lastRun.value += '…';
  else kept.push({ kind: 'text', value: '…' });
  return kept;
}

function lengthOf(run: TextRun): number {
  return run.kind === 'math' ? run.value.length + 2 : run.value.length;
}
