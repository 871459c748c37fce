import { readFileSync } from 'node:fs';

import { inputErrorOf } from '../helpers/errors.ts';
import { describe, expect, it } from 'vitest';

import { isPaperId } from '../../src/lib/papers/ids.ts';
import { abstractToPlainText, markdownToPlainText, normalizeTitle } from '../../src/lib/papers/normalize.ts';
import { parseArxivAtom } from '../../src/lib/sources/arxiv.ts';
import { parseHfDaily } from '../../src/lib/sources/hf.ts';

const corpusText = readFileSync(
  new URL('../fixtures/corpus/hf-daily-2026-10-03.json', import.meta.url),
  'utf8',
);
const atomText = readFileSync(new URL('../fixtures/corpus/arxiv-2026-10-03.atom', import.meta.url), 'utf8');

interface RawItem {
  paper: { id: string; title: string; summary: string; authors: { name: string }[] };
}
const corpus = JSON.parse(corpusText) as RawItem[];

/** A minimal valid item, with `paper` fields overridden. */
function item(
  paper: Record<string, unknown> = {},
  fields: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    paper: {
      id: '2610.01092',
      title: 'A Title',
      summary: 'An abstract.',
      authors: [{ name: 'Ada Lovelace', hidden: false }],
      publishedAt: '2026-10-01T00:00:00.000Z',
      upvotes: 3,
      ...paper,
    },
    publishedAt: '2026-10-03T00:00:00.000Z',
    numComments: 2,
    ...fields,
  };
}

function parse(items: unknown): ReturnType<typeof parseHfDaily> {
  return parseHfDaily(JSON.stringify(items), 'day.json');
}

function parseOne(paper: Record<string, unknown> = {}, fields: Record<string, unknown> = {}) {
  const result = parse([item(paper, fields)]);
  expect(result.problems).toEqual([]);
  const [first] = result.papers;
  if (!first) throw new Error('no paper');
  return first;
}

describe('parseHfDaily on the corpus', () => {
  const result = parseHfDaily(corpusText, 'hf-daily-2026-10-03.json');

  it('reads all 50 papers without problems', () => {
    expect(result.problems).toEqual([]);
    expect(result.papers).toHaveLength(50);
    expect(result.papers.map((paper) => paper.id)).toEqual(corpus.map((raw) => raw.paper.id));
    expect(result.papers.every((paper) => isPaperId(paper.id))).toBe(true);
  });

  it('maps the first paper', () => {
    const [first] = result.papers;
    expect(first).toMatchObject({
      id: '2609.22753',
      title:
        'Replacing Large Language Models with Jev Decision Models for Low-Latency Edge Service Orchestration',
      authors: ['Delong Li', 'Xu Wang', 'Haochen Gong', 'Rui Lang', 'Guangsheng Yu'],
      listedOn: '2026-10-03',
      published: '2026-09-26',
      upvotes: 0,
      comments: 0,
      github: 'https://github.com/OniReimu/Edge-Computing-JEV',
      thumbnail: 'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2609.22753.png',
    });
    expect(first?.abstract.startsWith('Natural-language service requests can require')).toBe(true);
  });

  it('leaves out the "unknown" submitter and a missing GitHub repository', () => {
    expect(result.papers.some((paper) => 'submittedBy' in paper)).toBe(false);
    const withoutRepo = result.papers.find((paper) => paper.id === '2610.02142');
    expect(withoutRepo && 'github' in withoutRepo).toBe(false);
  });

  it('keeps the abstracts as the plain text of the source', () => {
    for (const [index, paper] of result.papers.entries()) {
      expect(markdownToPlainText(paper.abstract)).toBe(
        abstractToPlainText(corpus[index]?.paper.summary ?? ''),
      );
    }
  });

  it('joins the paragraphs of a multi-paragraph summary into one', () => {
    const paper = result.papers.find((candidate) => candidate.id === '2610.02142');
    expect(paper?.abstract).toContain('(B4: 0.660 vs. 0.650). Verbatim-reproduction checks');
    expect(paper?.abstract).not.toContain('\n');
  });

  it('agrees with the arXiv feed of the same day on ids, titles, authors and abstracts', () => {
    const arxiv = parseArxivAtom(atomText, 'arxiv-2026-10-03.atom');
    expect(arxiv.papers.map((paper) => paper.id)).toEqual(result.papers.map((paper) => paper.id));
    for (const [index, paper] of result.papers.entries()) {
      const other = arxiv.papers[index];
      expect(other?.title).toBe(paper.title);
      expect(other?.authors).toEqual(paper.authors);
      expect(markdownToPlainText(other?.abstract ?? '')).toBe(markdownToPlainText(paper.abstract));
    }
  });
});

