import { describe, expect, it } from 'vitest';
import { parseCommandArgs } from '../../scripts/cli/args.ts';
import { UsageError } from '../../scripts/cli/errors.ts';

const OPTIONS = {
  'out-dir': { type: 'string' },
  tag: { type: 'string', multiple: true },
  link: { type: 'boolean' },
} as const;

const parse = (args: string[]) => parseCommandArgs('index', { args, options: OPTIONS, strict: true });

describe('a command’s arguments', () => {
  it('are parsed as parseArgs parses them', () => {
    expect(parse(['--out-dir', 'site']).values['out-dir']).toBe('site');
  });

  it('turn a malformed command line into one line that points at the command’s help', () => {
    const run = () => parse(['--outdir', 'site']);
    expect(run).toThrow(UsageError);
    // `.` stops at a line break: the message is one line.
    expect(run).toThrow(/^Unknown option '--outdir'.* \(see "papers index --help"\)$/);
  });

  it('refuse an option that takes one value given twice, rather than keep the last (issue 20)', () => {
    for (const args of [
      ['--out-dir', 'a', '--out-dir', 'b'],
      ['--out-dir=a', '--out-dir', 'a'],
    ]) {
      expect(() => parse(args)).toThrow(
        new UsageError('--out-dir given more than once; give it once (see "papers index --help")'),
      );
    }
  });

  it('take a repeated flag, an option meant to repeat, and a value after -- as they are', () => {
    expect(parse(['--link', '--link', '--tag', 'a', '--tag', 'b']).values).toEqual({
      link: true,
      tag: ['a', 'b'],
    });
    const { positionals } = parseCommandArgs('index', {
      args: ['--out-dir', 'a', '--', '--out-dir'],
      options: OPTIONS,
      allowPositionals: true,
    });
    expect(positionals).toEqual(['--out-dir']);
  });
});
