/** A folder's files as data, for tests that compare what is on disk before and after. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { posixRelative } from '../../src/lib/papers/paths.ts';

/**
 * Every file under `root` with its text, by `/`-separated path relative to
 * it; with `folders`, every folder too, as `<dir>`. A missing `root` throws,
 * so two missing folders never compare equal, unless `missingIsEmpty`.
 */
export async function fileTexts(
  root: string,
  options: { folders?: boolean; missingIsEmpty?: boolean } = {},
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch((error: unknown) => {
    if (options.missingIsEmpty && (error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  });
  for (const entry of entries) {
    if (!entry.isFile() && !(options.folders && entry.isDirectory())) continue;
    const full = path.join(entry.parentPath, entry.name);
    out[posixRelative(root, full)] = entry.isFile() ? await readFile(full, 'utf8') : '<dir>';
  }
  return out;
}
