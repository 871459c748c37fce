/**
 * Writes a set of files all or nothing: every file goes to a temporary name
 * first, and only when all are on disk are they renamed into place. If any
 * step fails, files already renamed get their old text back, new ones are
 * removed, and so are folders this write created.
 */
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { OutsideFolderError, resolveInside } from './paths.ts';

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
  try {
    for (const [index, write] of writes.entries()) {
      const target = resolveInside(root, write.relativePath);
      const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${index}.tmp`);
      const firstCreated = await ops.mkdir(path.dirname(target));
      if (firstCreated) createdDirs.push(firstCreated);
      await ops.writeFile(temp, write.content);
      staged.push({ target, temp, write });
    }
    for (const item of staged) {
      await ops.rename(item.temp, item.target);
      renamed.push(item);
    }
  } catch (error) {
    await rollBack(staged, renamed, createdDirs, ops);
    if (error instanceof OutsideFolderError) throw error;
    const failed = staged.length < writes.length ? writes[staged.length] : staged[renamed.length]?.write;
    throw new WriteError(
      `${failed?.relativePath ?? root}: cannot write it (${describeFsError(error)}); nothing was changed`,
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
    if (!renamed.includes(item)) await ignoreFailure(ops.unlink(item.temp));
  }
  for (const item of renamed.reverse()) {
    if (item.write.previous === undefined) {
      await ignoreFailure(ops.unlink(item.target));
    } else {
      // The old text goes back through a temporary file too, so a crash now
      // still leaves a whole file.
      await ignoreFailure(ops.writeFile(item.temp, item.write.previous));
      await ignoreFailure(ops.rename(item.temp, item.target));
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

async function ignoreFailure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch {
    // Rolling back is best effort: the original error is the one to report.
  }
}
