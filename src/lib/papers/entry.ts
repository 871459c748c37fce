import type { Paper } from './schema.ts';

/**
 * A paper as the site sees it: the shape of a `papers` collection entry
 * (`CollectionEntry<'papers'>` fits it), so src/lib needs no astro:* import
 * and tests can build entries by hand.
 */
export interface PaperEntry {
  /** The paper id exactly: `2610.01092`, `hep-th/9901001`. */
  id: string;
  data: Paper;
  /** The abstract as Markdown. */
  body?: string | undefined;
  /** A hash of the paper's file, from the content layer (absent in entries made by hand). */
  digest?: string | number | undefined;
}
