import { existsSync } from 'node:fs';
import { mkdir, readdir, realpath, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { otherBuildsOutput, recordLastOutput } from '../../src/lib/publish/last-output.ts';
import { startBuild } from '../../src/lib/publish/prune.ts';
import { clearedOutputText, clearStaleOutput, setAsideAndRemove } from '../../src/lib/publish/set-aside.ts';
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
    expect(clearStaleOutput(dist, new Set(['.git']), path.join(root, 'astro-cache'))).toBeUndefined();
    expect(await readdir(dist)).toEqual(['papers']);
    startBuild(dist);
    const cleared = clearStaleOutput(dist, new Set(['.git']), path.join(root, 'astro-cache'));
    expect(cleared?.how).toBe('set aside');
    expect(clearedOutputText(cleared!)).toBe(
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
    const cleared = clearStaleOutput(dist, new Set(['.git']), path.join(root, 'astro-cache'));
    expect(cleared?.how).toBe('emptied');
    expect(clearedOutputText(cleared!)).toBe('the last build did not finish: its output was emptied');
    expect(await readdir(dist)).toEqual(['.git']);
  });
});

describe('an output folder the last build did not write to', () => {
  it('is set aside when it holds files; the last build’s own folder and an empty one are left', async () => {
    const root = await tempDir('other-output-');
    const [cache, dist, kept] = ['astro-cache', 'dist', 'kept'].map((name) => path.join(root, name)) as [
      string,
      string,
      string,
    ];
    await folderWithFiles(dist, 3);
    await folderWithFiles(kept, 3);
    await mkdir(cache);
    expect(clearStaleOutput(dist, new Set(['.git']), cache)).toBeUndefined();

    await recordLastOutput(cache, kept);
    expect(clearStaleOutput(kept, new Set(['.git']), cache)).toBeUndefined();
    await mkdir(path.join(root, 'empty'));
    expect(clearStaleOutput(path.join(root, 'empty'), new Set(['.git']), cache)).toBeUndefined();

    const cleared = clearStaleOutput(dist, new Set(['.git']), cache);
    expect(cleared?.how).toBe('set aside');
    expect(clearedOutputText(cleared!)).toBe(
      `the last build wrote to ${await realpath(kept)}, not here: this folder's output was set aside and is removed ` +
        'in the background, and Astro copies the pages it keeps from its cache',
    );
    expect(await cleared?.removal).toBeUndefined();
    expect(existsSync(dist)).toBe(false);
    expect(await readdir(kept)).toEqual(['papers']);
  });

  it('is recognised through a symbolic link to the folder the last build wrote', async () => {
    const root = await tempDir('other-output-');
    const cache = path.join(root, 'astro-cache');
    await mkdir(cache);
    await folderWithFiles(path.join(root, 'site'), 2);
    await symlink(path.join(root, 'site'), path.join(root, 'dist'));
    await recordLastOutput(cache, path.join(root, 'dist'));
    expect(otherBuildsOutput(cache, path.join(root, 'site'))).toBeUndefined();
    await folderWithFiles(path.join(root, 'other'), 1);
    expect(otherBuildsOutput(cache, path.join(root, 'other'))).toBe(await realpath(path.join(root, 'site')));
  });
});
