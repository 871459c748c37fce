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
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { digestOf, type CheckedFile } from '../papers/checked-files.ts';
import { listPaperFiles } from '../papers/store.ts';
import { TAXONOMY_FILE } from '../topics/load.ts';

export const STAMP_FILE = '.content-fingerprint';

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
