/**
 * What the dev server's archive is kept by (src/site-archive.ts): the papers'
 * ids and the content layer's digests of their files, in the collection's
 * order. An edited, added or removed paper file changes it; a page request
 * with the content as it was does not, so the dev server does not classify
 * and relate the whole archive again for every page it serves.
 */
import { createHash } from 'node:crypto';

export function contentKey(entries: readonly { id: string; digest?: string | number | undefined }[]): string {
  const hash = createHash('sha256');
  for (const entry of entries) hash.update(`${entry.id}\u0000${entry.digest ?? ''}\u0001`);
  return hash.digest('hex');
}
