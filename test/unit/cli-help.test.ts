/**
 * Every command's --help is generated from the table its parser uses
 * (scripts/cli/args.ts); these check the help users get, as they get it.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BENCH_COMMAND, SCENARIOS } from '../../bench/run.ts';
import type { Command } from '../../scripts/cli/args.ts';
import { COMMANDS, MAIN_HELP } from '../../scripts/cli/main.ts';
import { papers } from '../helpers/cli.ts';
import { PROJECT_ROOT } from '../helpers/build-site.ts';

/** `npm run bench -- --help`, as a process: the bench parses its arguments when run. */
function benchHelp(): string {
  return execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'bench/run.ts'), '--help'], {
    encoding: 'utf8',
  });
}

/** Checks that `help` names every option of the command, and names no option it does not have. */
function expectAllOptions(command: Command, help: string) {
  for (const [name, option] of Object.entries(command.options)) {
    expect(help, `--${name}`).toMatch(new RegExp(`^  (-${option.short}, )?--${name}\\b`, 'm'));
  }
  for (const [flag] of help.matchAll(/(?<![\w-])--[a-z][a-z-]*/g))
    expect(Object.keys(command.options), `${command.name} --help names ${flag}`).toContain(flag.slice(2));
}

describe('--help', () => {
  it.each(COMMANDS.map(({ command }) => [command.name, command] as const))(
    'of %s lists every option its parser accepts',
    async (name, command) => {
      const result = await papers([name.replace('papers ', ''), '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Usage: ${name} `));
      expectAllOptions(command, result.stdout);
    },
  );

  it('of papers lists every command with its summary', () => {
    const lines = MAIN_HELP.split('\n');
    for (const { command } of COMMANDS) {
      const line = lines.find((l) => l.startsWith(`  ${command.name.replace('papers ', '')} `));
      expect(line, command.name).toMatch(/^ {2}\S+ +\S/);
      expect(line?.endsWith(command.summary), command.name).toBe(true);
    }
  });

  it('of the bench prints usage, every option and every scenario, not a stack', () => {
    const help = benchHelp();
    expect(help).toMatch(/^Usage: npm run bench -- \[options\]/);
    expectAllOptions(BENCH_COMMAND, help);
    for (const scenario of SCENARIOS) expect(help).toMatch(new RegExp(`^  ${scenario} `, 'm'));
  });

  it('an unknown option of the bench is one line on stderr and exit code 2', () => {
    let error: { status: number; stderr: string } | undefined;
    try {
      execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'bench/run.ts'), '--bogus'], {
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (thrown) {
      error = thrown as { status: number; stderr: string };
    }
    expect(error?.status).toBe(2);
    expect(error?.stderr).toMatch(
      /^npm run bench: Unknown option '--bogus'.*\(see "npm run bench -- --help"\)\n$/,
    );
  });
});
