import { existsSync } from 'node:fs';
import { mkdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { emptyFolder, pruneFolder } from '../../src/lib/prune-folder.ts';
import {
  BUILD_MARKER,
  lastBuildStopped,
  madeFromAssets,
  pruneOutput,
  pruneSummaryText,
  startBuild,
} from '../../src/lib/publish/prune.ts';
import { listFiles } from '../helpers/built-site.ts';
import { tempDir } from '../helpers/temp-dir.ts';

/** Writes `files` (relative paths) under `root`: the last build's output. */
async function writeFiles(root: string, files: string[]): Promise<void> {
  for (const file of files) {
    const absolute = path.join(root, file);
    await mkdir(path.dirname(absolute), { recursive: true });
    await writeFile(absolute, file);
  }
}

describe('keeping the last build’s output', () => {
  it('removes what the build neither wrote nor listed, and the folders left empty', async () => {
    const dist = await tempDir('prune-');
    await writeFiles(dist, [
      'papers/kept/index.html',
      'papers/deleted/index.html',
      '_astro/old.css',
      'pagefind/2025/pagefind.js',
      '.git/HEAD',
    ]);
    // Past the file system's timestamp granularity: the files above are older than the marker.
    await sleep(50);
    const since = startBuild(dist);
    await writeFiles(dist, ['_astro/new.css', 'sitemap-index.xml']);
    // A copy that kept its source's modification time (copyFile on macOS and Windows).
    await writeFiles(dist, ['favicon.svg']);
    const longAgo = new Date('2020-01-01');
    await utimes(path.join(dist, 'favicon.svg'), longAgo, longAgo);

    const summary = pruneOutput({
      outDir: dist,
      made: new Set(['papers/kept/index.html']),
      since,
      leave: new Set(['.git', 'pagefind']),
    });

    expect(await listFiles(dist)).toEqual([
      '.git/HEAD',
      '_astro/new.css',
      'favicon.svg',
      'pagefind/2025/pagefind.js',
      'papers/kept/index.html',
      'sitemap-index.xml',
    ]);
    expect(summary).toEqual({ removedFiles: 2, removedFolders: 1 });
    expect(pruneSummaryText(summary)).toBe('removed 2 files and 1 folder');
    expect(existsSync(path.join(dist, BUILD_MARKER))).toBe(false);
  });

  it('tells a build that the last one did not finish', async () => {
    const dist = await tempDir('prune-');
    expect(lastBuildStopped(dist)).toBe(false);
    startBuild(dist);
    // The marker is still there: no prune ran.
    expect(lastBuildStopped(dist)).toBe(true);
    pruneOutput({ outDir: dist, made: new Set(), since: 0, leave: new Set() });
    expect(lastBuildStopped(dist)).toBe(false);
  });

  it('empties a folder but for what it is told to keep', async () => {
    const dist = await tempDir('prune-');
    await writeFiles(dist, ['.git/HEAD', 'index.html', 'papers/a/index.html']);
    emptyFolder(dist, new Set(['.git']));
    expect(await listFiles(dist)).toEqual(['.git/HEAD']);
  });

  it('empties a folder a step owns of all but the files it lists', async () => {
    const dist = await tempDir('prune-');
    await writeFiles(dist, ['og/papers/a.png', 'og/papers/b.png', 'og/days/x.png', 'index.html']);
    expect(pruneFolder(dist, 'og', new Set(['og/papers/a.png']))).toEqual({
      removedFiles: 2,
      removedFolders: 1,
    });
    expect(await listFiles(dist)).toEqual(['index.html', 'og/papers/a.png']);
    expect(pruneFolder(dist, 'missing', new Set())).toEqual({ removedFiles: 0, removedFolders: 0 });
  });

  it('takes the pages a build made from the files Astro lists, as paths relative to the output', () => {
    const dist = path.join(path.sep, 'site', 'dist');
    const assets = new Map([
      ['/papers/[...id]', [pathToFileURL(path.join(dist, 'papers', '2610.00001', 'index.html'))]],
      ['/feeds/all.xml', [pathToFileURL(path.join(dist, 'feeds', 'all.xml'))]],
    ]);
    expect([...madeFromAssets(dist, assets)].sort()).toEqual([
      'feeds/all.xml',
      'papers/2610.00001/index.html',
    ]);
  });
});
