import { describe, expect, it } from 'vitest';

import {
  ASTRO_RELIANCES,
  decideBuildReuse,
  installedAstroVersion,
  isTestedAstro,
  TESTED_ASTRO,
} from '../../src/lib/build-reuse.ts';
import { readEnvironment } from '../../src/lib/config/env.ts';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('build reuse', () => {
  it('reuses with the tested Astro versions only, when left to decide', () => {
    expect(decideBuildReuse('auto', TESTED_ASTRO.from)).toEqual({ on: true });
    expect(decideBuildReuse('auto', '7.4.8')).toEqual({ on: true });
    for (const version of ['7.3.4', TESTED_ASTRO.below, '7.5.0-beta.1', '8.0.0', 'unknown']) {
      const decision = decideBuildReuse('auto', version);
      expect(decision.on, version).toBe(false);
      expect(decision.warning).toMatch(
        new RegExp(
          `^build reuse is off: Astro ${version.replace(/\./g, '\\.')} is not one it was tested with`,
        ),
      );
      expect(decision.warning).toContain('PAPERS_BUILD_REUSE=on uses it anyway');
    }
  });

  it('obeys on and off whatever the version, without a warning', () => {
    expect(decideBuildReuse('on', '8.0.0')).toEqual({ on: true });
    expect(decideBuildReuse('off', '7.4.8')).toEqual({ on: false });
  });

  it('reads the setting from PAPERS_BUILD_REUSE, auto when unset, and names a bad one', () => {
    const setting = (value: string | undefined) =>
      readEnvironment({ PAPERS_BUILD_REUSE: value }).operator.buildReuse;
    expect(setting(undefined)).toBe('auto');
    expect(setting('')).toBe('auto');
    expect(setting('off')).toBe('off');
    expect(() => setting('yes')).toThrow(/^PAPERS_BUILD_REUSE: expected one of auto, on, off, got "yes"$/);
  });

  it('is tested with the Astro the project installs', () => {
    expect(isTestedAstro(installedAstroVersion(ROOT))).toBe(true);
  });

  it('names, in the docs, every Astro internal it relies on', async () => {
    const doc = await readFile(path.join(ROOT, 'docs/build-reuse.md'), 'utf8');
    for (const { where } of ASTRO_RELIANCES) {
      for (const file of where.split(', ')) expect(doc, file).toContain(file);
    }
    expect(doc).toContain(`${TESTED_ASTRO.from}`);
  });
});
