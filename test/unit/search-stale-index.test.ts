import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { staleIndexWarning } from '../../src/lib/search/stale-index.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { readEnvironment } from '../../src/lib/config/env.ts';

/** Whether `env` says the index follows the build, as src/lib/config/env.ts reads it. */
function follows(env: Record<string, string>): boolean {
  return readEnvironment(env).operator.indexFollows;
}

describe('the reminder that astro build alone leaves the last search index', () => {
  it('is given when an index is there and nothing indexes after the build', async () => {
    const dist = await tempDir('stale-index-');
    expect(staleIndexWarning(dist, follows({}))).toBeUndefined();
    await mkdir(path.join(dist, 'pagefind/2026-10'), { recursive: true });
    expect(staleIndexWarning(dist, follows({}))).toMatch(/run "npx papers index"/);
    expect(staleIndexWarning(dist, follows({ npm_lifecycle_event: 'preview' }))).toBeDefined();
  });

  it('is not given under npm run build, which indexes next', async () => {
    const dist = await tempDir('stale-index-');
    await mkdir(path.join(dist, 'pagefind'));
    expect(staleIndexWarning(dist, follows({ npm_lifecycle_event: 'build' }))).toBeUndefined();
    expect(staleIndexWarning(dist, follows({ PAPERS_INDEX_FOLLOWS: '1' }))).toBeUndefined();
  });
});
