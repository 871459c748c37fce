import { parseArgs, type ParseArgsConfig } from 'node:util';
import { dayOf, listingDayProblem } from '../../src/lib/papers/dates.ts';
import { UsageError } from './errors.ts';

type ParsedArgs<T extends ParseArgsConfig> = ReturnType<typeof parseArgs<T>>;

/**
 * Parses a command's arguments with parseArgs; a malformed command line, and
 * an option that takes a value given twice (parseArgs would keep the last one
 * without a word: `--date 2026-10-03 --date 2026-10-04`), become a one-line
 * UsageError that points at the command's help.
 */
export function parseCommandArgs<T extends ParseArgsConfig>(command: string, config: T): ParsedArgs<T> {
  const help = ` (see "papers ${command} --help")`;
  let parsed;
  try {
    parsed = parseArgs({ ...config, tokens: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]}${help}`);
  }
  const repeated = repeatedOption(parsed.tokens ?? [], config.options ?? {});
  if (repeated !== undefined) throw new UsageError(`--${repeated} given more than once; give it once${help}`);
  return parsed as unknown as ParsedArgs<T>;
}

/** The first option that takes one value and was given more than once. */
function repeatedOption(
  tokens: readonly { kind: string; name?: string }[],
  options: NonNullable<ParseArgsConfig['options']>,
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
