import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedHashes, cacheFile, pruneCache } from '../../src/lib/og/cache.ts';
import { placeCachedFile, writeAtomically } from '../../src/lib/cache-file.ts';
import { tempDir as sharedTempDir } from '../helpers/temp-dir.ts';

const tempDir = () => sharedTempDir('og-cache-');

describe('the image cache folder', () => {
  it('lists the hashes it holds, and nothing for a folder not made yet', async () => {
    const dir = await tempDir();
    expect(await cachedHashes(path.join(dir, 'missing'))).toEqual(new Set());
    await writeAtomically(cacheFile(dir, 'abc123'), Buffer.from('png'));
    await writeFile(path.join(dir, 'abc123.png.1-0.tmp'), 'half');
    await writeFile(path.join(dir, 'notes.txt'), 'x');
    expect(await cachedHashes(dir)).toEqual(new Set(['abc123']));
  });

  it('writes whole files only, leaving no temporary file behind', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'deep/folder/f.png');
    await writeAtomically(file, Buffer.from('data'));
    expect(await readFile(file, 'utf8')).toBe('data');
    expect(await readdir(path.dirname(file))).toEqual(['f.png']);
  });

  it('links a cached image into the build, replacing what is there', async () => {
    const dir = await tempDir();
    const source = cacheFile(dir, 'aa');
    await writeAtomically(source, Buffer.from('image'));
    const target = path.join(dir, 'dist/og/x.png');
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, 'old');
    placeCachedFile(source, target);
    expect(await readFile(target, 'utf8')).toBe('image');
    expect((await stat(target)).ino).toBe((await stat(source)).ino);
    // Already there: left as it is. Linking it again would change its change time (the link
    // count changes). The pause is longer than the clock tick of ext4 and tmpfs, where the tests
    // run; on a file system that stamps whole seconds this check could not fail.
    const before = await stat(target, { bigint: true });
    await new Promise((resolve) => setTimeout(resolve, 20));
    placeCachedFile(source, target);
    expect((await stat(target, { bigint: true })).ctimeNs).toBe(before.ctimeNs);
  });

  it('prunes what a build did not use', async () => {
    const dir = await tempDir();
    for (const hash of ['aa', 'bb', 'cc']) await writeAtomically(cacheFile(dir, hash), Buffer.from(hash));
    expect(await pruneCache(dir, new Set(['bb']))).toBe(2);
    expect(await cachedHashes(dir)).toEqual(new Set(['bb']));
  });
});
