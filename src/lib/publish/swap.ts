/**
 * Puts a finished build in place of the published one with two renames, so
 * `dist/` is always either the last good build or the new one, never half.
 */
import { rename, rm, stat } from 'node:fs/promises';

export async function replaceDirectory(next: string, target: string): Promise<void> {
  const old = `${target}.old-${process.pid}`;
  const hadTarget = await stat(target).then(
    () => true,
    () => false,
  );
  if (hadTarget) await rename(target, old);
  try {
    await rename(next, target);
  } catch (error) {
    if (hadTarget) await rename(old, target);
    throw error;
  }
  if (hadTarget) await rm(old, { recursive: true, force: true });
}

/**
 * Swaps `next` in for `target` and keeps the old `target` as the new `next`,
 * for the next publish to bring up to date instead of copying a whole site
 * (src/lib/publish/mirror.ts). Three renames; `target` is never missing for
 * longer than the second.
 */
export async function swapKeepingOld(next: string, target: string): Promise<void> {
  const hadTarget = await stat(target).then(
    () => true,
    () => false,
  );
  if (!hadTarget) return rename(next, target);
  const old = `${target}.old-${process.pid}`;
  await rename(target, old);
  try {
    await rename(next, target);
  } catch (error) {
    await rename(old, target);
    throw error;
  }
  await rename(old, next);
}
