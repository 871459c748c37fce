/**
 * Runs killed outright (SIGKILL: `kill -9`, a power cut) at a chosen step,
 * and the run after them (issue 20): a killed ingest leaves temporary files
 * the next run removes, and a publish killed between the two renames of its
 * swap leaves no published folder, which the next run puts back before
 * anything else. The kill comes from test/helpers/kill-after-rename.ts,
 * loaded into a real papers process; no build runs.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { STAMP_FILE } from '../../src/lib/publish/fingerprint.ts';
import { markOwned } from '../../src/lib/publish/owned.ts';
import { lockFileOf } from '../../src/lib/run-lock/lock-file.ts';
import { FIXTURE_CONTENT_DIR } from '../helpers/build-site.ts';
import { papers, publishStamp, siteEnv, startPapers } from '../helpers/cli.ts';
import { fileTexts } from '../helpers/file-tree.ts';
import { startFixtureServer } from '../helpers/fixture-server.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const HF_DAY = path.join(ROOT, 'test/fixtures/corpus/hf-daily-2026-10-03.json');
const KILL_AFTER_RENAME = pathToFileURL(path.join(ROOT, 'test/helpers/kill-after-rename.ts')).href;

/** The environment of a papers process killed right after its first rename to a path `target` matches. */
function killedAfterRenameTo(target: string): Record<string, string> {
  return { NODE_OPTIONS: `--import=${KILL_AFTER_RENAME}`, PAPERS_KILL_AFTER_RENAME_TO: target };
}

