/**
 * The fixture site builds made once per run by test/setup/build-fixtures.ts.
 *
 *   const site = fixtureSite('papersBase'); // { base: '/papers/', outDir, siteUrl }
 */
import { inject } from 'vitest';
import type { FixtureBuild, FixtureVariant } from '../setup/build-fixtures.ts';

export type { FixtureBuild, FixtureVariant };

/** A successful build, or an error saying why the build failed. */
export function fixtureSite(variant: FixtureVariant): Required<Omit<FixtureBuild, 'error'>> {
  const sites = inject('fixtureSites');
  if (!sites)
    throw new Error('no fixture sites: run this test in the vitest "site" project (vitest.config.ts)');
  const { error, ...build } = sites[variant];
  if (error !== undefined) throw new Error(`the fixture build "${variant}" failed:\n${error}`);
  return build;
}
