/** Prints what the pages' part of the build had to say (src/lib/build-record.ts, buildNotes). */
import type { AstroIntegration } from 'astro';
import { abstractsRead, buildNotes } from '../lib/build-record.ts';

export function buildNotesIntegration(): AstroIntegration {
  return {
    name: 'daily-papers:build',
    hooks: {
      'astro:build:done': ({ logger }) => {
        for (const note of buildNotes()) logger.info(note);
        // src/lib/papers/bodies.ts: the abstracts of the pages rendered, not of the whole archive.
        logger.info(`abstracts: ${abstractsRead()} read from their files`);
      },
    },
  };
}
