/**
 * Every command's --help is generated from the table its parser uses
 * (scripts/cli/args.ts); these check the help users get, as they get it.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CARD_SAMPLE_COMMAND } from '../../bench/card-sample.ts';
import { GENERATE_COMMAND } from '../../bench/generate.ts';
import { OG_BENCH_COMMAND } from '../../bench/og.ts';
import { STORE_MODULE_COMMAND } from '../../bench/store-module.ts';
import { SEARCH_PAGE_COMMAND } from '../../bench/search-page.ts';
import { BENCH_COMMAND, SCENARIOS } from '../../bench/run.ts';
import { SEARCH_BENCH_COMMAND } from '../../bench/search.ts';
import type { Command } from '../../scripts/cli/args.ts';
import { COMMANDS, MAIN_HELP } from '../../scripts/cli/main.ts';
import { papers } from '../helpers/cli.ts';
import { PROJECT_ROOT } from '../helpers/build-site.ts';

/** The bench's scripts, each parsing its arguments when run: the command, and the script. */
const SCRIPTS = [
  [BENCH_COMMAND, 'bench/run.ts'],
  [GENERATE_COMMAND, 'bench/generate.ts'],
  [SEARCH_BENCH_COMMAND, 'bench/search.ts'],
  [CARD_SAMPLE_COMMAND, 'bench/card-sample.ts'],
  [OG_BENCH_COMMAND, 'bench/og.ts'],
  [STORE_MODULE_COMMAND, 'bench/store-module.ts'],
  [SEARCH_PAGE_COMMAND, 'bench/search-page.ts'],
] as const;

/** Runs `node <script> <args>` and returns its exit code and output. */
function runScript(script: string, args: string[]): { status: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync(process.execPath, [path.join(PROJECT_ROOT, script), ...args], {
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return { status: 0, stdout, stderr: '' };
  } catch (error) {
    return error as { status: number; stdout: string; stderr: string };
  }
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

  it.each(SCRIPTS.map(([command, script]) => [command.name, command, script] as const))(
    'of %s prints usage and every option its parser accepts',
    (_name, command, script) => {
      const { status, stdout } = runScript(script, ['--help']);
      expect(status).toBe(0);
      expect(stdout.startsWith(`Usage: ${command.usage}\n`)).toBe(true);
      expectAllOptions(command, stdout);
    },
  );

  it('of the bench names every scenario', () => {
    const { stdout } = runScript('bench/run.ts', ['--help']);
    for (const scenario of SCENARIOS) expect(stdout).toMatch(new RegExp(`^  ${scenario} `, 'm'));
  });

  it.each(SCRIPTS.map(([command, script]) => [command.name, command, script] as const))(
    'an unknown option of %s is one line on stderr and exit code 2, not a stack',
    (_name, command, script) => {
      const { status, stderr } = runScript(script, ['--bogus']);
      expect(status).toBe(2);
      expect(stderr.split('\n')).toEqual([
        expect.stringMatching(/Unknown option '--bogus'.*\(see ".* --help"\)$/),
        '',
      ]);
      expect(stderr.startsWith(`${command.name}: `)).toBe(true);
    },
  );
});
