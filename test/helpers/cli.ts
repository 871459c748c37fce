import { runCli } from '../../scripts/cli/main.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `papers <args>` in-process with captured output and a clean environment. */
export async function papers(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCli(args, {
    output: {
      result: (line) => stdout.push(line),
      warn: (line) => stderr.push(line),
      progress: () => {},
    },
    env,
    fetchOptions: { userAgent: 'daily-papers-tests' },
  });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}
