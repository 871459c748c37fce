/**
 * `papers daily` and `papers backfill` against a local server that plays
 * the Hugging Face API. One test runs the real build; the failure cases
 * stop before it, and must leave content and the published site untouched.
 */
import { statSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentFingerprint, STAMP_FILE } from '../../src/lib/publish/fingerprint.ts';
import { papers } from '../helpers/cli.ts';
import { jsonReply, startFixtureServer, type Reply } from '../helpers/fixture-server.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const HF_DAY = path.join(ROOT, 'test/fixtures/corpus/hf-daily-2026-10-03.json');

async function dayItems(count: number, listedOn = '2026-10-03'): Promise<unknown[]> {
  const items = JSON.parse(await readFile(HF_DAY, 'utf8')) as Record<string, unknown>[];
  return items.slice(0, count).map((item) => ({ ...item, publishedAt: `${listedOn}T00:00:00.000Z` }));
}

/** A content folder with the taxonomy and nothing else, and a published site to protect. */
async function workspace() {
  const root = await tempDir();
  const content = path.join(root, 'content');
  const dist = path.join(root, 'dist');
  await mkdir(content);
  await copyFile(path.join(ROOT, 'content/topics.yaml'), path.join(content, 'topics.yaml'));
  await mkdir(dist);
  await writeFile(path.join(dist, 'index.html'), '<p>last good build</p>');
  return { root, content, dist, build: path.join(root, 'build') };
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, file)] = await readFile(file, 'utf8');
  }
  return out;
}

async function withServer<T>(
  script: Parameters<typeof startFixtureServer>[0],
  run: (endpoint: string) => Promise<T>,
) {
  const server = await startFixtureServer(script);
  try {
    return await run(server.url('/api/daily_papers'));
  } finally {
    await server.close();
  }
}

type Workspace = Awaited<ReturnType<typeof workspace>>;

function places(ws: Workspace): string[] {
  return ['--content-dir', ws.content, '--out-dir', ws.dist, '--build-dir', ws.build];
}

function daily(ws: Workspace, endpoint: string, ...extra: string[]) {
  return papers(['daily', '--date', '2026-10-03', ...places(ws), ...extra], {
    PAPERS_HF_ENDPOINT: endpoint,
    SITE_URL: 'https://example.org',
  });
}

describe('papers daily', () => {
  it('publishes a normal day: content, then a full build swapped in; a second run changes nothing', async () => {
    const ws = await workspace();
    const items = await dayItems(4);
    await withServer(
      () => jsonReply(items),
      async (endpoint) => {
        const first = await daily(ws, endpoint);
        expect(first.stderr).toBe('');
        expect(first.code).toBe(0);
        expect(first.stdout).toContain('2026-10-03: 4 new, 0 updated, 0 unchanged; wrote 4 files');
        expect(first.stdout).toContain(`published 2026-10-03 to ${ws.dist}`);
        const published = await snapshot(ws.dist);
        expect(published['index.html']).toMatch(/Papers of <time[^>]*>3 October 2026/);
        expect(Object.keys(published)).toEqual(
          expect.arrayContaining(['feeds/all.xml', '_headers', 'papers/2609.22753/index.html']),
        );
        expect(published).toEqual(await snapshot(ws.build));
        // The site it replaced is kept beside it, for the next publish to bring up to date.
        expect(await snapshot(`${ws.dist}.next`)).toEqual({ 'index.html': '<p>last good build</p>' });
        const contentBefore = await snapshot(ws.content);
        const distTime = (await stat(path.join(ws.dist, 'index.html'))).mtimeMs;

        const second = await daily(ws, endpoint);
        expect(second).toMatchObject({ code: 0, stderr: '' });
        expect(second.stdout).toContain('0 new, 0 updated, 4 unchanged; wrote 0 files');
        expect(second.stdout).toContain('is up to date; nothing to build');
        expect(await snapshot(ws.content)).toEqual(contentBefore);
        expect((await stat(path.join(ws.dist, 'index.html'))).mtimeMs).toBe(distTime);
      },
    );
    // The next day is built in the kept build folder and swapped in; the day before is kept beside it.
    const before = await snapshot(ws.dist);
    const nextDay = (await dayItems(6, '2026-10-06')).slice(4);
    await withServer(
      () => jsonReply(nextDay),
      async (endpoint) => {
        const third = await papers(['daily', '--date', '2026-10-06', ...places(ws)], {
          PAPERS_HF_ENDPOINT: endpoint,
          SITE_URL: 'https://example.org',
        });
        expect(third).toMatchObject({ code: 0, stderr: '' });
        expect(third.stdout).toContain(`published 2026-10-06 to ${ws.dist}`);
      },
    );
    const after = await snapshot(ws.dist);
    expect(after['index.html']).toMatch(/Papers of <time[^>]*>6 October 2026/);
    expect(after).toEqual(await snapshot(ws.build));
    expect(await snapshot(`${ws.dist}.next`)).toEqual(before);
    expect(Object.keys(after).filter((file) => after[file] !== before[file]).length).toBeLessThan(
      Object.keys(after).length / 2,
    );
  });

  it('publishes the kept build without building again, as hard links with --link', async () => {
    const ws = await workspace();
    await mkdir(ws.build);
    await writeFile(path.join(ws.build, 'index.html'), '<p>built</p>');
    const stamp = await contentFingerprint(
      ws.content,
      JSON.stringify({ site: 'https://example.org', base: '' }),
    );
    await writeFile(path.join(ws.build, STAMP_FILE), `${stamp}\n`);
    await rm(ws.dist, { recursive: true });
    const result = await papers(['publish', '--link', ...places(ws)], { SITE_URL: 'https://example.org' });
    expect(result).toMatchObject({
      code: 0,
      stderr: '',
      stdout: `published the last build of this content to ${ws.dist}`,
    });
    const [built, published] = [ws.build, ws.dist].map((dir) => statSync(path.join(dir, 'index.html')));
    expect(published?.ino).toBe(built?.ino);
    expect(await snapshot(ws.dist)).toEqual(await snapshot(ws.build));
  });

  it.each<[string, Reply, RegExp]>([
    [
      'a server error that outlasts the retries',
      { status: 503, headers: { 'Retry-After': '0' } },
      /HTTP 503 Service Unavailable after 5 attempts; content and .* were left as they were$/,
    ],
    [
      'malformed JSON',
      { status: 200, headers: { 'Content-Type': 'application/json' }, body: '[{"paper": ' },
      /expected a JSON array, got invalid JSON/,
    ],
  ])('leaves content and the last good build untouched on %s', async (_name, reply, message) => {
    const ws = await workspace();
    const before = { content: await snapshot(ws.content), dist: await snapshot(ws.dist) };
    await withServer(
      () => reply,
      async (endpoint) => {
        const result = await daily(ws, endpoint);
        expect(result.code).toBe(1);
        expect(result.stderr.split('\n')).toEqual([expect.stringMatching(message)]);
      },
    );
    expect({ content: await snapshot(ws.content), dist: await snapshot(ws.dist) }).toEqual(before);
  });

  it('treats a day without papers as normal: exit 0, nothing changed', async () => {
    const ws = await workspace();
    const before = { content: await snapshot(ws.content), dist: await snapshot(ws.dist) };
    await withServer(
      () => jsonReply([]),
      async (endpoint) => {
        const result = await daily(ws, endpoint);
        expect(result).toMatchObject({
          code: 0,
          stderr: '',
          stdout: '2026-10-03: no papers listed (weekends have none); nothing changed',
        });
      },
    );
    expect({ content: await snapshot(ws.content), dist: await snapshot(ws.dist) }).toEqual(before);
  });

  it('refuses to build when content is invalid, naming the file', async () => {
    const ws = await workspace();
    await mkdir(path.join(ws.content, 'papers/2026/10/01'), { recursive: true });
    await writeFile(path.join(ws.content, 'papers/2026/10/01/2610.00001.md'), '---js\n1\n---\nx\n');
    const items = await dayItems(1);
    await withServer(
      () => jsonReply(items),
      async (endpoint) => {
        const result = await daily(ws, endpoint);
        expect(result.code).toBe(1);
        expect(result.stderr).toContain(
          'papers/2026/10/01/2610.00001.md: front matter in "js" is not allowed',
        );
        expect(result.stderr).toMatch(/1 content problem\(s\) \(see above\); .* was left as it was$/);
      },
    );
    expect(await snapshot(ws.dist)).toEqual({ 'index.html': '<p>last good build</p>' });
  });
});

