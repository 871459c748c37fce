import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isOneFileStore, isOneFileStoreFile, storeFileModule } from '../../src/lib/site/store-module.ts';
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

  it('replaces only the module of a store held in one file', () => {
    expect(isOneFileStore('[{"papers":1},')).toBe(true);
    expect(isOneFileStore('\n [[')).toBe(true);
    // Astro's chunked storage: a manifest naming the chunks.
    expect(isOneFileStore('{"papers":["a.txt"')).toBe(false);
    expect(isOneFileStore('')).toBe(false);
  });

  it('tells a one-file store file from a chunked one, and says no for a missing one', async () => {
    const dir = await tempDir('store-module-');
    await writeFile(path.join(dir, 'one.json'), '[["Map",1],"papers"]');
    await writeFile(path.join(dir, 'chunked.json'), '{"papers":["a.txt"]}');
    expect(isOneFileStoreFile(path.join(dir, 'one.json'))).toBe(true);
    expect(isOneFileStoreFile(path.join(dir, 'chunked.json'))).toBe(false);
    expect(isOneFileStoreFile(path.join(dir, 'missing.json'))).toBe(false);
  });
});
