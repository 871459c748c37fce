/**
 * Operator mistakes (issue 20, item 10) that used to end in "up to date", a
 * raw stack or "unexpected error … please report it": each must stop with
 * one line naming the file, folder or flag and what is expected, exit
 * non-zero, and change nothing.
 */
import { statSync } from 'node:fs';
import { copyFile, cp, mkdir, readFile, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { STAMP_FILE } from '../../src/lib/publish/fingerprint.ts';
import { markOwned } from '../../src/lib/publish/owned.ts';
import { FIXTURE_CONTENT_DIR } from '../helpers/build-site.ts';
import { papers, publishStamp, siteEnv, startPapers } from '../helpers/cli.ts';
import { fileTexts } from '../helpers/file-tree.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const HF_DAY = path.join(ROOT, 'test/fixtures/corpus/hf-daily-2026-10-03.json');

/**
 * The settings of a run in `root`: its caches and default build folder there,
 * not the project's (a mistake the tool misses must not reach them), and a
 * source that is never there.
 */
function env(root: string): Record<string, string> {
  return {
    ...siteEnv(root),
    PAPERS_PUBLISH_BUILD: path.join(root, 'build'),
    PAPERS_HF_ENDPOINT: 'http://127.0.0.1:9/unused',
  };
}

/** A content folder with the taxonomy and nothing else. */
async function contentFolder(): Promise<string> {
  const content = path.join(await tempDir(), 'content');
  await mkdir(content);
  await copyFile(path.join(ROOT, 'content/topics.yaml'), path.join(content, 'topics.yaml'));
  return content;
}

describe('a day in the future', () => {
  it.each([
    ['ingest', ['ingest', 'hf', '--file', HF_DAY, '--date', '9999-12-31'], '--date'],
    ['daily', ['daily', '--date', '9999-12-31', '--no-build'], '--date'],
    ['backfill', ['backfill', '--from', '2026-10-01', '--to', '9999-12-31'], '--to'],
  ])('is refused by %s before anything is written', async (_command, args, flag) => {
    const content = await contentFolder();
    const before = await fileTexts(content);
    const result = await papers([...args, '--content-dir', content], env(path.dirname(content)));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      new RegExp(
        `^papers: ${flag}: 9999-12-31 is in the future \\(today is \\d{4}-\\d\\d-\\d\\d in UTC\\); give a day up to \\d{4}-\\d\\d-\\d\\d$`,
      ),
    );
    expect(await fileTexts(content)).toEqual(before);
  });
});

describe('a content folder that is not one', () => {
  it('missing: papers validate and topics name it rather than find it "all valid"', async () => {
    const missing = path.join(await tempDir(), 'content');
    for (const command of ['validate', 'topics']) {
      const result = await papers([command, '--content-dir', missing]);
      expect(result).toEqual({
        code: 1,
        stdout: '',
        stderr: `papers: ${missing}: no such folder; expected the content folder, which holds papers/ and topics.yaml (--content-dir)`,
      });
    }
  });

  it('missing, given relative: the message says where it was looked for', async () => {
    const result = await papers(['validate', '--content-dir', 'no-such-content-folder']);
    expect(result.stderr).toBe(
      `papers: no-such-content-folder: no such folder (${path.resolve('no-such-content-folder')}); expected the content folder, which holds papers/ and topics.yaml (--content-dir)`,
    );
  });

  it.each([
    ['validate', []],
    ['topics', []],
    ['ingest', ['hf', '--file', HF_DAY]],
    ['backfill', ['--from', '2026-10-01', '--to', '2026-10-01']],
    ['daily', ['--date', '2026-10-03', '--no-build']],
    ['daily', ['--date', '2026-10-03', '--out-dir', 'DIST']],
    ['publish', ['--out-dir', 'DIST']],
  ])('a file: %s names it, and leaves it and the folder beside it as they were', async (command, args) => {
    const root = await tempDir();
    const file = path.join(root, 'paper.md');
    await writeFile(file, '---\ntitle: x\n---\n');
    const before = await fileTexts(root, { folders: true });
    const placed = args.map((arg) => (arg === 'DIST' ? path.join(root, 'dist') : arg));
    const result = await papers([command, ...placed, '--content-dir', file], env(root));
    expect(result).toMatchObject({
      code: 1,
      stderr: `papers: ${file}: not a folder; expected the content folder, which holds papers/ and topics.yaml (--content-dir)`,
    });
    expect(await fileTexts(root, { folders: true })).toEqual(before);
  });

  it('whose papers/ is a file: validate names it', async () => {
    const content = await contentFolder();
    await writeFile(path.join(content, 'papers'), 'not a folder');
    const result = await papers(['validate', '--content-dir', content]);
    expect(result).toMatchObject({
      code: 1,
      stderr: `papers: ${path.join(content, 'papers')}: not a folder; expected the folder of paper files`,
    });
  });
});

