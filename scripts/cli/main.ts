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
import { RunError, UsageError } from './errors.ts';
import { formatCommands, type Command } from './args.ts';
import { BACKFILL_COMMAND, runBackfill } from './backfill.ts';
import { DAILY_COMMAND, runDaily } from './daily.ts';
import { INDEX_COMMAND, runIndex } from './index-search.ts';
import { INGEST_COMMAND, runIngest } from './ingest.ts';
import { PUBLISH_COMMAND, runPublish } from './publish.ts';
import { runTopics, TOPICS_COMMAND } from './topics.ts';
import { runValidate, VALIDATE_COMMAND } from './validate.ts';

type Run = (args: string[], context: CommandContext) => Promise<number>;

/** Every command, in the order help lists them. */
export const COMMANDS: readonly { command: Command; run: Run }[] = [
  { command: INGEST_COMMAND, run: runIngest },
  { command: VALIDATE_COMMAND, run: runValidate },
  { command: TOPICS_COMMAND, run: runTopics },
  { command: INDEX_COMMAND, run: runIndex },
  { command: PUBLISH_COMMAND, run: runPublish },
  { command: DAILY_COMMAND, run: runDaily },
  { command: BACKFILL_COMMAND, run: runBackfill },
];

/** The word after `papers` that names a command. */
const word = (command: Command) => command.name.replace(/^papers /, '');

export const MAIN_HELP = `Usage: papers <command> [options]

Commands:
${formatCommands(
  COMMANDS.map(({ command }) => command),
  word,
)}

Run "papers <command> --help" for a command's options.
`;

export async function runCli(argv: string[], context: CliContext): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    context.output.result(MAIN_HELP);
    return command ? 0 : 2;
  }
  const run = COMMANDS.find((entry) => word(entry.command) === command)?.run;
  if (!run) {
    context.output.warn(
      `papers: unknown command "${command}" (commands: ${COMMANDS.map((entry) => word(entry.command)).join(', ')})`,
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
    error instanceof RunError ||
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
