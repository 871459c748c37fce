/**
 * Related lists kept between builds. A paper's list depends only on the
 * papers of its day and before (related.ts), so the lists of days that are
 * as they were at the last build are taken from there, and the pass resumes
 * from its saved state at the first new day: a daily build scores the new
 * day's papers, not the whole archive (what a whole pass costs:
 * bench/results/2026-11-26-lib-steps-50k.md).
 *
 * Each day has a chain hash: its papers' ids, titles and file digests (or
 * abstracts, for entries without a digest), and the hash of the day before. The saved lists are used only when the saved days'
 * hashes are the first days' hashes now; an edit to an older paper changes
 * its day's hash and every later one, and everything is computed again.
 */
import { createHash } from 'node:crypto';
import { readJsonFile } from '../cache-file.ts';
import { papersByDay, RelatedRun, type RelatedInput, type RelatedState } from './related.ts';

/** Bumped when the saved file's shape changes. */
const SAVED_RELATED_FORMAT = 1;

export interface SavedRelated {
  format: number;
  /** What else the lists depend on (see RelatedSettings.version). */
  version: string;
  /** Chain hash of every day so far, oldest first. */
  days: string[];
  lists: Record<string, string[]>;
  state: RelatedState;
}

/** A paper as the related pass sees it; the abstract is made only for papers that are scored. */
export interface RelatedSource {
  id: string;
  date: string;
  title: string;
  /** The abstract's source text: scored, and covered by the chain hash when there is no digest. */
  body: string;
  /** A hash of the paper's file (the content layer's digest): the chain hash covers it instead of the text, which is then read only to score. */
  digest?: string | number | undefined;
}

export interface RelatedSettings {
  /** Papers per list. */
  count: number;
  /** The plain text scored for a body. */
  abstract: (body: string) => string;
  /** Changes whenever the code that makes the lists does; saved lists of another version are not used. */
  version: string;
}

export interface RelatedOutcome {
  lists: Map<string, string[]>;
  /** What to save for the next build; undefined when it is what was saved already. */
  save: SavedRelated | undefined;
  /** Days whose lists came from the saved ones. */
  daysReused: number;
  daysScored: number;
}

export function relatedWithSaved(
  papers: readonly RelatedSource[],
  settings: RelatedSettings,
  saved: SavedRelated | undefined,
): RelatedOutcome {
  const days = papersByDay(papers);
  const version = `${settings.count}\u0000${settings.version}`;
  const chain = chainHashes(days, version);
  const resumed = resume(saved, chain, days, settings.count, version);
  const run = resumed?.run ?? new RelatedRun(settings.count);
  const lists = resumed?.lists ?? new Map<string, string[]>();
  const first = resumed ? resumed.days : 0;
  const toInput = (paper: RelatedSource): RelatedInput => ({
    id: paper.id,
    date: paper.date,
    title: paper.title,
    abstract: settings.abstract(paper.body),
  });
  for (const day of days.slice(first)) {
    for (const [id, list] of run.addDay(day.map(toInput))) lists.set(id, list);
  }
  const unchanged = resumed !== undefined && first === days.length;
  return {
    lists,
    save: unchanged
      ? undefined
      : {
          format: SAVED_RELATED_FORMAT,
          version,
          days: chain,
          lists: Object.fromEntries(lists),
          state: run.save(),
        },
    daysReused: first,
    daysScored: days.length - first,
  };
}

/** What the chain covers of a paper beyond its id, date and title: its file's digest, or its abstract. */
function chainedText(paper: RelatedSource): string {
  return paper.digest === undefined ? paper.body : `file:${paper.digest}`;
}

/** Each day's chain hash, oldest first. */
function chainHashes(days: readonly (readonly RelatedSource[])[], version: string): string[] {
  let previous = createHash('sha256').update(version).digest('hex');
  return days.map((day) => {
    const hash = createHash('sha256').update(previous);
    for (const paper of day)
      hash.update(`\u0001${paper.id}\u0000${paper.date}\u0000${paper.title}\u0000${chainedText(paper)}`);
    previous = hash.digest('hex');
    return previous;
  });
}

/**
 * The saved run and the saved days' lists, when the saved days are this
 * archive's first days; undefined otherwise, or when the saved data does not
 * hold together (a damaged file is computed again, never trusted).
 */
function resume(
  saved: SavedRelated | undefined,
  chain: readonly string[],
  days: readonly (readonly RelatedSource[])[],
  count: number,
  version: string,
): { run: RelatedRun; lists: Map<string, string[]>; days: number } | undefined {
  if (saved?.format !== SAVED_RELATED_FORMAT || saved.version !== version) return undefined;
  if (!Array.isArray(saved.days) || saved.days.length > chain.length) return undefined;
  if (!saved.days.every((hash, index) => hash === chain[index])) return undefined;
  try {
    const lists = new Map<string, string[]>();
    for (const day of days.slice(0, saved.days.length)) {
      for (const paper of day) {
        const list = saved.lists[paper.id];
        if (!Array.isArray(list)) return undefined;
        lists.set(paper.id, list);
      }
    }
    const run = new RelatedRun(count, saved.state);
    if (run.size !== lists.size) return undefined;
    return { run, lists, days: saved.days.length };
  } catch {
    return undefined;
  }
}

/** What a build saved, to hand to relatedWithSaved (which checks it); undefined when there is no file. */
export function readSavedRelated(file: string): SavedRelated | undefined {
  return readJsonFile(file) as SavedRelated | undefined;
}
