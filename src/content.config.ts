import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { OPERATOR } from './settings.ts';
import { buildReuseOn } from './lib/build-record.ts';
import { collectionEntryId } from './lib/papers/collection.ts';
import { leanGlobLoader } from './lib/papers/lean-loader.ts';
import { PAPER_FILES_GLOB } from './lib/papers/paths.ts';
import { paperSchema } from './lib/papers/schema.ts';

const globLoader = glob({
  // Exactly the files papers validate and the fingerprint read: see PAPER_FILES_GLOB.
  pattern: PAPER_FILES_GLOB,
  base: contentBase(OPERATOR.contentDir),
  generateId: collectionEntryId,
  // Abstracts stay in their files until a page needs one: see src/lib/papers/bodies.ts.
  retainBody: false,
});

const papers = defineCollection({
  // With build reuse, without Markdown rendering and without parsing files that did not change:
  // see lean-loader.ts, which relies on Astro internals.
  loader: buildReuseOn()
    ? leanGlobLoader(globLoader, (file) => collectionEntryId({ entry: file }))
    : globLoader,
  schema: paperSchema,
});

export const collections = { papers };

function contentBase(dir: string): string | URL {
  return path.isAbsolute(dir) ? pathToFileURL(`${dir}/`) : `./${dir}`;
}
