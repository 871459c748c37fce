/**
 * A fingerprint of everything the build reads from the content folder, kept
 * next to a published build so `papers daily` can tell whether dist/ is
 * already up to date without comparing pages.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { listPaperFiles } from '../papers/store.ts';
import { TAXONOMY_FILE } from '../topics/load.ts';

export const STAMP_FILE = '.content-fingerprint';

export async function contentFingerprint(contentDir: string, extra = ''): Promise<string> {
  const hash = createHash('sha256').update(extra);
  const files = [...(await listPaperFiles(contentDir)).map((file) => file.relativePath), TAXONOMY_FILE];
  for (const file of files) {
    const text = await readFile(path.join(contentDir, file)).catch(() => Buffer.alloc(0));
    hash.update(`${file}\u0000${text.length}\u0000`).update(text);
  }
  return hash.digest('hex');
}

export async function readStamp(outDir: string): Promise<string | undefined> {
  return readFile(path.join(outDir, STAMP_FILE), 'utf8').then(
    (text) => text.trim(),
    () => undefined,
  );
}
