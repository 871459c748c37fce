// @ts-check
/**
 * The project's own astro.config.mjs, for the benchmark: the same site,
 * minus the integrations named in BENCH_SKIP_INTEGRATIONS (comma-separated
 * names, e.g. `daily-papers:og-images`). Rendering 50,000 social images cold
 * takes about an hour on two cores, so the large runs leave them out and say
 * so; everything else is the real build.
 */
import config from '../astro.config.mjs';

const skip = new Set((process.env['BENCH_SKIP_INTEGRATIONS'] ?? '').split(',').filter(Boolean));

export default {
  ...config,
  integrations: (config.integrations ?? []).filter(
    (integration) =>
      !integration ||
      typeof integration !== 'object' ||
      !('name' in integration) ||
      !skip.has(integration.name),
  ),
};
