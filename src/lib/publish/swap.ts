import { rename, stat } from 'node:fs/promises';

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
