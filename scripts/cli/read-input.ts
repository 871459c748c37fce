import { readFile } from 'node:fs/promises';
import { contentFolderProblem } from '../../src/lib/papers/store.ts';
import { InputError } from '../../src/lib/sources/types.ts';

/** Reads a file the user named, with the one-line errors the CLI prints. */
export async function readInputFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`${file}: no such file`);
    if (code === 'EISDIR') throw new InputError(`${file}: is a folder, expected a file`);
    if (code === 'EACCES') throw new InputError(`${file}: permission denied`);
    throw new InputError(`${file}: cannot be read (${code ?? (error as Error).message})`);
  }
}

/**
 * Throws an InputError when the content folder the user named is a file, or
 * is missing where the command only reads it (contentFolderProblem). Call it
 * before the folder is locked: a lock beside a file makes no sense.
 */
export function checkContentFolder(contentDir: string, missing: 'refuse' | 'create'): void {
  const problem = contentFolderProblem(contentDir, missing);
  if (problem !== undefined) throw new InputError(problem);
}
