/** Rewrites a generated part of a page of docs/ when it changed, and says which it did. */
import { readFileSync, writeFileSync } from 'node:fs';

/** `page` relative to the project (`docs/content.md`); `update` gives the page with its generated part made anew. */
export function updateDoc(page: string, update: (text: string) => string): void {
  const file = new URL(`../${page}`, import.meta.url);
  const before = readFileSync(file, 'utf8');
  const after = update(before);
  if (after !== before) writeFileSync(file, after);
  process.stdout.write(after === before ? `${page} is up to date\n` : `wrote ${page}\n`);
}
