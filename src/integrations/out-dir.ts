/**
 * Empties the output folder without holding up the build: it is set aside
 * when the build starts and deleted by a child process on the other core
 * (src/lib/publish/set-aside.ts); the build waits for that at its end.
 * Astro then finds no folder to empty.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { setAsideAndRemove } from '../lib/publish/set-aside.ts';

export function outDirSetAside(): AstroIntegration {
  let outDir: string | undefined;
  let removal: Promise<void> | undefined;
  return {
    name: 'daily-papers:out-dir',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': () => {
        removal = outDir === undefined ? undefined : setAsideAndRemove(outDir);
      },
      'astro:build:done': async ({ logger }) => {
        await removal?.catch((error: unknown) => logger.warn(String(error)));
      },
    },
  };
}
