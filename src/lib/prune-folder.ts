/**
 * Removing from a folder what a step did not make: for the build's output
 * folder (publish/prune.ts, which says why it is kept and pruned), the
 * social images' folder (og/build.ts) and the search index's pieces
 * (search/indexer.ts).
 */
import { existsSync, lstatSync, readdirSync, rmdirSync, rmSync, unlinkSync } from 'node:fs';
import path from 'node:path';

export interface PruneOptions {
  outDir: string;
  /** Files, relative to outDir and `/`-separated, that the build made without writing them now. */
  made: ReadonlySet<string>;
  /** When the build started: the marker's modification time (publish/prune.ts, startBuild). */
  since: number;
  /** Top-level names left alone, with everything under them. */
  leave: ReadonlySet<string>;
}

export interface PruneSummary {
  removedFiles: number;
  removedFolders: number;
}

/** Removes everything in `outDir` but the names in `keep`, as Astro empties its output folder. */
export function emptyFolder(outDir: string, keep: ReadonlySet<string>): void {
  for (const name of readdirSync(outDir)) {
    if (!keep.has(name)) rmSync(path.join(outDir, name), { recursive: true, force: true });
  }
}

/**
 * Removes from `folder` (relative to outDir) every file not in `made`, and the
 * folders left empty: for a step that owns a folder and knows all it holds.
 */
export function pruneFolder(outDir: string, folder: string, made: ReadonlySet<string>): PruneSummary {
  const summary: PruneSummary = { removedFiles: 0, removedFolders: 0 };
  if (!existsSync(path.join(outDir, folder))) return summary;
  const options = { outDir, made, since: Number.POSITIVE_INFINITY, leave: new Set<string>() };
  pruneEntry(options, folder, true, summary);
  return summary;
}

/** Prunes one entry; returns whether it is gone. */
export function pruneEntry(
  options: PruneOptions,
  relative: string,
  isFolder: boolean,
  summary: PruneSummary,
): boolean {
  const absolute = path.join(options.outDir, relative);
  if (isFolder) {
    let kept = 0;
    for (const entry of readdirSync(absolute, { withFileTypes: true })) {
      if (!pruneEntry(options, `${relative}/${entry.name}`, entry.isDirectory(), summary)) kept += 1;
    }
    if (kept > 0) return false;
    rmdirSync(absolute);
    summary.removedFolders += 1;
    return true;
  }
  // The set first: most files are pages Astro kept, and need no stat.
  if (options.made.has(relative) || writtenSince(absolute, options.since)) return false;
  unlinkSync(absolute);
  summary.removedFiles += 1;
  return true;
}

function writtenSince(file: string, since: number): boolean {
  const stat = lstatSync(file);
  return Math.max(stat.mtimeMs, stat.ctimeMs) >= since;
}
