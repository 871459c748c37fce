import { describe, expect, it } from 'vitest';

import {
  describeIssues,
  findUnsafeCharacter,
  formatProblem,
  paperSchema,
  type PaperInput,
} from '../../src/lib/papers/schema.ts';

function paperInput(overrides: Partial<PaperInput> = {}): PaperInput {
  return { id: '2610.00001', title: 'A paper', date: '2026-10-03', source: 'hf', ...overrides };
}

/** The problems `papers validate` would print for this front matter, as file.md. */
function problems(input: PaperInput): string[] {
  const result = paperSchema.safeParse(input);
  if (result.success) return [];
  return describeIssues(result.error, input).map((problem) => formatProblem('file.md', problem));
}

const UNSAFE: Array<[string, string]> = [
  ['NUL', '\u0000'],
  ['ESC', '\u001b'],
  ['vertical tab', '\u000b'],
  ['DEL', '\u007f'],
  ['C1 NEL', '\u0085'],
  ['C1 CSI', '\u009b'],
  ['U+FFFE', '\ufffe'],
  ['U+FFFF', '\uffff'],
  ['LRE', '\u202a'],
  ['RLO', '\u202e'],
  ['LRI', '\u2066'],
  ['PDI', '\u2069'],
];

describe('text fields refuse control, bidi override and noncharacter characters', () => {
  it.each(UNSAFE)('refuses %s in the title, naming the field and the code point', (_name, character) => {
    const code = `U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    const escaped = `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
    expect(problems(paperInput({ title: `Evil${character}title` }))).toEqual([
      `file.md: field "title": expected text without control, bidi override or noncharacter characters (found ${code}), got "Evil${escaped}title"`,
    ]);
  });

  it('checks authors, keywords, categories and the other text fields', () => {
    const bad = 'x\u202ey';
    const found = problems(
      paperInput({
        authors: ['Ann', bad],
        keywords: [bad],
        categories: [bad],
        primaryCategory: bad,
        submittedBy: bad,
        aiSummary: bad,
      }),
    ).map((line) => line.split(': expected')[0]);
    expect(found.sort()).toEqual(
      [
        'file.md: field "authors.1"',
        'file.md: field "keywords.0"',
        'file.md: field "categories.0"',
        'file.md: field "primaryCategory"',
        'file.md: field "submittedBy"',
        'file.md: field "aiSummary"',
      ].sort(),
    );
  });

  it('never prints the character itself, so the message cannot reorder or colour the terminal', () => {
    for (const [, character] of UNSAFE) {
      for (const line of problems(paperInput({ title: `a${character}b` }))) {
        expect(findUnsafeCharacter(line)).toBeUndefined();
      }
    }
  });

  it('keeps tab, newline and CR, and the harmless marks LRM and RLM', () => {
    expect(problems(paperInput({ title: 'A\ttitle\r\nover lines', authors: ['\u200eAnn\u200f'] }))).toEqual(
      [],
    );
  });
});

describe('findUnsafeCharacter', () => {
  it('names the first unsafe character as a code point', () => {
    expect(findUnsafeCharacter('plain text')).toBeUndefined();
    expect(findUnsafeCharacter('a\u2067b\u0000')).toBe('U+2067');
  });
});
