/**
 * A fingerprint of everything a build reads: the content folder, the
 * settings that change the output without changing content (as values:
 * the site owner's file is not hashed as code, so a new comment in it
 * changes nothing), and the project's code. Kept next to a published build and in the build folder, so
 * `papers daily` and `papers publish` can tell whether either is already up
 * to date without comparing pages, and never take a build made by older code
 * (a day without papers after a change of templates) for a current one.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { digestOf, type CheckedFile } from '../papers/checked-files.ts';
import { posixRelative } from '../papers/paths.ts';
import { listPaperFiles } from '../papers/store.ts';
import { TAXONOMY_FILE } from '../topics/load.ts';

export const STAMP_FILE = '.content-fingerprint';

/** What of the project, besides content, the built site comes from: its code, assets and dependencies. */
export const CODE_PATHS = ['src', 'public', 'astro.config.mjs', 'package-lock.json'] as const;

/**
 * The site owner's settings file, under CODE_PATHS but left out of the code's
 * hash: it holds only values, which publishFingerprint is given checked and
 * resolved (with the environment's overrides), so what counts is what it says.
 */
export const SETTINGS_FILE = 'src/config.ts';

/**
 * A hash of every paper file and the taxonomy. A paper file's digest in
 * `checked` (a check of this content just now: checked-files.ts) stands for
 * its bytes, so it is not read again.
 */
export async function contentFingerprint(
  contentDir: string,
  extra = '',
  checked: Readonly<Record<string, CheckedFile>> = {},
): Promise<string> {
  const hash = createHash('sha256').update(extra);
  const files = [...(await listPaperFiles(contentDir)).map((file) => file.relativePath), TAXONOMY_FILE];
  for (const file of files) {
    const known = checked[file]?.digest;
    if (known) {
      hash.update(`${file}\u0000digest\u0000${known}`);
      continue;
    }
    const bytes = await readFile(path.join(contentDir, file)).catch(() => Buffer.alloc(0));
    hash.update(`${file}\u0000digest\u0000${digestOf(bytes)}`);
  }
  return hash.digest('hex');
}

/** A hash of every file under CODE_PATHS in `projectRoot` but SETTINGS_FILE, with its path. */
export async function codeFingerprint(projectRoot: string): Promise<string> {
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

/**
 * The fingerprint `papers daily` and `papers publish` stamp a build with;
 * `settings`: what the site's output depends on besides content and code,
 * as JSON-able values: the site's settings as the build resolves them.
 */
export async function publishFingerprint(
  contentDir: string,
  settings: unknown,
  code: string,
  checked: Readonly<Record<string, CheckedFile>> = {},
): Promise<string> {
  return contentFingerprint(contentDir, JSON.stringify({ settings, code }), checked);
}

export async function readStamp(outDir: string): Promise<string | undefined> {
  return readFile(path.join(outDir, STAMP_FILE), 'utf8').then(
    (text) => text.trim(),
    () => undefined,
  );
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
    .map((entry) => posixRelative(root, path.join(entry.parentPath, entry.name)));
}
