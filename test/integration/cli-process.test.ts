import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startPapers } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp-dir.ts';

/** `papers <args>` as a process, with CI set. */
function papersProcess(args: string[]) {
  return startPapers(args).done;
}

describe('the papers command as a process', () => {
  it('prints help for every command', async () => {
    for (const args of [['--help'], ['ingest', '--help'], ['validate', '--help']]) {
      const result = await papersProcess(args);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^Usage: papers/);
    }
  });

  it('turns bad input into one line on stderr and exit code 1, never a stack trace', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'day.json');
    await writeFile(file, '{ not json');
    const result = await papersProcess(['ingest', 'hf', '--file', file, '--content-dir', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^papers: .*day\.json: not valid JSON/),
    ]);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    // The search step, pointed at a folder with no built site.
    const index = await papersProcess(['index', '--out-dir', dir]);
    expect(index.code).toBe(1);
    expect(index.stderr.trim()).toMatch(
      /^papers: .*: no built site there \(expected index\.html\); run "astro build" first$/,
    );
  });

  it('exits 2 on a usage mistake', async () => {
    const result = await papersProcess(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      'papers: unknown command "frobnicate" (commands: ingest, validate, topics, index, publish, daily, backfill)',
    );
  });
});
