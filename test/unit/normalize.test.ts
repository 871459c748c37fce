import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import {
  abstractToMarkdown,
  abstractToPlainText,
  cleanLatexRemnants,
  collapseWhitespace,
  latexQuotes,
  markdownToPlainText,
  normalizeAuthors,
  normalizeText,
  normalizeTitle,
  numberRangeDashes,
  parseInlineRuns,
  removeControlCharacters,
  removeDigitGroupBraces,
  removeInvisibleCharacters,
  removeLoneSurrogates,
  removeSizeGroups,
  removeStrayJoiners,
  splitFormatting,
  splitMath,
  unescapeLatexSpecials,
  unwrapMacroGroups,
  wordEmDashes,
} from '../../src/lib/papers/normalize.ts';

const listingLines = readFileSync(
  new URL('../fixtures/corpus/000_ec3534d374c01979.txt', import.meta.url),
  'utf8',
).split('\n');

/** The line of the listing file that holds the abstract starting with `start`. */
function listingAbstract(start: string): string {
  const line = listingLines.find((candidate) => candidate.startsWith(start));
  if (!line) throw new Error(`no line starts with ${start}`);
  return line;
}

/** What a reader of the Markdown sees must be the plain text we meant. */
function expectRoundTrip(source: string): void {
  expect(markdownToPlainText(abstractToMarkdown(source))).toBe(abstractToPlainText(source));
}

describe('characters', () => {
  it('composes to NFC', () => {
    expect(normalizeText('Timothe\u0301e')).toBe('Timothée');
    expect(normalizeText('Timothe\u0301e')).toBe('Timoth\u00e9e');
  });

  it('turns tab, newline, CR, VT, FF and NEL into spaces and drops other controls', () => {
    expect(removeControlCharacters('a\tb\nc\r\nd\u000be\u000cf\u0085g')).toBe('a b c  d e f g');
    expect(removeControlCharacters('a\u0000b\u0007c\u001bd\u007fe\u0080f\u009fg')).toBe('abcdefg');
  });

  it('keeps the replacement character', () => {
    expect(normalizeText('broken \uFFFD byte')).toBe('broken \uFFFD byte');
  });

  it('drops zero-width spaces, word joiners, soft hyphens and byte-order marks', () => {
    expect(removeInvisibleCharacters('\uFEFFTrans\u200Bfor\u00ADmer\u2060s')).toBe('Transformers');
  });

  it('drops the noncharacters U+FFFE and U+FFFF, which the schema refuses', () => {
    expect(removeInvisibleCharacters('a\uFFFEb\uFFFFc')).toBe('abc');
  });

  it('drops bidi embeddings, overrides and isolates but keeps the marks', () => {
    expect(removeInvisibleCharacters('a\u202Eevil\u202C b\u2067x\u2069 c\u200Fd\u200E')).toBe(
      'aevil bx c\u200Fd\u200E',
    );
  });

  it('drops lone surrogates and keeps pairs', () => {
    expect(removeLoneSurrogates('a\uD800b\uDC00c\uD83D\uDE00')).toBe('abc\uD83D\uDE00');
  });

  it('keeps joiners inside emoji sequences and scripts that need them, drops them in Latin words', () => {
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
    const persian = 'می\u200Cخواهم';
    expect(removeStrayJoiners(family)).toBe(family);
    expect(removeStrayJoiners(persian)).toBe(persian);
    expect(removeStrayJoiners('Trans\u200Cfor\u200Dmer')).toBe('Transformer');
    expect(removeStrayJoiners('\u200Dedge\u200C')).toBe('edge');
  });

  it('collapses every kind of white space to one space', () => {
    expect(collapseWhitespace('a  b\u00a0\u00a0c\u2003d\u3000e\u2028f')).toBe('a b c d e f');
  });

  it('normalizes arXiv hard wraps to single spaces and trims', () => {
    expect(
      normalizeText(
        '  Replacing Large Language Models with Jev Decision Models for Low-Latency Edge\n  Service Orchestration\n',
      ),
    ).toBe(
      'Replacing Large Language Models with Jev Decision Models for Low-Latency Edge Service Orchestration',
    );
  });

  it('keeps right-to-left text and emoji as they are', () => {
    const text = 'שלום עולם مرحبا بالعالم 😀 👍🏽 🇫🇷';
    expect(normalizeText(text)).toBe(text);
    expectRoundTrip(text);
  });
});

