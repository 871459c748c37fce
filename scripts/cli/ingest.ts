/** `papers ingest <hf|arxiv|text>`: one day's papers from a source into content/. */
import {
  checkListingDay,
  CONTENT_DIR_OPTION,
  defineCommand,
  HELP_OPTION,
  parseCommandArgs,
  showHelp,
} from './args.ts';
import { countText } from '../../src/lib/count-text.ts';
import { removeLeftoverTemporaries, writeFilesAtomically } from '../../src/lib/papers/atomic.ts';
import { INVALID_FILE, NO_LISTING_DAY, planIngest, type IngestPlan } from '../../src/lib/papers/ingest.ts';
import type { PaperSource } from '../../src/lib/papers/schema.ts';
import { parseArxivAtom } from '../../src/lib/sources/arxiv.ts';
import { resolveEndpoint } from '../../src/lib/sources/endpoints.ts';
import { fetchArxivIds, normaliseArxivIds } from '../../src/lib/sources/fetch-arxiv.ts';
import { fetchHfDay, fetchHfWeek } from '../../src/lib/sources/fetch-hf.ts';
import { parseHfDaily } from '../../src/lib/sources/hf.ts';
import { daysBefore, listedOn, weeksOf } from '../../src/lib/sources/refresh.ts';
import { listingDay, parseListingText } from '../../src/lib/sources/text.ts';
import type { ParseResult } from '../../src/lib/sources/types.ts';
import { UsageError } from './errors.ts';
import type { Output } from './output.ts';
import { checkContentFolder, readInputFile } from './read-input.ts';
import { withFolderLocks } from './run-lock.ts';
import type { CommandContext } from './context.ts';

export const INGEST_COMMAND = defineCommand({
  name: 'papers ingest',
  usage: 'papers ingest <source> [options]',
  summary: "write one day's papers from hf, arxiv or text into content/",
  description: `Reads one day's papers and writes one Markdown file per paper under
<content-dir>/papers/YYYY/MM/DD/<id>.md. Running it again changes nothing; a later run updates
counts and links and keeps hand edits.

Sources:
  hf      Hugging Face Daily Papers
            --date YYYY-MM-DD             fetch that day from the API (all pages)
            --file day.json [--date D]    read a saved API response; the day
                                          defaults to the items' own listing day
  arxiv   arXiv API (Atom)
            --file feed.atom --date D     read a saved API response
            --ids 2610.01092,... --date D fetch those papers
  text    text of a listing page copied from a browser
            --file page.txt --date D      the page's "Mar 14" line must agree`,
  positionals: true,
  options: {
    date: { type: 'string', value: 'YYYY-MM-DD', description: 'the day of the papers, up to tomorrow (UTC)' },
    file: {
      type: 'string',
      value: 'FILE',
      description: 'a saved response or page to read instead of fetching',
    },
    ids: { type: 'string', value: 'ID,...', description: 'arXiv ids to fetch (arxiv only)' },
    endpoint: {
      type: 'string',
      value: 'URL',
      description: 'the API to fetch from (or PAPERS_HF_ENDPOINT, PAPERS_ARXIV_ENDPOINT)',
    },
    'content-dir': CONTENT_DIR_OPTION,
    'dry-run': { type: 'boolean', default: false, description: 'say what would change, write nothing' },
    ...HELP_OPTION,
  },
});

type IngestOptions = ReturnType<typeof parseIngestArgs>['values'];

function parseIngestArgs(args: string[]) {
  return parseCommandArgs(INGEST_COMMAND, args);
}

export async function runIngest(args: string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseIngestArgs(args);
  if (values.help) return showHelp(INGEST_COMMAND, context);
  const [source, ...extra] = positionals;
  if (!source) throw new UsageError('which source? expected hf, arxiv or text (see "papers ingest --help")');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  if (values.date !== undefined) checkListingDay('--date', values.date);
  checkContentFolder(values['content-dir'], 'create');
  const ingest = async () => {
    if (!values['dry-run']) await removeLeftovers(values['content-dir'], context.output);
    const read = await readSource(source, values, context);
    const summary = await ingestRead(read, {
      source: source as PaperSource,
      contentDir: values['content-dir'],
      dryRun: values['dry-run'],
      output: context.output,
    });
    // Items that were all invalid are a failure, a day without papers is not.
    return summary.usable === 0 && summary.skipped > 0 ? 1 : 0;
  };
  // A dry run only reads, and takes no lock.
  return values['dry-run'] ? ingest() : withFolderLocks([values['content-dir']], ingest);
}

