/**
 * Keeps the last build's output folder instead of emptying it, and removes
 * afterwards only what the new build did not make.
 *
 * Astro's incremental build leaves a page it need not render where it is
 * when the page is already in the output folder, and copies it from its
 * cache when it is not. Emptying the folder first meant copying every
 * unchanged page back on every build, and deleting every file of the last
 * build (the daily update before and after this and two smaller changes:
 * bench/results/2026-11-26-50k-c.md and -d.md).
 *
 * What the build made: every file written since it started (the bundles,
 * `public/`, the feeds, the sitemap), and every page Astro lists for it,
 * rendered or kept. Everything else is the output of an older build (a
 * deleted paper's page, an old bundle) and goes, as Astro's emptying would
 * have removed it; then the folders left empty. Folders other steps own and
 * keep in step themselves (`pagefind/`, `og/`) and `.git` are left alone.
 *
 * "Written since": a file whose modification or change time is at or after
 * the build's start marker, a file written in the folder itself when the
 * build starts, so both times come from the same file system's clock at its
 * own granularity. The change time too, because a copy may keep its source's
 * modification time (Vite copies `public/` with copyFile, which does on
 * macOS and Windows) but never its change time.
 */
import {
  existsSync,
  lstatSync,
  readdirSync,
  rmdirSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { countText } from '../count-text.ts';
import { posixRelative } from '../papers/paths.ts';

/** The start marker. Still there when a build starts, it says the last build did not finish. */
export const BUILD_MARKER = '.daily-papers-building';

export interface PruneOptions {
  outDir: string;
  /** Files, relative to outDir and `/`-separated, that the build made without writing them now. */
  made: ReadonlySet<string>;
  /** When the build started: the marker's modification time (startBuild). */
  since: number;
  /** Top-level names left alone, with everything under them. */
  leave: ReadonlySet<string>;
}

export interface PruneSummary {
  removedFiles: number;
  removedFolders: number;
}

/** The files of the pages Astro lists for a build (its `assets`), relative to outDir. */
export function madeFromAssets(outDir: string, assets: ReadonlyMap<string, readonly URL[]>): Set<string> {
  const made = new Set<string>();
  for (const urls of assets.values()) {
    for (const url of urls) made.add(posixRelative(outDir, fileURLToPath(url)));
  }
  return made;
}

/** Whether the last build in `outDir` started and did not finish: its marker is still there. */
export function lastBuildStopped(outDir: string): boolean {
  try {
    return lstatSync(path.join(outDir, BUILD_MARKER)).isFile();
  } catch {
    return false;
  }
}

/** Writes the start marker in `outDir` (created when missing) and returns its time. */
export function startBuild(outDir: string): number {
  const marker = path.join(outDir, BUILD_MARKER);
  writeFileSync(marker, '');
  return statSync(marker).mtimeMs;
}

/** Removes everything in `outDir` but the names in `keep`, as Astro empties its output folder. */
export function emptyFolder(outDir: string, keep: ReadonlySet<string>): void {
  for (const name of readdirSync(outDir)) {
    if (!keep.has(name)) rmSync(path.join(outDir, name), { recursive: true, force: true });
  }
}

/** Removes what the build did not make, and the marker. */
export function pruneOutput(options: PruneOptions): PruneSummary {
  const summary: PruneSummary = { removedFiles: 0, removedFolders: 0 };
  for (const entry of readdirSync(options.outDir, { withFileTypes: true })) {
    if (options.leave.has(entry.name) || entry.name === BUILD_MARKER) continue;
    pruneEntry(options, entry.name, entry.isDirectory(), summary);
  }
  unlinkSync(path.join(options.outDir, BUILD_MARKER));
  return summary;
}

/** `removed 1 file and 2 folders`. */
export function pruneSummaryText({ removedFiles, removedFolders }: PruneSummary): string {
  return `removed ${countText(removedFiles, 'file')} and ${countText(removedFolders, 'folder')}`;
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
function pruneEntry(
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
