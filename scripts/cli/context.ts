import type { Output } from './output.ts';

/** What every command gets from the process, so tests can run commands in-process. */
export interface CliContext {
  output: Output;
  env: NodeJS.ProcessEnv;
  fetchOptions: {
    userAgent: string;
    onRetry?: (info: { url: string; reason: string; waitMs: number }) => void;
  };
}
