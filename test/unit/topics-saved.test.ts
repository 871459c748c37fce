import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPaperFiles, readPaperFile } from '../../src/lib/papers/store.ts';
import type { PaperEntry } from '../../src/lib/papers/entry.ts';
import { createTopicResolver, type SavedClassification } from '../../src/lib/topics/index.ts';
import { loadTaxonomy } from '../../src/lib/topics/load.ts';
import { readSavedTopics, savedTopicsText } from '../../src/lib/topics/saved.ts';
import type { Taxonomy } from '../../src/lib/topics/taxonomy.ts';

const CONTENT = path.resolve(import.meta.dirname, '../../content');

let taxonomy: Taxonomy;
let papers: PaperEntry[];
let dir: string;
beforeAll(async () => {
  taxonomy = await loadTaxonomy(CONTENT);
  papers = [];
  for (const file of await listPaperFiles(CONTENT)) {
    const read = await readPaperFile(CONTENT, file);
    if (read.ok) papers.push({ id: read.paper.id, data: read.paper, body: read.body });
  }
  dir = await mkdtemp(path.join(os.tmpdir(), 'papers-topics-saved-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Classifies every paper with what an earlier build saved; says which were classified again. */
function classifyWith(saved: ReadonlyMap<string, SavedClassification>, all = papers) {
  const resolver = createTopicResolver(taxonomy);
  resolver.remember(saved);
  const topics = new Map(all.map((paper) => [paper.id, resolver.topicsOf(paper)]));
  const classifications = resolver.classifications();
  const classified = [...classifications]
    .filter(([key, value]) => saved.get(key) !== value)
    .map(([key]) => key.split('\u0000')[0]);
  return { topics, classifications, classified };
}

describe('topic classifications kept between builds', () => {
  it('are read back as written, and reused for unchanged papers with the same topics', async () => {
    expect(papers.length).toBeGreaterThan(10);
    const first = classifyWith(new Map());
    expect(first.classified.length).toBe(papers.length);
    const file = path.join(dir, 'topics.json');
    await writeFile(file, savedTopicsText(first.classifications, 'v1'));
    const saved = readSavedTopics(file, 'v1');
    expect(saved).toEqual(first.classifications);

    const again = classifyWith(saved);
    expect(again.classified).toEqual([]);
    expect(again.topics).toEqual(first.topics);
  });

  // src/lib/papers/bodies.ts: the store keeps no abstracts, so the digest must stand for them.
  it('go by the file’s digest when there is one, without reading the abstract', () => {
    const withDigest = papers.map((paper, index) => ({ ...paper, digest: `d${index}` }));
    const first = classifyWith(new Map(), withDigest);
    let read = 0;
    const lazy = withDigest.map((paper) => ({
      id: paper.id,
      data: paper.data,
      digest: paper.digest,
      get body() {
        read += 1;
        return paper.body;
      },
    }));
    const again = classifyWith(first.classifications, lazy);
    expect(again.classified).toEqual([]);
    expect(read).toBe(0);
    const [edited, ...rest] = lazy;
    const changed = classifyWith(first.classifications, [{ ...edited!, digest: 'changed' }, ...rest]);
    expect(changed.classified).toEqual([edited!.id]);
  });

  it('are not used for a paper whose text changed, nor in another version', async () => {
    const fresh = classifyWith(new Map());
    const file = path.join(dir, 'edited.json');
    await writeFile(file, savedTopicsText(fresh.classifications, 'v1'));
    const [edited, ...rest] = papers;
    const changed = { ...edited!, data: { ...edited!.data, title: 'Diffusion models for video generation' } };
    const again = classifyWith(readSavedTopics(file, 'v1'), [changed, ...rest]);
    expect(again.classified).toEqual([edited!.id]);
    expect(again.topics.get(edited!.id)).toEqual(createTopicResolver(taxonomy).topicsOf(changed));
    expect(readSavedTopics(file, 'v2').size).toBe(0);
  });

  it('are none when the file is missing or damaged; damaged entries are dropped', async () => {
    expect(readSavedTopics(path.join(dir, 'missing.json'), 'v1').size).toBe(0);
    const file = path.join(dir, 'damaged.json');
    await writeFile(file, '{"format":1,');
    expect(readSavedTopics(file, 'v1').size).toBe(0);
    await writeFile(
      file,
      JSON.stringify({
        format: 1,
        version: 'v1',
        papers: { a: ['h', ['vision'], false], b: ['h', 'vision', false] },
      }),
    );
    expect([...readSavedTopics(file, 'v1').keys()]).toEqual(['a']);
  });
});
