/**
 * One table per command: its parser's options and its help text are both
 * derived from it, and so is docs/cli.md (scripts/docs-cli.ts), so the three
 * cannot disagree. vitest generates its CLI reference the same way.
 */
import { parseArgs } from 'node:util';
import { dayOf, listingDayProblem } from '../../src/lib/papers/dates.ts';
import type { CliContext } from './context.ts';
import { UsageError } from './errors.ts';

interface OptionBase {
  short?: string;
  /** What the option does: lowercase, no full stop, as help prints it after the name. */
  description: string;
  /** The default as help says it, when `default` does not say it (computed, from the environment). */
  defaultText?: string;
}

export interface StringOption extends OptionBase {
  type: 'string';
  /** What the value looks like in help: DIR, URL, YYYY-MM-DD, on|off. */
  value: string;
  default?: string;
  /** Given as often as wanted, each value kept (`--query a --query b`). */
  multiple?: boolean;
}

export interface BooleanOption extends OptionBase {
  type: 'boolean';
  default?: boolean;
}

/** Option name (without `--`) to its spec; passed to parseArgs as it is. */
export type OptionTable = Readonly<Record<string, StringOption | BooleanOption>>;

export interface Command<O extends OptionTable = OptionTable> {
  /** How it is called: `papers index`, `npm run bench`. */
  name: string;
  /** The usage line: `papers ingest <source> [options]`. */
  usage: string;
  /** One line, for the list of commands. */
  summary: string;
  /** Paragraphs after the usage line; a paragraph whose lines are indented is kept as laid out. */
  description: string;
  /** Whether it takes positional arguments (named in `usage`). */
  positionals?: boolean;
  options: O;
  /** Paragraphs after the options. */
  epilogue?: string;
  /** The command line that shows its help, when not `<name> --help`. */
  helpCommand?: string;
}

export const HELP_OPTION = {
  help: { type: 'boolean', short: 'h', default: false, description: 'show this help' },
} as const satisfies OptionTable;

export const CONTENT_DIR_OPTION = {
  type: 'string',
  value: 'DIR',
  default: 'content',
  description: 'the content folder',
} as const satisfies StringOption;

export const HF_ENDPOINT_OPTION = {
  type: 'string',
  value: 'URL',
  description: 'the Hugging Face API (or PAPERS_HF_ENDPOINT)',
} as const satisfies StringOption;

/** Gives a command's table its type while keeping its literal types, which parseArgs reads. */
export function defineCommand<const O extends OptionTable>(command: Command<O>): Command<O> {
  return command;
}

/**
 * Parses a command line with the command's table; a malformed one, and an
 * option that takes a value given twice (parseArgs would keep the last one
 * without a word: `--date 2026-10-03 --date 2026-10-04`), become a one-line
 * UsageError that points at the command's help.
 */
