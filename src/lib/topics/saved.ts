/**
 * Topic classifications kept between builds, as a whole pass is costly in a
 * large archive (bench/results/2026-11-26-lib-steps-50k.md). A paper keeps
 * its saved topics while its file's digest is the same (or, without a
 * digest, its title, abstract, keywords, categories and hand-set topics hash
 * the same: index.ts); all are dropped when the taxonomy or the classifier's
 * code changes, which the version says.
 */
import { readJsonFile } from '../cache-file.ts';
import type { SavedClassification } from './index.ts';
import { compareIds } from '../papers/ranking.ts';

/** Bumped when the saved file's shape changes. */
const SAVED_TOPICS_FORMAT = 1;

type SavedEntry = [input: string, topics: string[], fellBack: boolean];

interface SavedTopicsFile {
  format: number;
  version: string;
  papers: Record<string, SavedEntry>;
}

/** The classifications saved in `file` for this version; none when missing, damaged or of another version. */
export function readSavedTopics(file: string, version: string): Map<string, SavedClassification> {
  const data = readJsonFile(file) as Partial<SavedTopicsFile> | undefined;
  const saved = new Map<string, SavedClassification>();
  if (data?.format !== SAVED_TOPICS_FORMAT || data.version !== version) return saved;
  for (const [key, entry] of Object.entries(data.papers ?? {})) {
    if (!isSavedEntry(entry)) continue;
    const [input, topics, fellBack] = entry;
    saved.set(key, { input, topics, fellBack });
  }
  return saved;
}

/** The text of a saved-topics file, papers sorted by key so the same classifications give the same bytes. */
export function savedTopicsText(
  classifications: ReadonlyMap<string, SavedClassification>,
  version: string,
): string {
  const papers = [...classifications]
    .sort(([a], [b]) => compareIds(a, b))
    .map(([key, { input, topics, fellBack }]): [string, SavedEntry] => [key, [input, [...topics], fellBack]]);
  const data: SavedTopicsFile = { format: SAVED_TOPICS_FORMAT, version, papers: Object.fromEntries(papers) };
  return JSON.stringify(data);
}

function isSavedEntry(value: unknown): value is SavedEntry {
  return (
    Array.isArray(value) &&
    value.length === 3 &&
    typeof value[0] === 'string' &&
    Array.isArray(value[1]) &&
    value[1].every((topic) => typeof topic === 'string') &&
    typeof value[2] === 'boolean'
  );
}