/**
 * Removes the temporary files a killed run left in the content folder
 * (atomic.ts), and says so. Call it holding the folder's lock.
 */
export async function removeLeftovers(contentDir: string, output: Output): Promise<void> {
  const removed = await removeLeftoverTemporaries(contentDir);
  if (removed.length > 0)
    output.warn(
      `removed ${countText(removed.length, 'temporary file')} a stopped run left in ${contentDir}: ${removed.join(', ')}`,
    );
}

export interface IngestSummary {
  /** Papers the source described. */
  papers: number;
  /** Papers that could be used (new, updated or unchanged). */
  usable: number;
  /** Files written. */
  written: number;
  skipped: number;
}

/** Plans, writes (all or nothing) and reports what a source read. */
export async function ingestRead(
  read: SourceRead,
  options: { source: PaperSource; contentDir: string; dryRun: boolean; output: Output },
): Promise<IngestSummary> {
  const plan = await planIngest({
    contentDir: options.contentDir,
    source: options.source,
    papers: read.papers,
    ...(read.date !== undefined && { date: read.date }),
  });
  if (!options.dryRun) await writeFilesAtomically(options.contentDir, plan.writes);
  reportPlan(plan, read, options.dryRun, options.output);
  return {
    papers: read.papers.length,
    usable: plan.outcomes.length,
    written: options.dryRun ? 0 : plan.writes.length,
    skipped: read.problems.length + plan.problems.length,
  };
}

/** Fetches one day from the Hugging Face API (all pages, with retries). */
export async function fetchHfDayRead(
  date: string,
  endpointFlag: string | undefined,
  context: CommandContext,
): Promise<SourceRead> {
  return readHf({ date, ...(endpointFlag !== undefined && { endpoint: endpointFlag }) }, context);
}

/**
 * The `days` days before `date` as the Hugging Face API lists them now,
 * fetched by ISO week (src/lib/sources/refresh.ts): their papers with the
 * counts they have now, papers listed late among them. Each keeps its own day.
 */
export async function fetchRefreshRead(
  date: string,
  days: number,
  endpointFlag: string | undefined,
  context: CommandContext,
): Promise<SourceRead> {
  const window = daysBefore(date, days);
  const endpoint = resolveEndpoint('hf', endpointOption(endpointFlag), context.environment.endpoints.hf);
  const weeks = weeksOf(window);
  const results: ParseResult[] = [];
  for (const week of weeks) {
    const json = await fetchHfWeek(week, {
      endpoint,
      ...context.fetchOptions,
      onPage: (page, items) =>
        context.output.progress(`refresh ${week}: fetched page ${page + 1} (${items} papers)`),
    });
    results.push(parseHfDaily(json, `${endpoint}?week=${week}`));
  }
  return {
    papers: listedOn(
      results.flatMap((result) => result.papers),
      window,
    ),
    problems: results.flatMap((result) => result.problems),
    date: undefined,
    inputName: `${endpoint}?week=${weeks.join(',')}`,
  };
}

export interface SourceRead extends ParseResult {
  /** The day every paper goes to, when the user or the source fixes one. */
  date: string | undefined;
  inputName: string;
}

async function readSource(
  source: string,
  values: IngestOptions,
  context: CommandContext,
): Promise<SourceRead> {
  switch (source) {
    case 'hf':
      return readHf(values, context);
    case 'arxiv':
      return readArxiv(values, context);
    case 'text':
      return readText(values);
    default:
      throw new UsageError(`unknown source "${source}": expected hf, arxiv or text`);
  }
}

/** The --endpoint flag as resolveEndpoint takes an override. */
function endpointOption(value: string | undefined): { value: string | undefined; name: string } {
  return { value, name: '--endpoint' };
}

