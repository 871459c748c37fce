/**
 * The files the build keeps between runs (social images, search pages,
 * related lists, topics): read as "nothing saved" when missing or damaged,
 * and replaced whole, so a build stopped halfway leaves the old file or the
 * new one.
 */
import { randomBytes } from 'node:crypto';
import {
  constants,
  copyFileSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Whether two paths name one file (hard links of each other); false when either is missing. */
export function isSameFile(a: string, b: string): boolean {
  try {
    const [first, second] = [statSync(a), statSync(b)];
    return first.ino === second.ino && first.dev === second.dev;
  } catch {
    return false;
  }
}

/** Errors of a file system that cannot link here: across devices, refused, too many, not supported. */
const NO_LINK = new Set(['EXDEV', 'EPERM', 'EMLINK', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

/**
 * Puts a file from a cache (social images, search index pieces) at its place
 * in the build: a hard link, which costs no copy and no space (a cache's
 * files are never changed, only replaced by new ones), or a copy (a reflink
 * where the file system can) across file systems or where links are refused.
 * The same file already there is left as it is; another file there is
 * replaced. Synchronous: tens of thousands of links are faster one after the
 * other than through fs/promises.
 */
export function placeCachedFile(source: string, target: string): void {
  try {
    linkSync(source, target);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      if (isSameFile(source, target)) return;
      rmSync(target, { force: true });
      return placeCachedFile(source, target);
    }
    if (!NO_LINK.has(code ?? '')) throw error;
  }
  copyFileSync(source, target, constants.COPYFILE_FICLONE);
}

/**
 * Makes `to` of links to every file under `from` (placeCachedFile), and
 * returns how many. `last`, a file of `from`, is placed after all others, so
 * a tree cut short never has it. Only names are read, one system call per
 * file; that is slower right after a large deletion
 * (docs/decisions/0003-build-speed-ups.md).
 */
export function linkTree(from: string, to: string, last?: string): number {
  mkdirSync(to, { recursive: true });
  const lastFile = last === undefined ? undefined : path.join(from, last);
  let files = 0;
  for (const entry of readdirSync(from, { recursive: true, withFileTypes: true })) {
    const source = path.join(entry.parentPath, entry.name);
    const target = path.join(to, path.relative(from, source));
    if (entry.isDirectory()) {
      mkdirSync(target, { recursive: true });
    } else if (source !== lastFile) {
      placeCachedFile(source, target);
      files += 1;
    }
  }
  if (last !== undefined) {
    placeCachedFile(path.join(from, last), path.join(to, last));
    files += 1;
  }
  return files;
}

/** The parsed JSON of a file, or undefined when it is missing or not JSON. */
export function readJsonFile(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Writes a file whole or not at all: a concurrent reader never sees half of
 * it. The temporary name has random bytes, as pids repeat across containers
 * that share a cache.
 */
export async function writeAtomically(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, data);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
