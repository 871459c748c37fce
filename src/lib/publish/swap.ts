import { existsSync, lstatSync, readdirSync, renameSync, statSync } from 'node:fs';
import { rename, stat } from 'node:fs/promises';
import path from 'node:path';

/** Marks the old published folder while a swap moves it: `dist.old-<pid>`. */
export const OLD_MARK = '.old-';

/**
 * Swaps `next` in for `target` and keeps the old `target` as the new `next`,
 * for the next publish to bring up to date instead of copying a whole site
 * (src/lib/publish/mirror.ts). Three renames; `target` is never missing for
 * longer than the second. When the third fails, the new site is in place and
 * the old one stays as `<target>.old-<pid>`, which the next publish removes.
 * A run killed between the first two leaves no `target`: restoreStoppedSwap
 * puts the old one back.
 */
export async function swapKeepingOld(next: string, target: string): Promise<void> {
  const hadTarget = await stat(target).then(
    () => true,
    () => false,
  );
  if (!hadTarget) return rename(next, target);
  const old = `${target}${OLD_MARK}${process.pid}`;
  await rename(target, old);
  try {
    await rename(next, target);
  } catch (error) {
    await rename(old, target);
    throw error;
  }
  await rename(old, next).catch(() => undefined);
}

/** `<target>.old-<pid>` folders a swap stopped halfway left, newest first. */
export function leftoversOfStoppedSwaps(target: string): string[] {
  const out = path.resolve(target);
  const name = new RegExp(`^${escapeRegExp(path.basename(out) + OLD_MARK)}\\d+$`);
  const parent = path.dirname(out);
  const entries = existsSync(parent) ? readdirSync(parent, { withFileTypes: true }) : [];
  return entries
    .filter((entry) => entry.isDirectory() && name.test(entry.name))
    .map((entry) => path.join(parent, entry.name))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
}

/**
 * Puts the last published site back where a swap killed between its first
 * two renames left none: `target` is missing and `<target>.old-<pid>` holds
 * the site that was published. Returns the folder it came from, or undefined
 * when `target` is there or no swap left one. Call it holding the published
 * folder's lock (src/lib/run-lock/), before anything else can fail.
 */
export function restoreStoppedSwap(target: string): string | undefined {
  if (lstatSync(target, { throwIfNoEntry: false })) return undefined;
  const [last] = leftoversOfStoppedSwaps(target);
  if (last === undefined) return undefined;
  renameSync(last, path.resolve(target));
  return last;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
