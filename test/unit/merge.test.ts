import { describe, expect, it } from 'vitest';
import { fingerprint, freshPaper, mergePaper, type StoredPaper } from '../../src/lib/papers/merge.ts';
import { paperSchema } from '../../src/lib/papers/schema.ts';

function stored(fields: Record<string, unknown>, body = 'Abstract v1.'): StoredPaper {
  return {
    paper: paperSchema.parse({
      id: '2610.01090',
      title: 'Title v1',
      authors: ['A'],
      date: '2026-10-03',
      source: 'hf',
      ...fields,
    }),
    body,
  };
}

describe('merging a new ingest into an existing paper', () => {
  it('records fingerprints of what the ingester wrote', () => {
    const first = freshPaper(stored({}));
    expect(first.paper.ingested).toEqual({
      title: fingerprint('Title v1'),
      authors: fingerprint(['A']),
      abstract: fingerprint('Abstract v1.'),
    });
  });

  it('takes the source’s new counts, links and text when nobody edited them', () => {
    const existing = freshPaper(stored({ upvotes: 1 }));
    const incoming = stored(
      { title: 'Title v2', authors: ['A', 'B'], upvotes: 9, comments: 2, github: 'https://github.com/x/y' },
      'Abstract v2.',
    );
    const merged = mergePaper(existing, incoming);
    expect(merged.paper).toMatchObject({ title: 'Title v2', authors: ['A', 'B'], upvotes: 9, comments: 2 });
    expect(merged.paper.github).toBe('https://github.com/x/y');
    expect(merged.body).toBe('Abstract v2.');
    expect(merged.paper.ingested?.title).toBe(fingerprint('Title v2'));
  });

  it('keeps hand edits: topics, a corrected title, an edited abstract, fields the source lacks', () => {
    const ingested = freshPaper(stored({}));
    const edited: StoredPaper = {
      paper: {
        ...ingested.paper,
        title: 'Corrected title',
        topics: ['reasoning'],
        projectPage: 'https://example.org',
      },
      body: 'A better abstract.',
    };
    const merged = mergePaper(edited, stored({ title: 'Title v2', upvotes: 5 }, 'Abstract v2.'));
    expect(merged.paper.title).toBe('Corrected title');
    expect(merged.paper.topics).toEqual(['reasoning']);
    expect(merged.paper.projectPage).toBe('https://example.org');
    expect(merged.body).toBe('A better abstract.');
    expect(merged.paper.upvotes).toBe(5);
    // Authors were not edited, so they still follow the source.
    expect(merged.paper.ingested?.authors).toBe(fingerprint(['A']));
  });

  it('keeps the first listing day and source', () => {
    const merged = mergePaper(freshPaper(stored({})), stored({ date: '2026-10-09', source: 'arxiv' }));
    expect(merged.paper.date).toBe('2026-10-03');
    expect(merged.paper.source).toBe('hf');
  });

  it('treats a file written by hand (no fingerprints) as edited throughout', () => {
    const merged = mergePaper(stored({}), stored({ title: 'Other', upvotes: 4 }, 'Other abstract.'));
    expect(merged.paper.title).toBe('Title v1');
    expect(merged.body).toBe('Abstract v1.');
    expect(merged.paper.upvotes).toBe(4);
    expect(merged.paper.ingested).toBeUndefined();
  });
});