describe('parseHfDaily on one item', () => {
  it('takes everything the item says', () => {
    const paper = parseOne(
      {
        githubRepo: 'https://github.com/a/b',
        projectPage: 'https://example.org/project',
        ai_summary: '  A short\n summary. ',
        ai_keywords: ['LLM', ' llm ', 'agents', ''],
        submittedOnDailyBy: { name: 'someone-else' },
      },
      { submittedBy: { name: 'akhaliq', fullname: 'AK' }, thumbnail: 'https://example.org/t.png' },
    );
    expect(paper).toEqual({
      id: '2610.01092',
      title: 'A Title',
      authors: ['Ada Lovelace'],
      abstract: 'An abstract.',
      listedOn: '2026-10-03',
      published: '2026-10-01',
      upvotes: 3,
      comments: 2,
      github: 'https://github.com/a/b',
      projectPage: 'https://example.org/project',
      submittedBy: 'akhaliq',
      keywords: ['LLM', 'agents'],
      aiSummary: 'A short summary.',
      thumbnail: 'https://example.org/t.png',
    });
  });

  it('strips the version and URL from the id', () => {
    expect(parseOne({ id: '2610.01092v3' }).id).toBe('2610.01092');
    expect(parseOne({ id: 'https://arxiv.org/abs/hep-th/9901001v1' }).id).toBe('hep-th/9901001');
  });

  it('falls back to the item title, summary and submittedOnDailyAt', () => {
    const paper = parseOne(
      { title: null, summary: '', submittedOnDailyAt: '2026-10-02T08:00:00.000Z' },
      { title: 'Item Title', summary: 'Item summary.', publishedAt: undefined },
    );
    expect(paper).toMatchObject({ title: 'Item Title', abstract: 'Item summary.', listedOn: '2026-10-02' });
  });

  it('keeps authors who hid their profile and drops nameless and repeated ones', () => {
    const paper = parseOne({
      authors: [{ name: 'A One', hidden: true }, { name: '' }, { _id: 'x' }, 'B Two', { name: 'a  one' }],
    });
    expect(paper.authors).toEqual(['A One', 'B Two']);
  });

  it('drops links that are not http(s) without failing the paper', () => {
    const paper = parseOne(
      { githubRepo: 'javascript:alert(1)', projectPage: 'a/b' },
      { thumbnail: 'data:image/png;base64,AAAA' },
    );
    expect(paper).not.toHaveProperty('github');
    expect(paper).not.toHaveProperty('projectPage');
    expect(paper).not.toHaveProperty('thumbnail');
    expect(parseOne({ githubRepo: 'https://github.com/a/b\n<script>' })).not.toHaveProperty('github');
  });

  it('uses submittedOnDailyBy when submittedBy is unknown', () => {
    const paper = parseOne({ submittedOnDailyBy: { user: 'nielsr' } }, { submittedBy: { name: 'Unknown' } });
    expect(paper.submittedBy).toBe('nielsr');
  });

  it('ignores counts that are not whole numbers of 0 or more', () => {
    const paper = parseOne({ upvotes: -1 }, { numComments: 1.5 });
    expect(paper).not.toHaveProperty('upvotes');
    expect(paper).not.toHaveProperty('comments');
  });

  it('normalises a LaTeX title and escapes a hostile abstract', () => {
    const paper = parseOne({
      title: 'textbf{A}uxiliary Heads\n  for <script>',
      summary: '<script>alert(1)</script> [x](javascript:alert(1)) 50\\% *a*',
    });
    expect(paper.title).toBe(normalizeTitle('Auxiliary Heads for <script>'));
    expect(paper.abstract).toBe('\\<script>alert(1)\\</script> \\[x]\\(javascript:alert(1)) 50% \\*a\\*');
  });
});

