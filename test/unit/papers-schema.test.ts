import { describe, expect, it } from 'vitest';

import {
  describeIssues,
  FIELD_LIMITS,
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

describe('every field has a size limit', () => {
  it('accepts each text field at its limit and refuses one character more', () => {
    const cases: Array<[keyof PaperInput, number]> = [
      ['title', FIELD_LIMITS.title],
      ['submittedBy', FIELD_LIMITS.submittedBy],
      ['primaryCategory', FIELD_LIMITS.category],
      ['aiSummary', FIELD_LIMITS.aiSummary],
    ];
    for (const [field, limit] of cases) {
      expect(problems(paperInput({ [field]: 'x'.repeat(limit) }))).toEqual([]);
      expect(problems(paperInput({ [field]: 'x'.repeat(limit + 1) }))[0]).toMatch(
        new RegExp(`^file.md: field "${field}": expected at most [0-9,]+ characters, got "x+(\\.\\.\\.)?"`),
      );
    }
  });

  it('bounds lists and each of their entries', () => {
    const many = (n: number, value = 'a') => Array.from({ length: n }, () => value);
    expect(problems(paperInput({ authors: many(FIELD_LIMITS.authors) }))).toEqual([]);
    expect(problems(paperInput({ authors: many(FIELD_LIMITS.authors + 1) }))).toEqual([
      'file.md: field "authors": expected at most 10,000 entries, got a list of 10,001',
    ]);
    expect(problems(paperInput({ authors: ['x'.repeat(FIELD_LIMITS.authorName + 1)] }))[0]).toMatch(
      /^file\.md: field "authors\.0": expected at most 300 characters/,
    );
    expect(problems(paperInput({ categories: many(FIELD_LIMITS.categories + 1, 'cs.LG') }))).toHaveLength(1);
    expect(problems(paperInput({ topics: many(FIELD_LIMITS.topics + 1, 'nlp') }))).toEqual([
      'file.md: field "topics": expected at most 50 topic ids, got a list',
    ]);
  });

  it('bounds links', () => {
    const long = `https://example.org/${'p'.repeat(FIELD_LIMITS.url)}`;
    expect(problems(paperInput({ github: long }))[0]).toMatch(
      /^file\.md: field "github": expected an http\(s\) URL of at most 2000 characters/,
    );
  });
});
