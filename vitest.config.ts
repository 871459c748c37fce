import { configDefaults, defineConfig } from 'vitest/config';

/** Tests of the built site: they share fixture builds made once per run. */
const SITE_TESTS = ['test/integration/site/**/*.test.ts', 'test/e2e/**/*.test.ts'];

export default defineConfig({
  test: {
    // Integration tests run real Astro builds; two cores are shared between them.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...SITE_TESTS],
        },
      },
      {
        extends: true,
        test: {
          name: 'site',
          include: SITE_TESTS,
          // Builds the fixture site once per run. A project's global setup
          // only runs when some of its tests are selected, so
          // `vitest run test/unit` builds nothing.
          globalSetup: ['test/setup/build-fixtures.ts'],
          // Concurrent browser tests share two cores; more at once is slower.
          maxConcurrency: 2,
        },
      },
    ],
  },
});
