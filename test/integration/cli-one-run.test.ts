/**
 * What must never lose data (issue 20): two papers runs on the same folders
 * at once, a lock left by a run that stopped, and folders papers did not
 * make given as its output or build folder. Two real `papers publish`
 * processes build the small fixture archive once; the other cases stop
 * before any build.
 */
import { existsSync } from 'node:fs';
import {
  copyFile,
  cp,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  realpath,
  rename,
  rm,
  writeFile,
} from 'node:fs/promises';
import { constants, hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAMP_FILE } from '../../src/lib/publish/fingerprint.ts';
import { OWNED_MARK } from '../../src/lib/publish/owned.ts';
import { BUILD_MARKER } from '../../src/lib/publish/prune.ts';
import { lockText, type LockHolder } from '../../src/lib/run-lock/holder.ts';
import { lockFileOf, systemFacts } from '../../src/lib/run-lock/lock-file.ts';
import { buildFixtureSite, FIXTURE_CONTENT_DIR } from '../helpers/build-site.ts';
import { papers, siteEnv, startPapers, type CliRun } from '../helpers/cli.ts';
import { fileTexts } from '../helpers/file-tree.ts';
import { startFixtureServer } from '../helpers/fixture-server.ts';
import { exitedPid } from '../helpers/processes.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const HF_DAY = path.join(ROOT, 'test/fixtures/corpus/hf-daily-2026-10-03.json');
/** The papers of the fixture archive with arXiv ids, whose pages are `papers/<id>/index.html`. */
const ARXIV_PAPERS = ['2609.10001', '2609.10005', '2610.00001', '2610.00005', '2511.00001'];
const ISO_TIME = String.raw`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z`;

interface Workspace {
  root: string;
  content: string;
  dist: string;
  build: string;
}

/** A copy of the small fixture archive, and where to build and publish it; real paths, as messages give them. */
async function workspace(root?: string): Promise<Workspace> {
  const at = root ?? (await realpath(await tempDir()));
  const content = path.join(at, 'content');
  await cp(FIXTURE_CONTENT_DIR, content, { recursive: true });
  return { root: at, content, dist: path.join(at, 'dist'), build: path.join(at, 'build') };
}

function places(ws: Workspace): string[] {
  return ['--content-dir', ws.content, '--out-dir', ws.dist, '--build-dir', ws.build];
}

