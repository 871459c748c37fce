import { existsSync } from 'node:fs';
import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_MARKER, pruneFolder, pruneOutput, startBuild } from '../../src/lib/publish/prune.ts';
import { tempDir } from '../helpers/temp-dir.ts';

/** Writes `files` (relative paths) under `root`, dated an hour ago: the last build's output. */
async function lastBuild(root: string, files: string[]): Promise<void> {
  const hourAgo = new Date(Date.now() - 3_600_000);
  for (const file of files) {
    const absolute = path.join(root, file);
    await mkdir(path.dirname(absolute), { recursive: true });
    await writeFile(absolute, file);
    await utimes(absolute, hourAgo, hourAgo);
  }
}

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

describe('keeping the last build’s output', () => {
  it('removes what the build neither wrote nor listed, and the folders left empty', async () => {
    const dist = await tempDir('prune-');
    await lastBuild(dist, [
      'papers/kept/index.html',
      'papers/deleted/index.html',
      '_astro/old.css',
      'pagefind/2025/pagefind.js',
      '.git/HEAD',
    ]);
    const { since, lastBuildStopped } = startBuild(dist);
    expect(lastBuildStopped).toBe(false);
    await lastBuild(dist, []);
    await writeFile(path.join(dist, '_astro/new.css'), 'written by this build');
    await writeFile(path.join(dist, 'sitemap-index.xml'), 'written by this build');

    const summary = pruneOutput({
      outDir: dist,
      made: new Set(['papers/kept/index.html']),
      since,
      leave: new Set(['.git', 'pagefind']),
    });

    expect(await listFiles(dist)).toEqual([
      '.git/HEAD',
      '_astro/new.css',
      'pagefind/2025/pagefind.js',
      'papers/kept/index.html',
      'sitemap-index.xml',
    ]);
    expect(summary).toEqual({ removedFiles: 2, removedFolders: 1 });
    expect(existsSync(path.join(dist, BUILD_MARKER))).toBe(false);
  });

  it('tells a build that the last one did not finish', async () => {
    const dist = await tempDir('prune-');
    expect(startBuild(dist).lastBuildStopped).toBe(false);
    // The marker is still there: no prune ran.
    expect(startBuild(dist).lastBuildStopped).toBe(true);
  });

  it('empties a folder a step owns of all but the files it lists', async () => {
    const dist = await tempDir('prune-');
    await lastBuild(dist, ['og/papers/a.png', 'og/papers/b.png', 'og/days/x.png', 'index.html']);
    expect(pruneFolder(dist, 'og', new Set(['og/papers/a.png']))).toEqual({
      removedFiles: 2,
      removedFolders: 1,
    });
    expect(await listFiles(dist)).toEqual(['index.html', 'og/papers/a.png']);
    expect(pruneFolder(dist, 'missing', new Set())).toEqual({ removedFiles: 0, removedFolders: 0 });
  });
});
