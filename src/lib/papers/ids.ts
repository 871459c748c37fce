/**
 * Paper ids and the file names they map to.
 *
 * Three kinds of id are accepted, and nothing else, so an id can never name a
 * path outside the content folder:
 * - new-style arXiv ids, `2610.01092` (versions such as `v2` are stripped);
 * - old-style arXiv ids, `hep-th/9901001` or `math.AG/0601001`;
 * - slugs for papers without an arXiv id, `intriguing-properties-of-...`.
 *
 * File names: an old-style id's `/` becomes `_` (`hep-th_9901001.md`). Archive
 * names never contain `_`, so the mapping reverses exactly.
 */

import { createHash } from 'node:crypto';
import { NEW_STYLE_ID, OLD_STYLE_ID } from './arxiv-id.ts';

export { parseArxivId } from './arxiv-id.ts';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Long enough for a readable title slug, short enough for every file system. */
export const MAX_SLUG_LENGTH = 80;

export type IdKind = 'arxiv' | 'arxiv-old' | 'slug';

export function idKind(id: string): IdKind | undefined {
  if (NEW_STYLE_ID.test(id)) return 'arxiv';
  if (OLD_STYLE_ID.test(id)) return 'arxiv-old';
  if (id.length <= MAX_SLUG_LENGTH && SLUG.test(id) && !/^\d+$/.test(id)) return 'slug';
  return undefined;
}

export function isPaperId(id: string): boolean {
  return idKind(id) !== undefined;
}

export function isArxivId(id: string): boolean {
  const kind = idKind(id);
  return kind === 'arxiv' || kind === 'arxiv-old';
}

/** A stable id for a paper without an arXiv id: the slug of its title. */
export function slugFromTitle(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG_LENGTH) break;
    slug = next;
  }
  // A title with no Latin letters or digits (Chinese, say) still needs a
  // stable id: a fingerprint of the title.
  if (!slug) return `paper-${createHash('sha256').update(title.normalize('NFC')).digest('hex').slice(0, 12)}`;
  // A title of digits only would look like no id at all; keep it a slug.
  return /^\d+$/.test(slug) ? `paper-${slug}` : slug;
}

export function idToFileName(id: string): string {
  return `${id.replace('/', '_')}.md`;
}

export function fileNameToId(fileName: string): string {
  return fileName.replace(/\.md$/, '').replace('_', '/');
}
