/**
 * Which output folder Astro's last build wrote to, kept in Astro's cache
 * folder beside its incremental-build manifest.
 *
 * Astro keeps a page already in the output folder when the page's cache key
 * is the one its manifest holds from the last build, wherever that build
 * wrote. Two output folders share one manifest: `papers daily` builds in its
 * own folder, `npm run build` in `dist/`. A folder the last build did not
 * write may hold an older page under a key that has not changed since, and
 * is cleared before a build in it (set-aside.ts), so Astro copies the pages it
 * keeps from its cache.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { readJsonFile, writeAtomically } from '../cache-file.ts';
import { canonicalPath } from '../papers/paths.ts';

export const LAST_OUTPUT_FILE = 'daily-papers-last-output.json';

/** Records `outDir` as the folder the build now starting writes to. */
export async function recordLastOutput(astroCacheDir: string, outDir: string): Promise<void> {
  const record = `${JSON.stringify({ outDir: canonicalPath(outDir) })}\n`;
  await writeAtomically(path.join(astroCacheDir, LAST_OUTPUT_FILE), record);
}

/**
 * The folder the last build wrote to, when it is not `outDir` and `outDir`
 * holds files; undefined otherwise, and when no build recorded one.
 */
export function otherBuildsOutput(astroCacheDir: string, outDir: string): string | undefined {
  const recorded = readJsonFile(path.join(astroCacheDir, LAST_OUTPUT_FILE));
  const last = (recorded as { outDir?: unknown } | undefined)?.outDir;
  if (typeof last !== 'string' || last === canonicalPath(outDir) || isEmptyOrMissing(outDir))
    return undefined;
  return last;
}

function isEmptyOrMissing(folder: string): boolean {
  try {
    return readdirSync(folder).length === 0;
  } catch {
    return true;
  }
}
