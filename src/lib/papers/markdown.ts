/**
 * Abstracts as Markdown trees (mdast), with `$math$`: the one parser setting
 * that the site's renderer and excerpts (site/abstract.ts) and the feeds'
 * plain text (normalize.ts) share.
 */
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mathFromMarkdown } from 'mdast-util-math';
import { math } from 'micromark-extension-math';

/** What remark-parse with remark-math makes of an abstract (site/abstract.ts's processor). */
export function parseAbstract(markdown: string): Root {
  if (isPlainProse(markdown)) return plainProseTree(markdown);
  return fromMarkdown(markdown, { extensions: [math()], mdastExtensions: [mathFromMarkdown()] });
}

/**
 * Characters that start Markdown (or math) anywhere in a line, control
 * characters, tabs and carriage returns, a byte order mark (which micromark
 * drops at the start), and white space at either end of a line (indents,
 * hard breaks).
 */
// eslint-disable-next-line no-control-regex -- control characters are what micromark rewrites
const INLINE_SYNTAX = /[\\`*_[\]<>&$\x00-\x09\x0b-\x1f\uFEFF]|^ | $/m;
/** What starts a block (heading, list, rule, setext underline, fence) at the start of a line. */
const BLOCK_START = /^(?:[-+=#~]|\d{1,9}[.)])/m;

/**
 * Whether the text is paragraphs of plain prose, which Markdown reads as
 * they are. Most abstracts are (74 of the 83 sample papers), and micromark
 * was most of the cost of rendering one or of a feed item. The test is
 * strict: anything else goes through the parser (the unit test compares the
 * two).
 */
export function isPlainProse(markdown: string): boolean {
  return !INLINE_SYNTAX.test(markdown) && !BLOCK_START.test(markdown);
}

/** The tree micromark gives plain prose: a paragraph of text per run of non-empty lines. */
function plainProseTree(markdown: string): Root {
  const paragraphs = markdown.split(/\n{2,}/).flatMap((text) => text.replace(/^\n|\n$/g, '') || []);
  return {
    type: 'root',
    children: paragraphs.map((value) => ({ type: 'paragraph', children: [{ type: 'text', value }] })),
  };
}
