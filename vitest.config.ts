import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Integration tests run real Astro builds; two cores are shared between them.
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
