/**
 * A Vite plugin that rewrites Astro's content-store module
 * (`astro:data-layer-content`) so its one huge string literal becomes
 * pieces (src/lib/site/json-module.ts): 28 s less of every build at 50,000
 * papers. Astro's own chunked storage (experimental.collectionStorage) splits
 * the module too, but its writer encodes the store one character at a time,
 * which made a cold content sync take four minutes. A module of any other
 * shape is left as it is.
 */
import type { Plugin } from 'vite';
import { buildNotes } from '../lib/build-record.ts';
import { jsonParseModule, storeModuleText } from '../lib/site/json-module.ts';

const STORE_MODULE_ID = '\0astro:data-layer-content';

export function storeModuleInPieces(): Plugin {
  return {
    name: 'daily-papers:store-module',
    transform(code, id) {
      if (id !== STORE_MODULE_ID) return null;
      const text = storeModuleText(code);
      if (text === undefined) return null;
      const module = jsonParseModule(text);
      const note = `content store: a module of ${(text.length / 2 ** 20).toFixed(1)} M characters in pieces`;
      if (!buildNotes().includes(note)) buildNotes().push(note);
      return { code: module, map: { mappings: '' } };
    },
  };
}
