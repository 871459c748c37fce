/**
 * Where the social images live in the built site, relative to the base
 * path. Pages turn these into URLs with urls.ts (`absoluteUrl(assetUrl(path))`),
 * the build writes the files at the same paths.
 */
import { idToFileName } from '../papers/ids.ts';

export { OG_HEIGHT, OG_TYPE, OG_WIDTH } from './format.ts';

/** The folder of all cards inside the built site. */
export const OG_DIR = 'og';

/** `og/papers/2610.01092.png`; an old-style id's `/` becomes `_` as in content file names. */
export function paperImagePath(id: string): string {
  return `${OG_DIR}/papers/${idToFileName(id).replace(/\.md$/, '.png')}`;
}

/** `og/days/2026-10-03.png`. */
export function dayImagePath(date: string): string {
  return `${OG_DIR}/days/${date}.png`;
}
