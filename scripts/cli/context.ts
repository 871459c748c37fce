import { SETTINGS } from '../../src/config.ts';
import type { Environment } from '../../src/lib/config/env.ts';
import { resolveSite, type SiteConfig } from '../../src/lib/config/site.ts';
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

/** What a command runs with: the context, with its environment read and checked once (src/lib/config/env.ts). */
export interface CommandContext extends CliContext {
  environment: Environment;
}

/** The site owner's settings (src/config.ts) with the environment's overrides, as the build reads them. */
export function siteSettings(context: CommandContext): SiteConfig {
  return resolveSite(SETTINGS, context.environment.site);
}
