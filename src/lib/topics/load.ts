/** Reading the taxonomy and the papers to classify from a content folder. */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { roughPlainText } from '../papers/plain-text.ts';
import { listPaperFiles, readPaperFile } from '../papers/store.ts';
import type { ClassifyInput } from './classify.ts';
import { parseTaxonomy, TaxonomyError, type Taxonomy } from './taxonomy.ts';

export const TAXONOMY_FILE = 'topics.yaml';

export async function loadTaxonomy(contentDir: string): Promise<Taxonomy> {
  const file = path.join(contentDir, TAXONOMY_FILE);
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    throw taxonomyReadError(file, error);
  });
  return parseTaxonomy(text, file);
}

/** The text of the taxonomy file `file`, for the build, with loadTaxonomy's errors. */
export function readTaxonomyText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw taxonomyReadError(file, error);
  }
}

/** A missing taxonomy said in a sentence: the build cannot do without one. */
function taxonomyReadError(file: string, error: unknown): unknown {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return error;
  return new TaxonomyError(
    `${file}: no such file; every site needs a topic taxonomy: check the content folder (--content-dir, PAPERS_CONTENT_DIR), or copy the project's content/${TAXONOMY_FILE} there and edit it (docs/site.md, Topics)`,
  );
}

export interface ClassifiablePaper extends ClassifyInput {
  id: string;
  /** The listing day. */
  date: string;
}

/** Every valid paper, as the classifier reads it. Invalid files are left to `papers validate`. */
export async function loadClassifiablePapers(contentDir: string): Promise<ClassifiablePaper[]> {
  const papers: ClassifiablePaper[] = [];
  for (const file of await listPaperFiles(contentDir)) {
    const result = await readPaperFile(contentDir, file);
    if (!result.ok) continue;
    const { paper, body } = result;
    papers.push({
      id: paper.id,
      date: paper.date,
      title: paper.title,
      abstract: roughPlainText(body),
      keywords: paper.keywords,
      categories: paper.categories,
      topics: paper.topics,
    });
  }
  return papers;
}
