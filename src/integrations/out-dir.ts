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
  let removal: Promise<unknown> | undefined;
  return {
    name: 'daily-papers:out-dir',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': ({ logger }) => {
        // Handled at once: a removal that fails while the build runs must not end the build.
        removal =
          outDir === undefined ? undefined : setAsideAndRemove(outDir)?.catch((error: unknown) => error);
        if (removal) logger.info("the last build's output was set aside; it is removed in the background");
      },
      'astro:build:done': async ({ logger }) => {
        const failure = await removal;
        if (failure !== undefined) logger.warn(`the last build's output was not removed: ${String(failure)}`);
      },
    },
  };
}
