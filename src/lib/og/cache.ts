/**
 * The image cache: one `<hash>.png` per rendered card in a flat folder,
 * kept between builds (and between CI runs, if CI saves the folder).
 *
 * Where: `PAPERS_OG_CACHE` (absolute, or relative to the project), else
 * `node_modules/.cache/daily-papers/og/`, which git ignores and CI caches of
 * `node_modules/.cache` keep (src/lib/config/env.ts).
 *
 * Builds may share the folder, even at the same time: a name is the hash of
 * the content, and every file is written under a temporary name and renamed
 * into place, so a reader sees a whole PNG or none. Only pruning
 * (`PAPERS_OG_PRUNE=1`) assumes one build per folder: it deletes every image
 * the current build did not use.
 */
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';

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
