import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isAstroStoreModule, storeFileModule } from '../../src/lib/site/store-module.ts';
import { tempDir } from '../helpers/temp-dir.ts';

describe('the content store module of a build', () => {
  it('exports what the store file holds, read when imported', async () => {
    const dir = await tempDir('store-module-');
    const file = path.join(dir, 'data-store "x".json');
    const store = [['papers', { title: 'Attention 🚀 "quoted" \\ é' }], 42];
    await writeFile(file, JSON.stringify(store));
    const module = path.join(dir, 'store.mjs');
    await writeFile(module, storeFileModule(file));
    const imported = (await import(pathToFileURL(module).href)) as { default: unknown };
    expect(imported.default).toEqual(store);
  });

  it('replaces only the module Astro writes for a store in one file', () => {
    expect(isAstroStoreModule(`export default JSON.parse(${JSON.stringify('[1]')})`)).toBe(true);
    expect(isAstroStoreModule('export default new Map()')).toBe(false);
    expect(isAstroStoreModule('export default{"papers":[(await import("x"))]}')).toBe(false);
  });
});
