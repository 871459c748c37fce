/** Reading the taxonomy and the papers to classify from a content folder. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { roughPlainText } from '../papers/plain-text.ts';
import { listPaperFiles, readPaperFile } from '../papers/store.ts';
import type { ClassifyInput } from './classify.ts';
import { parseTaxonomy, TaxonomyError, type Taxonomy } from './taxonomy.ts';

export const TAXONOMY_FILE = 'topics.yaml';

export async function loadTaxonomy(contentDir: string): Promise<Taxonomy> {
  const file = path.join(contentDir, TAXONOMY_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new TaxonomyError(
      `${file}: no such file; every site needs a topic taxonomy (see docs/site.md, Topics)`,
    );
  }
  return parseTaxonomy(text, file);
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
