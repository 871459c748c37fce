/**
 * Which days an ingest finished, so a backfill can resume where it stopped.
 * Kept in the content folder (`.ingest-state.json`) so it travels with the
 * content when a scheduled job commits it. Losing the file costs nothing but
 * time: ingesting a day again changes nothing.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFilesAtomically } from '../papers/atomic.ts';
import { isIsoDay } from '../papers/dates.ts';

export const STATE_FILE = '.ingest-state.json';

const stateSchema = z.object({
  version: z.literal(1),
  /** Day -> papers the source listed that day (0 for a day without papers). */
  days: z.record(z.string().refine(isIsoDay), z.number().int().nonnegative()),
});

export type IngestState = z.output<typeof stateSchema>;

export class StateError extends Error {
  override name = 'StateError';
}

export async function readIngestState(
  contentDir: string,
): Promise<{ state: IngestState; text: string | undefined }> {
  const file = path.join(contentDir, STATE_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { state: { version: 1, days: {} }, text: undefined };
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new StateError(`${file}: not valid JSON; delete it to start over (ingesting again is safe)`);
  }
  const result = stateSchema.safeParse(parsed);
  if (!result.success) {
    throw new StateError(
      `${file}: not an ingest state file; delete it to start over (ingesting again is safe)`,
    );
  }
  return { state: result.data, text };
}

export async function recordDay(contentDir: string, day: string, papers: number): Promise<void> {
  const { state, text } = await readIngestState(contentDir);
  const days = Object.fromEntries(
    Object.entries({ ...state.days, [day]: papers }).sort(([a], [b]) => a.localeCompare(b)),
  );
  const content = `${JSON.stringify({ version: 1, days }, null, 2)}\n`;
  if (content === text) return;
  await writeFilesAtomically(contentDir, [{ relativePath: STATE_FILE, content, previous: text }]);
}