describe('papers backfill', () => {
  it('ingests a range, records finished days, and resumes after a failure without redoing them', async () => {
    const ws = await workspace();
    const byDay: Record<string, unknown[]> = {
      '2026-10-01': await dayItems(2, '2026-10-01'),
      '2026-10-02': [],
      '2026-10-03': (await dayItems(5, '2026-10-03')).slice(2),
    };
    let failThirdDay = true;
    const requested: string[] = [];
    const script = (request: { query: Record<string, string> }): Reply => {
      const date = request.query['date'] ?? '';
      requested.push(date);
      if (date === '2026-10-03' && failThirdDay) return { status: 404 };
      return jsonReply(byDay[date] ?? []);
    };
    await withServer(script, async (endpoint) => {
      const args = [
        'backfill',
        '--from',
        '2026-10-01',
        '--to',
        '2026-10-03',
        '--delay-ms',
        '0',
        '--content-dir',
        ws.content,
      ];
      const first = await papers(args, { PAPERS_HF_ENDPOINT: endpoint });
      expect(first.code).toBe(1);
      expect(first.stderr).toMatch(/^2026-10-03: failed: GET .*HTTP 404 Not Found$/);
      expect(first.stdout.split('\n').at(-1)).toBe(
        'backfill 2026-10-01..2026-10-03: 3 days: 2 ingested (2 papers), 0 skipped (already complete), 1 failed',
      );
      const state = JSON.parse(await readFile(path.join(ws.content, '.ingest-state.json'), 'utf8'));
      expect(state).toEqual({ version: 1, days: { '2026-10-01': 2, '2026-10-02': 0 } });

      failThirdDay = false;
      requested.length = 0;
      const second = await papers(args, { PAPERS_HF_ENDPOINT: endpoint });
      expect(second).toMatchObject({ code: 0 });
      expect(second.stdout).toContain(
        '3 days: 1 ingested (3 papers), 2 skipped (already complete), 0 failed',
      );
      expect(requested).toEqual(['2026-10-03']);
      expect(Object.keys(await snapshot(path.join(ws.content, 'papers'))).sort()).toHaveLength(5);
    });
  });

  it('refuses a backwards range', async () => {
    const result = await papers(['backfill', '--from', '2026-10-03', '--to', '2026-10-01']);
    expect(result).toMatchObject({ code: 2, stderr: 'papers: --from 2026-10-03 is after --to 2026-10-01' });
  });
});
