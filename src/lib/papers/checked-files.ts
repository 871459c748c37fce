/**
 * What the last check of the content folder found valid, so the next check
 * parses again only the files that changed: `papers daily` validates all
 * content before it builds, and in a large archive parsing and hashing every
 * file took about as long as the build itself
 * (docs/decisions/0003-build-speed-ups.md).
 *
 * A record stands for a file without reading it when the file's size,
 * device, inode and modification and change times are those recorded, and
 * the file was last written more than a second before the check that
 * recorded it: a write of the same size within the file system clock's tick
 * of a check can leave the times as they were (git's index guards against the
 * same "racy" case). Otherwise the file is read, and when its bytes have the
 * recorded digest it is not parsed again: a fresh checkout (a CI runner) gives
 * every file new times but the same bytes. Records belong to one content
 * folder and one version of the project's code (`code`): a new schema checks
 * every file again.
 */
import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { readJsonFile, writeAtomically } from '../cache-file.ts';

export interface FileStamp {
  size: number;
  dev: number;
  ino: number;
  mtimeMs: number;
  ctimeMs: number;
}

export interface CheckedFile extends FileStamp {
  /** SHA-256 of the file's bytes, hex. */
  digest: string;
}

/** The valid files a check found, and when it started (ms since the epoch). */
export interface KnownFiles {
  checkedAt: number;
  /** By path in the content folder. */
  files: Record<string, CheckedFile>;
}

export interface CheckedFiles extends KnownFiles {
  /** The project's code the files were checked by (src/lib/code-version.ts). */
  code: string;
  /** The content folder's real path. */
  contentDir: string;
}

export const CHECKED_FILES_FILE = 'checked-content.json';

/** How long before a check a file must have been written for its stamp to be trusted. */
const RACY_MS = 1000;

export const NOTHING_KNOWN: KnownFiles = { checkedAt: 0, files: {} };

export function stampOf(stats: Stats): FileStamp {
  const { size, dev, ino, mtimeMs, ctimeMs } = stats;
  return { size, dev, ino, mtimeMs, ctimeMs };
}

/** Whether `record`, made by a check that started at `checkedAt`, stands for a file with `stamp` unread. */
export function trustsStamp(record: FileStamp, stamp: FileStamp, checkedAt: number): boolean {
  const same =
    record.size === stamp.size &&
    record.dev === stamp.dev &&
    record.ino === stamp.ino &&
    record.mtimeMs === stamp.mtimeMs &&
    record.ctimeMs === stamp.ctimeMs;
  return same && Math.max(record.mtimeMs, record.ctimeMs) < checkedAt - RACY_MS;
}

export function digestOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The records saved in `file` for `code` and `contentDir`; none when missing, damaged or another's. */
export function readCheckedFiles(file: string, code: string, contentDir: string): KnownFiles {
  const saved = readJsonFile(file) as Partial<CheckedFiles> | undefined;
  if (saved?.code !== code || saved.contentDir !== contentDir) return NOTHING_KNOWN;
  const { checkedAt, files } = saved;
  if (typeof checkedAt !== 'number' || typeof files !== 'object' || files === null) return NOTHING_KNOWN;
  return { checkedAt, files };
}

export async function writeCheckedFiles(file: string, checked: CheckedFiles): Promise<void> {
  await writeAtomically(file, JSON.stringify(checked));
}
