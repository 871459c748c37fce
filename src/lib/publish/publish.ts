/**
 * Publishes a finished build from the folder `papers daily` builds in (kept
 * between runs, never served) to the folder that is served or uploaded.
 *
 * The build folder is built in place, as `npm run build` builds dist/, so
 * Astro leaves the unchanged pages where they are. Publishing then brings
 * `<out>.next/`, the site as it was before the last publish, up to date with
 * the build, file by file where they differ (mirror.ts), and swaps it in for
 * `<out>`, whose old self becomes the next `<out>.next/` (swap.ts). So the
 * published folder is always a whole build, a failed build leaves it as it
 * was, and a daily publish copies about two days' changes instead of a
 * whole site. Linking (`link`) replaces the copy where nothing will build in
 * the build folder while `<out>` is still served: a CI runner that uploads
 * `<out>` and is thrown away.
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { countText } from '../count-text.ts';
import { linkFolder, mirrorFolder, type MirrorSummary } from './mirror.ts';
import { setAsideAndRemove } from './set-aside.ts';
import { swapKeepingOld } from './swap.ts';

export type PublishSummary = { how: 'linked'; files: number } | ({ how: 'mirrored' } & MirrorSummary);

export async function publishBuild(
  buildDir: string,
  outDir: string,
  options: { link: boolean },
): Promise<PublishSummary> {
  const next = nextFolder(outDir);
  let summary: PublishSummary;
  if (options.link) {
    const removal = existsSync(next) ? removeInBackground(next) : Promise.resolve();
    summary = { how: 'linked', files: linkFolder(buildDir, next) };
    await swapKeepingOld(next, path.resolve(outDir));
    await removal;
  } else {
    summary = { how: 'mirrored', ...mirrorFolder(buildDir, next) };
    await swapKeepingOld(next, path.resolve(outDir));
  }
  return summary;
}

/** Sets `folder` aside and removes it in the background, or removes it now where it cannot be set aside. */
function removeInBackground(folder: string): Promise<void> {
  // A folder left by a failed removal goes with the next one set aside beside it.
  const removal = setAsideAndRemove(folder)?.catch(() => undefined);
  if (removal) return removal;
  rmSync(folder, { recursive: true, force: true });
  return Promise.resolve();
}

/** The copy of the site the next publish brings up to date: `dist.next/` beside `dist/`. */
export function nextFolder(outDir: string): string {
  return `${path.resolve(outDir)}.next`;
}

/** `copied 212 files, removed 3 and kept 110004` or `linked 110219 files`. */
export function publishSummaryText(summary: PublishSummary): string {
  if (summary.how === 'linked') return `linked ${countText(summary.files, 'file')}`;
  return `copied ${countText(summary.copied, 'file')}, removed ${summary.removed} and kept ${summary.kept}`;
}
