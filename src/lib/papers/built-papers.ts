/**
 * The papers of the collection, once the pages' part of the build has
 * loaded them (src/site-archive.ts), kept for the social images' step after
 * the pages (src/integrations/og-images.ts), which then need not read the
 * archive again. Kept as the rest of the build's record is
 * (src/lib/build-record.ts), and for the same reason: the pages and the
 * integrations each hold their own copy of this module, and reach one list
 * through a global symbol.
 */
import type { Paper } from './schema.ts';

/** A paper as the collection held it. */
export interface BuiltPaper {
  id: string;
  data: Paper;
  body?: string | undefined;
}

const PAPERS = Symbol.for('daily-papers.built-papers');

type Holder = { [PAPERS]?: readonly BuiltPaper[] | undefined };

/** The papers of the collection, once the pages' part of the build has loaded them. */
export function builtPapers(): readonly BuiltPaper[] | undefined {
  return (globalThis as Holder)[PAPERS];
}

export function recordBuiltPapers(papers: readonly BuiltPaper[]): void {
  (globalThis as Holder)[PAPERS] = papers;
}

/** Forgets them: at the start of a build, with clearBuildRecord. */
export function clearBuiltPapers(): void {
  (globalThis as Holder)[PAPERS] = undefined;
}
