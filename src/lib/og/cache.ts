/**
 * The image cache: one `<hash>.png` per rendered card in a flat folder,
 * kept between builds (and between CI runs, if CI saves the folder).
 *
 * Where: `PAPERS_OG_CACHE` (absolute, or relative to the project), else
 * `node_modules/.cache/daily-papers/og/`, which git ignores and CI caches of
 * `node_modules/.cache` keep.
 *
 * Builds may share the folder, even at the same time: a name is the hash of
 * the content, and every file is written under a temporary name and renamed
 * into place, so a reader sees a whole PNG or none. Only pruning
 * (`PAPERS_OG_PRUNE=1`) assumes one build per folder: it deletes every image
 * the current build did not use.
 */
import { constants } from 'node:fs';
import { copyFile, link, readdir, rm, unlink } from 'node:fs/promises';
import { isSameFile } from '../cache-file.ts';
import path from 'node:path';

export const DEFAULT_CACHE_DIR = 'node_modules/.cache/daily-papers/og';

export function resolveCacheDir(projectRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(projectRoot, env['PAPERS_OG_CACHE'] || DEFAULT_CACHE_DIR);
}

export function cacheFile(cacheDir: string, hash: string): string {
  return path.join(cacheDir, `${hash}.png`);
}

/** The hashes the cache holds: one directory read instead of a stat per image. */
export async function cachedHashes(cacheDir: string): Promise<Set<string>> {
  try {
    const names = await readdir(cacheDir);
    return new Set(names.filter((name) => /^[0-9a-f]+\.png$/.test(name)).map((name) => name.slice(0, -4)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Set();
    throw error;
  }
}

/**
 * Puts a cached image at its place in the build: a hard link (no copy, no
 * extra space), or a copy (a reflink where the file system can) when the
 * build is on another file system. The build folder is kept between builds
 * (src/integrations/out-dir.ts): a link already there is left as it is.
 */
export async function emitFile(source: string, target: string): Promise<void> {
  try {
    await link(source, target);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      if (isSameFile(source, target)) return;
      await unlink(target);
      return emitFile(source, target);
    }
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'EMLINK') throw error;
  }
  await copyFile(source, target, constants.COPYFILE_FICLONE);
}

/** Deletes cached images not in `keep`; returns how many went. */
export async function pruneCache(cacheDir: string, keep: ReadonlySet<string>): Promise<number> {
  let removed = 0;
  for (const hash of await cachedHashes(cacheDir)) {
    if (keep.has(hash)) continue;
    await rm(cacheFile(cacheDir, hash), { force: true });
    removed++;
  }
  return removed;
}
