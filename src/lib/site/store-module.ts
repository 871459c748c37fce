/**
 * The module the pages import Astro's content store from, as a build needs
 * it. Astro writes that module as `export default JSON.parse("…")` with the
 * whole store in one string literal: the bundler carries it, and importing it
 * is slow in a large archive (bench/results/2026-11-26-store-module-50k.md).
 * In a static build the store's file is on disk beside the build while the
 * pages are made, so the module can read it instead, far quicker, and the
 * build need not read, check and quote the whole file to write Astro's module.
 */
import { closeSync, openSync, readSync } from 'node:fs';

/**
 * Whether a store file that starts with `head` is a whole store in one file:
 * devalue's flat array. With Astro's chunked storage the file is a JSON
 * object naming the chunks, and the module Astro writes for it is kept.
 */
export function isOneFileStore(head: string): boolean {
  return head.trimStart().startsWith('[');
}

/** Whether `file` holds a whole store (isOneFileStore); false when it is missing. */
export function isOneFileStoreFile(file: string): boolean {
  return isOneFileStore(fileHead(file));
}

/** The first bytes of `file`, or '' when there is none. */
function fileHead(file: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const head = Buffer.alloc(16);
    return head.toString('utf8', 0, readSync(fd, head, 0, head.length, 0));
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A module whose default export is the parsed JSON of `file`, read when the module is imported. */
export function storeFileModule(file: string): string {
  return [
    "import { readFileSync } from 'node:fs';",
    `export default JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));`,
  ].join('\n');
}
