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
import { existsSync, lstatSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import path from 'node:path';
import { countText } from '../count-text.ts';
import { isInside } from '../papers/paths.ts';
import { linkFolder, mirrorFolder, type MirrorSummary } from './mirror.ts';
import { setAsideAndRemove } from './set-aside.ts';
import { CODE_PATHS } from '../code-version.ts';
import { leftoversOfStoppedSwaps, OLD_MARK, restoreStoppedSwap, swapKeepingOld } from './swap.ts';

export type PublishSummary = { how: 'linked'; files: number } | ({ how: 'mirrored' } & MirrorSummary);

/** A place that cannot be published to, said in a sentence. */
export class PublishError extends Error {}

/**
 * What a publish has to do, from the fingerprints stamped on the published
 * folder and on the build folder (fingerprint.ts): nothing, publish the
 * build folder as it is, or build first.
 */
export function planPublish(
  fingerprint: string,
  stamps: { published: string | undefined; built: string | undefined },
  force: boolean,
): 'up to date' | 'publish the kept build' | 'build' {
  if (force) return 'build';
  if (stamps.published === fingerprint) return 'up to date';
  if (stamps.built === fingerprint) return 'publish the kept build';
  return 'build';
}

/** Where a built site keeps its paper pages: `/papers/<id>/` (src/lib/site/urls.ts), whatever the base path. */
const PAPER_PAGES_DIR = 'papers';

/** How errors name the published folder when the caller gives no name of its own (a flag). */
export const PUBLISHED_FOLDER = 'the published folder';

/** Whether `outDir` holds a built site with paper pages, which a build without papers would empty. */
export function holdsPaperPages(outDir: string): boolean {
  try {
    return readdirSync(path.join(outDir, PAPER_PAGES_DIR)).length > 0;
  } catch {
    return false;
  }
}

/**
 * Throws a PublishError when publishing `buildDir` to `outDir` would lose or
 * break something: `outDir` is a symbolic link (the swap would replace the
 * link, and the folder it points to would go stale), it holds a `.git`
 * folder (the swap moves it away), or one of the folders is inside another.
 * Called before building, so a build is not wasted.
 */
export function checkPublishPlaces(buildDir: string, outDir: string, outDirName = PUBLISHED_FOLDER): void {
  const out = path.resolve(outDir);
  const link = lstatSync(out, { throwIfNoEntry: false });
  if (link?.isSymbolicLink())
    throw new PublishError(
      `${outDir} is a symbolic link; publishing swaps whole folders and would replace it: give the folder it points to (${realpathSync(out)}) as ${outDirName}`,
    );
  if (existsSync(path.join(out, '.git')))
    throw new PublishError(
      `${outDir} holds a .git folder, which publishing (a swap of whole folders) would move away: publish to another folder and copy from there`,
    );
  const build = path.resolve(buildDir);
  for (const place of [out, nextFolder(out)]) {
    if (isInside(build, place) || isInside(place, build))
      throw new PublishError(
        `the build folder ${buildDir} and ${place} must be apart, neither inside the other`,
      );
  }
}

/**
 * Throws a PublishError when `folder`, a folder a build writes or a publish
 * replaces (`what`: the option naming it), could take something that is not
 * a build with it: a build clears an output folder that holds another
 * build's files (src/integrations/out-dir.ts), and a publish swaps the
 * published folder away. So it must not be, hold or lie inside the content
 * folder, hold the project, or lie inside the project's code.
 */
export function checkBuildFolder(
  folder: string,
  what: string,
  contentDir: string,
  projectRoot: string,
): void {
  const target = path.resolve(folder);
  const content = path.resolve(contentDir);
  if (isInside(target, content) || isInside(content, target))
    throw new PublishError(
      `${what} ${folder} and the content folder ${contentDir} must be apart, neither inside the other`,
    );
  if (isInside(path.resolve(projectRoot), target))
    throw new PublishError(`${what} ${folder} holds the project; give a folder of its own`);
  for (const code of CODE_PATHS) {
    if (isInside(target, path.resolve(projectRoot, code)))
      throw new PublishError(`${what} ${folder} is inside the project's ${code}; give a folder of its own`);
  }
}

/**
 * Publishes `buildDir` to `outDir`. A file system error on the way (a full
 * disk while `<out>.next` is brought up to date, a rename the file system
 * refuses) is a PublishError that says what failed and what became of
 * `outDir`: left as it was, as nothing touches it before the swap, and a
 * swap that fails halfway moves the old site back.
 */
export async function publishBuild(
  buildDir: string,
  outDir: string,
  options: { link: boolean; /** How the user names outDir in errors. */ outDirName?: string },
): Promise<PublishSummary> {
  const outDirName = options.outDirName ?? PUBLISHED_FOLDER;
  checkPublishPlaces(buildDir, outDir, outDirName);
  try {
    return await publishChecked(buildDir, outDir, options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code !== 'string' || !code.startsWith('E')) throw error;
    throw new PublishError(publishFailureText(outDir, code, error as Error, outDirName));
  }
}

/** What to do about a file system error while publishing, by its code. */
const FAILURE_HINTS: Record<string, (outDir: string, outDirName: string) => string> = {
  ENOSPC: () => 'free space on its disk and run again',
  EDQUOT: () => 'free space within your disk quota and run again',
  EXDEV: sameFileSystemHint,
  EBUSY: sameFileSystemHint,
  EACCES: () => 'check that papers may write there and beside it',
  EPERM: () => 'check that papers may write there and beside it',
  EROFS: () => 'the file system is read-only: publish to a writable folder',
};

function sameFileSystemHint(outDir: string, outDirName: string): string {
  return (
    `publishing renames ${outDir} and ${outDir}.next beside it, so both must be on one file system ` +
    `and ${outDir} must not be a mount point: give a folder inside the mounted one as ${outDirName}`
  );
}

/** `cannot publish to dist: ENOSPC: no space left on device, copyfile '…' -> '…'; dist was left as it was: free space…`. */
export function publishFailureText(outDir: string, code: string, error: Error, outDirName: string): string {
  const what = error.message.split('\n')[0] ?? code;
  const hint = FAILURE_HINTS[code]?.(outDir, outDirName);
  const left = existsSync(outDir)
    ? `${outDir} was left as it was`
    : `${outDir} is missing and the last published site is beside it (${path.basename(path.resolve(outDir))}${OLD_MARK}<pid>), which the next publish puts back`;
  return `cannot publish to ${outDir}: ${what}; ${left}${hint ? `: ${hint}` : ''}`;
}

async function publishChecked(
  buildDir: string,
  outDir: string,
  options: { link: boolean },
): Promise<PublishSummary> {
  const out = path.resolve(outDir);
  const next = nextFolder(out);
  // A stopped swap's old folder may be the only published site: it goes back, not away.
  restoreStoppedSwap(out);
  const removals = leftoversOfStoppedSwaps(out).map(removeInBackground);
  let summary: PublishSummary;
  if (options.link) {
    if (existsSync(next)) removals.push(removeInBackground(next));
    summary = { how: 'linked', files: linkFolder(buildDir, next) };
  } else {
    summary = { how: 'mirrored', ...mirrorFolder(buildDir, next) };
  }
  await swapKeepingOld(next, out);
  await Promise.all(removals);
  return summary;
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

/** Sets `folder` aside and removes it in the background, or removes it now where it cannot be set aside. */
function removeInBackground(folder: string): Promise<void> {
  // A folder left by a failed removal goes with the next one set aside beside it.
  const removal = setAsideAndRemove(folder)?.catch(() => undefined);
  if (removal) return removal;
  rmSync(folder, { recursive: true, force: true });
  return Promise.resolve();
}