describe('authors', () => {
  it('normalises, drops empty names and repeats (ignoring case and spacing), keeps order', () => {
    expect(
      normalizeAuthors([
        ' Delong  Li ',
        '',
        'Xu\u00a0Wang',
        'delong li',
        'DelongLi',
        '\u200B',
        'Timothe\u0301e',
      ]),
    ).toEqual(['Delong Li', 'Xu Wang', 'Timothée']);
  });

  it('treats NFC and NFD spellings as the same name', () => {
    expect(normalizeAuthors(['Timoth\u00e9e Carecchio', 'Timothe\u0301e Carecchio'])).toEqual([
      'Timothée Carecchio',
    ]);
  });
});

describe('inline math', () => {
  it('finds $...$ and $$...$$ formulas', () => {
    expect(splitMath('a $x^2$ b $$\\sum_i$$ c')).toEqual([
      { math: false, value: 'a ' },
      { math: true, value: 'x^2' },
      { math: false, value: ' b ' },
      { math: true, value: '\\sum_i' },
      { math: false, value: ' c' },
    ]);
  });

  it('does not take prices or escaped dollars for math', () => {
    expect(splitMath('between $5 and $10')).toEqual([{ math: false, value: 'between $5 and $10' }]);
    expect(splitMath('costs \\$3 and \\$4')).toEqual([{ math: false, value: 'costs \\$3 and \\$4' }]);
    expect(splitMath('$ x$ and $x $')).toEqual([{ math: false, value: '$ x$ and $x $' }]);
  });

  it('leaves LaTeX inside math exactly as written', () => {
    const source = 'we get $50\\% \\textbf{x}_{1{,}000} a--b$ and 50\\% \\textbf{x}';
    expect(parseInlineRuns(source)).toEqual([
      { style: 'plain', value: 'we get ' },
      { style: 'math', value: '50\\% \\textbf{x}_{1{,}000} a--b' },
      { style: 'plain', value: ' and 50% ' },
      { style: 'strong', value: 'x' },
    ]);
  });
});

describe('LaTeX remnants', () => {
  it('unescapes \\%, \\&, \\_, \\# and \\$', () => {
    expect(unescapeLatexSpecials('96.7\\% R\\&D snake\\_case \\#2 \\$5')).toBe('96.7% R&D snake_case #2 $5');
  });

  it('removes braces around a digit-group comma', () => {
    expect(removeDigitGroupBraces('27{,}300 and {,} alone')).toBe('27,300 and {,} alone');
  });

  it('turns -- between numbers into an en dash and leaves it elsewhere', () => {
    expect(numberRangeDashes('1.18--1.47times, pages 3--5')).toBe('1.18\u20131.47times, pages 3\u20135');
    expect(numberRangeDashes('use --verbose, flag--value, exploration--exploitation, 10^{-4}--10^{-5}')).toBe(
      'use --verbose, flag--value, exploration--exploitation, 10^{-4}--10^{-5}',
    );
  });

  it('turns --- into an em dash between words or between spaces only', () => {
    expect(wordEmDashes('fast---and cheap, or --- not')).toBe('fast\u2014and cheap, or \u2014 not');
    expect(wordEmDashes('---yaml front matter---')).toBe('---yaml front matter---');
  });

  it('turns LaTeX quotes into curly quotes but leaves code spans and apostrophes', () => {
    expect(latexQuotes("a set of `output nodes' and ``the head''")).toBe(
      'a set of \u2018output nodes\u2019 and \u201Cthe head\u201D',
    );
    expect(latexQuotes("the `model's output' here")).toBe("the \u2018model's output\u2019 here");
    expect(latexQuotes('run `make` then `make test`')).toBe('run `make` then `make test`');
  });

  it('unwraps {\\macro} but keeps the unknown macro visible', () => {
    expect(unwrapMacroGroups('demonstrate that {\\ours} allows (\\ours)')).toBe(
      'demonstrate that \\ours allows (\\ours)',
    );
  });

  it('drops a size group that repeats the URL before it and keeps other size-group text', () => {
    expect(
      removeSizeGroups(
        'available at https://github.com/gblackout/LogicLLaMA{{small https://github.com/gblackout/LogicLLaMA}}.',
      ),
    ).toBe('available at https://github.com/gblackout/LogicLLaMA.');
    expect(removeSizeGroups('see{\\small the appendix} for more')).toBe('see the appendix for more');
    expect(removeSizeGroups('a {small} b {small text}')).toBe('a {small} b {small text}');
  });

  it('applies every cleanup together', () => {
    expect(cleanLatexRemnants('27{,}300 pairs, 1.18--1.47x, 50\\% of {\\ours}')).toBe(
      '27,300 pairs, 1.18\u20131.47x, 50% of \\ours',
    );
  });

  it('turns formatting commands into styles, with or without their backslash', () => {
    expect(
      splitFormatting('the textbf{A}uxiliary \\emph{and} \\textit{italic} \\texttt{code} mytextbf{x}'),
    ).toEqual([
      { style: 'plain', value: 'the ' },
      { style: 'strong', value: 'A' },
      { style: 'plain', value: 'uxiliary ' },
      { style: 'emphasis', value: 'and' },
      { style: 'plain', value: ' ' },
      { style: 'emphasis', value: 'italic' },
      { style: 'plain', value: ' code mytextbf{x}' },
    ]);
  });
});

