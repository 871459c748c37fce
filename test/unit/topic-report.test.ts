import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { topicReport } from '../../src/integrations/topic-report.ts';
import { classifiedPapers, type ClassifiedPaper } from '../../src/lib/build-record.ts';
import { recordedCoverage, topicCoverage } from '../../src/lib/topics/coverage.ts';
import { createTopicResolver } from '../../src/lib/topics/index.ts';
import { listPaperFiles, readPaperFile } from '../../src/lib/papers/store.ts';
import { loadClassifiablePapers, loadTaxonomy } from '../../src/lib/topics/load.ts';

const CONTENT = path.resolve(import.meta.dirname, '../../content');

afterEach(() => classifiedPapers().clear());

describe('the topic report', () => {
  it('counts from what the build classified the same as from the files', async () => {
    const taxonomy = await loadTaxonomy(CONTENT);
    const record = new Map<string, ClassifiedPaper>();
    const resolver = createTopicResolver(taxonomy, { record });
    for (const file of await listPaperFiles(CONTENT)) {
      const read = await readPaperFile(CONTENT, file);
      if (read.ok) resolver.topicsOf({ id: read.paper.id, data: read.paper, body: read.body });
    }
    const papers = await loadClassifiablePapers(CONTENT);
    expect(record.size).toBe(papers.length);
    const ids = [...taxonomy.topics, taxonomy.fallback].map((topic) => topic.id);
    expect(recordedCoverage(record.values(), ids)).toEqual(topicCoverage(papers, taxonomy));
  });

  it('reports the build’s classifications without reading the archive again', async () => {
    const content = await mkdtemp(path.join(os.tmpdir(), 'papers-report-'));
    try {
      await writeFile(
        path.join(content, 'topics.yaml'),
        'topics:\n  - id: vision\n    title: Vision\n    description: Seeing.\n    match: { words: [image] }\n',
      );
      const integration = topicReport(content);
      const hooks = integration.hooks as Record<string, (options: unknown) => unknown>;
      await hooks['astro:build:start']?.({});
      classifiedPapers().set('a\u00002026-10-01', { topics: ['vision'], fellBack: false });
      classifiedPapers().set('b\u00002026-10-01', { topics: ['other'], fellBack: true });
      const lines: string[] = [];
      const logger = { info: (line: string) => lines.push(line), warn: (line: string) => lines.push(line) };
      await hooks['astro:build:done']?.({ logger });
      expect(lines).toEqual([
        '2 papers: 1 (50.0%) in a specific topic, 1 in "other", 1.00 topics a paper; "papers topics --explain <id>" shows why',
      ]);
    } finally {
      await rm(content, { recursive: true, force: true });
    }
  });
});
