/**
 * Abstracts: Markdown (possibly with `$math$`) to HTML at build time, and
 * short excerpts for cards and descriptions.
 *
 * The renderer is the only producer of HTML from content that pages insert
 * with `set:html` (with format/math.ts for titles and excerpts), so it is strict:
 * raw HTML in the Markdown is dropped (remark-rehype without
 * `allowDangerousHtml`), only an allowlist of elements survives, links keep
 * only http(s) targets, images become their alt text and headings become
 * paragraphs (an abstract has no sections of its own). KaTeX runs with
 * `trust: false`, so `\href`, `\url` and `\htmlClass` stay inert.
 *
 * KaTeX's HTML output positions glyphs with inline `style` attributes; that
 * is why .htmlvalidate.json allows the CSS properties KaTeX uses.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import type { Root as MdastRoot, RootContent as MdastContent } from 'mdast';
import type { InlineMath } from 'mdast-util-math';
import { toString } from 'mdast-util-to-string';
import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { parseAbstract } from '../papers/markdown.ts';
import { safeHttpUrl } from './links.ts';
import { runsToHtml, runsToText, truncateRuns, type TextRun } from '../format/math.ts';

export interface RenderedAbstract {
  html: string;
  /** Whether the page needs KaTeX's stylesheet. */
  hasMath: boolean;
}

// What CommonMark produces, minus `img` and headings, which are rewritten.
const ALLOWED = new Set([
  'p',
  'em',
  'strong',
  'code',
  'pre',
  'a',
  'ul',
  'ol',
  'li',
  'blockquote',
  'br',
  'hr',
]);
const HEADING = /^h[1-6]$/;
const MATH_CLASSES = ['language-math', 'math-inline', 'math-display'];

const processor = unified()
  .use(remarkParse)
  .use(remarkMath)
  .use(() => inspectMath)
  .use(remarkRehype)
  .use(() => sanitize)
  .use(rehypeKatex, { output: 'htmlAndMathml', strict: 'ignore', trust: false })
  .use(rehypeStringify)
  .freeze();

/**
 * The abstract as HTML. The Markdown is parsed once for this and for the
 * page's excerpts (noteExcerpts): three parses of each abstract were a sixth
 * of a cold build's rendering.
 */
export function renderAbstract(markdown: string): RenderedAbstract {
  const tree = parseAbstract(markdown);
  noteExcerpts(markdown, tree);
  const file = new VFile(markdown);
  const html = processor.stringify(processor.runSync(tree, file), file);
  return { html, hasMath: file.data['hasMath'] === true };
}

/**
 * Notes whether there is any math, and makes `$$x$$` inside a line a
 * displayed formula: remark-math reads it as text math, but authors (and
 * arXiv) mean a display by it.
 */
function inspectMath(tree: MdastRoot, file: VFile): void {
  const source = String(file.value);
  const visit = (node: MdastRoot | MdastContent) => {
    if (node.type === 'math' || node.type === 'inlineMath') file.data['hasMath'] = true;
    if (node.type === 'inlineMath') {
      const start = node.position?.start.offset;
      if (start !== undefined && source.startsWith('$$', start)) {
        const data: InlineMath['data'] = {
          ...node.data,
          hProperties: { className: ['language-math', 'math-display'] },
        };
        node.data = data;
      }
    }
    if ('children' in node) node.children.forEach(visit);
  };
  visit(tree);
}

function sanitize(tree: HastRoot): void {
  tree.children = tree.children.flatMap((child) => cleanNode(child));
}

function cleanNode(node: RootContent): RootContent[] {
  if (node.type === 'text') return [node];
  if (node.type !== 'element') return [];
  const children = node.children.flatMap((child) => cleanNode(child)) as ElementContent[];
  const mathClasses = classesOf(node).filter((name) => MATH_CLASSES.includes(name));
  if (node.tagName === 'code' && mathClasses.includes('language-math')) {
    return [{ ...node, properties: { className: mathClasses }, children }];
  }
  if (node.tagName === 'img') {
    const alt = typeof node.properties['alt'] === 'string' ? node.properties['alt'] : '';
    return alt ? [{ type: 'text', value: alt }] : [];
  }
  if (HEADING.test(node.tagName)) return [{ type: 'element', tagName: 'p', properties: {}, children }];
  if (node.tagName === 'a') {
    const href = safeHttpUrl(
      typeof node.properties['href'] === 'string' ? node.properties['href'] : undefined,
    );
    if (!href) return children;
    return [{ type: 'element', tagName: 'a', properties: { href, rel: ['noopener', 'nofollow'] }, children }];
  }
  if (!ALLOWED.has(node.tagName)) return children;
  // Attributes from Markdown (titles, code languages) are dropped.
  return [{ type: 'element', tagName: node.tagName, properties: {}, children }];
}

