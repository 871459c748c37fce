/**
 * Lays the synthetic archive out as content for the reference Hugo site
 * (bench/hugo-site.ts): one page per paper with the topics our classifier gives it
 * and its listing day as taxonomies, so Hugo builds the same paper, day and
 * topic pages and feeds.
 *
 *   node bench/hugo-content.ts --content DIR --out HUGO_CONTENT [--date YYYY-MM-DD]
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { roughPlainText } from '../src/lib/papers/plain-text.ts';
import { classify } from '../src/lib/topics/classify.ts';
import { loadTaxonomy } from '../src/lib/topics/load.ts';
import type { PaperEntry } from '../src/lib/papers/entry.ts';
import { loadEntries } from './archive.ts';

const WRITE_BATCH = 256;

/** Writes the Hugo pages of `contentDir` (only `date`'s when given); returns how many. */
export async function writeHugoContent(contentDir: string, out: string, date?: string): Promise<number> {
  const taxonomy = await loadTaxonomy(contentDir);
  const entries = await loadEntries(contentDir, date);
  if (!date) await rm(out, { recursive: true, force: true });
  const dir = path.join(out, 'papers');
  await mkdir(dir, { recursive: true });
  const write = (entry: PaperEntry) => {
    const { data, body = '' } = entry;
    const { topics } = classify(
      {
        title: data.title,
        abstract: roughPlainText(body),
        keywords: data.keywords,
        categories: data.categories,
        topics: data.topics,
      },
      taxonomy,
    );
    // JSON front matter: Hugo reads it natively and no quoting can go wrong.
    const front = {
      title: data.title,
      date: data.date,
      authors: data.authors,
      paperId: data.id,
      topics,
      days: [data.date],
      url: `/papers/${data.id}/`,
    };
    return writeFile(
      path.join(dir, `${data.id.replaceAll('/', '_')}.md`),
      `${JSON.stringify(front)}\n\n${body}\n`,
    );
  };
  // In batches: 50,000 files at once exhaust the open-file limit.
  for (let start = 0; start < entries.length; start += WRITE_BATCH) {
    await Promise.all(entries.slice(start, start + WRITE_BATCH).map(write));
  }
  return entries.length;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { content: { type: 'string' }, out: { type: 'string' }, date: { type: 'string' } },
  });
  if (!values.content || !values.out) {
    console.error('usage: node bench/hugo-content.ts --content DIR --out DIR [--date YYYY-MM-DD]');
    process.exit(2);
  }
  const count = await writeHugoContent(path.resolve(values.content), path.resolve(values.out), values.date);
  console.log(`${count} Hugo pages in ${values.out}`);
}
