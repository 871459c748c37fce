/** The synthetic archive as the site's library code sees it, for the bench's own steps. */
import { listPaperFiles, readPaperFile } from '../src/lib/papers/store.ts';
import type { PaperEntry } from '../src/lib/papers/entry.ts';

/** Every paper of `contentDir` as a collection entry; `date` keeps only that day. */
export async function loadEntries(contentDir: string, date?: string): Promise<PaperEntry[]> {
  const entries: PaperEntry[] = [];
  for (const file of await listPaperFiles(contentDir)) {
    if (date && file.date !== date) continue;
    const result = await readPaperFile(contentDir, file);
    if (!result.ok) throw new Error(`${file.relativePath}: ${result.problems.join('; ')}`);
    entries.push({ id: result.paper.id, data: result.paper, body: result.body });
  }
  return entries;
}
