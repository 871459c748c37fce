/** `papers backfill`: ingest a range of days politely, resumably. */
import { setTimeout as sleep } from 'node:timers/promises';
import {
  CONTENT_DIR_OPTION,
  defineCommand,
  HELP_OPTION,
  HF_ENDPOINT_OPTION,
  checkListingDay,
  parseCommandArgs,
  showHelp,
} from './args.ts';
import { countText } from '../../src/lib/count-text.ts';
import { addDays, isIsoDay } from '../../src/lib/papers/dates.ts';
import { readIngestState, recordDay } from '../../src/lib/publish/state.ts';
import { InputError } from '../../src/lib/sources/types.ts';
import type { CommandContext } from './context.ts';
import { UsageError } from './errors.ts';
import { fetchHfDayRead, ingestRead, removeLeftovers } from './ingest.ts';
import { checkContentFolder } from './read-input.ts';
import { withFolderLocks } from './run-lock.ts';

export const BACKFILL_COMMAND = defineCommand({
  name: 'papers backfill',
  usage: 'papers backfill --from YYYY-MM-DD --to YYYY-MM-DD [options]',
  summary: 'ingest a range of days from Hugging Face, resumably',
  description: `Ingests every day of a range from Hugging Face, one request burst at a time with a pause
between days. Days already complete (recorded in <content-dir>/.ingest-state.json) are skipped, so
an interrupted run resumes where it stopped. A day that failed, or that had items that could not be
used (partial: the others are written), is not recorded and is tried again on the next run; either
makes the exit code 1.`,
  options: {
    from: {
      type: 'string',
      value: 'YYYY-MM-DD',
      description: 'the first day of the range, up to tomorrow (UTC)',
    },
    to: {
      type: 'string',
      value: 'YYYY-MM-DD',
      description: 'the last day of the range, included, up to tomorrow (UTC)',
    },
    'delay-ms': {
      type: 'string',
      value: 'N',
      default: '1000',
      description: 'pause between days, in milliseconds',
    },
    'content-dir': CONTENT_DIR_OPTION,
    endpoint: HF_ENDPOINT_OPTION,
    ...HELP_OPTION,
  },
  epilogue: 'Build afterwards with "npm run build".',
});

export async function runBackfill(args: string[], context: CommandContext): Promise<number> {
  const { values } = parseCommandArgs(BACKFILL_COMMAND, args);
  if (values.help) return showHelp(BACKFILL_COMMAND, context);
  if (!values.from || !values.to) throw new UsageError('expected --from YYYY-MM-DD and --to YYYY-MM-DD');
  const delay = Number(values['delay-ms']);
  if (!Number.isInteger(delay) || delay < 0)
    throw new UsageError(`--delay-ms: expected a whole number, got "${values['delay-ms']}"`);
  checkListingDay('--from', values.from);
  checkListingDay('--to', values.to);
  let days: string[];
  try {
    days = daysBetween(values.from, values.to);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const contentDir = values['content-dir'];
  checkContentFolder(contentDir, 'create');
  const run = { contentDir, delay, endpoint: values.endpoint, range: `${values.from}..${values.to}` };
  return withFolderLocks([contentDir], () => ingestDays(days, run, context));
}

interface BackfillRun {
  contentDir: string;
  /** Pause between days, in milliseconds. */
  delay: number;
  endpoint: string | undefined;
  /** `2026-01-01..2026-06-30`, for the summary. */
  range: string;
}

/** What became of a day: every item used, some, or none (counted with the source failing). */
type DayOutcome = 'ingested' | 'partial' | 'failed';

/** Ingests every day of `days` not yet complete; 1 when any failed or was partial. */
async function ingestDays(days: string[], run: BackfillRun, context: CommandContext): Promise<number> {
  await removeLeftovers(run.contentDir, context.output);
  const { state } = await readIngestState(run.contentDir);
  const totals = { ingested: 0, papers: 0, skipped: 0, partial: 0, failed: 0 };
  let fetched = 0;
  for (const [index, day] of days.entries()) {
    if (state.days[day] !== undefined) {
      totals.skipped += 1;
      continue;
    }
    if (fetched > 0 && run.delay > 0) await sleep(run.delay);
    fetched += 1;
    context.output.progress(`[${index + 1}/${days.length}] ${day}`);
    try {
      const { outcome, papers } = await ingestDay(day, run, context);
      totals[outcome] += 1;
      totals.papers += papers;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      totals.failed += 1;
      context.output.warn(`${day}: failed: ${error.message}`);
    }
  }
  context.output.result(
    `backfill ${run.range}: ${days.length} days: ${totals.ingested} ingested (${totals.papers} papers), ` +
      `${totals.skipped} skipped (already complete), ${totals.partial} partial, ${totals.failed} failed`,
  );
  return totals.failed + totals.partial > 0 ? 1 : 0;
}

/**
 * Fetches and writes one day, and records it complete only when every item
 * the source listed could be used: a day with invalid items is fetched again
 * by the next run, when the source may have fixed them. `papers`: those written.
 */
async function ingestDay(
  day: string,
  run: BackfillRun,
  context: CommandContext,
): Promise<{ outcome: DayOutcome; papers: number }> {
  const read = await fetchHfDayRead(day, run.endpoint, context);
  const listed = read.papers.length + read.problems.length;
  if (listed === 0) {
    await recordDay(run.contentDir, day, 0);
    return { outcome: 'ingested', papers: 0 };
  }
  const summary = await ingestRead(read, {
    source: 'hf',
    contentDir: run.contentDir,
    dryRun: false,
    output: context.output,
  });
  if (summary.skipped === 0) {
    await recordDay(run.contentDir, day, summary.papers);
    return { outcome: 'ingested', papers: summary.usable };
  }
  const outcome = summary.usable === 0 ? 'failed' : 'partial';
  context.output.warn(
    `${day}: ${outcome}: ${summary.skipped} of ${countText(listed, 'item')} could not be used (see above); ` +
      'the day is fetched again on the next run',
  );
  return { outcome, papers: summary.usable };
}

/** Every day from `from` to `to`, both included, oldest first. */
export function daysBetween(from: string, to: string): string[] {
  if (!isIsoDay(from)) throw new RangeError(`--from: expected a day as YYYY-MM-DD, got "${from}"`);
  if (!isIsoDay(to)) throw new RangeError(`--to: expected a day as YYYY-MM-DD, got "${to}"`);
  if (from > to) throw new RangeError(`--from ${from} is after --to ${to}`);
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}
