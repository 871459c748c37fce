/**
 * The scheduled workflow can only be run on GitHub, so it is checked here as
 * far as a file can be: it parses, runs on a schedule and on demand, pins
 * its actions, cannot overlap itself, and calls only commands that exist.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MAIN_HELP } from '../../scripts/cli/main.ts';
import { readEnvironment } from '../../src/lib/config/env.ts';
import { ASTRO_CACHE_DIR } from '../../src/lib/config/env.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string>;
}

async function workflow() {
  return parse(await readFile(path.join(ROOT, '.github/workflows/daily.yml'), 'utf8')) as {
    on: { schedule: { cron: string }[]; workflow_dispatch: unknown };
    concurrency: { group: string; 'cancel-in-progress': boolean };
    jobs: Record<string, { 'timeout-minutes': number; steps: Step[] }>;
  };
}

describe('the daily workflow', () => {
  it('runs daily and on demand, with a timeout and no overlapping runs', async () => {
    const flow = await workflow();
    expect(flow.on.schedule[0]?.cron).toMatch(/^\S+ \S+ \* \* \*$/);
    expect(flow.on).toHaveProperty('workflow_dispatch');
    expect(flow.concurrency).toMatchObject({ group: expect.any(String), 'cancel-in-progress': false });
    for (const job of Object.values(flow.jobs)) expect(job['timeout-minutes']).toBeGreaterThan(0);
  });

  it('pins every action to a version', async () => {
    const steps = Object.values((await workflow()).jobs).flatMap((job) => job.steps);
    const actions = steps.flatMap((step) => (step.uses ? [step.uses] : []));
    expect(actions.length).toBeGreaterThan(3);
    for (const action of actions) expect(action).toMatch(/@v\d+\.\d+\.\d+$/);
  });

  it('calls only npm scripts and papers commands that exist', async () => {
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const runs = Object.values((await workflow()).jobs)
      .flatMap((job) => job.steps)
      .flatMap((step) => (step.run ? step.run.split('\n') : []));
    const scripts = runs.flatMap((line) => [...line.matchAll(/npm run (\S+)/g)].map((m) => m[1]!));
    const commands = runs.flatMap((line) => [...line.matchAll(/npx papers (\S+)/g)].map((m) => m[1]!));
    expect(commands).toContain('daily');
    for (const script of scripts) expect(Object.keys(pkg.scripts)).toContain(script);
    for (const command of commands) expect(MAIN_HELP).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect(runs.some((line) => /npm ci\b/.test(line))).toBe(true);
  });

  // Astro's cache says what changed since the build it restores with it.
  it('restores every build cache, Astro’s included', async () => {
    const steps = Object.values((await workflow()).jobs).flatMap((job) => job.steps);
    const cache = steps.find((step) => step.uses?.startsWith('actions/cache@'));
    const paths = (cache?.with?.['path'] ?? '').split('\n').filter(Boolean);
    expect(paths.some((p) => ASTRO_CACHE_DIR.startsWith(`${p}/`))).toBe(true);
    expect(paths.filter((p) => p.startsWith('!'))).toEqual([]);
    // Every cache folder the site uses by default (the workflow moves none) is under a restored path.
    expect(JSON.stringify(await workflow())).not.toMatch(/PAPERS_\w*_CACHE/);
    const defaults = readEnvironment({}).operator;
    for (const folder of [defaults.searchCacheDir, defaults.buildCacheDir, defaults.ogCacheDir])
      expect(
        paths.some((p) => !p.startsWith('!') && folder.startsWith(`${p}/`)),
        folder,
      ).toBe(true);
    const restoreAt = steps.indexOf(cache!);
    const installAt = steps.findIndex((step) => /npm ci\b/.test(step.run ?? ''));
    const buildAt = steps.findIndex((step) => /npx papers daily/.test(step.run ?? ''));
    // npm ci empties node_modules, so the caches inside it are restored after it and before the build.
    expect(installAt).toBeLessThan(restoreAt);
    expect(restoreAt).toBeLessThan(buildAt);
  });

  // scripts/cli/publish.ts: --in-place is safe only where a failed job deploys and caches nothing.
  it('builds in the cached dist/, with the day and without', async () => {
    const flow = await workflow();
    const steps = Object.values(flow.jobs).flatMap((job) => job.steps);
    const runs = steps.flatMap((step) => (step.run ? step.run.split('\n') : []));
    const building = runs.filter((line) => /npx papers (daily|publish)\b/.test(line));
    expect(building).toHaveLength(2);
    for (const line of building) expect(line).toContain('--in-place');
    expect(runs.join('\n')).not.toMatch(/npm run build/);
    const cache = steps.find((step) => step.uses?.startsWith('actions/cache@'));
    expect((cache?.with?.['path'] ?? '').split('\n')).toContain('dist');
    // The deploy uploads what was built, and no step runs after a failure.
    const upload = steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(upload?.with?.['path']).toBe('dist');
    expect(JSON.stringify(flow)).not.toMatch(/always\(\)|continue-on-error/);
  });

  // A run killed while it wrote content leaves temporary files (src/lib/papers/atomic.ts) until the next run.
  it('never commits the temporary files a killed run left in content', async () => {
    const repo = await tempDir();
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: repo,
        encoding: 'utf8',
        env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null' },
      });
    git('init', '--quiet');
    const files = [
      'content/.ingest-state.json',
      'content/..ingest-state.json.4242-0.tmp',
      'content/papers/2026/10/03/2610.01092.md',
      'content/papers/2026/10/03/.2610.01093.md.4242-1.tmp',
      'content/papers/2026/10/03/.2610.01094.md.4242-1f3a9c0b7e21.tmp',
    ];
    for (const file of files) {
      await mkdir(path.dirname(path.join(repo, file)), { recursive: true });
      await writeFile(path.join(repo, file), 'x');
    }
    // The repository's ignore files, as the workflow's checkout has them.
    for (const ignore of ['.gitignore', 'content/.gitignore'])
      await copyFile(path.join(ROOT, ignore), path.join(repo, ignore)).catch(() => undefined);
    const commit = Object.values((await workflow()).jobs)
      .flatMap((job) => job.steps)
      .flatMap((step) => (step.run ? step.run.split('\n') : []))
      .filter((line) => /^\s*git add\b/.test(line));
    expect(commit).not.toEqual([]);
    for (const line of commit) execFileSync('sh', ['-c', line], { cwd: repo });
    const staged = git('diff', '--cached', '--name-only').trim().split('\n');
    expect(staged.filter((file) => file.endsWith('.tmp'))).toEqual([]);
    expect(staged).toEqual(
      expect.arrayContaining(['content/.ingest-state.json', 'content/papers/2026/10/03/2610.01092.md']),
    );
  });
});
