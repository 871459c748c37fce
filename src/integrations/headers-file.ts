/** Writes dist/_headers (cache rules for Netlify and Cloudflare Pages) after each build. */
import { writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { headersFile } from '../lib/publish/headers.ts';

export function headersFileIntegration(base: string): AstroIntegration {
  return {
    name: 'daily-papers:headers-file',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        await writeFile(new URL('_headers', dir), headersFile(base));
      },
    },
  };
}
