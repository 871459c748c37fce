/**
 * The settings as the build reads them, each read once: the site owner's
 * (src/config.ts) with the environment's overrides, and the operator's
 * (folders and caches, from the environment). The one place the site's
 * build reads `process.env`; the `papers` command reads its own in
 * scripts/cli/main.ts. What each field and variable means: src/lib/config/
 * and docs/configuration.md. A bad value throws a ConfigError naming it.
 */
import { SETTINGS } from './config.ts';
import { readEnvironment, type Environment, type OperatorSettings } from './lib/config/env.ts';
import { resolveSite, type SiteConfig } from './lib/config/site.ts';

const ENV: Environment = readEnvironment(process.env);

export const SITE: SiteConfig = resolveSite(SETTINGS, ENV.site);

/** Where the build reads content and keeps its caches: the operator's settings, not the site owner's. */
export const OPERATOR: OperatorSettings = ENV.operator;
