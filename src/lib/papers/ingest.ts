/**
 * Turns the papers a source yields into planned file writes: new files for
 * new papers, merged files for papers already in the archive, nothing for
 * papers whose file would not change.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatNumber } from '../count-text.ts';
import type { FileWrite } from './atomic.ts';
import { serializePaperDocument } from './document.ts';
import { freshPaper, mergePaper, type StoredPaper } from './merge.ts';
import { paperRelativePath } from './paths.ts';
import { describeIssues, FIELD_LIMITS, paperSchema, type PaperSource } from './schema.ts';
import type { ItemProblem, SourcePaper } from './source-paper.ts';
import { checkPaperText, listPaperFiles, type PaperFile } from './store.ts';

export type PaperStatus = 'new' | 'updated' | 'unchanged';

export interface PaperOutcome {
  id: string;
  status: PaperStatus;
  /** The day the paper's file belongs to (its first listing). */
  date: string;
  relativePath: string;
  /** Set when the source lists the paper on a later day than its file. */
  listedAgainOn?: string;
}

export interface IngestPlan {
  outcomes: PaperOutcome[];
  writes: FileWrite[];
  problems: ItemProblem[];
}

export interface IngestRequest {
  contentDir: string;
  source: PaperSource;
  papers: readonly SourcePaper[];
  /** Overrides each paper's own listing day. */
  date?: string;
}

export async function planIngest(request: IngestRequest): Promise<IngestPlan> {
  const existingById = new Map((await listPaperFiles(request.contentDir)).map((file) => [file.id, file]));
  const plan: IngestPlan = { outcomes: [], writes: [], problems: [] };
  const seen = new Set<string>();
  for (const sourcePaper of request.papers) {
    if (seen.has(sourcePaper.id)) continue;
    seen.add(sourcePaper.id);
    const item = `paper ${sourcePaper.id}`;
    const built = buildIncoming(sourcePaper, request);
    if ('problem' in built) {
      plan.problems.push({ item, message: built.problem });
      continue;
    }
    const existing = existingById.get(sourcePaper.id);
    const step = existing ? await planUpdate(request.contentDir, existing, built) : planNew(built);
    if ('problem' in step) plan.problems.push({ item, message: step.problem });
    else {
      plan.outcomes.push(step.outcome);
      if (step.write) plan.writes.push(step.write);
    }
  }
  plan.writes.sort((a, b) => a.relativePath.localeCompare(b.relativePath));
  return plan;
}

/** How the problem of a paper whose file is invalid begins; the file is left as it is. */
export const INVALID_FILE = 'its file is invalid, so it was left alone';

/** The problem of a paper the source gives no day for, when the request names none (IngestRequest.date). */
export const NO_LISTING_DAY = 'no listing day: the source gives none';

type Built = StoredPaper | { problem: string };

function buildIncoming(paper: SourcePaper, request: IngestRequest): Built {
  const date = request.date ?? paper.listedOn;
  if (!date) return { problem: NO_LISTING_DAY };
  if (!paper.abstract.trim()) return { problem: 'field "abstract": expected non-empty text, got nothing' };
  if (paper.abstract.length > FIELD_LIMITS.body) {
    return {
      problem: `field "abstract": expected at most ${formatNumber(FIELD_LIMITS.body)} characters of Markdown, got ${formatNumber(paper.abstract.length)}`,
    };
  }
  const { abstract, listedOn: _listedOn, ...fields } = paper;
  const input = { ...fields, date, source: request.source };
  const parsed = paperSchema.safeParse(input);
  if (!parsed.success) {
    const first = describeIssues(parsed.error, input)[0];
    return {
      problem: first ? `field "${first.field}": ${first.expected}, got ${first.got}` : 'invalid paper',
    };
  }
  return { paper: parsed.data, body: abstract };
}

type Step = { outcome: PaperOutcome; write?: FileWrite } | { problem: string };

function planNew(incoming: StoredPaper): Step {
  const relativePath = paperRelativePath(incoming.paper.id, incoming.paper.date);
  const stored = freshPaper(incoming);
  return {
    outcome: { id: incoming.paper.id, status: 'new', date: incoming.paper.date, relativePath },
    write: { relativePath, content: serializePaperDocument(stored.paper, stored.body), previous: undefined },
  };
}

async function planUpdate(contentDir: string, file: PaperFile, incoming: StoredPaper): Promise<Step> {
  const previous = await readFile(path.join(contentDir, file.relativePath), 'utf8');
  const current = checkPaperText(previous, file);
  if (!current.ok) {
    return {
      problem: `${INVALID_FILE}: ${current.problems[0]}`,
    };
  }
  const merged = mergePaper({ paper: current.paper, body: current.body }, incoming);
  const content = serializePaperDocument(merged.paper, merged.body);
  // Compared as values, not bytes: a file a person formatted their own way
  // (comments, key order) is only rewritten when something really changed.
  const unchanged = content === serializePaperDocument(current.paper, current.body);
  const outcome: PaperOutcome = {
    id: file.id,
    status: unchanged ? 'unchanged' : 'updated',
    date: file.date,
    relativePath: file.relativePath,
    ...(incoming.paper.date !== file.date && { listedAgainOn: incoming.paper.date }),
  };
  return unchanged ? { outcome } : { outcome, write: { relativePath: file.relativePath, content, previous } };
}
