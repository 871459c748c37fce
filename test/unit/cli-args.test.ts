import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseCommandArgs } from '../../scripts/cli/args.ts';
import { UsageError } from '../../scripts/cli/errors.ts';

const OPTIONS = { 'out-dir': { type: 'string' } } as const;

describe('a command’s arguments', () => {
  it('are parsed as parseArgs parses them', () => {
    const { values } = parseCommandArgs('index', () =>
      parseArgs({ args: ['--out-dir', 'site'], options: OPTIONS, strict: true }),
    );
    expect(values['out-dir']).toBe('site');
  });

  it('turn a malformed command line into one line that points at the command’s help', () => {
    const run = () =>
      parseCommandArgs('index', () =>
        parseArgs({ args: ['--outdir', 'site'], options: OPTIONS, strict: true }),
      );
    expect(run).toThrow(UsageError);
    // `.` stops at a line break: the message is one line.
    expect(run).toThrow(/^Unknown option '--outdir'.* \(see "papers index --help"\)$/);
  });
});
