import { rename, stat } from 'node:fs/promises';

/** Marks the old published folder while a swap moves it: `dist.old-<pid>`. */
export const OLD_MARK = '.old-';

/**
 * Swaps `next` in for `target` and keeps the old `target` as the new `next`,
 * for the next publish to bring up to date instead of copying a whole site
 * (src/lib/publish/mirror.ts). Three renames; `target` is never missing for
 * longer than the second. When the third fails, the new site is in place and
 * the old one stays as `<target>.old-<pid>`, which the next publish removes.
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
