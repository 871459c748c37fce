/**
 * Writes a set of files all or nothing: every file goes to a temporary name
 * first, and only when all are on disk are they renamed into place. If any
 * step fails, files already renamed get their old text back, new ones and
 * temporary ones (a half-written one too) are removed, and so are folders
 * this write created.
 *
 * A run killed in between leaves its temporary files: the next run that
 * writes the content folder removes them (removeLeftoverTemporaries), under
 * the folder's lock, so no other run is writing them.
 */
import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { OutsideFolderError, PAPERS_DIR, posixRelative, resolveInside } from './paths.ts';

export interface FileWrite {
  /** Relative to the root folder. */
  relativePath: string;
  content: string;
  /** The file's text before this write; undefined for a new file. */
  previous: string | undefined;
}

/** The file operations used, replaceable so tests can inject failures. */
export interface WriteOps {
  mkdir: (dir: string) => Promise<string | undefined>;
  writeFile: (file: string, content: string) => Promise<void>;
  rename: (from: string, to: string) => Promise<void>;
  unlink: (file: string) => Promise<void>;
  rmdir: (dir: string) => Promise<void>;
}

export const nodeWriteOps: WriteOps = {
  mkdir: (dir) => fsp.mkdir(dir, { recursive: true }),
  writeFile: async (file, content) => {
    const handle = await fsp.open(file, 'wx');
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename: (from, to) => fsp.rename(from, to),
  unlink: (file) => fsp.unlink(file),
  rmdir: (dir) => fsp.rmdir(dir),
};

/**
 * `.<name>.<pid>-<12 hex digits>.tmp` beside `target`. The random part keeps
 * a name from meeting a killed run's leftover where pids repeat (containers,
 * a cron job in a fresh pid namespace): the file is created exclusively.
 */
function temporaryName(target: string): string {
  const unique = `${process.pid}-${randomBytes(6).toString('hex')}`;
  return path.join(path.dirname(target), `.${path.basename(target)}.${unique}.tmp`);
}

/**
 * Names temporaryName gives, and those of versions before its random part
 * (`.<name>.<pid>-<n>.tmp`): nothing else is taken for a leftover.
 */
const TEMPORARY_NAME = /^\..+\.\d+-[0-9a-f]+\.tmp$/;

/**
 * Removes the temporary files writes into `contentDir` left when their run
 * was killed: in the folder itself (`.ingest-state.json`'s) and under
 * `papers/`, outside hidden folders. Only names of TEMPORARY_NAME's form are
 * touched. Call it holding the folder's lock (src/lib/run-lock/), or it could
 * remove a running write's files. Returns their paths, relative to the folder.
 */
export async function removeLeftoverTemporaries(contentDir: string): Promise<string[]> {
  const root = path.resolve(contentDir);
  const top = await fsp.readdir(root, { withFileTypes: true }).catch(() => []);
  const papers = await fsp
    .readdir(path.join(root, PAPERS_DIR), { recursive: true, withFileTypes: true })
    .catch(() => []);
  const leftovers = [...top, ...papers]
    .filter((entry) => entry.isFile() && TEMPORARY_NAME.test(entry.name))
    .map((entry) => posixRelative(root, path.join(entry.parentPath, entry.name)))
    .filter((file) => !inHiddenFolder(file));
  for (const file of leftovers) await fsp.rm(path.join(root, file), { force: true });
  return leftovers.sort();
}

function inHiddenFolder(relative: string): boolean {
  return relative
    .split('/')
    .slice(0, -1)
    .some((folder) => folder.startsWith('.'));
}

interface Staged {
  target: string;
  temp: string;
  write: FileWrite;
}

export async function writeFilesAtomically(
  root: string,
  writes: readonly FileWrite[],
  ops: WriteOps = nodeWriteOps,
): Promise<void> {
  const createdDirs: string[] = [];
  const staged: Staged[] = [];
  const renamed: Staged[] = [];
  let failing: FileWrite | undefined;
  try {
    for (const write of writes) {
      failing = write;
      const target = resolveInside(root, write.relativePath);
      const temp = temporaryName(target);
      const firstCreated = await ops.mkdir(path.dirname(target));
      if (firstCreated) createdDirs.push(firstCreated);
      // Staged before it is written: a write that fails (ENOSPC) can leave an empty file to remove.
      staged.push({ target, temp, write });
      await ops.writeFile(temp, write.content);
    }
    for (const item of staged) {
      failing = item.write;
      await ops.rename(item.temp, item.target);
      renamed.push(item);
    }
  } catch (error) {
    await rollBack(staged, renamed, createdDirs, ops);
    if (error instanceof OutsideFolderError) throw error;
    throw new WriteError(
      `${failing?.relativePath ?? root}: cannot write it (${describeFsError(error)}); nothing was changed`,
      { cause: error },
    );
  }
}

/** A write that failed and was rolled back: the message names the file. */
export class WriteError extends Error {
  override name = 'WriteError';
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const message = error instanceof Error ? error.message : String(error);
  return code ?? message;
}

async function rollBack(staged: Staged[], renamed: Staged[], createdDirs: string[], ops: WriteOps) {
  for (const item of staged) {
    // The temporary name is this write's own (random), so whatever is there is its own to remove.
    if (!renamed.includes(item)) await ignoreFailure(ops.unlink(item.temp));
  }
  for (const item of renamed.reverse()) {
    if (item.write.previous === undefined) {
      await ignoreFailure(ops.unlink(item.target));
    } else {
      // The old text goes back through a temporary file too, so a crash now
      // still leaves a whole file; one not written whole (a full disk) is
      // dropped, and the file keeps its new text, whole too.
      const restored = await ignoreFailure(ops.writeFile(item.temp, item.write.previous));
      if (restored) await ignoreFailure(ops.rename(item.temp, item.target));
      else await ignoreFailure(ops.unlink(item.temp));
    }
  }
  for (const dir of createdDirs.reverse()) await removeEmptyDirsUpTo(dir, ops);
}

/** `mkdir -p` reports the first folder it made; remove it and what it holds, deepest first, if empty. */
async function removeEmptyDirsUpTo(firstCreated: string, ops: WriteOps) {
  const all = await fsp.readdir(firstCreated, { recursive: true }).catch(() => [] as string[]);
  const dirs = all.map((entry) => path.join(firstCreated, entry)).sort((a, b) => b.length - a.length);
  for (const dir of [...dirs, firstCreated]) await ignoreFailure(ops.rmdir(dir));
}

/** Whether `promise` fulfilled. */
async function ignoreFailure(promise: Promise<unknown>): Promise<boolean> {
  try {
    await promise;
    return true;
  } catch {
    // Rolling back is best effort: the original error is the one to report.
    return false;
  }
}
