import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mathFromMarkdown } from 'mdast-util-math';
import { math } from 'micromark-extension-math';
import { describe, expect, it } from 'vitest';
import { prng } from '../../bench/generate.ts';
import { paperDocumentBody } from '../../src/lib/papers/document.ts';
import { isPlainProse, parseAbstract } from '../../src/lib/papers/markdown.ts';

describe('plain prose', () => {
  // The parser's tree without source positions, which plain prose's tree does not have.
  const withoutPositions = (node: unknown): unknown =>
    JSON.parse(JSON.stringify(node, (key, value: unknown) => (key === 'position' ? undefined : value)));
  const parsed = (markdown: string) =>
    withoutPositions(fromMarkdown(markdown, { extensions: [math()], mdastExtensions: [mathFromMarkdown()] }));

  const hfDay = JSON.parse(readFileSync('test/fixtures/corpus/hf-daily-2026-10-03.json', 'utf8')) as {
    summary: string;
  }[];
  const samples = readdirSync('content/papers', { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md'))
    .map((file) => paperDocumentBody(readFileSync(path.join('content/papers', file), 'utf8')));

  it('is most real abstracts, and parses as Markdown would', () => {
    const abstracts = [...hfDay.map((paper) => paper.summary.trim()), ...samples];
    const plain = abstracts.filter((markdown) => isPlainProse(markdown));
    expect(plain.length).toBeGreaterThan(abstracts.length * 0.7);
    for (const markdown of plain) expect(parseAbstract(markdown)).toEqual(parsed(markdown));
  });

  it('is never text that Markdown reads otherwise', () => {
    // Random text from pieces of Markdown syntax: wherever the shortcut is taken, the trees agree.
    const pieces = [
      'word',
      'two words',
      ' ',
      '  ',
      '\n',
      '\n\n',
      '\n\n\n',
      '-',
      '+',
      '1',
      '2.',
      '3)',
      '.',
      '#',
      '=',
      '~',
      '*',
      '_',
      '$',
      '\\',
      '<',
      '>',
      '&',
      '`',
      '[',
      ']',
      '!',
      '\t',
      '\r',
      '\uFEFF',
      'é',
      '\u00a0',
      ':',
      '|',
    ];
    const random = prng(7);
    let plain = 0;
    for (let sample = 0; sample < 20_000; sample += 1) {
      const length = 1 + Math.floor(random() * 12);
      const markdown = Array.from({ length }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      if (!isPlainProse(markdown)) continue;
      plain += 1;
      expect(parseAbstract(markdown), JSON.stringify(markdown)).toEqual(parsed(markdown));
    }
    expect(plain).toBeGreaterThan(500);
  });

  it('is not text with Markdown in it', () => {
    for (const markdown of [
      'a *b*',
      'x\n- item',
      'x\n===',
      'x\n2. two',
      'a  \nb',
      '    code',
      'a\tb',
      'a $x$',
      '# h',
      '\uFEFFbom',
    ])
      expect(isPlainProse(markdown), markdown).toBe(false);
  });
});