describe('a content folder without topics.yaml', () => {
  it.each([
    ['publish', []],
    ['daily', ['--date', '2026-10-03']],
  ])(
    'stops %s before it fetches, builds or publishes, naming the file and what to do',
    async (command, args) => {
      const root = await tempDir();
      const content = path.join(root, 'content');
      await mkdir(content);
      const result = await papers(
        [
          command,
          ...args,
          '--content-dir',
          content,
          '--out-dir',
          path.join(root, 'dist'),
          '--build-dir',
          path.join(root, 'build'),
        ],
        env(root),
      );
      expect(result).toMatchObject({
        code: 1,
        stdout: '',
        stderr: `papers: ${path.join(content, 'topics.yaml')}: no such file; every site needs a topic taxonomy: check the content folder (--content-dir, PAPERS_CONTENT_DIR), or copy the project's content/topics.yaml there and edit it (docs/site.md, Topics)`,
      });
      expect(await fileTexts(root, { folders: true })).toEqual({ content: '<dir>' });
    },
  );
});

describe('content without papers published over a site with papers', () => {
  /**
   * An empty content folder (the taxonomy only), a published site with a
   * paper page, and a finished build of the empty content that a publish
   * would publish without building.
   */
  async function emptyContentOverSite() {
    const root = await tempDir();
    const content = path.join(root, 'content');
    await mkdir(content);
    await copyFile(path.join(ROOT, 'content/topics.yaml'), path.join(content, 'topics.yaml'));
    const dist = path.join(root, 'dist');
    const build = path.join(root, 'build');
    await mkdir(path.join(dist, 'papers/2610.01092'), { recursive: true });
    await writeFile(path.join(dist, 'papers/2610.01092/index.html'), '<p>a paper</p>');
    markOwned(dist);
    await mkdir(build);
    await writeFile(path.join(build, 'index.html'), '<p>no papers</p>');
    markOwned(build);
    const stamp = await publishStamp(content, env(root));
    await writeFile(path.join(build, STAMP_FILE), `${stamp}\n`);
    const args = ['--content-dir', content, '--out-dir', dist, '--build-dir', build];
    return { root, content, dist, args };
  }

  it('is refused by publish, with the site left as it was and the way on said', async () => {
    const ws = await emptyContentOverSite();
    const before = await fileTexts(ws.dist);
    const result = await papers(['publish', ...ws.args], env(ws.root));
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `papers: ${ws.content} has no paper files, but ${ws.dist} holds a site with papers, which publishing would empty; ${ws.dist} was left as it was: check --content-dir, or give --allow-empty to publish a site without papers`,
    });
    expect(await fileTexts(ws.dist)).toEqual(before);
  });

  it('is published with --allow-empty', async () => {
    const ws = await emptyContentOverSite();
    const result = await papers(['publish', '--allow-empty', ...ws.args], env(ws.root));
    expect(result).toMatchObject({
      code: 0,
      stdout: `published the last build of this content to ${ws.dist}`,
    });
    expect(Object.keys(await fileTexts(ws.dist))).not.toContain('papers/2610.01092/index.html');
  });
});

