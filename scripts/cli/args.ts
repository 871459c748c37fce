import { UsageError } from './errors.ts';

/**
 * Runs a command's parseArgs call; a malformed command line becomes a
 * one-line UsageError that points at the command's help.
 */
export function parseCommandArgs<T>(command: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]} (see "papers ${command} --help")`);
  }
}
