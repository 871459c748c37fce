/**
 * Pagefind's excerpts are HTML: the page's text with `&`, `<` and `>`
 * encoded, and the matched words in `<mark>`. The search page never inserts
 * them as HTML; it splits them here into text and marked runs and builds
 * text nodes, so nothing but `<mark>` can ever come out of an excerpt, even
 * if an index held markup. Runs in the browser.
 */

export interface ExcerptRun {
  text: string;
  marked: boolean;
}

const MARK = /<(\/?)mark>/gi;

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** `&lt;b&gt;` -> `<b>`; unknown entities are left as they are. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body.startsWith('#')) {
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : entity;
    }
    return NAMED[body.toLowerCase()] ?? entity;
  });
}

/** The excerpt as runs of text, marked or not; empty runs are left out, neighbours of the same kind joined. */
export function excerptRuns(excerpt: string): ExcerptRun[] {
  const runs: ExcerptRun[] = [];
  let marked = false;
  let last = 0;
  const push = (raw: string) => {
    const text = decodeEntities(raw);
    if (!text) return;
    const previous = runs.at(-1);
    if (previous && previous.marked === marked) previous.text += text;
    else runs.push({ text, marked });
  };
  for (const match of excerpt.matchAll(MARK)) {
    push(excerpt.slice(last, match.index));
    marked = !match[1];
    last = match.index + match[0].length;
  }
  push(excerpt.slice(last));
  return runs;
}
