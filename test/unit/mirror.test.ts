import { existsSync, statSync } from 'node:fs';
import { link, mkdir, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { linkFolder, mirrorFolder } from '../../src/lib/publish/mirror.ts';
import { swapKeepingOld } from '../../src/lib/publish/swap.ts';
import { fileTexts } from '../helpers/file-tree.ts';
import { tempDir } from '../helpers/temp-dir.ts';

async function files(root: string, contents: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(contents)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), text);
  }
}

describe('mirroring a build into the copy that is swapped in', () => {
  it('copies a missing folder whole, then only what changed, and removes what the build no longer has', async () => {
    const root = await tempDir('mirror-');
    const [build, copy] = [path.join(root, 'build'), path.join(root, 'copy')];
    await files(build, {
      'index.html': 'home 1',
      'papers/1/index.html': 'paper 1',
      'papers/2/index.html': 'paper 2',
      'pagefind/2026/a.pf': 'piece',
    });
    expect(mirrorFolder(build, copy)).toEqual({ copied: 4, removed: 0, kept: 0 });
    expect(await fileTexts(copy, { folders: true })).toEqual(await fileTexts(build, { folders: true }));

    // Another size: a time alone may not change within a clock tick (tested below with utimes).
    await files(build, { 'index.html': 'home two', 'papers/3/index.html': 'paper 3' });
    await rm(path.join(build, 'papers/2'), { recursive: true });
    await rm(path.join(build, 'pagefind/2026'), { recursive: true });
    await files(build, { 'pagefind/2026': 'now a file' });
    // A second name for the kept file: a file removed and copied anew would no longer be it.
    await link(path.join(copy, 'papers/1/index.html'), path.join(root, 'kept.html'));
    expect(mirrorFolder(build, copy)).toEqual({ copied: 3, removed: 2, kept: 1 });
    expect(await fileTexts(copy, { folders: true })).toEqual(await fileTexts(build, { folders: true }));
    expect(statSync(path.join(copy, 'papers/1/index.html')).ino).toBe(
      statSync(path.join(root, 'kept.html')).ino,
    );
    expect(mirrorFolder(build, copy)).toEqual({ copied: 0, removed: 0, kept: 4 });
  });

  it('copies a file of the same size whose time changed, a folder that became a file and a file that became a folder', async () => {
    const root = await tempDir('mirror-');
    const [build, copy] = [path.join(root, 'build'), path.join(root, 'copy')];
    await files(build, { 'feed.xml': 'aaaa', 'og/x.png': 'png', feed: 'a file' });
    mirrorFolder(build, copy);
    await writeFile(path.join(build, 'feed.xml'), 'bbbb');
    const later = new Date(Date.now() + 5000);
    await utimes(path.join(build, 'feed.xml'), later, later);
    await rm(path.join(build, 'og'), { recursive: true });
    await rm(path.join(build, 'feed'));
    await files(build, { og: 'a file now', 'feed/index.xml': 'a folder now', 'fresh/deep/page.html': 'p' });
    expect(mirrorFolder(build, copy)).toEqual({ copied: 4, removed: 2, kept: 0 });
    expect(await fileTexts(copy, { folders: true })).toEqual(await fileTexts(build, { folders: true }));
  });

  it('never writes through a hard link in the copy', async () => {
    const root = await tempDir('mirror-');
    const [build, copy] = [path.join(root, 'build'), path.join(root, 'copy')];
    await files(build, { 'index.html': 'old home' });
    expect(linkFolder(build, copy)).toBe(1);
    expect(statSync(path.join(copy, 'index.html')).ino).toBe(statSync(path.join(build, 'index.html')).ino);
    // The build folder gets a new file in place of the shared one, as after a new build.
    await rm(path.join(build, 'index.html'));
    await files(build, { 'index.html': 'new home!' });
    const outside = path.join(root, 'outside.html');
    await link(path.join(copy, 'index.html'), outside);
    mirrorFolder(build, copy);
    expect(await readFile(path.join(copy, 'index.html'), 'utf8')).toBe('new home!');
    expect(await readFile(outside, 'utf8')).toBe('old home');
  });

  it('replaces a file that is the build’s own (a hard link to it) with a copy', async () => {
    const root = await tempDir('mirror-');
    const [build, copy] = [path.join(root, 'build'), path.join(root, 'copy')];
    await files(build, { 'index.html': 'home', 'feed.xml': 'feed' });
    linkFolder(build, copy);
    expect(mirrorFolder(build, copy)).toEqual({ copied: 2, removed: 0, kept: 0 });
    for (const file of ['index.html', 'feed.xml'])
      expect(statSync(path.join(copy, file)).ino).not.toBe(statSync(path.join(build, file)).ino);
    expect(await fileTexts(copy, { folders: true })).toEqual(await fileTexts(build, { folders: true }));
    expect(mirrorFolder(build, copy)).toEqual({ copied: 0, removed: 0, kept: 2 });
  });

  it('links into a new folder only', async () => {
    const root = await tempDir('mirror-');
    await files(path.join(root, 'build'), { 'a.html': 'a' });
    await mkdir(path.join(root, 'copy'));
    expect(() => linkFolder(path.join(root, 'build'), path.join(root, 'copy'))).toThrow(/EEXIST/);
  });
});

describe('swapping a build in and keeping the old one', () => {
  it('puts the new folder in place and the old one where the new one was', async () => {
    const root = await tempDir('swap-');
    const [next, dist] = [path.join(root, 'dist.next'), path.join(root, 'dist')];
    await files(next, { 'index.html': 'first' });
    await swapKeepingOld(next, dist);
    expect(await fileTexts(dist)).toEqual({ 'index.html': 'first' });
    expect(existsSync(next)).toBe(false);

    await files(next, { 'index.html': 'second' });
    await swapKeepingOld(next, dist);
    expect(await fileTexts(dist)).toEqual({ 'index.html': 'second' });
    expect(await fileTexts(next)).toEqual({ 'index.html': 'first' });
    expect(await readdir(root)).toEqual(['dist', 'dist.next']);
  });

  it('leaves the published folder as it was when the new one is missing', async () => {
    const root = await tempDir('swap-');
    const dist = path.join(root, 'dist');
    await files(dist, { 'index.html': 'published' });
    await expect(swapKeepingOld(path.join(root, 'dist.next'), dist)).rejects.toThrow(/ENOENT/);
    expect(await readdir(root)).toEqual(['dist']);
    expect(await fileTexts(dist)).toEqual({ 'index.html': 'published' });
  });
});
