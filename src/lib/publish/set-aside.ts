/**
 * Takes a folder out of the way at once and removes it in the background:
 * it is renamed next to itself and a child process deletes it while the
 * caller goes on. Used for an output folder a build must not keep (the last
 * build in it did not finish, or wrote elsewhere: src/integrations/out-dir.ts)
 * and for the old copies a publish no longer needs (publish.ts), instead of
 * emptying a folder file by file on the build's one thread: Astro's own
 * emptying of a large site was a large share of the build, while the second
 * core sat idle (docs/decisions/0003-build-speed-ups.md).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { otherBuildsOutput } from './last-output.ts';
import { emptyFolder } from '../prune-folder.ts';
import { lastBuildStopped } from './prune.ts';

const REMOVE = "require('node:fs').rmSync(process.argv[1], { recursive: true, force: true })";

/** Marks the folders this module renamed, so a later run can finish what a stopped one left. */
const MARK = '.removing-';

export interface ClearedOutput {
  /** `set aside` (renamed, removed in the background) or `emptied` (file by file, now). */
  how: 'set aside' | 'emptied';
  /** The last build in the folder did not finish, or the last build wrote elsewhere (that folder). */
  why: { stopped: true } | { lastOutput: string };
  /**
   * Settles when the set-aside folder is gone: with undefined, or with the
   * error that stopped its removal (never rejects: a removal that fails while
   * the build runs must not end the build).
   */
  removal: Promise<unknown>;
}

/** `the last build did not finish: its output was emptied`. */
export function clearedOutputText(cleared: ClearedOutput): string {
  const what = cleared.how === 'set aside' ? 'set aside and is removed in the background' : 'emptied';
  if ('stopped' in cleared.why) return `the last build did not finish: its output was ${what}`;
  return (
    `the last build wrote to ${cleared.why.lastOutput}, not here: this folder's output was ${what}, ` +
    'and Astro copies the pages it keeps from its cache'
  );
}

/**
 * Clears `outDir` when Astro's incremental build could keep a wrong page in
 * it: the last build in it did not finish (prune.ts's start marker is still
 * there), or the last build wrote to another folder (last-output.ts), so a
 * page here may be older than the one Astro's cache key stands for. Sets it
 * aside, or empties it but for the names in `keep` where it cannot be set
 * aside. Undefined when the folder is the last build's finished output.
 */
export function clearStaleOutput(
  outDir: string,
  keep: ReadonlySet<string>,
  astroCacheDir: string,
): ClearedOutput | undefined {
  const stopped = lastBuildStopped(outDir);
  const lastOutput = stopped ? undefined : otherBuildsOutput(astroCacheDir, outDir);
  if (!stopped && lastOutput === undefined) return undefined;
  const why = lastOutput === undefined ? { stopped: true as const } : { lastOutput };
  const removal = setAsideAndRemove(outDir)?.catch((error: unknown) => error);
  if (removal !== undefined) return { how: 'set aside', why, removal };
  emptyFolder(outDir, keep);
  return { how: 'emptied', why, removal: Promise.resolve(undefined) };
}

/**
 * Renames `dir` and starts deleting it and any earlier leftovers of this
 * function beside it; resolves when they are gone. Undefined, with `dir` left
 * as it is, when there is nothing to remove, when it is a symbolic link or
 * holds a `.git` folder (someone publishes it as a repository), or when it
 * cannot be renamed.
 */
export function setAsideAndRemove(folder: string): Promise<void> | undefined {
  // Without a trailing slash (Astro's outDir has one), or the new name would be inside the folder.
  const dir = path.resolve(folder);
  if (!isNonEmptyFolder(dir) || existsSync(path.join(dir, '.git'))) return undefined;
  const aside = `${dir}${MARK}${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    renameSync(dir, aside);
  } catch {
    return undefined;
  }
  const parent = path.dirname(dir);
  const prefix = `${path.basename(dir)}${MARK}`;
  const leftovers = readdirSync(parent)
    .filter((name) => name.startsWith(prefix))
    .map((name) => path.join(parent, name));
  return Promise.all(leftovers.map(removeInChild)).then(() => undefined);
}

function removeInChild(dir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', REMOVE, dir], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`could not remove ${dir} (exit ${code})`)),
    );
  });
}

function isNonEmptyFolder(dir: string): boolean {
  try {
    // A link is left alone: renaming it would leave what it points to as it was.
    return lstatSync(dir).isDirectory() && readdirSync(dir).length > 0;
  } catch {
    return false;
  }
}
