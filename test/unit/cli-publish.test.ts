import { describe, expect, it } from 'vitest';
import { optionConflict } from '../../scripts/cli/publish.ts';
import type { PlaceOptions } from '../../src/lib/publish/place.ts';

const base: PlaceOptions = {
  contentDir: '/work/project/content',
  outDir: '/work/project/dist',
  link: false,
  inPlace: false,
};

describe('the options of papers publish and papers daily', () => {
  it('names options that contradict each other', () => {
    const message = '--in-place builds in --out-dir itself: it takes neither --link nor --build-dir';
    expect(optionConflict(base)).toBeUndefined();
    expect(optionConflict({ ...base, inPlace: true })).toBeUndefined();
    expect(optionConflict({ ...base, inPlace: true, link: true })).toBe(message);
    expect(optionConflict({ ...base, inPlace: true, buildDir: 'x' })).toBe(message);
  });
});
