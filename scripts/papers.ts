#!/usr/bin/env node
/** The `papers` command line: see `papers --help`. */
import { readFileSync } from 'node:fs';
import { readSwitch } from '../src/lib/config/env.ts';
import { userAgent } from '../src/lib/sources/endpoints.ts';
import { runCli } from './cli/main.ts';
import { consoleOutput } from './cli/output.ts';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};
const output = consoleOutput(readSwitch(process.env, 'CI'));

process.exitCode = await runCli(process.argv.slice(2), {
  output,
  env: process.env,
  fetchOptions: {
    userAgent: userAgent(version),
    onRetry: ({ url, reason, waitMs }) =>
      output.progress(`${url}: ${reason}; retrying in ${Math.ceil(waitMs / 1000)}s`),
  },
});
