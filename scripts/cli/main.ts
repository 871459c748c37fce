/** Dispatches `papers <command>` and turns every error into one readable line. */
import { ConfigError } from '../../src/lib/config/errors.ts';
import { readEnvironment, readSwitch } from '../../src/lib/config/env.ts';
import { WriteError } from '../../src/lib/papers/atomic.ts';
import { DocumentError } from '../../src/lib/papers/document.ts';
import { InputError } from '../../src/lib/sources/types.ts';
import { PublishError } from '../../src/lib/publish/publish.ts';
import { StateError } from '../../src/lib/publish/state.ts';
import { LockError } from '../../src/lib/run-lock/lock-file.ts';
import { TaxonomyError } from '../../src/lib/topics/taxonomy.ts';
import type { CliContext, CommandContext } from './context.ts';
import { UsageError } from './errors.ts';
import { runBackfill } from './backfill.ts';
import { runDaily } from './daily.ts';
import { runIndex } from './index-search.ts';
import { runIngest } from './ingest.ts';
import { runPublish } from './publish.ts';
import { runTopics } from './topics.ts';
import { runValidate } from './validate.ts';

export const MAIN_HELP = `Usage: papers <command> [options]

Commands:
  ingest <hf|arxiv|text>   write one day's papers from a source into content/
  validate                 check every paper file against the schema
  topics [--explain ID]    papers per topic, or why a paper is in its topics
  index [--out-dir DIR]    the search index of a built site (npm run build runs it)
  publish                  validate, build, index, and publish when all succeeded
  daily [--date D]         the daily job: ingest a day, then publish
  backfill --from D --to D ingest a range of days, resumably

Run "papers <command> --help" for a command's options.
`;

const COMMANDS: Record<string, (args: string[], context: CommandContext) => Promise<number>> = {
  ingest: runIngest,
  validate: runValidate,
  topics: runTopics,
  index: runIndex,
  publish: runPublish,
  daily: runDaily,
  backfill: runBackfill,
};

export async function runCli(argv: string[], context: CliContext): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    context.output.result(MAIN_HELP);
    return command ? 0 : 2;
  }
  const run = COMMANDS[command];
  if (!run) {
    context.output.warn(
      `papers: unknown command "${command}" (commands: ${Object.keys(COMMANDS).join(', ')})`,
    );
    return 2;
  }
  try {
    // Read once, before any command does anything: a bad variable stops every command alike.
    return await run(rest, { ...context, environment: readEnvironment(context.env) });
  } catch (error) {
    return reportError(error, context);
  }
}

function reportError(error: unknown, context: CliContext): number {
  if (error instanceof UsageError) {
    context.output.warn(`papers: ${error.message}`);
    return 2;
  }
  if (
    error instanceof InputError ||
    error instanceof ConfigError ||
    error instanceof DocumentError ||
    error instanceof WriteError ||
    error instanceof TaxonomyError ||
    error instanceof StateError ||
    error instanceof PublishError ||
    error instanceof LockError
  ) {
    context.output.warn(`papers: ${error.message}`);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  context.output.warn(`papers: unexpected error: ${message.split('\n')[0]}`);
  if (readSwitch(context.env, 'DEBUG') && error instanceof Error && error.stack)
    context.output.warn(error.stack);
  else context.output.warn('papers: run again with DEBUG=1 for details, and please report it');
  return 1;
}
