/**
 * What the last check of the content folder found valid, so the next check
 * reads again only the files that changed: `papers daily` validates all
 * content before it builds, and at 50,000 papers parsing every file took
 * 23.6 s and hashing them for the build's fingerprint 4.4 s (hand-timed on the
 * bench's archive), against about 25 s for the build itself.
 *
 * A file counts as unchanged when its size, inode and modification and
 * change times are those recorded (the quick check git's index makes): an
 * edit, a copy over it or a checkout changes at least one. The record keeps
 * the file's digest, which stands for its bytes in the build's fingerprint.
 * Records belong to one version of the project's code (`code`): a new schema
 * checks every file again.
 */
import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { readJsonFile, writeAtomically } from '../cache-file.ts';

export interface FileStamp {
  size: number;
  ino: number;
  mtimeMs: number;
  ctimeMs: number;
}

export interface CheckedFile extends FileStamp {
  /** SHA-256 of the file's bytes, hex. */
  digest: string;
}

export interface CheckedFiles {
  /** The project's code the files were checked by (fingerprint.ts codeFingerprint). */
  code: string;
  /** Valid files by their path in the content folder. */
  files: Record<string, CheckedFile>;
}

export const CHECKED_FILES_FILE = 'checked-content.json';

export function stampOf(stats: Stats): FileStamp {
  return { size: stats.size, ino: stats.ino, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs };
}

export function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.size === b.size && a.ino === b.ino && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;
}

export function digestOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The records saved in `file` for `code`; none when missing, damaged or made by other code. */
export function readCheckedFiles(file: string, code: string): Record<string, CheckedFile> {
  const saved = readJsonFile(file) as Partial<CheckedFiles> | undefined;
  if (saved?.code !== code || typeof saved.files !== 'object' || saved.files === null) return {};
  return saved.files;
}

export async function writeCheckedFiles(file: string, checked: CheckedFiles): Promise<void> {
  await writeAtomically(file, JSON.stringify(checked));
}
