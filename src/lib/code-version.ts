/**
 * The project's code version: one hash of everything besides content and
 * settings that the built site comes from. It keys what a build derives and
 * keeps (the publish stamp, the content check's record, the saved topics
 * and related lists), so code of another version never reuses them. The
 * social images keep their own key (og/hash.ts): re-rendering every card on
 * any change of code would cost far more than it guards.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** What of the project, besides content, the built site comes from: its code, assets and dependencies. */
export const CODE_PATHS = ['src', 'public', 'astro.config.mjs', 'package-lock.json'] as const;

/**
 * The site owner's settings file, under CODE_PATHS but left out of the code's
 * hash: it holds only values, which publishFingerprint is given checked and
 * resolved (with the environment's overrides), so what counts is what it says.
 */
export const SETTINGS_FILE = 'src/config.ts';

/** A hash of every file under CODE_PATHS in `projectRoot` but SETTINGS_FILE, with its path. */
export async function codeVersion(projectRoot: string): Promise<string> {
  const hash = createHash('sha256');
  const files: string[] = [];
  for (const entry of CODE_PATHS) files.push(...(await filesUnder(projectRoot, entry)));
  for (const file of files.sort()) {
    if (file === SETTINGS_FILE) continue;
    const bytes = await readFile(path.join(projectRoot, file));
    hash.update(`${file}\u0000${bytes.length}\u0000`).update(bytes);
  }
  return hash.digest('hex');
}

/** `relative` itself when it is a file, the files under it when a folder, none when missing; `/`-separated. */
async function filesUnder(root: string, relative: string): Promise<string[]> {
  const absolute = path.join(root, relative);
  const info = await stat(absolute).catch(() => undefined);
  if (!info) return [];
  if (!info.isDirectory()) return [relative];
  const entries = await readdir(absolute, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}