function classesOf(node: Element): string[] {
  const className = node.properties['className'];
  return Array.isArray(className) ? className.map(String) : [];
}

// ---------------------------------------------------------------------------
// Excerpts

/** Cards show about three lines of abstract. */
export const CARD_EXCERPT_LENGTH = 280;
/** Search engines show about this much of a description. */
export const DESCRIPTION_LENGTH = 160;

export interface Excerpt {
  /** Plain text, formulas as `$...$`: for meta descriptions. */
  text: string;
  /** Escaped text with MathML formulas: for cards. */
  html: string;
}

/**
 * The abstract as runs of text and formulas: markup dropped, escapes
 * resolved, blocks joined by a space, white space collapsed.
 */
export function abstractRuns(markdown: string): TextRun[] {
  return runsOfTree(parseAbstract(markdown));
}

function runsOfTree(tree: MdastRoot): TextRun[] {
  const runs: TextRun[] = [];
  const push = (run: TextRun) => {
    const previous = runs.at(-1);
    if (run.kind === 'text' && previous?.kind === 'text') previous.value += run.value;
    else runs.push(run);
  };
  const visit = (node: MdastContent, separator: string) => {
    if (node.type === 'inlineMath' || node.type === 'math') push({ kind: 'math', value: node.value.trim() });
    else if (node.type === 'break') push({ kind: 'text', value: ' ' });
    else if ('children' in node) node.children.forEach((child) => visit(child, ''));
    else push({ kind: 'text', value: toString(node) });
    if (separator) push({ kind: 'text', value: separator });
  };
  tree.children.forEach((block) => visit(block, ' '));
  return collapse(runs);
}

function collapse(runs: readonly TextRun[]): TextRun[] {
  const out = runs
    .map((run) => (run.kind === 'text' ? { ...run, value: run.value.replace(/\s+/g, ' ') } : run))
    .filter((run) => run.value !== '');
  const first = out[0];
  if (first?.kind === 'text') first.value = first.value.trimStart();
  const last = out.at(-1);
  if (last?.kind === 'text') last.value = last.value.trimEnd();
  return out.filter((run) => run.value !== '');
}

/**
 * Excerpts made so far, by length and abstract. A paper is a card on its day,
 * its week and each of its topics' pages, and its page describes it, and
 * parsing its Markdown was most of a card's cost: each abstract is parsed
 * once per build, for every usual length at once.
 */
const excerpts = new Map<number, Map<string, Readonly<Excerpt>>>();

/** The lengths pages ask for; an excerpt of another length is made on its own. */
const USUAL_LENGTHS = [CARD_EXCERPT_LENGTH, DESCRIPTION_LENGTH];

/** The start of an abstract, cut at a word boundary and never inside a formula. */
export function abstractExcerpt(
  markdown: string | undefined,
  maxLength = CARD_EXCERPT_LENGTH,
): Readonly<Excerpt> {
  const source = markdown ?? '';
  const known = excerpts.get(maxLength)?.get(source);
  if (known) return known;
  const runs = abstractRuns(source);
  if (USUAL_LENGTHS.includes(maxLength)) noteExcerptsOfRuns(source, runs);
  return excerpts.get(maxLength)?.get(source) ?? excerptOfRuns(runs, maxLength);
}

/** Keeps the usual excerpts of an abstract whose tree is at hand, unless kept already. */
function noteExcerpts(markdown: string, tree: MdastRoot): void {
  if (USUAL_LENGTHS.every((length) => excerpts.get(length)?.has(markdown))) return;
  noteExcerptsOfRuns(markdown, runsOfTree(tree));
}

function noteExcerptsOfRuns(markdown: string, runs: readonly TextRun[]): void {
  for (const length of USUAL_LENGTHS) {
    let byAbstract = excerpts.get(length);
    if (!byAbstract) excerpts.set(length, (byAbstract = new Map()));
    if (!byAbstract.has(markdown)) byAbstract.set(markdown, excerptOfRuns(runs, length));
  }
}

function excerptOfRuns(runs: readonly TextRun[], maxLength: number): Readonly<Excerpt> {
  const cut = truncateRuns(runs, maxLength);
  return Object.freeze({ text: runsToText(cut), html: runsToHtml(cut) });
}
