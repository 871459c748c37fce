/** `papers daily`: ingest one day from Hugging Face, validate, build and index, or change nothing. */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseCommandArgs } from './args.ts';
import { dayOf, isIsoDay } from '../../src/lib/papers/dates.ts';
import { validateContent } from '../../src/lib/papers/store.ts';
import { contentFingerprint, readStamp } from '../../src/lib/publish/fingerprint.ts';
import { recordDay } from '../../src/lib/publish/state.ts';
import { InputError } from '../../src/lib/sources/types.ts';
import { buildAndPublish } from './build-site.ts';
import type { CliContext } from './context.ts';
import { UsageError } from './errors.ts';
import { fetchHfDayRead, ingestRead } from './ingest.ts';

export const DAILY_HELP = `Usage: papers daily [--date YYYY-MM-DD] [options]

The whole daily job: fetches the day's papers from Hugging Face (default:
today in UTC), writes them into the content folder, validates all content,
then builds the site and its search index into a new folder and swaps it in
for the published one.

If the source fails or content is invalid, it exits non-zero and leaves the
content and the last good build as they were. A day without papers (weekends
have none) is not an error: it says so and changes nothing. Running it twice
changes nothing.

Options:
  --date YYYY-MM-DD   the day to publish (default: today, UTC)
  --content-dir DIR   the content folder (default: content)
  --out-dir DIR       where the published site goes (default: dist)
  --endpoint URL      the Hugging Face API (or PAPERS_HF_ENDPOINT)
  --no-build          ingest and validate only
  --force-build       build even when the content has not changed
  -h, --help          show this help
`;

const OPTIONS = {
  date: { type: 'string' },
  'content-dir': { type: 'string', default: 'content' },
  'out-dir': { type: 'string', default: 'dist' },
  endpoint: { type: 'string' },
  'no-build': { type: 'boolean', default: false },
  'force-build': { type: 'boolean', default: false },
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

  const report = await validateContent(contentDir);
  if (report.problems.length > 0) {
    for (const problem of report.problems) context.output.warn(problem);
    throw new InputError(
      `${report.problems.length} content problem(s) (see above); ${outDir} was left as it was`,
    );
  }
  if (values['no-build']) return 0;

  const fingerprint = await contentFingerprint(contentDir, JSON.stringify(buildSettings(context.env)));
  if (!values['force-build'] && existsSync(outDir) && (await readStamp(outDir)) === fingerprint) {
    context.output.result(`${outDir} is up to date; nothing to build`);
    return 0;
  }
  await buildAndPublish(contentDir, outDir, fingerprint, context);
  context.output.result(`published ${date} to ${outDir}`);
  return 0;
}

/** Settings that change the output without changing content. */
function buildSettings(env: NodeJS.ProcessEnv) {
  return { site: env['SITE_URL'] ?? '', base: env['BASE_PATH'] ?? '' };
}
