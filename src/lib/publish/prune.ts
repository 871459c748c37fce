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
import { lstatSync, readdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { countText } from '../count-text.ts';
import { posixRelative } from '../papers/paths.ts';
import { pruneEntry, type PruneOptions, type PruneSummary } from '../prune-folder.ts';

/** The start marker. Still there when a build starts, it says the last build did not finish. */
export const BUILD_MARKER = '.daily-papers-building';

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
