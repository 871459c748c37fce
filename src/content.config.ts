import { defineCollection } from 'astro:content';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SITE } from './config.ts';
import { collectionEntryId } from './lib/papers/collection.ts';
import { paperSchema } from './lib/papers/schema.ts';

const papers = defineCollection({
  loader: withoutRendering(
    glob({
      pattern: 'papers/**/[!.]*.md',
      base: contentBase(SITE.contentDir),
      generateId: collectionEntryId,
    }),
  ),
  schema: paperSchema,
});

export const collections = { papers };

function contentBase(dir: string): string | URL {
  return path.isAbsolute(dir) ? pathToFileURL(`${dir}/`) : `./${dir}`;
}

/** What Astro hands the glob loader besides the public context: a renderer per file type. */
type GlobContext = LoaderContext & { entryTypes?: Map<string, { getRenderFunction?: unknown }> };

/**
 * Astro's glob loader without its Markdown rendering. For `.md` files it
 * renders every entry to HTML when it syncs and keeps that HTML (with a copy
 * of the front matter) in the data store, which every build then loads as
 * one JavaScript module. The site never uses it: abstracts are rendered by
 * src/lib/site/abstract.ts, with KaTeX and a strict sanitiser. At 50,000
 * papers it was over a third of a 220 MB store that cost 80 s of CPU to load
 * on each build. `entryTypes` is not in Astro's public loader context; when a
 * future Astro stops passing it, the loader is simply left as it is.
 */
function withoutRendering(loader: Loader): Loader {
  return {
    ...loader,
    load: (context: GlobContext) => {
      if (!context.entryTypes) return loader.load(context);
      const entryTypes = new Map(
        [...context.entryTypes].map(([extension, type]) => {
          const copy = { ...type };
          delete copy.getRenderFunction;
          return [extension, copy];
        }),
      );
      return loader.load({ ...context, entryTypes } as GlobContext);
    },
  };
}
