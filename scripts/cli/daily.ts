/** `papers daily`: ingest one day from Hugging Face, validate, build and index, or change nothing. */
import {
  checkListingDay,
  defineCommand,
  HELP_OPTION,
  HF_ENDPOINT_OPTION,
  parseCommandArgs,
  showHelp,
} from './args.ts';
import { dayOf } from '../../src/lib/papers/dates.ts';
import { checkPlace, placeFolders, type PublishPlace } from '../../src/lib/publish/place.ts';
import { recordDay } from '../../src/lib/publish/state.ts';
import { InputError } from '../../src/lib/sources/types.ts';
import { loadTaxonomy } from '../../src/lib/topics/load.ts';
import type { CommandContext } from './context.ts';
import { RunError, UsageError } from './errors.ts';
import { PLACE_NAMES, PROJECT } from './build-site.ts';
import { fetchHfDayRead, fetchRefreshRead, ingestRead, removeLeftovers } from './ingest.ts';
import {
  checkPublishOptions,
  PUBLISH_OPTIONS,
  publishOutcomeText,
  resolvedPlace,
  restorePublished,
  validateBuildAndPublish,
  validateOrThrow,
  type PublishValues,
} from './publish.ts';
import { checkContentFolder } from './read-input.ts';
import { withFolderLocks } from './run-lock.ts';

/** About a week: how long Hugging Face counts keep moving and papers keep being added to a day. */
export const DEFAULT_REFRESH_DAYS = 7;
/** Beyond two months a refresh is a backfill: use papers backfill. */
const MAX_REFRESH_DAYS = 60;

export const DAILY_COMMAND = defineCommand({
  name: 'papers daily',
  usage: 'papers daily [options]',
  summary: 'the daily job: ingest a day, then publish',
  description: `The whole daily job: fetches the day's papers from Hugging Face, writes them into the content
folder, validates all content, then builds and publishes the site as "papers publish" does: in a
build folder kept between runs, swapped in for the published one only when the build and its search
index succeeded (with --in-place: in the published folder itself).

If the source fails, it writes nothing and exits non-zero. If content is invalid or the build fails,
it exits non-zero and leaves the last good build as it was (with --in-place: incomplete, not to be
deployed); the new day's files stay, so fix the problem and run "papers publish". A day without
papers (weekends have none) is not an error: it says so and changes nothing. Running it twice
changes nothing. While another papers run uses one of its folders, it stops at once and changes
nothing (exit 1); a build or published folder that holds files papers did not write is refused
(docs/what-can-go-wrong.md).

It also fetches the days before again (--refresh-days), by ISO week: their counts settle and papers
are listed late, so it updates the counts and source-owned fields of their papers (hand edits are
kept) and adds late papers to their days. The day and the refresh are fetched before anything is
written, so a source failure changes nothing.`,
  options: {
    date: {
      type: 'string',
      value: 'YYYY-MM-DD',
      description: 'the day to publish, up to tomorrow (UTC)',
      defaultText: 'today, UTC',
    },
    'refresh-days': {
      type: 'string',
      value: 'N',
      default: String(DEFAULT_REFRESH_DAYS),
      description: `days before it to fetch again, from 0 (none) to ${MAX_REFRESH_DAYS}`,
    },
    endpoint: HF_ENDPOINT_OPTION,
    'no-build': { type: 'boolean', default: false, description: 'ingest and validate only' },
    ...PUBLISH_OPTIONS,
    ...HELP_OPTION,
  },
});

type DailyValues = PublishValues & { endpoint?: string | undefined };

export async function runDaily(args: string[], context: CommandContext): Promise<number> {
  const { values } = parseCommandArgs(DAILY_COMMAND, args);
  if (values.help) return showHelp(DAILY_COMMAND, context);
  const date = checkListingDay('--date', values.date ?? dayOf(new Date()));
  const refreshDays = Number(values['refresh-days']);
  if (!/^\d+$/.test(values['refresh-days']) || refreshDays > MAX_REFRESH_DAYS)
    throw new UsageError(
      `--refresh-days: expected a whole number from 0 to ${MAX_REFRESH_DAYS}, got "${values['refresh-days']}"`,
    );
  // The folders are locked before anything is read: with --no-build only the content is written.
  const place = values['no-build'] ? undefined : resolvedPlace(values, context);
  if (!place) checkPublishOptions(values);
  // A build needs the taxonomy, so only --no-build makes a missing content folder.
  checkContentFolder(values['content-dir'], place ? 'refuse' : 'create');
  const folders = place ? placeFolders(place) : [values['content-dir']];
  return withFolderLocks(folders, () => ingestAndPublish(date, refreshDays, values, place, context));
}

async function ingestAndPublish(
  date: string,
  refreshDays: number,
  values: DailyValues,
  place: PublishPlace | undefined,
  context: CommandContext,
): Promise<number> {
  const contentDir = values['content-dir'];
  const outDir = values['out-dir'];
  if (place) {
    restorePublished(place, context);
    // Before anything is fetched or written: a day ingested and then not published helps no one.
    checkPlace(place, PROJECT, PLACE_NAMES);
    // The build reads the taxonomy: a missing or broken one stops the run before it fetches.
    await loadTaxonomy(contentDir);
  }
  await removeLeftovers(contentDir, context.output);

  const unchanged = (error: unknown) => {
    if (!(error instanceof InputError)) throw error;
    throw new RunError(`${error.message}; content and ${outDir} were left as they were`);
  };
  // Both fetched before anything is written: a source that fails halfway changes nothing.
  const read = await fetchHfDayRead(date, values.endpoint, context).catch(unchanged);
  const refresh =
    refreshDays > 0
      ? await fetchRefreshRead(date, refreshDays, values.endpoint, context).catch(unchanged)
      : undefined;
  const dayListed = read.papers.length > 0 || read.problems.length > 0;
  if (!dayListed && !refresh?.papers.length) {
    context.output.result(`${date}: no papers listed (weekends have none); nothing changed`);
    return 0;
  }
  const ingest = (source: typeof read) =>
    ingestRead(source, { source: 'hf', contentDir, dryRun: false, output: context.output });
  if (dayListed) {
    const ingested = await ingest(read);
    if (ingested.usable === 0) throw new RunError(`${date}: no usable paper in the source; nothing changed`);
    // A day with items that could not be used is left for papers backfill to fetch again.
    if (ingested.skipped === 0) await recordDay(contentDir, date, ingested.papers);
  }
  if (refresh?.papers.length) await ingest(refresh);

  if (!place) {
    await validateOrThrow(contentDir, outDir, context);
    return 0;
  }
  const outcome = await validateBuildAndPublish(place, values, context);
  context.output.result(publishOutcomeText(outcome, outDir, date));
  return 0;
}
