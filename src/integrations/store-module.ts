/**
 * Makes the pages of a static build read Astro's content store from its file
 * rather than from a copy in the bundle (src/lib/site/store-module.ts): at
 * 50,000 papers importing that copy took 21 s (bench/store-module.ts) and,
 * split into pieces, about 1 GB more memory on
 * every build. The dev server and server builds keep Astro's module, and so
 * does a store of another shape (Astro's chunked storage, tried first, splits
 * the module too, but its writer encodes the store a character at a time: a
 * cold content sync took four minutes).
 */
import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { buildNotes } from '../lib/build-record.ts';
import { isAstroStoreModule, storeFileModule } from '../lib/site/store-module.ts';

const STORE_MODULE_ID = '\0astro:data-layer-content';
/** Where a build keeps the store (Astro's content/paths.js). */
const STORE_FILE = 'data-store.json';

export function storeFromFile(): AstroIntegration {
  return {
    name: 'daily-papers:store-module',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build' || config.output !== 'static') return;
        updateConfig({
          vite: { plugins: [storeModulePlugin(fileURLToPath(new URL(STORE_FILE, config.cacheDir)))] },
        });
      },
    },
  };
}

function storeModulePlugin(file: string): Plugin {
  return {
    name: 'daily-papers:store-module',
    transform(code, id) {
      if (id !== STORE_MODULE_ID || !isAstroStoreModule(code) || !existsSync(file)) return null;
      if (!buildNotes().includes(NOTE)) buildNotes().push(NOTE);
      return { code: storeFileModule(file), map: { mappings: '' } };
    },
  };
}

const NOTE = 'content store: read from its file, not bundled';