describe('parseHfDaily problems', () => {
  it('reports bad items and keeps the others', () => {
    const result = parse([
      item({ id: '2610.00001' }),
      item({ id: '2610.00002', title: null }),
      item({ id: '../../etc/x' }),
      null,
      item({ id: 2610.00005 }),
      { title: 'no paper' },
      item({ id: '2610.00007', summary: '   ' }, { summary: undefined }),
      item({ id: '2610.00008', authors: 'Ada' }),
      item({ id: '2610.00009', title: '\u200B' }),
      item({ id: '2610.00010' }),
    ]);
    expect(result.papers.map((paper) => paper.id)).toEqual(['2610.00001', '2610.00010']);
    expect(result.problems).toEqual([
      { item: 'item 2 (2610.00002)', message: 'field "paper.title": expected non-empty text, got null' },
      {
        item: 'item 3',
        message: 'field "paper.id": expected an arXiv id such as 2610.01092, got "../../etc/x"',
      },
      { item: 'item 4', message: 'expected a daily-papers item (an object), got null' },
      {
        item: 'item 5',
        message: 'field "paper.id": expected an arXiv id such as 2610.01092, got number 2610.00005',
      },
      { item: 'item 6', message: 'field "paper": expected an object, got nothing' },
      { item: 'item 7 (2610.00007)', message: 'field "paper.summary": expected non-empty text, got "   "' },
      {
        item: 'item 8 (2610.00008)',
        message: 'field "paper.authors": expected a list of authors, got "Ada"',
      },
      { item: 'item 9 (2610.00009)', message: 'field "paper.title": expected non-empty text, got "\u200B"' },
    ]);
  });

  it('keeps the first of two items with the same id', () => {
    const result = parse([
      item({ title: 'First' }),
      item({ id: '2610.00002' }),
      item({ id: '2610.01092v2', title: 'Again' }),
    ]);
    expect(result.papers.map((paper) => paper.title)).toEqual(['First', 'A Title']);
    expect(result.problems).toEqual([
      { item: 'item 3 (2610.01092)', message: 'the same paper as item 1; kept item 1' },
    ]);
  });

  it('reads an empty array as no papers', () => {
    expect(parseHfDaily('[]', 'day.json')).toEqual({ papers: [], problems: [] });
  });
});

describe('parseHfDaily input errors', () => {
  it('names the input, the line and the column of malformed JSON', () => {
    expect(inputErrorOf(() => parseHfDaily('[\n  {"a": 1,\n  }\n]', 'day.json'))).toBe(
      'day.json: not valid JSON (Expected double-quoted property name at line 3, column 3)',
    );
    expect(inputErrorOf(() => parseHfDaily('nope', 'day.json'))).toBe(
      "day.json: not valid JSON (Unexpected token 'o')",
    );
    expect(inputErrorOf(() => parseHfDaily('', 'day.json'))).toBe(
      'day.json: not valid JSON (Unexpected end of JSON input)',
    );
    expect(inputErrorOf(() => parseHfDaily('<!DOCTYPE html><html></html>', 'day.json'))).toBe(
      "day.json: not valid JSON (Unexpected token '<')",
    );
  });

  it('says what it got instead of an array', () => {
    expect(inputErrorOf(() => parseHfDaily('{"error": "Invalid date"}', 'day.json'))).toBe(
      'day.json: expected a JSON array of daily papers, got an object',
    );
    expect(inputErrorOf(() => parseHfDaily('null', 'day.json'))).toBe(
      'day.json: expected a JSON array of daily papers, got null',
    );
    expect(inputErrorOf(() => parseHfDaily('"text"', 'day.json'))).toBe(
      'day.json: expected a JSON array of daily papers, got "text"',
    );
  });
});

describe('an abstract far longer than any real one', () => {
  it('is reported for its item, and the other items still come through', () => {
    const item = (id: string, summary: string) => ({
      paper: {
        id,
        title: `Paper ${id}`,
        summary,
        authors: [{ name: 'A' }],
        publishedAt: '2026-10-01T00:00:00.000Z',
      },
      publishedAt: '2026-10-03T00:00:00.000Z',
    });
    const result = parseHfDaily(
      JSON.stringify([item('2610.00001', 'x '.repeat(20_000)), item('2610.00002', 'Short.')]),
      'day.json',
    );
    expect(result.papers.map((p) => p.id)).toEqual(['2610.00002']);
    expect(result.problems).toEqual([
      {
        item: 'item 1 (2610.00001)',
        message: 'field "abstract": expected at most 20000 characters, got 40000',
      },
    ]);
  });
});
