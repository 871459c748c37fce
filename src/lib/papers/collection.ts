import path from 'node:path';
import { fileNameToId } from './ids.ts';

/**
 * Collection ids are paper ids exactly (`2610.01092`, `hep-th/9901001`):
 * Astro's default would slugify `2610.01092` into `261001092`. The file name
 * decides, so a front matter id that disagrees is caught by the schema check
 * in `papers validate`, not silently used.
 */
export function collectionEntryId({ entry }: { entry: string }): string {
  return fileNameToId(path.posix.basename(entry));
}
