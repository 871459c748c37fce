/**
 * A Vite plugin (added by build-reuse.ts) that makes the pages of a static build read Astro's content store from its file
 * rather than from a copy in the bundle (src/lib/site/store-module.ts): in a
 * large archive importing that copy is slow on every build, and splitting it
 * into pieces costs much more memory (docs/decisions/0003-build-speed-ups.md).
 * The dev server and server builds keep Astro's module, and so does a store of
 * another shape (Astro's chunked storage, tried first, splits the module too,
 * but its writer encodes the store a character at a time, which makes a cold
 * content sync far slower).
 */
import type { Plugin } from 'vite';
import { buildNotes } from '../lib/build-record.ts';
import { isOneFileStoreFile, storeFileModule } from '../lib/site/store-module.ts';

const STORE_MODULE_ID = '\0astro:data-layer-content';
/** Where a build keeps the store (Astro's content/paths.js). */
export const STORE_FILE = 'data-store.json';

export function storeModulePlugin(file: string): Plugin {
  return {
    name: 'daily-papers:store-module',
    load: {
      // Before Astro's own hook, which would read, parse and quote the whole file first.
      order: 'pre',
      filter: { id: new RegExp(`^${STORE_MODULE_ID}$`) },
      handler(id) {
        if (id !== STORE_MODULE_ID || !isOneFileStoreFile(file)) return null;
        if (!buildNotes().includes(NOTE)) buildNotes().push(NOTE);
        // What Astro marks its own module with: content data, which a page's code hash leaves out.
        const meta = { astroIncremental: { kind: 'content-data' } };
        return { code: storeFileModule(file), map: { mappings: '' }, meta };
      },
    },
  };
}

const NOTE = 'content store: read from its file, not bundled';
