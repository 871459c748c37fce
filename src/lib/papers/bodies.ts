/**
 * Abstracts read from their files when first asked for. The content store
 * keeps no abstracts (`retainBody: false` in src/content.config.ts): they were
 * most of its size, and every build serialises, loads and imports the whole
 * store. A build needs the abstracts only of the pages it
 * renders, a thousand or so on a daily update; everything else it derives
 * from an abstract is kept by the hash of the paper's file (the content
 * layer's digest).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { countAbstractRead } from '../build-record.ts';
import { paperDocumentBody } from './document.ts';

interface StoredEntry {
  body?: string | undefined;
  /** The paper's file, relative to the project (the content layer's `filePath`). */
  filePath?: string | undefined;
}

/**
 * Gives each entry that has no `body` but a file one that reads the file
 * the first time it is asked for. The property is enumerable, so a copy of
 * the entry (`{ ...entry }`) has the abstract too.
 */
export function readBodiesOnDemand<T extends StoredEntry>(entries: T[], projectRoot: string): T[] {
  for (const entry of entries) {
    if (entry.body !== undefined || entry.filePath === undefined) continue;
    const file = path.resolve(projectRoot, entry.filePath);
    let body: string | undefined;
    Object.defineProperty(entry, 'body', {
      configurable: true,
      enumerable: true,
      get: () => (body ??= bodyOfFile(file)),
    });
  }
  return entries;
}

function bodyOfFile(file: string): string {
  countAbstractRead();
  try {
    return paperDocumentBody(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: could not read the abstract: ${(error as Error).message}`, { cause: error });
  }
}
