/**
 * Astro's glob loader with three costs taken out. The first two hook into what
 * Astro hands the loader besides its public context (`entryTypes`), and when a
 * future Astro stops passing it, the loader is left as it is; the third
 * relies only on the public meta store.
 *
 * - **No Markdown rendering.** For `.md` files the glob loader renders every
 *   entry to HTML when it syncs and keeps that HTML (with a copy of the front
 *   matter) in the data store, which every build then loads as one JavaScript
 *   module. The site never uses it: abstracts are rendered by
 *   src/lib/site/abstract.ts, with KaTeX and a strict sanitiser. It was over
 *   a third of the store, which is costly to load on each build.
 * - **No front matter parsing of unchanged files.** The loader parses each
 *   file's front matter before it compares the file's digest with the stored
 *   entry's and drops the result when they match: a YAML parse of every paper
 *   on every daily build. For a file whose stored entry has the same
 *   digest and a file path (the loader's own test for "unchanged"), the parse
 *   is skipped; the loader stops at that test, before it reads what the parse
 *   gave. An entry stored under another path (the content folder moved) is
 *   dropped and parsed again, so the store names the file where it is now.
 * - **One save of the store, at the end.** Astro saves the whole store 500 ms
 *   after the last change to it (its mutable-data-store.js), and it changes
 *   the store's own meta data just before the loaders run: that save (all
 *   of a large store serialised, when nothing had changed yet) fell in the
 *   middle of the sync, and a sync that added papers saved again at its end.
 *   Touching this collection's meta data more often than that while the
 *   loader runs puts the first save off to the end, where Astro saves anyway.
 *   If Astro's timing changes, the store is saved as before.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { fileURLToPath } from 'node:url';
import { posixRelative } from './paths.ts';

interface EntryInfoParams {
  fileUrl: URL;
  contents: string;
}

/** What Astro hands the glob loader per file type (see ContentEntryType). */
export interface EntryType {
  getEntryInfo(params: EntryInfoParams): unknown;
  getRenderFunction?: unknown;
}

export type GlobContext = LoaderContext & { entryTypes?: Map<string, EntryType> };

/** What an unchanged file's parse gives: never read (see the module). */
const NOT_PARSED = { data: {}, body: '' };

/** More often than Astro's 500 ms wait before it saves the store. */
const PUT_OFF_SAVE_EVERY_MS = 200;
/** Stays in the store's meta data for the collection, with an empty value. */
const PUT_OFF_SAVE_KEY = 'save-put-off';

/** `idOfFile` must give the id the glob loader's generateId gives, from the file's path alone. */
export function leanGlobLoader(loader: Loader, idOfFile: (file: string) => string): Loader {
  return {
    ...loader,
    load: async (context: GlobContext) => {
      const puttingOff = setInterval(() => context.meta.set(PUT_OFF_SAVE_KEY, ''), PUT_OFF_SAVE_EVERY_MS);
      try {
        await loadLean(loader, context, idOfFile);
      } finally {
        clearInterval(puttingOff);
      }
    },
  };
}

async function loadLean(loader: Loader, context: GlobContext, idOfFile: (file: string) => string) {
  if (!context.entryTypes) return loader.load(context);
  const root = fileURLToPath(context.config.root);
  const unchanged = ({ fileUrl, contents }: EntryInfoParams) => {
    const file = fileURLToPath(fileUrl);
    const id = idOfFile(file);
    const stored = context.store.get(id);
    if (stored?.filePath === undefined) return false;
    // The glob loader keeps an unchanged entry's old path; pages read abstracts by it (bodies.ts).
    if (stored.filePath !== posixRelative(root, file)) {
      context.store.delete(id);
      return false;
    }
    return stored.digest === context.generateDigest(contents);
  };
  const entryTypes = new Map(
    [...context.entryTypes].map(([extension, type]): [string, EntryType] => {
      const { getRenderFunction: _unused, ...rest } = type;
      return [
        extension,
        {
          ...rest,
          getEntryInfo: (params) => (unchanged(params) ? NOT_PARSED : type.getEntryInfo(params)),
        },
      ];
    }),
  );
  return loader.load({ ...context, entryTypes } as GlobContext);
}
