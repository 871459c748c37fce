import { spawn } from 'node:child_process';
import path from 'node:path';
import { runCli } from '../../scripts/cli/main.ts';
import { SETTINGS } from '../../src/config.ts';
import { readEnvironment } from '../../src/lib/config/env.ts';
import { resolveSite } from '../../src/lib/config/site.ts';
import { codeVersion } from '../../src/lib/code-version.ts';
import { publishFingerprint } from '../../src/lib/publish/fingerprint.ts';
import { PROJECT_ROOT, withoutVitestEnv } from './build-site.ts';

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

const BIN = path.join(PROJECT_ROOT, 'bin/papers.js');

/**
 * Starts `papers <args>` as a process of its own, as a user or a cron job
 * does (CI set: no progress lines); `done` settles when it has exited.
 */
export function startPapers(
  args: string[],
  env: Record<string, string> = {},
): { pid: number; done: Promise<CliRun> } {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...withoutVitestEnv(), CI: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<CliRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
  return { pid: child.pid ?? 0, done };
}

/** The site's settings, and caches in `root` rather than the project's, for a command that builds. */
export function siteEnv(root: string): Record<string, string> {
  return {
    SITE_URL: 'https://example.org',
    PAPERS_PAGEFIND_CACHE: path.join(root, 'caches/pagefind'),
    PAPERS_BUILD_CACHE: path.join(root, 'caches/build'),
    PAPERS_OG_CACHE: path.join(root, 'caches/og'),
  };
}

/** The fingerprint `papers publish` stamps a build of `contentDir` with, run with `env`. */
export async function publishStamp(contentDir: string, env: Record<string, string>): Promise<string> {
  const site = resolveSite(SETTINGS, readEnvironment(env).site);
  return publishFingerprint(contentDir, site, await codeVersion(PROJECT_ROOT));
}
