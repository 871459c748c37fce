import { readFile } from 'node:fs/promises';
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