async function readHf(
  values: Pick<IngestOptions, 'date' | 'file' | 'ids' | 'endpoint'>,
  context: CommandContext,
): Promise<SourceRead> {
  if (values.ids) throw new UsageError('--ids is for the arxiv source');
  if (values.file) {
    return {
      ...parseHfDaily(await readInputFile(values.file), values.file),
      date: values.date,
      inputName: values.file,
    };
  }
  if (!values.date) throw new UsageError('hf: expected --date YYYY-MM-DD (to fetch) or --file day.json');
  const endpoint = resolveEndpoint('hf', endpointOption(values.endpoint), context.environment.endpoints.hf);
  const json = await fetchHfDay(values.date, {
    endpoint,
    ...context.fetchOptions,
    onPage: (page, items) => context.output.progress(`fetched page ${page + 1} (${items} papers so far)`),
  });
  const inputName = `${endpoint}?date=${values.date}`;
  return { ...parseHfDaily(json, inputName), date: values.date, inputName };
}

async function readArxiv(values: IngestOptions, context: CommandContext): Promise<SourceRead> {
  if (!values.date)
    throw new UsageError(
      'arxiv: expected --date YYYY-MM-DD (arXiv does not say which day a paper was listed)',
    );
  if (values.file && values.ids) throw new UsageError('arxiv: give --file or --ids, not both');
  if (values.file) {
    return {
      ...parseArxivAtom(await readInputFile(values.file), values.file),
      date: values.date,
      inputName: values.file,
    };
  }
  if (!values.ids) throw new UsageError('arxiv: expected --file feed.atom or --ids 2610.01092,...');
  const endpoint = resolveEndpoint(
    'arxiv',
    endpointOption(values.endpoint),
    context.environment.endpoints.arxiv,
  );
  const ids = normaliseArxivIds(
    values.ids
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean),
    '--ids',
  );
  const feeds = await fetchArxivIds(ids, { endpoint, ...context.fetchOptions });
  const results = feeds.map((xml, index) => parseArxivAtom(xml, `${endpoint} (batch ${index + 1})`));
  return {
    papers: results.flatMap((r) => r.papers),
    problems: results.flatMap((r) => r.problems),
    date: values.date,
    inputName: endpoint,
  };
}

async function readText(values: IngestOptions): Promise<SourceRead> {
  if (!values.file) throw new UsageError('text: expected --file page.txt');
  const text = await readInputFile(values.file);
  const parsed = parseListingText(text, values.file);
  const date = listingDay(parsed, values.date, values.file);
  return { papers: parsed.papers, problems: parsed.problems, date, inputName: values.file };
}

/** What the user can do about an ingest problem, said the CLI's way. */
function hintFor(message: string): string {
  if (message === NO_LISTING_DAY) return ', so pass --date YYYY-MM-DD';
  if (message.startsWith(INVALID_FILE)) return ' (papers validate lists every problem of the content)';
  return '';
}

function reportPlan(plan: IngestPlan, read: SourceRead, dryRun: boolean, output: Output) {
  for (const problem of [...read.problems, ...plan.problems]) {
    output.warn(`skipped ${problem.item}: ${problem.message}${hintFor(problem.message)}`);
  }
  for (const outcome of plan.outcomes) {
    if (outcome.listedAgainOn) {
      output.result(
        `${outcome.id}: listed again on ${outcome.listedAgainOn}; it stays on its first day, ${outcome.date}`,
      );
    }
  }
  if (read.papers.length === 0 && read.problems.length === 0) {
    output.result(`${read.inputName}: no papers for this day; nothing written`);
    return;
  }
  const count = (status: string) => plan.outcomes.filter((o) => o.status === status).length;
  const days = [...new Set(plan.outcomes.map((o) => o.date))].sort().join(', ');
  const skipped = read.problems.length + plan.problems.length;
  const verb = dryRun ? 'would write' : 'wrote';
  output.result(
    `${days || 'no day'}: ${count('new')} new, ${count('updated')} updated, ${count('unchanged')} unchanged` +
      `${skipped ? `, ${skipped} skipped` : ''}; ${verb} ${countText(plan.writes.length, 'file')}`,
  );
}
