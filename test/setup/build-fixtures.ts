/**
 * Vitest global setup of the `site` project (test/integration, test/e2e):
 * builds the fixture archive once per run, in every variant the tests read,
 * and hands the output folders to the tests through `provide`/`inject`
 * (see test/helpers/fixture-sites.ts). Everything goes under one temporary
 * folder that is removed when the run ends.
 *
 * The builds run side by side: each is a child process with its own cache
 * and scratch folders (test/helpers/build-site.ts), and on two cores that
 * takes about half the time of one after the other.
 *
 * A failed build does not abort the run: its error is handed on, and every
 * test that needs that build fails with it, so `npm test` still runs and
 * reports everything else.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import {
  buildFixtureSite,
  DEFAULT_FIXTURE_SITE_URL,
  FIXTURE_CONTENT_DIR,
  SAMPLE_CONTENT_DIR,
} from '../helpers/build-site.ts';

interface VariantSettings {
  base: string;
  /** The fixture archive unless given. */
  contentDir?: string;
  buildReuse?: 'off';
}

export const FIXTURE_VARIANTS = {
  /** Served at the root of https://example.org. */
  root: { base: '/' },
  /** A project site under https://example.org/papers/. */
  papersBase: { base: '/papers/' },
  /**
   * `root` again, from scratch and without build reuse (src/lib/build-reuse.ts): builds must be
   * reproducible byte for byte, and reuse must change nothing but the time they take.
   */
  rootWithoutReuse: { base: '/', buildReuse: 'off' },
  /** The sample site (content/): real days, for the tests of the reading design. */
  sample: { base: '/', contentDir: SAMPLE_CONTENT_DIR },
} satisfies Record<string, VariantSettings>;

export type FixtureVariant = keyof typeof FIXTURE_VARIANTS;

export interface FixtureBuild {
  base: string;
  siteUrl: string;
  outDir: string;
  /** Why the build failed; unset when it succeeded. */
  error?: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    fixtureSites: Record<FixtureVariant, FixtureBuild>;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const tempRoot = await mkdtemp(path.join(os.tmpdir(), 'papers-fixture-sites-'));
  const entries = await Promise.all(
    Object.entries(FIXTURE_VARIANTS as Record<string, VariantSettings>).map(
      async ([variant, { base, contentDir, buildReuse }]): Promise<[string, FixtureBuild]> => {
        const build: FixtureBuild = {
          base,
          siteUrl: DEFAULT_FIXTURE_SITE_URL,
          outDir: path.join(tempRoot, variant),
        };
        try {
          await buildFixtureSite({
            contentDir: contentDir ?? FIXTURE_CONTENT_DIR,
            base,
            siteUrl: build.siteUrl,
            outDir: build.outDir,
            ...(buildReuse ? { buildReuse } : {}),
          });
        } catch (error) {
          build.error = error instanceof Error ? error.message : String(error);
        }
        return [variant, build];
      },
    ),
  );
  project.provide('fixtureSites', Object.fromEntries(entries) as Record<FixtureVariant, FixtureBuild>);
  return async () => {
    await rm(tempRoot, { recursive: true, force: true });
  };
}
