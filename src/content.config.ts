import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SITE } from './config.ts';
import { collectionEntryId } from './lib/papers/collection.ts';
import { paperSchema } from './lib/papers/schema.ts';

const papers = defineCollection({
  loader: glob({
    pattern: 'papers/**/[!.]*.md',
    base: contentBase(SITE.contentDir),
    generateId: collectionEntryId,
  }),
  schema: paperSchema,
});

export const collections = { papers };

function contentBase(dir: string): string | URL {
  return path.isAbsolute(dir) ? pathToFileURL(`${dir}/`) : `./${dir}`;
}
