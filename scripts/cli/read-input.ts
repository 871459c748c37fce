import { readFile, stat } from 'node:fs/promises';
import { formatBytes } from '../../src/lib/count-text.ts';
import { contentFolderProblem } from '../../src/lib/papers/store.ts';
import { DEFAULT_MAX_RESPONSE_BYTES } from '../../src/lib/sources/http.ts';
import { RunError } from './errors.ts';

/** Reads a file the user named, with the one-line errors the CLI prints. */
export async function readInputFile(file: string, maxBytes = DEFAULT_MAX_RESPONSE_BYTES): Promise<string> {
  try {
    // A listing file has the same bound as a fetched listing.
    const { size, isFile } = await stat(file).then((s) => ({ size: s.size, isFile: s.isFile() }));
    if (isFile && size > maxBytes) {
      throw new RunError(
        `${file}: is ${formatBytes(size)}, larger than any listing (at most ${formatBytes(maxBytes)} are read)`,
      );
    }
    return await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof RunError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new RunError(`${file}: no such file`);
    if (code === 'EISDIR') throw new RunError(`${file}: is a folder, expected a file`);
    if (code === 'EACCES') throw new RunError(`${file}: permission denied`);
    throw new RunError(`${file}: cannot be read (${code ?? (error as Error).message})`);
  }
}

/**
 * Throws a RunError when the content folder the user named is a file, or
 * is missing where the command only reads it (contentFolderProblem). Call it
 * before the folder is locked: a lock beside a file makes no sense.
 */
export function checkContentFolder(contentDir: string, missing: 'refuse' | 'create'): void {
  const problem = contentFolderProblem(contentDir, missing, '--content-dir');
  if (problem !== undefined) throw new RunError(problem);
}
