/** `papers daily`: ingest one day from Hugging Face, validate, build and index, or change nothing. */
import { parseArgs } from 'node:util';
import { parseCommandArgs } from './args.ts';
import { dayOf, isIsoDay } from '../../src/lib/papers/dates.ts';
import { recordDay } from '../../src/lib/publish/state.ts';
import { InputError } from '../../src/lib/sources/types.ts';
import type { CliContext } from './context.ts';
import { UsageError } from './errors.ts';
import { fetchHfDayRead, ingestRead } from './ingest.ts';
import {
  checkedPlace,
  checkPublishOptions,
  PUBLISH_OPTIONS,
  PUBLISH_OPTIONS_HELP,
  publishOutcomeText,
  validateBuildAndPublish,
  validateOrThrow,
} from './publish.ts';

export const DAILY_HELP = `Usage: papers daily [--date YYYY-MM-DD] [options]

The whole daily job: fetches the day's papers from Hugging Face (default:
today in UTC), writes them into the content folder, validates all content,
then builds and publishes the site as "papers publish" does: in a build
folder kept between runs, swapped in for the published one only when the
build and its search index succeeded (with --in-place: in the published
folder itself).

If the source fails, it writes nothing and exits non-zero. If content is
invalid or the build fails, it exits non-zero and leaves the last good build
as it was (with --in-place: incomplete, not to be deployed); the new day's
files stay, so fix the problem and run "papers publish". A day without
papers (weekends have none) is not an error: it says so and changes nothing.
Running it twice changes nothing.

Options:
  --date YYYY-MM-DD   the day to publish (default: today, UTC)
  --endpoint URL      the Hugging Face API (or PAPERS_HF_ENDPOINT)
  --no-build          ingest and validate only
${PUBLISH_OPTIONS_HELP}
  -h, --help          show this help
`;

const OPTIONS = {
  date: { type: 'string' },
  endpoint: { type: 'string' },
  'no-build': { type: 'boolean', default: false },
  ...PUBLISH_OPTIONS,
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export async function runDaily(args: string[], context: CliContext): Promise<number> {
  const { values } = parseCommandArgs('daily', () => parseArgs({ args, options: OPTIONS, strict: true }));
  if (values.help) {
    context.output.result(DAILY_HELP);
    return 0;
  }
  const date = values.date ?? dayOf(new Date());
  if (!isIsoDay(date)) throw new UsageError(`--date: expected a day as YYYY-MM-DD, got "${date}"`);
  const contentDir = values['content-dir'];
  const outDir = values['out-dir'];
  // Before anything is fetched or written: a day ingested and then not published helps no one.
  if (values['no-build']) checkPublishOptions(values);
  else checkedPlace(values, context.env);

  const read = await fetchHfDayRead(date, values.endpoint, context).catch((error: unknown) => {
    if (!(error instanceof InputError)) throw error;
    throw new InputError(`${error.message}; content and ${outDir} were left as they were`);
  });
  if (read.papers.length === 0 && read.problems.length === 0) {
    context.output.result(`${date}: no papers listed (weekends have none); nothing changed`);
    return 0;
  }
  const ingested = await ingestRead(read, {
    source: 'hf',
    contentDir,
    dryRun: false,
    output: context.output,
  });
  if (ingested.usable === 0) throw new InputError(`${date}: no usable paper in the source; nothing changed`);
  await recordDay(contentDir, date, ingested.papers);

  if (values['no-build']) {
    await validateOrThrow(contentDir, outDir, context);
    return 0;
  }
  const outcome = await validateBuildAndPublish(values, context);
  context.output.result(publishOutcomeText(outcome, outDir, date));
  return 0;
}
