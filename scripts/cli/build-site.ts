/**
 * Builds the site and its search index in the build folder `papers daily`
 * keeps (src/lib/publish/publish.ts), in place, and publishes it only when
 * both succeeded. Astro runs in a child process and the index after it has
 * exited, so the two never hold their memory at once.
 */
import { spawn } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { STAMP_FILE } from '../../src/lib/publish/fingerprint.ts';
import type { PlaceNames, PublishPlace } from '../../src/lib/publish/place.ts';
import { publishBuild, publishSummaryText } from '../../src/lib/publish/publish.ts';
import { ASTRO_CACHE_DIR } from '../../src/lib/config/env.ts';
import { INDEX_FOLLOWS_ENV } from '../../src/lib/search/stale-index.ts';
import { RunError } from './errors.ts';
import type { CommandContext } from './context.ts';
import { indexBuiltSite, indexSettings } from './index-search.ts';
import { trackChild } from './run-lock.ts';

/** The folders as errors name them: by the flags that give them. */
export const PLACE_NAMES: PlaceNames = { outDir: '--out-dir', buildDir: '--build-dir' };

export const PROJECT = fileURLToPath(new URL('../../', import.meta.url));
const ASTRO = path.join(PROJECT, 'node_modules/astro/bin/astro.mjs');

export async function buildAndPublish(
  place: PublishPlace,
  fingerprint: string,
  context: CommandContext,
): Promise<void> {
  const { buildDir } = place;
  await mkdir(buildDir, { recursive: true });
  // A build that stops halfway must not look up to date.
  await rm(path.join(buildDir, STAMP_FILE), { force: true });
  const build = await runAstroBuild(place, context);
  if (build.status !== 0) {
    context.output.warn(build.tail);
    throw new RunError(`the build failed (exit ${build.status}); ${leftText(place)}`);
  }
  try {
    context.output.progress(
      await indexBuiltSite(buildDir, path.join(PROJECT, ASTRO_CACHE_DIR), indexSettings(context), PROJECT),
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new RunError(`the search index failed (${message}); ${leftText(place)}`);
  }
  await writeFile(path.join(buildDir, STAMP_FILE), `${fingerprint}\n`);
  if (!place.inPlace) await publishKeptBuild(place, context);
}

/** What a failure left of the published folder. */
function leftText(place: PublishPlace): string {
  if (place.inPlace) return `${place.outDir} holds an unfinished build (built in place): do not deploy it`;
  return `${place.outDir} was left as it was`;
}

/** Publishes the build folder as it is. */
export async function publishKeptBuild(place: PublishPlace, context: CommandContext): Promise<void> {
  const summary = await publishBuild(place.buildDir, place.outDir, {
    link: place.link,
    outDirName: PLACE_NAMES.outDir,
  });
  context.output.progress(`publish: ${publishSummaryText(summary)}`);
}

async function runAstroBuild(
  place: PublishPlace,
  context: CommandContext,
): Promise<{ status: number; tail: string }> {
  const log: string[] = [];
  const status = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, [ASTRO, 'build', '--outDir', path.resolve(place.buildDir)], {
      cwd: PROJECT,
      env: {
        ...process.env,
        ...context.env,
        PAPERS_CONTENT_DIR: path.resolve(place.contentDir),
        // The search index follows here, so Astro's reminder that it is stale would be wrong.
        [INDEX_FOLLOWS_ENV]: '1',
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    trackChild(child);
    const keep = (chunk: Buffer) => {
      log.push(chunk.toString());
      context.output.progress(chunk.toString().trimEnd());
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  return { status, tail: log.join('').trim().split('\n').slice(-15).join('\n') };
}
