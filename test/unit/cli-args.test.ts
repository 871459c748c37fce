import { describe, expect, it } from 'vitest';
import { defineCommand, formatHelp, HELP_OPTION, parseCommandArgs, wrap } from '../../scripts/cli/args.ts';
import { UsageError } from '../../scripts/cli/errors.ts';

const command = (positionals = false) =>
  defineCommand({
    name: 'papers index',
    usage: 'papers index [options]',
    summary: 'the search index',
    description: 'Indexes a site.',
    positionals,
    options: {
      'out-dir': { type: 'string', value: 'DIR', default: 'dist', description: 'the built site' },
      ...HELP_OPTION,
    },
  });

describe('a command’s arguments', () => {
  it('are parsed with the command’s table, defaults included', () => {
    expect(parseCommandArgs(command(), ['--out-dir', 'site']).values['out-dir']).toBe('site');
    expect(parseCommandArgs(command(), ['-h']).values).toEqual({ 'out-dir': 'dist', help: true });
  });

  it('turn a malformed command line into one line that points at the command’s help', () => {
    const run = () => parseCommandArgs(command(), ['--outdir', 'site']);
    expect(run).toThrow(UsageError);
    // `.` stops at a line break: the message is one line.
    expect(run).toThrow(/^Unknown option '--outdir'.* \(see "papers index --help"\)$/);
  });

  it('refuse an option that takes one value given twice, rather than keep the last (issue 20)', () => {
    for (const args of [
      ['--out-dir', 'a', '--out-dir', 'b'],
      ['--out-dir=a', '--out-dir', 'a'],
    ]) {
      expect(() => parseCommandArgs(command(), args)).toThrow(
        new UsageError('--out-dir given more than once; give it once (see "papers index --help")'),
      );
    }
  });

  it('take every value of an option meant to repeat', () => {
    const repeating = defineCommand({
      name: 'node bench/search-page.ts',
      usage: 'node bench/search-page.ts [options]',
      summary: 'bytes per query',
      description: 'Measures.',
      options: { query: { type: 'string', value: 'TEXT', multiple: true, description: 'a query' } },
    });
    expect(parseCommandArgs(repeating, ['--query', 'a', '--query', 'b']).values.query).toEqual(['a', 'b']);
  });

  it('take a repeated flag and a value after -- as they are', () => {
    const { values, positionals } = parseCommandArgs(command(true), ['-h', '--help', '--', '--out-dir']);
    expect(values.help).toBe(true);
    expect(positionals).toEqual(['--out-dir']);
  });

  it('refuse a positional argument unless the command takes them', () => {
    expect(() => parseCommandArgs(command(), ['site'])).toThrow(
      'unexpected argument "site" (see "papers index --help")',
    );
    expect(parseCommandArgs(command(true), ['site']).positionals).toEqual(['site']);
  });
});

describe('help', () => {
  it('lists each option with its value, its default and a short name', () => {
    expect(formatHelp(command())).toBe(`Usage: papers index [options]

Indexes a site.

Options:
  --out-dir DIR   the built site (default: dist)
  -h, --help      show this help
`);
  });

  it('wraps text at spaces, never breaking a word', () => {
    expect(wrap('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrap('a-very-long-word b', 5)).toEqual(['a-very-long-word', 'b']);
  });
});