/** A holder of a lock: this test process, which runs, unless told otherwise. */
function holder(overrides: Partial<LockHolder> = {}): LockHolder {
  return {
    pid: process.pid,
    started: '2026-12-01T06:00:02.000Z',
    processStart: systemFacts().process(process.pid).start,
    host: hostname(),
    token: 'held-by-the-test',
    ...overrides,
  };
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Waits until `ready` is true; fails if `run` ends first. */
async function whileRunning(run: Promise<CliRun>, ready: () => boolean): Promise<void> {
  let ended: CliRun | undefined;
  void run.then((result) => (ended = result));
  while (!ready()) {
    if (ended) throw new Error(`the run ended before the test could go on:\n${ended.stderr}`);
    await sleep(25);
  }
}

describe('two papers runs on the same folders at once', () => {
  let ws: Workspace;
  let first: CliRun;
  let firstPid: number;
  let second: CliRun;

  beforeAll(async () => {
    ws = await workspace(await realpath(await mkdtemp(path.join(tmpdir(), 'papers-one-run-'))));
    const env = siteEnv(ws.root);
    const started = startPapers(['publish', ...places(ws)], env);
    firstPid = started.pid;
    // The second starts while the first is building: its build folder holds the build's start
    // marker, which a second build there took for a stopped build's, and set the folder aside.
    await whileRunning(started.done, () => existsSync(path.join(ws.build, BUILD_MARKER)));
    second = await startPapers(['publish', ...places(ws)], env).done;
    first = await started.done;
  });

  afterAll(async () => {
    if (ws) await rm(ws.root, { recursive: true, force: true });
  });

  it('lets the first finish and stops the second at once, naming the first', () => {
    expect(first).toMatchObject({ code: 0, stdout: `published the site to ${ws.dist}\n` });
    const folders = [ws.build, ws.content, ws.dist].map(escaped).join('|');
    expect(second.code).toBe(1);
    expect(second.stdout).toBe('');
    expect(second.stderr).toMatch(
      new RegExp(
        `^papers: another papers run \\(pid ${firstPid}, started ${ISO_TIME}\\) is using (${folders}); ` +
          'nothing was done, run again when it has finished\n$',
      ),
    );
  });

  it('publishes the whole site, and leaves no lock behind', async () => {
    const site = await readdir(ws.dist, { recursive: true });
    expect(site).toEqual(
      expect.arrayContaining([
        'index.html',
        'feeds/all.xml',
        'search/index.html',
        OWNED_MARK,
        STAMP_FILE,
        ...ARXIV_PAPERS.map((id) => path.join('papers', id, 'index.html')),
      ]),
    );
    expect(site.filter((file) => file.startsWith(`pagefind${path.sep}`)).length).toBeGreaterThan(3);
    expect(await readFile(path.join(ws.dist, 'index.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect(await fileTexts(ws.dist)).toEqual(await fileTexts(ws.build));
    expect((await readdir(ws.root)).sort()).toEqual(['build', 'caches', 'content', 'dist']);
  });

  it('takes a site an older version built, which has no mark, for its own', async () => {
    const env = siteEnv(ws.root);
    for (const folder of [ws.dist, ws.build]) await rm(path.join(folder, OWNED_MARK));
    const upToDate = `${ws.dist} is up to date; nothing to build`;
    expect(await papers(['publish', ...places(ws)], env)).toMatchObject({ code: 0, stdout: upToDate });
    const inPlace = ['publish', '--in-place', '--content-dir', ws.content, '--out-dir', ws.dist];
    expect(await papers(inPlace, env)).toMatchObject({ code: 0, stdout: upToDate });
    // It is its _headers that tells: without it, the folder could be anyone's.
    await rename(path.join(ws.dist, '_headers'), path.join(ws.root, '_headers'));
    const refused = await papers(inPlace, env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      new RegExp(`^papers: --out-dir ${escaped(ws.dist)} holds files papers did not write`),
    );
    await rename(path.join(ws.root, '_headers'), path.join(ws.dist, '_headers'));
  });
});

describe('a lock', () => {
  async function contentOnly(): Promise<Workspace> {
    const root = await realpath(await tempDir());
    const content = path.join(root, 'content');
    await mkdir(content);
    await copyFile(path.join(ROOT, 'content/topics.yaml'), path.join(content, 'topics.yaml'));
    return { root, content, dist: path.join(root, 'dist'), build: path.join(root, 'build') };
  }

  const ingest = (ws: Workspace, ...extra: string[]) =>
    papers(['ingest', 'hf', '--file', HF_DAY, '--date', '2026-10-03', '--content-dir', ws.content, ...extra]);

  it('held by a running papers stops ingest, backfill and daily before they read or write anything', async () => {
    const ws = await contentOnly();
    const lock = lockFileOf(ws.content);
    await writeFile(lock, lockText(holder()));
    const unreachable = { PAPERS_HF_ENDPOINT: 'http://127.0.0.1:9/unreachable', ...siteEnv(ws.root) };
    const days = ['--from', '2026-10-01', '--to', '2026-10-02', '--delay-ms', '0'];
    const runs = [
      await ingest(ws),
      await papers(['backfill', ...days, '--content-dir', ws.content], unreachable),
      await papers(['daily', '--date', '2026-10-03', ...places(ws)], unreachable),
      await papers(['daily', '--date', '2026-10-03', '--no-build', '--content-dir', ws.content], unreachable),
    ];
    for (const run of runs) {
      expect(run).toEqual({
        code: 1,
        stdout: '',
        stderr:
          `papers: another papers run (pid ${process.pid}, started 2026-12-01T06:00:02.000Z) is using ${ws.content}; ` +
          'nothing was done, run again when it has finished',
      });
    }
    expect(await readdir(ws.content)).toEqual(['topics.yaml']);
    expect((await readdir(ws.root)).sort()).toEqual(['content', 'content.papers-lock']);
    expect(await readFile(lock, 'utf8')).toBe(lockText(holder()));
    // Reading takes no lock.
    expect(await ingest(ws, '--dry-run')).toMatchObject({ code: 0 });
    expect(await papers(['validate', '--content-dir', ws.content])).toMatchObject({ code: 0 });
  });

  it('left by a run that stopped is taken over, and released at the end', async () => {
    const ws = await contentOnly();
    await writeFile(lockFileOf(ws.content), lockText(holder({ pid: await exitedPid(), token: 'stopped' })));
    const result = await ingest(ws);
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toMatch(/^2026-10-03: \d+ new, /m);
    expect(await readdir(ws.root)).toEqual(['content']);
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('is released when a run is stopped by %s', async (signal) => {
    const ws = await contentOnly();
    const server = await startFixtureServer(() => ({ kind: 'hang' }));
    try {
      const endpoint = server.url('/api/daily_papers');
      const args = [
        'daily',
        '--date',
        '2026-10-03',
        '--no-build',
        '--content-dir',
        ws.content,
        '--endpoint',
        endpoint,
      ];
      const run = startPapers(args);
      // Holding the lock, it waits for a source that never answers.
      await whileRunning(run.done, () => server.requests.length > 0);
      expect(existsSync(lockFileOf(ws.content))).toBe(true);
      process.kill(run.pid, signal);
      expect(await run.done).toMatchObject({ code: 128 + constants.signals[signal], stdout: '' });
      expect(await readdir(ws.root)).toEqual(['content']);
    } finally {
      await server.close();
    }
  });

  it.runIf(existsSync('/proc/self/stat'))('whose pid is another process now is taken over', async () => {
    const ws = await contentOnly();
    // This test's own pid, as if a process long gone had had it: another start time.
    await writeFile(lockFileOf(ws.content), lockText(holder({ processStart: '1', token: 'reused' })));
    expect(await ingest(ws)).toMatchObject({ code: 0 });
    expect(await readdir(ws.root)).toEqual(['content']);
  });
});

describe('a folder papers did not make', () => {
  /** Someone's files, in `folder`. */
  async function someonesFiles(folder: string): Promise<void> {
    await mkdir(path.join(folder, 'photos'), { recursive: true });
    await writeFile(path.join(folder, 'notes.txt'), 'mine');
    await writeFile(path.join(folder, 'photos/cat.jpg'), 'meow');
  }

  it.each<[string, (ws: Workspace) => string, (ws: Workspace) => string[]]>([
    ['--out-dir', (ws) => ws.dist, (ws) => ['publish', ...places(ws)]],
    ['--build-dir', (ws) => ws.build, (ws) => ['publish', ...places(ws)]],
    [
      '--out-dir',
      (ws) => ws.dist,
      (ws) => ['publish', '--in-place', '--content-dir', ws.content, '--out-dir', ws.dist],
    ],
    [
      'the copy of the site kept beside --out-dir',
      (ws) => `${ws.dist}.next`,
      (ws) => ['publish', ...places(ws)],
    ],
    [
      '--out-dir',
      (ws) => ws.dist,
      (ws) => [
        'daily',
        '--date',
        '2026-10-03',
        '--endpoint',
        'http://127.0.0.1:9/unreachable',
        ...places(ws),
      ],
    ],
  ])('given as %s is refused with its files intact (%#)', async (what, foreign, args) => {
    const ws = await workspace();
    await someonesFiles(foreign(ws));
    const before = { root: (await readdir(ws.root)).sort(), content: await fileTexts(ws.content) };
    const result = await papers(args(ws), siteEnv(ws.root));
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr:
        `papers: ${what} ${foreign(ws)} holds files papers did not write (it has no ${OWNED_MARK} and is not a site papers built); ` +
        'papers would delete or move them: give a new or empty folder, or empty this one yourself',
    });
    expect(await fileTexts(foreign(ws))).toEqual({ 'notes.txt': 'mine', 'photos/cat.jpg': 'meow' });
    expect({ root: (await readdir(ws.root)).sort(), content: await fileTexts(ws.content) }).toEqual(before);
  });

  it('is refused by astro build too (npm run build), with its files intact', async () => {
    const foreign = path.join(await tempDir(), 'www');
    await someonesFiles(foreign);
    await expect(buildFixtureSite({ contentDir: FIXTURE_CONTENT_DIR, outDir: foreign })).rejects.toThrow(
      `the output folder ${foreign}/ holds files papers did not write`,
    );
    expect(await fileTexts(foreign)).toEqual({ 'notes.txt': 'mine', 'photos/cat.jpg': 'meow' });
  });
});
