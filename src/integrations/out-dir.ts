/**
 * Keeps the last build's output folder, so Astro's incremental build leaves
 * unchanged pages where they are, and removes at the end what this build did
 * not make (src/lib/publish/prune.ts). Its `astro:build:done` hook must run
 * after every other integration's: it goes last in astro.config.mjs.
 *
 * When the last build did not finish (its start marker is still there), or
 * wrote to another folder (src/lib/publish/last-output.ts), the folder is set
 * aside and deleted in the background instead (src/lib/publish/set-aside.ts),
 * or emptied (but for `.git`) where it cannot be set aside, and Astro copies
 * every unchanged page from its cache: a half-written or older page is never
 * kept.
 *
 * A folder that holds files this tool did not write is refused before
 * anything is done (src/lib/publish/owned.ts): the steps above would delete
 * them. `papers publish` refuses it before it builds; this is for
 * `astro build` and `npm run build`. The folder is marked as this tool's
 * when a build starts, and the mark is kept by the pruning at the end.
 */
import type { AstroIntegration } from 'astro';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { madeFromAssets, pruneOutput, pruneSummaryText, startBuild } from '../lib/publish/prune.ts';
import { recordLastOutput } from '../lib/publish/last-output.ts';
import { checkOwnedFolder, markOwned, OWNED_MARK } from '../lib/publish/owned.ts';
import { clearStaleOutput, clearedOutputText } from '../lib/publish/set-aside.ts';
import { staleIndexWarning } from '../lib/search/stale-index.ts';

export interface OutDirOptions {
  /** Top-level folders in the output that other steps keep in step themselves (search index, images). */
  ownedElsewhere: readonly string[];
  /** Whether `papers index` runs right after this build (src/settings.ts), so the index it finds will not stay stale. */
  indexFollows: boolean;
}

const GIT = '.git';

export function outDirKept(options: OutDirOptions): AstroIntegration {
  const leave = new Set([GIT, OWNED_MARK, ...options.ownedElsewhere]);
  let outDir: string | undefined;
  let cacheDir: string | undefined;
  let since: number | undefined;
  let removal: Promise<unknown> | undefined;
  return {
    name: 'daily-papers:out-dir',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': async ({ logger }) => {
        if (outDir === undefined || cacheDir === undefined) return;
        checkOwnedFolder(outDir, 'the output folder');
        const cleared = clearStaleOutput(outDir, new Set([GIT]), cacheDir);
        if (cleared) {
          removal = cleared.removal;
          logger.info(clearedOutputText(cleared));
        }
        mkdirSync(outDir, { recursive: true });
        markOwned(outDir);
        await recordLastOutput(cacheDir, outDir);
        since = startBuild(outDir);
      },
      'astro:build:done': async ({ assets, logger }) => {
        const failure = await removal;
        if (failure !== undefined) logger.warn(`the last build's output was not removed: ${String(failure)}`);
        if (outDir === undefined || since === undefined) return;
        const summary = pruneOutput({ outDir, made: madeFromAssets(outDir, assets), since, leave });
        logger.info(`kept the last build's output; ${pruneSummaryText(summary)} this build did not make`);
        const stale = staleIndexWarning(outDir, options.indexFollows);
        if (stale) logger.warn(stale);
      },
    },
  };
}