describe('a file system that fails while publishing', () => {
  const FS_FAULT = pathToFileURL(path.join(ROOT, 'test/helpers/fs-fault.ts')).href;

  /** The environment of a papers process whose `call` fails with `code` for targets `target` matches. */
  function failing(call: string, code: string, target: string): Record<string, string> {
    return { NODE_OPTIONS: `--import=${FS_FAULT}`, PAPERS_FS_FAULT: `${call}:${code}:${target}` };
  }

  /** A published site, and a finished build of the content that publish publishes without building. */
  async function keptBuild() {
    const root = await realpath(await tempDir());
    const content = path.join(root, 'content');
    const dist = path.join(root, 'dist');
    const build = path.join(root, 'build');
    await cp(FIXTURE_CONTENT_DIR, content, { recursive: true });
    await mkdir(path.join(dist, 'papers/2610.00001'), { recursive: true });
    await writeFile(path.join(dist, 'index.html'), 'last published site');
    await writeFile(path.join(dist, 'papers/2610.00001/index.html'), 'old paper page');
    markOwned(dist);
    await mkdir(path.join(build, 'papers/2610.00001'), { recursive: true });
    await writeFile(path.join(build, 'index.html'), 'new build');
    await writeFile(path.join(build, 'papers/2610.00001/index.html'), 'new paper page');
    markOwned(build);
    const stamp = await publishStamp(content, env(root));
    await writeFile(path.join(build, STAMP_FILE), `${stamp}\n`);
    const args = ['publish', '--content-dir', content, '--out-dir', dist, '--build-dir', build];
    return { root, dist, build, args, env: env(root) };
  }

  it('stops at a full disk with one line naming the folder, the site as it was; the next run publishes', async () => {
    const ws = await keptBuild();
    const before = await fileTexts(ws.dist);
    const full = failing('copyFileSync', 'ENOSPC', String.raw`dist\.next[/\\]papers[/\\]`);
    const result = await startPapers(ws.args, { ...ws.env, ...full }).done;
    const from = path.join(ws.build, 'papers/2610.00001/index.html');
    const to = path.join(`${ws.dist}.next`, 'papers/2610.00001/index.html');
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `papers: cannot publish to ${ws.dist}: ENOSPC: no space left on device, copyfile '${from}' -> '${to}'; ${ws.dist} was left as it was: free space on its disk and run again\n`,
    });
    expect(await fileTexts(ws.dist)).toEqual(before);
    // The half-copied file in dist.next is copied again, as its size and time are not the build's.
    expect((await startPapers(ws.args, ws.env).done).code).toBe(0);
    expect(await readFile(path.join(ws.dist, 'papers/2610.00001/index.html'), 'utf8')).toBe('new paper page');
  });

  it('copies what it cannot link across file systems (--link, EXDEV)', async () => {
    const ws = await keptBuild();
    const result = await startPapers([...ws.args, '--link'], {
      ...ws.env,
      ...failing('linkSync', 'EXDEV', ''),
    }).done;
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(await fileTexts(ws.dist)).toEqual(await fileTexts(ws.build));
    const [built, published] = [ws.build, ws.dist].map((dir) => statSync(path.join(dir, 'index.html')).ino);
    expect(published).not.toBe(built);
  });

  it.each(['EXDEV', 'EBUSY'])(
    'stops with one line when the published folder cannot be renamed (%s: a mount point), the site as it was',
    async (code) => {
      const ws = await keptBuild();
      const before = await fileTexts(ws.dist);
      const result = await startPapers(ws.args, {
        ...ws.env,
        ...failing('rename', code, String.raw`dist\.old-\d+$`),
      }).done;
      expect(result.code).toBe(1);
      expect(result.stderr.trimEnd().split('\n')).toEqual([
        expect.stringMatching(
          new RegExp(
            `^papers: cannot publish to .*dist: ${code}: .*; .*dist was left as it was: publishing renames .*dist and .*dist\\.next beside it, so both must be on one file system and .*dist must not be a mount point: give a folder inside the mounted one as --out-dir$`,
          ),
        ),
      ]);
      expect(await fileTexts(ws.dist)).toEqual(before);
    },
  );
});

describe('a paper file saved with a byte order mark', () => {
  it('is valid, and read as the same paper, by validate and topics', async () => {
    const content = await contentFolder();
    await papers(['ingest', 'hf', '--file', HF_DAY, '--content-dir', content]);
    const file = path.join(content, 'papers/2026/10/03/2610.01092.md');
    const explain = ['topics', '--explain', '2610.01092', '--content-dir', content];
    const before = await papers(explain);
    await writeFile(file, `\uFEFF${await readFile(file, 'utf8')}`);
    expect(await papers(['validate', '--content-dir', content])).toEqual({
      code: 0,
      stdout: '50 paper files checked: all valid',
      stderr: '',
    });
    expect(await papers(explain)).toEqual(before);
  });
});

describe('--dry-run', () => {
  it.each([
    ['publish', []],
    ['daily', ['--date', '2026-10-03']],
    ['backfill', ['--from', '2026-10-01', '--to', '2026-10-01']],
  ])(
    'is papers ingest’s only: %s refuses it as docs/publishing.md says, doing nothing',
    async (command, args) => {
      const content = await contentFolder();
      const before = await fileTexts(content);
      const result = await papers(
        [command, ...args, '--dry-run', '--content-dir', content],
        env(path.dirname(content)),
      );
      expect(result).toMatchObject({ code: 2, stdout: '' });
      expect(result.stderr).toMatch(
        new RegExp(`^papers: Unknown option '--dry-run'.* \\(see "papers ${command} --help"\\)$`),
      );
      expect(await fileTexts(content)).toEqual(before);
    },
  );
});
