/**
 * How a new ingest of a paper combines with the file already on disk.
 *
 * - Counts and links the source owns (upvotes, comments, links, keywords,
 *   summary, ...) take the source's new value when it gives one.
 * - Title, authors and abstract follow the source only while they are as the
 *   ingester last wrote them (their fingerprints in `ingested` match): a
 *   person's correction is never overwritten.
 * - Everything else (topics, date, source, fields the source does not give)
 *   stays as it is.
 */
import { createHash } from 'node:crypto';
import type { Paper } from './schema.ts';

const SOURCE_OWNED = [
  'published',
  'updated',
  'upvotes',
  'comments',
  'github',
  'projectPage',
  'submittedBy',
  'keywords',
  'categories',
  'primaryCategory',
  'aiSummary',
  'thumbnail',
] as const satisfies readonly (keyof Paper)[];

export interface StoredPaper {
  paper: Paper;
  body: string;
}

export function fingerprint(value: string | readonly string[]): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/** The stored form of a paper the ingester writes for the first time. */
export function freshPaper(incoming: StoredPaper): StoredPaper {
  const { paper, body } = incoming;
  return {
    paper: {
      ...paper,
      ingested: {
        title: fingerprint(paper.title),
        authors: fingerprint(paper.authors),
        abstract: fingerprint(body),
      },
    },
    body,
  };
}

export function mergePaper(existing: StoredPaper, incoming: StoredPaper): StoredPaper {
  const merged: Paper = { ...existing.paper };
  for (const key of SOURCE_OWNED) {
    const value = incoming.paper[key];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    Object.assign(merged, { [key]: value });
  }
  const recorded = existing.paper.ingested ?? {};
  const followsSource = {
    title: recorded.title === fingerprint(existing.paper.title),
    authors: recorded.authors === fingerprint(existing.paper.authors),
    abstract: recorded.abstract === fingerprint(existing.body),
  };
  if (followsSource.title) merged.title = incoming.paper.title;
  if (followsSource.authors && incoming.paper.authors.length > 0) merged.authors = incoming.paper.authors;
  const body = followsSource.abstract && incoming.body ? incoming.body : existing.body;
  if (!existing.paper.ingested) return { paper: merged, body };
  merged.ingested = {
    ...recorded,
    ...(followsSource.title && { title: fingerprint(merged.title) }),
    ...(followsSource.authors && { authors: fingerprint(merged.authors) }),
    ...(followsSource.abstract && { abstract: fingerprint(body) }),
  };
  return { paper: merged, body };
}