describe('an ingest killed while it writes a day', () => {
  async function contentFolder() {
    const root = await realpath(await tempDir());
    const content = path.join(root, 'content');
    await mkdir(content);
    await cp(path.join(ROOT, 'content/topics.yaml'), path.join(content, 'topics.yaml'));
    return { root, content, day: path.join(content, 'papers/2026/10/03') };
  }

  const ingest = (content: string) => ['ingest', 'hf', '--file', HF_DAY, '--content-dir', content];

  it('leaves temporary files, which the next run removes before it writes the whole day', async () => {
    const ws = await contentFolder();
    const killed = await startPapers(ingest(ws.content), killedAfterRenameTo(String.raw`\.md$`)).done;
    expect(killed).toMatchObject({ stdout: '' });
    // Killed after its first paper was in place: the other 49 are still temporary files, and its lock stays.
    const left = await readdir(ws.day);
    expect(left.filter((name) => name.endsWith('.md'))).toHaveLength(1);
    expect(left.filter((name) => /^\..+\.md\.\d+-[0-9a-f]+\.tmp$/.test(name))).toHaveLength(49);
    expect(existsSync(lockFileOf(ws.content))).toBe(true);

    const rerun = await papers(ingest(ws.content));
    expect(rerun).toMatchObject({
      code: 0,
      stdout: '2026-10-03: 49 new, 0 updated, 1 unchanged; wrote 49 files',
    });
    expect(rerun.stderr).toMatch(
      new RegExp(`^removed 49 temporary files a stopped run left in ${ws.content}: papers/2026/10/03/\\.`),
    );
    const files = Object.keys(await fileTexts(ws.content));
    expect(files.filter((file) => file.endsWith('.tmp'))).toEqual([]);
    expect(files.filter((file) => file.endsWith('.md'))).toHaveLength(50);
    expect(await papers(['validate', '--content-dir', ws.content])).toMatchObject({
      code: 0,
      stdout: '50 paper files checked: all valid',
    });
    expect(await readdir(ws.root)).toEqual(['content']);
  });

  it('cannot stop a later run whose pid is the same (a container, a fresh pid namespace)', async () => {
    const ws = await contentFolder();
    await mkdir(ws.day, { recursive: true });
    // What a killed run with this process's pid left, named as versions before the random part named it.
    const names = JSON.parse(await readFile(HF_DAY, 'utf8')) as { paper: { id: string } }[];
    const firstFile = names.map((item) => `${item.paper.id}.md`).sort()[0]!;
    await writeFile(path.join(ws.day, `.${firstFile}.${process.pid}-0.tmp`), 'half a paper');
    const result = await papers(ingest(ws.content));
    expect(result).toMatchObject({
      code: 0,
      stdout: '2026-10-03: 50 new, 0 updated, 0 unchanged; wrote 50 files',
    });
    expect((await readdir(ws.day)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('a publish killed between the two renames of its swap', () => {
  /**
   * A published site (`dist`), and a finished build of the content (`build`)
   * that `papers publish` publishes without building; then a publish killed
   * right after it moved `dist` aside.
   */
  async function crashedSwap() {
    const root = await realpath(await tempDir());
    const ws = {
      root,
      content: path.join(root, 'content'),
      dist: path.join(root, 'dist'),
      build: path.join(root, 'build'),
    };
    await cp(FIXTURE_CONTENT_DIR, ws.content, { recursive: true });
    for (const [folder, text] of [
      [ws.dist, 'last published site'],
      [ws.build, 'new build'],
    ] as const) {
      await mkdir(folder);
      await writeFile(path.join(folder, 'index.html'), text);
      markOwned(folder);
    }
    const fingerprint = await publishStamp(ws.content, siteEnv(root));
    await writeFile(path.join(ws.build, STAMP_FILE), `${fingerprint}\n`);
    const places = ['--content-dir', ws.content, '--out-dir', ws.dist, '--build-dir', ws.build];
    const run = startPapers(['publish', ...places], {
      ...siteEnv(root),
      ...killedAfterRenameTo(String.raw`[/\\]dist\.old-\d+$`),
    });
    expect(await run.done).toMatchObject({ stdout: '' });
    const old = `${ws.dist}.old-${run.pid}`;
    // What the kill left: no published folder, the old site beside it, the new one in dist.next.
    expect(existsSync(ws.dist)).toBe(false);
    expect(await readFile(path.join(old, 'index.html'), 'utf8')).toBe('last published site');
    expect(await readFile(path.join(`${ws.dist}.next`, 'index.html'), 'utf8')).toBe('new build');
    return { ...ws, old, places, env: siteEnv(root) };
  }

  const restored = (ws: { dist: string; old: string }) =>
    `${ws.dist} was missing (a publish was stopped while it swapped folders): put the last published site back from ${ws.old}`;

  it('is put back by a publish that then fails, which says so', async () => {
    const ws = await crashedSwap();
    await writeFile(path.join(ws.content, 'papers/2026/09/25/2609.10003.md'), 'not a paper');
    const result = await papers(['publish', ...ws.places], ws.env);
    expect(result.code).toBe(1);
    const lines = result.stderr.split('\n');
    expect(lines[0]).toBe(restored(ws));
    expect(lines.at(-1)).toBe(`papers: 1 content problem (see above); ${ws.dist} was left as it was`);
    expect(await readFile(path.join(ws.dist, 'index.html'), 'utf8')).toBe('last published site');
    expect(existsSync(ws.old)).toBe(false);
  });

  it('is put back by a daily run whose source fails', async () => {
    const ws = await crashedSwap();
    const server = await startFixtureServer(() => ({ status: 404 }));
    try {
      const endpoint = server.url('/api/daily_papers');
      const result = await papers(
        ['daily', '--date', '2026-10-05', '--endpoint', endpoint, ...ws.places],
        ws.env,
      );
      expect(result.code).toBe(1);
      expect(result.stderr.split('\n')[0]).toBe(restored(ws));
      expect(result.stderr).toMatch(/content and .*dist were left as they were$/);
    } finally {
      await server.close();
    }
    expect(await readFile(path.join(ws.dist, 'index.html'), 'utf8')).toBe('last published site');
  });

  it('is put back, then the new build published, by the next publish', async () => {
    const ws = await crashedSwap();
    const result = await papers(['publish', ...ws.places], ws.env);
    expect(result).toMatchObject({
      code: 0,
      stderr: restored(ws),
      stdout: `published the last build of this content to ${ws.dist}`,
    });
    expect(await readFile(path.join(ws.dist, 'index.html'), 'utf8')).toBe('new build');
    expect(await readFile(path.join(`${ws.dist}.next`, 'index.html'), 'utf8')).toBe('last published site');
    expect((await readdir(ws.root)).sort()).toEqual(['build', 'caches', 'content', 'dist', 'dist.next']);
  });
});
