import { existsSync } from 'node:fs';
import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBuild } from '../../src/lib/publish/prune.ts';
import { clearStoppedBuild, setAsideAndRemove, stoppedBuildText } from '../../src/lib/publish/set-aside.ts';
import { tempDir } from '../helpers/temp-dir.ts';

async function folderWithFiles(dir: string, count: number): Promise<void> {
  await mkdir(path.join(dir, 'papers'), { recursive: true });
  for (let i = 0; i < count; i += 1) await writeFile(path.join(dir, 'papers', `${i}.html`), `page ${i}`);
}

describe('setting a folder aside', () => {
  it('frees its name at once and removes it, and earlier leftovers, in the background', async () => {
    const root = await tempDir('set-aside-');
    const dist = path.join(root, 'dist');
    await folderWithFiles(dist, 50);
    await folderWithFiles(path.join(root, 'dist.removing-1-0000abcd'), 5);
    await writeFile(path.join(root, 'dist.keep'), 'not ours');
    // As Astro gives its outDir: with a trailing slash.
    const removal = setAsideAndRemove(`${dist}/`);
    expect(removal).toBeDefined();
    expect(existsSync(dist)).toBe(false);
    await removal;
    expect(await readdir(root)).toEqual(['dist.keep']);
  });

  it('leaves alone a missing or empty folder, one published as a git repository, and a link', async () => {
    const root = await tempDir('set-aside-');
    expect(setAsideAndRemove(path.join(root, 'missing'))).toBeUndefined();
    await mkdir(path.join(root, 'empty'));
    expect(setAsideAndRemove(path.join(root, 'empty'))).toBeUndefined();
    const repo = path.join(root, 'pages');
    await folderWithFiles(repo, 3);
    await mkdir(path.join(repo, '.git'));
    expect(setAsideAndRemove(repo)).toBeUndefined();
    expect((await readdir(repo)).sort()).toEqual(['.git', 'papers']);
    // A link to the folder a web server serves: renaming the link would leave that folder stale.
    const served = path.join(root, 'www');
    await folderWithFiles(served, 3);
    await symlink(served, path.join(root, 'dist'));
    expect(setAsideAndRemove(path.join(root, 'dist'))).toBeUndefined();
    expect(await readdir(path.join(root, 'dist'))).toEqual(['papers']);
  });
});

describe('the output of a build that did not finish', () => {
  it('is set aside and removed; a finished build’s output is left as it is', async () => {
    const root = await tempDir('stopped-');
    const dist = path.join(root, 'dist');
    await folderWithFiles(dist, 5);
    expect(clearStoppedBuild(dist, new Set(['.git']))).toBeUndefined();
    expect(await readdir(dist)).toEqual(['papers']);
    startBuild(dist);
    const cleared = clearStoppedBuild(dist, new Set(['.git']));
    expect(cleared?.how).toBe('set aside');
    expect(stoppedBuildText(cleared!)).toBe(
      'the last build did not finish: its output was set aside and is removed in the background',
    );
    expect(existsSync(dist)).toBe(false);
    expect(await cleared?.removal).toBeUndefined();
    expect(await readdir(root)).toEqual([]);
  });

  it('is emptied but for what is kept when it cannot be set aside', async () => {
    const root = await tempDir('stopped-');
    const dist = path.join(root, 'dist');
    await folderWithFiles(dist, 5);
    await mkdir(path.join(dist, '.git'));
    startBuild(dist);
    const cleared = clearStoppedBuild(dist, new Set(['.git']));
    expect(cleared?.how).toBe('emptied');
    expect(stoppedBuildText(cleared!)).toBe('the last build did not finish: its output was emptied');
    expect(await readdir(dist)).toEqual(['.git']);
  });
});
