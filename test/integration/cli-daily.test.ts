/**
 * `papers daily` and `papers backfill` against a local server that plays
 * the Hugging Face API. One test runs the real build; the failure cases
 * stop before it, and must leave content and the published site untouched.
 */
import { statSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STAMP_FILE } from '../../src/lib/publish/fingerprint.ts';
import { markOwned } from '../../src/lib/publish/owned.ts';
import { papers, publishStamp, siteEnv as workspaceEnv } from '../helpers/cli.ts';
import { jsonReply, startFixtureServer, type Reply } from '../helpers/fixture-server.ts';
import { folderStamps } from '../helpers/built-site.ts';
import { fileTexts } from '../helpers/file-tree.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const HF_DAY = path.join(ROOT, 'test/fixtures/corpus/hf-daily-2026-10-03.json');

async function dayItems(count: number, listedOn = '2026-10-03'): Promise<unknown[]> {
  const items = JSON.parse(await readFile(HF_DAY, 'utf8')) as Record<string, unknown>[];
  return items.slice(0, count).map((item) => ({ ...item, publishedAt: `${listedOn}T00:00:00.000Z` }));
}

/** A content folder with the taxonomy and nothing else, and a published site (marked as papers's) to protect. */
async function workspace() {
  const root = await tempDir();
  const content = path.join(root, 'content');
  const dist = path.join(root, 'dist');
  await mkdir(content);
  await copyFile(path.join(ROOT, 'content/topics.yaml'), path.join(content, 'topics.yaml'));
  await mkdir(dist);
  await writeFile(path.join(dist, 'index.html'), '<p>last good build</p>');
  markOwned(dist);
  return { root, content, dist, build: path.join(root, 'build') };
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

/** The site's settings, and caches of the workspace's own rather than the project's. */
function siteEnv(ws: Workspace): Record<string, string> {
  return workspaceEnv(ws.root);
}

function daily(ws: Workspace, endpoint: string, ...extra: string[]) {
  return papers(['daily', '--date', '2026-10-03', ...places(ws), ...extra], {
    ...siteEnv(ws),
    PAPERS_HF_ENDPOINT: endpoint,
  });
}

describe('papers daily', () => {
  it('publishes a normal day: content, then a full build swapped in; a second run changes nothing', async () => {
    const ws = await workspace();
    const lastGood = await fileTexts(ws.dist);
    let dayOne = new Map<string, string>();
    let builtDayOne = new Map<string, string>();
    const items = await dayItems(4);
    await withServer(
      () => jsonReply(items),
      async (endpoint) => {
        const first = await daily(ws, endpoint);
        expect(first.stderr).toBe('');
        expect(first.code).toBe(0);
        expect(first.stdout).toContain('2026-10-03: 4 new, 0 updated, 0 unchanged; wrote 4 files');
        expect(first.stdout).toContain(`published 2026-10-03 to ${ws.dist}`);
        const published = await fileTexts(ws.dist);
        expect(published['index.html']).toMatch(/Papers of <time[^>]*>3 October 2026/);
        expect(Object.keys(published)).toEqual(
          expect.arrayContaining(['feeds/all.xml', '_headers', 'papers/2609.22753/index.html']),
        );
        expect(published).toEqual(await fileTexts(ws.build));
        // The site it replaced is kept beside it, for the next publish to bring up to date.
        expect(await fileTexts(`${ws.dist}.next`)).toEqual(lastGood);
        dayOne = await folderStamps(ws.dist);
        builtDayOne = await folderStamps(ws.build);
        const contentBefore = await fileTexts(ws.content);
        const distTime = (await stat(path.join(ws.dist, 'index.html'))).mtimeMs;

        const second = await daily(ws, endpoint);
        expect(second).toMatchObject({ code: 0, stderr: '' });
        expect(second.stdout).toContain('0 new, 0 updated, 4 unchanged; wrote 0 files');
        expect(second.stdout).toContain('is up to date; nothing to build');
        expect(await fileTexts(ws.content)).toEqual(contentBefore);
        expect((await stat(path.join(ws.dist, 'index.html'))).mtimeMs).toBe(distTime);
      },
    );
    // The next day is built in the kept build folder and swapped in; the day before is kept beside it.
    const before = await fileTexts(ws.dist);
    const nextDay = (await dayItems(6, '2026-10-06')).slice(4);
    await withServer(
      () => jsonReply(nextDay),
      async (endpoint) => {
        const third = await papers(['daily', '--date', '2026-10-06', ...places(ws)], {
          ...siteEnv(ws),
          PAPERS_HF_ENDPOINT: endpoint,
        });
        expect(third).toMatchObject({ code: 0, stderr: '' });
        expect(third.stdout).toContain(`published 2026-10-06 to ${ws.dist}`);
      },
    );
    const after = await fileTexts(ws.dist);
    expect(after['index.html']).toMatch(/Papers of <time[^>]*>6 October 2026/);
    expect(after).toEqual(await fileTexts(ws.build));
    expect(await fileTexts(`${ws.dist}.next`)).toEqual(before);

    // Publishing again brings the kept copy (the first day's site) up to date: what did not change
    // since is left as it was, not copied again.
    const fourth = await papers(['publish', '--force-build', ...places(ws)], siteEnv(ws));
    expect(fourth).toMatchObject({ code: 0, stderr: '', stdout: `published the site to ${ws.dist}` });
    expect(await fileTexts(ws.dist)).toEqual(await fileTexts(ws.build));
    // A file is left when its inode and times are those it had after the first day.
    const now = await folderStamps(ws.dist);
    const left = new Set(
      [...now].filter(([file, stamp]) => dayOne.get(file) === stamp).map(([file]) => file),
    );
    // Every file the build has not written since the first day is left. Not "most pages": this
    // build shares Astro's cache folder with the project, whose generated files a concurrent test
    // build can change, and Astro renders every page again when they do. The first day's social
    // images come from their cache either way.
    const modified = (stamp: string | undefined) => stamp?.split(':')[1];
    const unwritten = [...(await folderStamps(ws.build))]
      .filter(([file, stamp]) => modified(stamp) === modified(builtDayOne.get(file)))
      .map(([file]) => file);
    expect(unwritten).toContain('og/papers/2609.22753.png');
    expect(unwritten.filter((file) => !left.has(file))).toEqual([]);
    // And what the build wrote since was copied.
    expect(left.has('index.html')).toBe(false);
  });

  it('publishes the kept build without building again, as hard links with --link', async () => {
    const ws = await workspace();
    await mkdir(ws.build);
    await writeFile(path.join(ws.build, 'index.html'), '<p>built</p>');
    markOwned(ws.build);
    const stamp = await publishStamp(ws.content, siteEnv(ws));
    await writeFile(path.join(ws.build, STAMP_FILE), `${stamp}\n`);
    await rm(ws.dist, { recursive: true });
    const result = await papers(['publish', '--link', ...places(ws)], siteEnv(ws));
    expect(result).toMatchObject({
      code: 0,
      stderr: '',
      stdout: `published the last build of this content to ${ws.dist}`,
    });
    const [built, published] = [ws.build, ws.dist].map((dir) => statSync(path.join(dir, 'index.html')));
    expect(published?.ino).toBe(built?.ino);
    expect(await fileTexts(ws.dist)).toEqual(await fileTexts(ws.build));
  });

  it('leaves the published site as it was when the build fails', async () => {
    const ws = await workspace();
    const before = await fileTexts(ws.dist);
    // The last step of the build cannot write its report under a file.
    const report = path.join(ws.content, 'topics.yaml', 'og-report.json');
    const result = await papers(['publish', ...places(ws)], { ...siteEnv(ws), PAPERS_OG_REPORT: report });
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n').at(-1)).toMatch(
      new RegExp(`^papers: the build failed \\(exit 1\\); ${ws.dist} was left as it was$`),
    );
    expect(await fileTexts(ws.dist)).toEqual(before);
    expect(await readdir(ws.root)).not.toContain('dist.next');
  });

  it('refuses a bad setting in one line before doing anything', async () => {
    const ws = await workspace();
    const before = await fileTexts(ws.dist);
    const result = await papers(['publish', ...places(ws)], { ...siteEnv(ws), SITE_URL: 'not a url' });
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'papers: SITE_URL: expected an absolute http(s) origin without a path, such as "https://example.org", got "not a url"',
    });
    expect(await fileTexts(ws.dist)).toEqual(before);
    expect((await readdir(ws.root)).sort()).toEqual(['content', 'dist']);
  });

  it('refuses a published folder that is a symbolic link before fetching anything', async () => {
    const ws = await workspace();
    await rename(ws.dist, path.join(ws.root, 'www'));
    await symlink(path.join(ws.root, 'www'), ws.dist);
    const result = await daily(ws, 'http://127.0.0.1:9/unreachable');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^papers: .*dist is a symbolic link; publishing swaps whole folders/);
    expect(await readdir(ws.content)).toEqual(['topics.yaml']);
  });

  it('builds in the published folder itself with --in-place, and nowhere else', async () => {
    const ws = await workspace();
    const inPlace = ['publish', '--in-place', '--content-dir', ws.content, '--out-dir', ws.dist];
    const first = await papers(inPlace, siteEnv(ws));
    expect(first).toMatchObject({ code: 0, stderr: '', stdout: `built the site in ${ws.dist} (in place)` });
    expect(await readFile(path.join(ws.dist, 'index.html'), 'utf8')).toContain('<!DOCTYPE html>');
    expect(await readFile(path.join(ws.dist, STAMP_FILE), 'utf8')).toBe(
      `${await publishStamp(ws.content, siteEnv(ws))}\n`,
    );
    expect((await readdir(ws.root)).sort()).toEqual(['caches', 'content', 'dist']);
    expect(await papers(inPlace, siteEnv(ws))).toMatchObject({
      code: 0,
      stdout: `${ws.dist} is up to date; nothing to build`,
    });
    // The stamp holds the site's settings: the same content for another address is built again.
    expect(await papers(inPlace, { ...siteEnv(ws), SITE_URL: 'https://elsewhere.example' })).toMatchObject({
      code: 0,
      stdout: `built the site in ${ws.dist} (in place)`,
    });
    const usage = 'papers: --in-place builds in --out-dir itself: it takes neither --link nor --build-dir';
    expect(await papers([...inPlace, '--link'], siteEnv(ws))).toMatchObject({ code: 2, stderr: usage });
    const daily = ['daily', '--in-place', '--build-dir', ws.build, '--no-build', '--content-dir', ws.content];
    expect(await papers(daily, siteEnv(ws))).toMatchObject({ code: 2, stderr: usage });
  });

  it('says a failed build in place left an unfinished site, and builds it again on the next run', async () => {
    const ws = await workspace();
    const inPlace = ['publish', '--in-place', '--content-dir', ws.content, '--out-dir', ws.dist];
    expect(await papers(inPlace, siteEnv(ws))).toMatchObject({ code: 0 });
    // The search step fails (its cache cannot be a folder), after Astro wrote the new build.
    await writeFile(path.join(ws.root, 'not-a-folder'), '');
    const failing = { ...siteEnv(ws), PAPERS_PAGEFIND_CACHE: path.join(ws.root, 'not-a-folder') };
    const failed = await papers([...inPlace, '--force-build'], failing);
    expect(failed.code).toBe(1);
    expect(failed.stderr.split('\n').at(-1)).toMatch(
      new RegExp(
        `^papers: the search index failed \\(.*\\); ${ws.dist} holds an unfinished build \\(built in place\\): do not deploy it$`,
      ),
    );
    expect(await readdir(ws.dist)).not.toContain(STAMP_FILE);
    expect(await papers(inPlace, siteEnv(ws))).toMatchObject({
      code: 0,
      stdout: `built the site in ${ws.dist} (in place)`,
    });
  });

  it('refuses an output folder that is the content folder, before it touches anything', async () => {
    const ws = await workspace();
    const before = await fileTexts(ws.content);
    for (const extra of [['--in-place'], []]) {
      const result = await papers(
        ['publish', ...extra, '--content-dir', ws.content, '--out-dir', ws.content],
        siteEnv(ws),
      );
      expect(result).toMatchObject({
        code: 1,
        stderr: `papers: --out-dir ${ws.content} and the content folder ${ws.content} must be apart, neither inside the other`,
      });
    }
    expect(await fileTexts(ws.content)).toEqual(before);
  });

  it('explains papers publish', async () => {
    const result = await papers(['publish', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: papers publish \[options\]/);
    expect(result.stdout).toContain('--link');
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
    const before = { content: await fileTexts(ws.content), dist: await fileTexts(ws.dist) };
    await withServer(
      () => reply,
      async (endpoint) => {
        const result = await daily(ws, endpoint);
        expect(result.code).toBe(1);
        expect(result.stderr.split('\n')).toEqual([expect.stringMatching(message)]);
      },
    );
    expect({ content: await fileTexts(ws.content), dist: await fileTexts(ws.dist) }).toEqual(before);
  });

  it('refreshes the week before: new counts, a paper listed late, hand corrections kept', async () => {
    const ws = await workspace();
    // Papers other than today's three: the fixture's 11th and 12th.
    const [early, late] = (await dayItems(12, '2026-10-01')).slice(10);
    const counted = (item: unknown, upvotes: number) => {
      const record = item as { paper: Record<string, unknown> };
      return { ...record, paper: { ...record.paper, upvotes } };
    };
    let weekItems: unknown[] = [counted(early, 5)];
    const weeks: string[] = [];
    const today = await dayItems(3);
    const run = () =>
      withServer(
        (request) => {
          if (request.query['week']) {
            // Each week once: its first page (the next, empty, one ends the list).
            if (request.query['p'] === '0') weeks.push(request.query['week']);
            // The week's list: two of its papers on 2026-10-01, and today's, which the refresh leaves alone.
            return jsonReply(Number(request.query['p']) === 0 ? [...weekItems, ...today] : []);
          }
          return jsonReply(Number(request.query['p']) === 0 ? today : []);
        },
        (endpoint) => daily(ws, endpoint, '--no-build'),
      );
    expect((await run()).code).toBe(0);
    // 26 September to 2 October: weeks 39 and 40, one request each.
    expect(weeks).toEqual(['2026-W39', '2026-W40']);
    const dayDir = path.join(ws.content, 'papers/2026/10/01');
    const [earlyFile] = await readdir(dayDir);
    const earlyPath = path.join(dayDir, earlyFile!);
    expect(await readFile(earlyPath, 'utf8')).toMatch(/^upvotes: 5$/m);
    // A person corrects the title; the source then counts more votes and lists a paper late.
    await writeFile(
      earlyPath,
      (await readFile(earlyPath, 'utf8')).replace(/^title: .*$/m, 'title: Corrected by hand'),
    );
    weekItems = [counted(early, 42), counted(late, 7)];
    const second = await run();
    expect(second.code).toBe(0);
    const refreshed = await readFile(earlyPath, 'utf8');
    expect(refreshed).toMatch(/^upvotes: 42$/m);
    expect(refreshed).toMatch(/^title: Corrected by hand$/m);
    expect(await readdir(dayDir)).toHaveLength(2);
    // Today's papers stay on today, once.
    expect(await readdir(path.join(ws.content, 'papers/2026/10/03'))).toHaveLength(3);
  });

  it('refreshes nothing with --refresh-days 0, and refuses a count that is not one', async () => {
    const ws = await workspace();
    const queries: string[] = [];
    await withServer(
      (request) => {
        queries.push(Object.keys(request.query).sort().join(','));
        return jsonReply([]);
      },
      async (endpoint) => {
        expect((await daily(ws, endpoint, '--refresh-days', '0')).code).toBe(0);
        const refused = await daily(ws, endpoint, '--refresh-days', 'seven');
        expect(refused.code).not.toBe(0);
        expect(refused.stderr).toMatch(/--refresh-days: expected a whole number from 0 to 60, got "seven"/);
      },
    );
    expect(queries).toEqual(['date,limit,p']);
  });

  it('treats a day without papers as normal: exit 0, nothing changed', async () => {
    const ws = await workspace();
    const before = { content: await fileTexts(ws.content), dist: await fileTexts(ws.dist) };
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
    expect({ content: await fileTexts(ws.content), dist: await fileTexts(ws.dist) }).toEqual(before);
  });

  it('refuses to build when content is invalid, naming the file', async () => {
    const ws = await workspace();
    const before = await fileTexts(ws.dist);
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
        expect(result.stderr).toMatch(/1 content problem \(see above\); .* was left as it was$/);
      },
    );
    expect(await fileTexts(ws.dist)).toEqual(before);
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
      // Each day once: its first page (the next one ends the list).
      if (request.query['p'] === '0') requested.push(date);
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
        'backfill 2026-10-01..2026-10-03: 3 days: 2 ingested (2 papers), 0 skipped (already complete), 0 partial, 1 failed',
      );
      const state = JSON.parse(await readFile(path.join(ws.content, '.ingest-state.json'), 'utf8'));
      expect(state).toEqual({ version: 1, days: { '2026-10-01': 2, '2026-10-02': 0 } });

      failThirdDay = false;
      requested.length = 0;
      const second = await papers(args, { PAPERS_HF_ENDPOINT: endpoint });
      expect(second).toMatchObject({ code: 0 });
      expect(second.stdout).toContain(
        '3 days: 1 ingested (3 papers), 2 skipped (already complete), 0 partial, 0 failed',
      );
      expect(requested).toEqual(['2026-10-03']);
      expect(Object.keys(await fileTexts(path.join(ws.content, 'papers'))).sort()).toHaveLength(5);
    });
  });

  it('does not record a day whose items were all or partly invalid, and fetches it again', async () => {
    const ws = await workspace();
    /** Each day's own papers (2, 2 and 1), of which the first `invalid[day]` have no title. */
    const ranges: Record<string, [number, number]> = {
      '2026-10-01': [0, 2],
      '2026-10-02': [2, 4],
      '2026-10-03': [4, 5],
    };
    let invalid: Record<string, number> = { '2026-10-01': 2, '2026-10-02': 1 };
    const listed: Record<string, unknown[]> = {};
    for (const date of Object.keys(ranges)) listed[date] = (await dayItems(5, date)).slice(...ranges[date]!);
    const day = (date: string) =>
      (listed[date] ?? []).map((item, index) => {
        if (index >= (invalid[date] ?? 0)) return item;
        const { title: _title, ...rest } = item as Record<string, unknown>;
        return { ...rest, paper: { ...(rest['paper'] as object), title: null } };
      });
    const requested: string[] = [];
    const reply = (request: { query: Record<string, string> }): Reply => {
      const date = request.query['date'] ?? '';
      // Each day once: its first page (the next one ends the list).
      if (request.query['p'] === '0') requested.push(date);
      return jsonReply(day(date));
    };
    const args = ['backfill', '--from', '2026-10-01', '--to', '2026-10-03', '--delay-ms', '0'];
    const run = (endpoint: string) =>
      papers([...args, '--content-dir', ws.content], { PAPERS_HF_ENDPOINT: endpoint });
    await withServer(reply, async (endpoint) => {
      const first = await run(endpoint);
      expect(first.code).toBe(1);
      const warnings = first.stderr.split('\n').filter((line) => !line.startsWith('skipped '));
      expect(warnings).toEqual([
        '2026-10-01: failed: 2 of 2 items could not be used (see above); the day is fetched again on the next run',
        '2026-10-02: partial: 1 of 2 items could not be used (see above); the day is fetched again on the next run',
      ]);
      expect(first.stdout.split('\n').at(-1)).toBe(
        'backfill 2026-10-01..2026-10-03: 3 days: 1 ingested (2 papers), 0 skipped (already complete), 1 partial, 1 failed',
      );
      const state = JSON.parse(await readFile(path.join(ws.content, '.ingest-state.json'), 'utf8'));
      expect(state).toEqual({ version: 1, days: { '2026-10-03': 1 } });

      // The source fixed its items: the two days are fetched again, and now complete.
      invalid = {};
      requested.length = 0;
      const second = await run(endpoint);
      expect(second).toMatchObject({ code: 0, stderr: '' });
      expect(requested).toEqual(['2026-10-01', '2026-10-02']);
      expect(second.stdout.split('\n').at(-1)).toBe(
        'backfill 2026-10-01..2026-10-03: 3 days: 2 ingested (4 papers), 1 skipped (already complete), 0 partial, 0 failed',
      );
      const after = JSON.parse(await readFile(path.join(ws.content, '.ingest-state.json'), 'utf8'));
      expect(after.days).toEqual({ '2026-10-01': 2, '2026-10-02': 2, '2026-10-03': 1 });
    });
  });

  it('refuses a backwards range', async () => {
    const result = await papers(['backfill', '--from', '2026-10-03', '--to', '2026-10-01']);
    expect(result).toMatchObject({ code: 2, stderr: 'papers: --from 2026-10-03 is after --to 2026-10-01' });
  });
});