export function parseCommandArgs<const O extends OptionTable>(command: Command<O>, args: string[]) {
  const hint = ` (see "${command.helpCommand ?? `${command.name} --help`}")`;
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: command.options,
      strict: true,
      allowPositionals: true,
      tokens: true,
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]}${hint}`);
  }
  const repeated = repeatedOption(parsed.tokens, command.options);
  if (repeated !== undefined) throw new UsageError(`--${repeated} given more than once; give it once${hint}`);
  const [extra] = parsed.positionals;
  if (!command.positionals && extra !== undefined)
    throw new UsageError(`unexpected argument "${extra}"${hint}`);
  return parsed;
}

/** The first option that takes a value and was given more than once. */
function repeatedOption(
  tokens: readonly { kind: string; name?: string }[],
  options: OptionTable,
): string | undefined {
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'option' || token.name === undefined) continue;
    const option = options[token.name];
    if (option?.type !== 'string' || option.multiple) continue;
    if (seen.has(token.name)) return token.name;
    seen.add(token.name);
  }
  return undefined;
}

/**
 * Throws a UsageError when `day`, given as `flag`, is not a day or is after
 * tomorrow in UTC (listingDayProblem). Returns the day.
 */
export function checkListingDay(flag: string, day: string, now = new Date()): string {
  const problem = listingDayProblem(flag, day, dayOf(now));
  if (problem !== undefined) throw new UsageError(problem);
  return day;
}

/** How help names an option: `--out-dir DIR`, `-h, --help`. */
export function optionLabel(name: string, option: StringOption | BooleanOption): string {
  const long = option.type === 'string' ? `--${name} ${option.value}` : `--${name}`;
  return option.short ? `-${option.short}, ${long}` : long;
}

/** The option's default as help says it, if it has one worth saying. */
export function defaultText(option: StringOption | BooleanOption): string | undefined {
  if (option.defaultText !== undefined) return option.defaultText;
  if (option.type === 'string' && option.default !== undefined) return option.default;
  return undefined;
}

const WIDTH = 80;

/** `text` in lines of at most `width` characters, broken at spaces. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The options of a table as help lists them, descriptions aligned and wrapped. */
export function formatOptions(options: OptionTable): string {
  const rows = Object.entries(options).map(([name, option]) => {
    const fallback = defaultText(option);
    return {
      label: optionLabel(name, option),
      text: fallback === undefined ? option.description : `${option.description} (default: ${fallback})`,
    };
  });
  const column = 2 + Math.max(...rows.map((row) => row.label.length)) + 3;
  return rows
    .map(({ label, text }) =>
      wrap(text, WIDTH - column)
        .map((line, i) => (i === 0 ? `  ${label}`.padEnd(column) : ' '.repeat(column)) + line)
        .join('\n'),
    )
    .join('\n');
}

/** A list of commands, each with its summary, aligned: the `papers` help. */
export function formatCommands(commands: readonly Command[], name: (command: Command) => string): string {
  const column = 2 + Math.max(...commands.map((command) => name(command).length)) + 3;
  return commands.map((command) => `  ${name(command)}`.padEnd(column) + command.summary).join('\n');
}

/** A description's paragraphs: each a list of words, or of lines kept as they are (indented). */
export function paragraphs(text: string): { kept: boolean; text: string }[] {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => ({ kept: /^\s/m.test(paragraph), text: paragraph.replace(/^\n+|\s+$/g, '') }));
}

/** Paragraphs wrapped to the help's width. */
function formatText(text: string): string {
  return paragraphs(text)
    .map((p) => (p.kept ? p.text : wrap(p.text, WIDTH - 2).join('\n')))
    .join('\n\n');
}

/** A command's `--help`. */
export function formatHelp(command: Command): string {
  const parts = [
    `Usage: ${command.usage}`,
    formatText(command.description),
    `Options:\n${formatOptions(command.options)}`,
  ];
  if (command.epilogue) parts.push(formatText(command.epilogue));
  return `${parts.join('\n\n')}\n`;
}

/**
 * For a script run on its own (the bench): its parsed command line, or its
 * help and exit 0, or a one-line usage error and exit 2.
 */
export function parseScriptArgs<const O extends OptionTable & typeof HELP_OPTION>(
  command: Command<O>,
  args: string[],
) {
  let parsed;
  try {
    parsed = parseCommandArgs(command, args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${command.name}: ${error.message}`);
    process.exit(2);
  }
  // parseArgs' types cannot see `help` through the generic table; the constraint puts it there.
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(formatHelp(command));
    process.exit(0);
  }
  return parsed;
}

/** Ends a script run on its own with a one-line usage error that points at its help. */
export function usageFailure(command: Command, message: string): never {
  console.error(`${command.name}: ${message} (see "${command.helpCommand ?? `${command.name} --help`}")`);
  process.exit(2);
}

/** Prints a command's help; its exit code. */
export function showHelp(command: Command, context: Pick<CliContext, 'output'>): number {
  context.output.result(formatHelp(command));
  return 0;
}
