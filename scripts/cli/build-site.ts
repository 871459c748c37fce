/**
 * Builds the site into a fresh folder next to the published one and swaps
 * it in only when the build (pages, feeds, images) and its search index
 * succeeded. So dist/ is not kept between builds here, as `npm run build`
 * keeps it: Astro copies the unchanged pages from its cache. Astro runs in a child process and the index after it has
 * exited, so the two never hold their memory at once.
 */
import { spawn } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { STAMP_FILE } from '../../src/lib/publish/fingerprint.ts';
import { replaceDirectory } from '../../src/lib/publish/swap.ts';
import { ASTRO_CACHE_DIR } from '../../src/lib/search/known-pages.ts';
import { InputError } from '../../src/lib/sources/types.ts';
import type { CliContext } from './context.ts';
import { indexBuiltSite } from './index-search.ts';

const PROJECT = fileURLToPath(new URL('../../', import.meta.url));
const ASTRO = path.join(PROJECT, 'node_modules/astro/bin/astro.mjs');

export async function buildAndPublish(
  contentDir: string,
  outDir: string,
  fingerprint: string,
  context: CliContext,
): Promise<void> {
  const next = `${path.resolve(outDir)}.next`;
  await rm(next, { recursive: true, force: true });
  const log: string[] = [];
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, [ASTRO, 'build', '--outDir', next], {
      cwd: PROJECT,
      env: {
        ...process.env,
        ...context.env,
        PAPERS_CONTENT_DIR: path.resolve(contentDir),
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      log.push(chunk.toString());
      context.output.progress(chunk.toString().trimEnd());
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (status) => resolve(status ?? 1));
  });
  if (code !== 0) {
    await rm(next, { recursive: true, force: true });
    const tail = log.join('').trim().split('\n').slice(-15).join('\n');
    context.output.warn(tail);
    throw new InputError(`the build failed (exit ${code}); ${outDir} was left as it was`);
  }
  try {
    const env = { ...process.env, ...context.env };
    context.output.progress(await indexBuiltSite(next, path.join(PROJECT, ASTRO_CACHE_DIR), env, PROJECT));
  } catch (error) {
    await rm(next, { recursive: true, force: true });
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError(`the search index failed (${message}); ${outDir} was left as it was`);
  }
  await writeFile(path.join(next, STAMP_FILE), `${fingerprint}\n`);
  await replaceDirectory(next, path.resolve(outDir));
}
