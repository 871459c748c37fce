import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { papers } from '../helpers/cli.ts';
import { jsonReply, startFixtureServer, atomReply } from '../helpers/fixture-server.ts';
import { fileTexts } from '../helpers/file-tree.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const CORPUS = path.resolve(import.meta.dirname, '../fixtures/corpus');
const HF_DAY = path.join(CORPUS, 'hf-daily-2026-10-03.json');
const ATOM_DAY = path.join(CORPUS, 'arxiv-2026-10-03.atom');
const LISTING = path.join(CORPUS, '000_ec3534d374c01979.txt');

async function hfItems(): Promise<Record<string, unknown>[]> {
  return JSON.parse(await readFile(HF_DAY, 'utf8')) as Record<string, unknown>[];
}

async function writeJson(dir: string, name: string, value: unknown): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, JSON.stringify(value));
  return file;
}

/** Runs `papers ingest hf` on these items, written to a file of their own. */
async function ingestHfItems(items: unknown[], content: string) {
  return papers([
    'ingest',
    'hf',
    '--file',
    await writeJson(await tempDir(), 'day.json', items),
    '--content-dir',
    content,
  ]);
}

describe('papers ingest hf --file', () => {
  it('writes one valid file per paper under the listing day, and nothing on a second run', async () => {
    const content = await tempDir();
    const first = await papers(['ingest', 'hf', '--file', HF_DAY, '--content-dir', content]);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toBe('2026-10-03: 50 new, 0 updated, 0 unchanged; wrote 50 files');
    const written = await fileTexts(content, { missingIsEmpty: true });
    expect(Object.keys(written)).toHaveLength(50);
    expect(Object.keys(written).every((f) => f.startsWith('papers/2026/10/03/'))).toBe(true);
    expect(written['papers/2026/10/03/2610.01092.md']).toContain('id: "2610.01092"');

    const second = await papers(['ingest', 'hf', '--file', HF_DAY, '--content-dir', content]);
    expect(second.stdout).toBe('2026-10-03: 0 new, 0 updated, 50 unchanged; wrote 0 files');
    expect(await fileTexts(content, { missingIsEmpty: true })).toEqual(written);
    expect(await papers(['validate', '--content-dir', content])).toMatchObject({ code: 0 });
  });

  it('leaves a paper whose file was broken by hand as it is, and says how to see every problem', async () => {
    const content = await tempDir();
    await papers(['ingest', 'hf', '--file', HF_DAY, '--content-dir', content]);
    const file = path.join(content, 'papers/2026/10/03/2610.01092.md');
    const broken = (await readFile(file, 'utf8')).replace(/^upvotes: .*$/m, 'upvotes: many');
    await writeFile(file, broken);
    const again = await papers(['ingest', 'hf', '--file', HF_DAY, '--content-dir', content]);
    expect(again.stderr).toBe(
      'skipped paper 2610.01092: its file is invalid, so it was left alone: papers/2026/10/03/2610.01092.md: field "upvotes": expected a whole number, got "many" (papers validate lists every problem of the content)',
    );
    expect(again.stdout).toBe('2026-10-03: 0 new, 0 updated, 49 unchanged, 1 skipped; wrote 0 files');
    expect(await readFile(file, 'utf8')).toBe(broken);
  });

  it('updates what the source owns and keeps what a person edited', async () => {
    const content = await tempDir();
    await papers(['ingest', 'hf', '--file', HF_DAY, '--content-dir', content]);
    const file = path.join(content, 'papers/2026/10/03/2610.01092.md');
    const original = await readFile(file, 'utf8');
    const edited = original
      .replace('title: "Ego2Act:', 'topics:\n  - robotics\ntitle: "Ego2Act (corrected):')
      .replace('Video generation models are', 'EDITED. Video generation models are');
    await writeFile(file, edited);

    const items = await hfItems();
    const item = items.find((i) => (i['paper'] as { id: string }).id === '2610.01092')!;
    Object.assign(item['paper'] as object, {
      upvotes: 42,
      title: 'Ego2Act v2',
      projectPage: 'https://ego2act.github.io',
    });
    item['numComments'] = 7;
    const result = await ingestHfItems(items, content);
    expect(result.stdout).toBe('2026-10-03: 0 new, 1 updated, 49 unchanged; wrote 1 file');

    const after = await readFile(file, 'utf8');
    expect(after).toContain('upvotes: 42');
    expect(after).toContain('comments: 7');
    expect(after).toContain('projectPage: https://ego2act.github.io');
    expect(after).toContain('Ego2Act (corrected):');
    expect(after).not.toContain('Ego2Act v2');
    expect(after).toMatch(/topics:\n {2}- robotics/);
    expect(after).toContain('EDITED. Video generation models are');
  });

  it('keeps a paper listed again on a later day in its first day’s file, and says so', async () => {
    const content = await tempDir();
    const input = await tempDir();
    await papers(['ingest', 'hf', '--file', HF_DAY, '--content-dir', content]);
    const later = (await hfItems())
      .slice(0, 2)
      .map((item) => ({ ...item, publishedAt: '2026-10-05T00:00:00.000Z' }));
    const result = await papers([
      'ingest',
      'hf',
      '--file',
      await writeJson(input, 'later.json', later),
      '--content-dir',
      content,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      '2609.22753: listed again on 2026-10-05; it stays on its first day, 2026-10-03',
    );
    expect(
      Object.keys(await fileTexts(content, { missingIsEmpty: true })).some((f) => f.includes('2026/10/05')),
    ).toBe(false);
  });

  it('reports a bad paper, skips it and writes the good ones', async () => {
    const content = await tempDir();
    const items = (await hfItems()).slice(0, 3);
    (items[1]!['paper'] as Record<string, unknown>)['title'] = null;
    delete items[1]!['title'];
    (items[2]!['paper'] as Record<string, unknown>)['id'] = '../../etc/x';
    const result = await ingestHfItems(items, content);
    expect(result.code).toBe(0);
    expect(result.stderr.split('\n')).toEqual([
      'skipped item 2 (2610.01092): field "paper.title": expected non-empty text, got null',
      expect.stringMatching(/^skipped item 3: field "paper.id": expected an arXiv id/),
    ]);
    expect(Object.keys(await fileTexts(content, { missingIsEmpty: true }))).toEqual([
      'papers/2026/10/03/2609.22753.md',
    ]);
  });

  it('skips papers whose fields pass the size limits, naming the field, and writes the others', async () => {
    const content = await tempDir();
    const items = (await hfItems()).slice(0, 4);
    const paperOf = (index: number) => items[index]!['paper'] as Record<string, unknown>;
    paperOf(1)['title'] = 'T'.repeat(1_000_000);
    delete items[1]!['title'];
    paperOf(2)['authors'] = Array.from({ length: 20_000 }, (_, i) => ({ name: `Author ${i}` }));
    paperOf(3)['ai_summary'] = 'S'.repeat(1_000_000);
    const result = await ingestHfItems(items, content);
    expect(result.code).toBe(0);
    expect(result.stderr.split('\n')).toEqual([
      expect.stringMatching(
        /^skipped paper 2610\.01092: field "title": expected at most 1,000 characters, got "T{57}\.\.\." \(1,000,000 characters\)$/,
      ),
      expect.stringMatching(
        /^skipped paper \S+: field "authors": expected at most 10,000 entries, got a list of 20,000$/,
      ),
      expect.stringMatching(
        /^skipped paper \S+: field "aiSummary": expected at most 5,000 characters, got "S{57}\.\.\." \(1,000,000 characters\)$/,
      ),
    ]);
    expect(Object.keys(await fileTexts(content, { missingIsEmpty: true }))).toEqual([
      'papers/2026/10/03/2609.22753.md',
    ]);
  });

  it('fails when no item could be used, rather than saying the day had no papers', async () => {
    const content = await tempDir();
    const items = (await hfItems()).slice(0, 2).map((item) => ({ ...item, paper: { title: 'no id' } }));
    const result = await ingestHfItems(items, content);
    expect(result).toMatchObject({
      code: 1,
      stdout: 'no day: 0 new, 0 updated, 0 unchanged, 2 skipped; wrote 0 files',
    });
    expect(result.stderr.split('\n')).toHaveLength(2);
  });

  it('writes nothing for a day with no papers, and says so', async () => {
    const content = await tempDir();
    const input = await tempDir();
    const result = await papers([
      'ingest',
      'hf',
      '--file',
      await writeJson(input, 'empty.json', []),
      '--content-dir',
      content,
    ]);
    expect(result).toMatchObject({
      code: 0,
      stdout: `${path.join(input, 'empty.json')}: no papers for this day; nothing written`,
    });
    expect(Object.keys(await fileTexts(content, { missingIsEmpty: true })).length).toBe(0);
  });

  it('leaves the content folder as it was when a write fails in the middle of a day', async () => {
    const content = await tempDir();
    // A folder where one paper's file must go makes its rename fail after
    // other files of the day were already staged.
    await mkdir(path.join(content, 'papers/2026/10/03/2610.02142.md'), { recursive: true });
    await writeFile(path.join(content, 'papers/2026/10/03/2610.02142.md/hand-made.txt'), 'mine');
    const before = await fileTexts(content, { missingIsEmpty: true });
    const result = await papers(['ingest', 'hf', '--file', HF_DAY, '--content-dir', content]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^papers: papers\/2026\/10\/03\/2610\.02142\.md: cannot write it \(E\w+\); nothing was changed$/,
    );
    expect(await fileTexts(content, { missingIsEmpty: true })).toEqual(before);
    const leftovers = await readdir(path.join(content, 'papers/2026/10/03'));
    expect(leftovers).toEqual(['2610.02142.md']);
  });
});

describe('papers ingest arxiv and text', () => {
  it('adds arXiv categories to papers already ingested from Hugging Face', async () => {
    const content = await tempDir();
    await papers(['ingest', 'hf', '--file', HF_DAY, '--content-dir', content]);
    const result = await papers([
      'ingest',
      'arxiv',
      '--file',
      ATOM_DAY,
      '--date',
      '2026-10-03',
      '--content-dir',
      content,
    ]);
    expect(result.stdout).toBe('2026-10-03: 0 new, 50 updated, 0 unchanged; wrote 50 files');
    const text = await readFile(path.join(content, 'papers/2026/10/03/2610.01092.md'), 'utf8');
    expect(text).toContain('primaryCategory: cs.LG');
    expect(text).toContain('source: hf');
  });

  it('reads every paper of a copied listing page with its whole abstract', async () => {
    const content = await tempDir();
    const result = await papers([
      'ingest',
      'text',
      '--file',
      LISTING,
      '--date',
      '2025-03-14',
      '--content-dir',
      content,
    ]);
    expect(result).toMatchObject({
      code: 0,
      stderr: '',
      stdout: '2025-03-14: 33 new, 0 updated, 0 unchanged; wrote 33 files',
    });
    const files = await fileTexts(content, { missingIsEmpty: true });
    const first = files['papers/2025/03/14/intriguing-properties-of-adversarial-examples.md'];
    expect(first).toContain('title: Intriguing Properties of Adversarial Examples');
    expect(first).toContain('compared to previous attempts.\n');
    expect(await papers(['validate', '--content-dir', content])).toMatchObject({ code: 0 });
  });

  it('refuses a --date that contradicts the page’s date line', async () => {
    const content = await tempDir();
    const result = await papers([
      'ingest',
      'text',
      '--file',
      LISTING,
      '--date',
      '2025-03-15',
      '--content-dir',
      content,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^papers: .*000_ec3534d374c01979\.txt: .*Mar 14.*2025-03-15/);
    expect(Object.keys(await fileTexts(content, { missingIsEmpty: true })).length).toBe(0);
  });
});

describe('papers ingest over HTTP', () => {
  it('follows the Hugging Face API’s pages', async () => {
    const items = await hfItems();
    const server = await startFixtureServer((request) => {
      const page = Number(request.query['p']);
      const limit = Number(request.query['limit']);
      return jsonReply(items.slice(page * limit, (page + 1) * limit));
    });
    try {
      const content = await tempDir();
      const endpoint = server.url('/api/daily_papers');
      const result = await papers(['ingest', 'hf', '--date', '2026-10-03', '--content-dir', content], {
        PAPERS_HF_ENDPOINT: endpoint,
      });
      expect(result.stdout).toBe('2026-10-03: 50 new, 0 updated, 0 unchanged; wrote 50 files');
      expect(server.requests[0]?.query).toMatchObject({ date: '2026-10-03', p: '0' });
      expect(server.requests[0]?.headers['user-agent']).toBe('daily-papers-tests');
    } finally {
      await server.close();
    }
  });

  it('retries a 500 and then succeeds', async () => {
    const items = (await hfItems()).slice(0, 2);
    const server = await startFixtureServer([{ status: 500 }, jsonReply(items), jsonReply([])]);
    try {
      const content = await tempDir();
      const result = await papers([
        'ingest',
        'hf',
        '--date',
        '2026-10-03',
        '--endpoint',
        server.url('/api'),
        '--content-dir',
        content,
      ]);
      expect(result.stdout).toBe('2026-10-03: 2 new, 0 updated, 0 unchanged; wrote 2 files');
      expect(server.requests).toHaveLength(3);
    } finally {
      await server.close();
    }
  });

  it('stops at a 404 with one line naming the URL, and writes nothing', async () => {
    const server = await startFixtureServer([{ status: 404 }]);
    try {
      const content = await tempDir();
      const endpoint = server.url('/api');
      const result = await papers([
        'ingest',
        'hf',
        '--date',
        '2026-10-03',
        '--endpoint',
        endpoint,
        '--content-dir',
        content,
      ]);
      expect(result).toMatchObject({
        code: 1,
        stdout: '',
        stderr: `papers: GET ${endpoint}?date=2026-10-03&p=0&limit=100: HTTP 404 Not Found`,
      });
      expect(Object.keys(await fileTexts(content, { missingIsEmpty: true })).length).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('fetches papers by id from the arXiv API', async () => {
    const atom = await readFile(ATOM_DAY, 'utf8');
    const server = await startFixtureServer([atomReply(atom)]);
    try {
      const content = await tempDir();
      const result = await papers(
        [
          'ingest',
          'arxiv',
          '--ids',
          '2610.01092v2,2609.22753',
          '--date',
          '2026-10-03',
          '--content-dir',
          content,
        ],
        { PAPERS_ARXIV_ENDPOINT: server.url('/api/query') },
      );
      expect(result.code).toBe(0);
      expect(server.requests[0]?.query['id_list']).toBe('2610.01092,2609.22753');
      // The fixture answers with the whole day; every paper it returns is written.
      expect(result.stdout).toBe('2026-10-03: 50 new, 0 updated, 0 unchanged; wrote 50 files');
    } finally {
      await server.close();
    }
  });
});

describe('bad input: one line, the input named, nothing written', () => {
  const cases: [string, (dir: string) => Promise<string[]>, RegExp | string][] = [
    [
      'malformed JSON',
      async (dir) => ['ingest', 'hf', '--file', await writeText(dir, 'bad.json', '[{"paper": ')],
      /^papers: .*bad\.json: not valid JSON \(.+\)$/,
    ],
    [
      'JSON of the wrong shape',
      async (dir) => ['ingest', 'hf', '--file', await writeText(dir, 'obj.json', '{"papers": []}')],
      /^papers: .*obj\.json: expected a JSON array of daily papers, got an object$/,
    ],
    [
      'malformed XML',
      async (dir) => [
        'ingest',
        'arxiv',
        '--file',
        await writeText(dir, 'bad.atom', '<feed><entry>'),
        '--date',
        '2026-10-03',
      ],
      /^papers: .*bad\.atom: /,
    ],
    [
      'a missing file',
      async (dir) => ['ingest', 'hf', '--file', path.join(dir, 'nope.json')],
      /^papers: .*nope\.json: no such file$/,
    ],
    [
      'an invalid date',
      async () => ['ingest', 'hf', '--date', '2026-02-30'],
      'papers: --date: expected a day as YYYY-MM-DD, got "2026-02-30"',
    ],
    [
      'a repeated --date, of which parseArgs kept the last',
      async () => ['ingest', 'hf', '--date', '2026-10-03', '--date', '2026-10-04'],
      'papers: --date given more than once; give it once (see "papers ingest --help")',
    ],
    [
      'an unknown source',
      async () => ['ingest', 'rss', '--date', '2026-02-03'],
      'papers: unknown source "rss": expected hf, arxiv or text',
    ],
    [
      'an unknown option',
      async () => ['ingest', 'hf', '--dat', '2026-02-03'],
      /^papers: Unknown option '--dat'/,
    ],
    [
      'arxiv without a date',
      async () => ['ingest', 'arxiv', '--ids', '2610.01092'],
      /^papers: arxiv: expected --date/,
    ],
    [
      'an id that is not one',
      async () => ['ingest', 'arxiv', '--ids', '../../etc/x', '--date', '2026-10-03'],
      'papers: --ids: "../../etc/x" is not an arXiv id such as 2610.01092',
    ],
    [
      'a text page without a date line',
      async (dir) => [
        'ingest',
        'text',
        '--file',
        await writeText(dir, 'p.txt', 'Title\n\nAbstract.'),
        '--date',
        '2026-10-03',
      ],
      /^papers: .*p\.txt: expected a date line such as "Mar 14"/,
    ],
  ];

  it.each(cases)('%s', async (_name, makeArgs, expected) => {
    const content = await tempDir();
    const input = await tempDir();
    const result = await papers([...(await makeArgs(input)), '--content-dir', content], {
      PAPERS_HF_ENDPOINT: 'http://127.0.0.1:9/unused',
    });
    expect(result.code).toBeGreaterThan(0);
    expect(result.stderr.split('\n')).toHaveLength(1);
    if (typeof expected === 'string') expect(result.stderr).toBe(expected);
    else expect(result.stderr).toMatch(expected);
    expect(Object.keys(await fileTexts(content, { missingIsEmpty: true })).length).toBe(0);
  });
});

/** Writes papers/2026/10/03/2610.00001.md by hand: these front matter lines, the id, day and source, and the body. */
async function writeHandPaper(content: string, fields: string[], body: string): Promise<void> {
  await mkdir(path.join(content, 'papers/2026/10/03'), { recursive: true });
  await writeFile(
    path.join(content, 'papers/2026/10/03/2610.00001.md'),
    ['---', 'id: "2610.00001"', ...fields, 'date: "2026-10-03"', 'source: hf', '---', '', body, ''].join(
      '\n',
    ),
  );
}

async function writeText(dir: string, name: string, text: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, text);
  return file;
}

describe('papers validate', () => {
  it('reports every problem with file, field, expectation and value', async () => {
    const content = await tempDir();
    await cp(path.resolve(import.meta.dirname, '../fixtures/invalid-content'), content, { recursive: true });
    const result = await papers(['validate', '--content-dir', content]);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n').sort()).toEqual(
      [
        'papers/2026/10/03/2610.00001.md: field "date": expected a day as YYYY-MM-DD, got "2026-13-01"',
        'papers/2026/10/03/2610.00001.md: field "upvotes": expected a whole number, got "many"',
        'papers/2026/10/03/2610.00002.md: front matter in "js" is not allowed; use YAML between --- lines',
        'papers/2026/10/03/2610.00003.md: field "id": expected "2610.00003" (the file name), got "2610.00009"',
        'papers/2026/10/03/2610.00004.md: field "github": expected an http(s) URL, got "javascript:alert(1)"',
        'papers/2026/10/03/2610.00004.md: field "id": expected an arXiv id such as 2610.01092 (quoted) or a slug, got number 2610.00004',
      ].sort(),
    );
    expect(result.stdout).toBe('4 paper files checked: 6 problems');
  });

  it('refuses control and bidi override characters written by hand, naming file and field', async () => {
    const content = await tempDir();
    await writeHandPaper(
      content,
      ['title: "Red \\e[31mtitle\\0"', 'authors: ["Ann \u202eevil"]'],
      'An abstract.',
    );
    const result = await papers(['validate', '--content-dir', content]);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n').sort()).toEqual(
      [
        'papers/2026/10/03/2610.00001.md: field "authors.0": expected text without control, bidi override or noncharacter characters (found U+202E), got "Ann \\u202eevil"',
        'papers/2026/10/03/2610.00001.md: field "title": expected text without control, bidi override or noncharacter characters (found U+001B), got "Red \\u001b[31mtitle\\u0000"',
      ].sort(),
    );
    expect(result.stdout).toBe('1 paper file checked: 2 problems');
  });

  it('refuses hand-written fields and abstracts past the size limits, naming file and field', async () => {
    const content = await tempDir();
    await writeHandPaper(
      content,
      [
        'title: A paper',
        `aiSummary: ${'s'.repeat(6_000)}`,
        `keywords: [${Array.from({ length: 300 }, (_, i) => `k${i}`).join(', ')}]`,
      ],
      'An abstract.',
    );
    const result = await papers(['validate', '--content-dir', content]);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n').sort()).toEqual(
      [
        `papers/2026/10/03/2610.00001.md: field "aiSummary": expected at most 5,000 characters, got "${'s'.repeat(57)}..." (6,000 characters)`,
        'papers/2026/10/03/2610.00001.md: field "keywords": expected at most 200 entries, got a list of 300',
      ].sort(),
    );
    await writeHandPaper(content, ['title: A paper'], 'a'.repeat(50_000));
    expect(await papers(['validate', '--content-dir', content])).toMatchObject({
      code: 1,
      stderr:
        'papers/2026/10/03/2610.00001.md: body: expected an abstract of at most 40,000 characters, got 50,000',
    });
  });

  it('names a file at another depth under papers/, which the build does not read', async () => {
    const content = await tempDir();
    await papers(['ingest', 'hf', '--file', HF_DAY, '--content-dir', content]);
    const paper = await readFile(path.join(content, 'papers/2026/10/03/2610.01092.md'), 'utf8');
    await mkdir(path.join(content, 'papers/2026/10/03/sub'));
    await writeFile(path.join(content, 'papers/2026/10/03/sub/2610.01092.md'), paper);
    const result = await papers(['validate', '--content-dir', content]);
    expect(result).toEqual({
      code: 1,
      stdout: '50 paper files checked: 1 problem',
      stderr:
        'papers/2026/10/03/sub/2610.01092.md: not a paper file: under papers/ only papers/YYYY/MM/DD/<id>.md is read; move it to its day folder, or out of papers/',
    });
  });
});