describe('titles', () => {
  it('drops emphasis markers and keeps math', () => {
    expect(normalizeTitle('textbf{A}uxiliary \\emph{Heads} for $\\alpha$-Blending\n  at Scale')).toBe(
      'Auxiliary Heads for $\\alpha$-Blending at Scale',
    );
  });

  it('keeps hostile text as plain text (escaping is the renderer’s job)', () => {
    expect(normalizeTitle('<script>alert(1)</script> *a* _b_')).toBe('<script>alert(1)</script> *a* _b_');
  });
});

describe('abstracts as Markdown', () => {
  it('makes the lost-backslash textbf{A}uxiliary an intraword strong that reads back', () => {
    const source = listingAbstract('Recently, pre-trained vision-language models');
    const markdown = abstractToMarkdown(source);
    expect(markdown).toContain('the appropriate **A**uxiliary features');
    expect(markdown).toContain('with **M**ulti-branch training. Finally, an **U**ncertainty-based fusion');
    expect(markdownToPlainText(markdown)).toContain('appropriate Auxiliary features');
    expectRoundTrip(source);
  });

  it('serialises emphasis and math', () => {
    expect(abstractToMarkdown('We \\emph{do} compute $x^2_{i}*$ here.')).toBe(
      'We *do* compute $x^2_{i}*$ here.',
    );
  });

  it('escapes hostile Markdown so it reads back literally', () => {
    const cases: [string, string][] = [
      ['<script>alert(1)</script>', '\\<script>alert(1)\\</script>'],
      ['[x](javascript:alert(1))', '\\[x]\\(javascript:alert(1))'],
      ['*a* _b_', '\\*a\\* \\_b\\_'],
      ['# Heading', '\\# Heading'],
      ['1. list', '1\\. list'],
      ['- item', '\\- item'],
      ['> quote', '\\> quote'],
      ['`code`', '\\`code\\`'],
      ['&amp; &#x3C;', '\\&amp; \\&#x3C;'],
      ['~strike~', '\\~strike\\~'],
      ['$5 and $10', '\\$5 and \\$10'],
      ['![img](http://x/y.png)', '!\\[img]\\(http://x/y.png)'],
    ];
    for (const [source, markdown] of cases) {
      expect(abstractToMarkdown(source)).toBe(markdown);
      expect(markdownToPlainText(abstractToMarkdown(source))).toBe(source);
    }
  });

  it('keeps one paragraph however the text was wrapped', () => {
    const markdown = abstractToMarkdown('First line\n\n\nsecond paragraph\n  = heading?\n---');
    expect(markdown.split('\n')).toHaveLength(1);
    expect(markdownToPlainText(markdown)).toBe('First line second paragraph = heading? ---');
  });

  it('is empty for an empty abstract', () => {
    expect(abstractToMarkdown(' \n\u200B ')).toBe('');
  });

  it('round-trips hostile, mixed and styled text', () => {
    const samples = [
      'Ops: <img src=x onerror=alert(1)> [x](javascript:alert(1)) *a* _b_ **c** __d__ \\ours {\\ours}',
      'x**y** a\\textbf{(A)}b \\textbf{ spaced } \\emph{*star*}',
      '中文 العربية עברית 😀 and math $a<b$ and $$c>d$$',
      '10^{-4}--10^{-5} on <|tool_call|>, ~3.3 GPU-hours, V*, τ_l, #2, 100%',
      '| a | b |\n|---|---|\n| 1 | 2 |',
      '[^1] footnote and <https://example.com> and www.example.com',
    ];
    for (const sample of samples) expectRoundTrip(sample);
  });

  it('round-trips every abstract of the listing file', () => {
    for (const line of listingLines.filter((candidate) => candidate.length > 300)) expectRoundTrip(line);
  });
});

describe('markdownToPlainText', () => {
  it('reads any Markdown as text, blocks joined by spaces', () => {
    expect(markdownToPlainText('# Title\n\nSome *text* with `code` and $x$.\n\n- one\n- two\n')).toBe(
      'Title Some text with code and $x$. one two',
    );
  });
});
