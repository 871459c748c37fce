/**
 * The benchmark at a tiny N, to prove it still works: the generator is
 * deterministic and writes valid content, and one cold build of it with the
 * real site (and Hugo, when installed) gives the phases the report needs.
 * Timings are printed by `npm run bench`, never asserted.
 */
import { statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dayPlan, generate } from '../../bench/generate.ts';
import { formatResults, peerTime, ratio } from '../../bench/report.ts';
import { hugoAvailable, machine, runBench, siteEnv, v8HeapLimitMb, type RunResult } from '../../bench/run.ts';
import { FOLDERS, HOSTS, siteTotal } from '../../bench/site-size.ts';
import { listPaperFiles, validateContent } from '../../src/lib/papers/store.ts';
import { listFiles } from '../helpers/built-site.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const N = 60;

const readdirOrEmpty = (dir: string) => readdir(dir).catch(() => []);

describe('bench/generate.ts', () => {
  it('plans weekdays of 30 to 60 papers adding up to N', () => {
    const plan = dayPlan(1000);
    expect(plan.reduce((sum, day) => sum + day.count, 0)).toBe(1000);
    for (const day of plan.slice(0, -1)) expect(day.count).toBeGreaterThanOrEqual(30);
    for (const day of plan) expect([0, 6]).not.toContain(new Date(`${day.date}T00:00:00Z`).getUTCDay());
  });

  it('writes the same valid files every time, and adds a day without touching the others', async () => {
    const [a, b] = [await tempDir('bench-a-'), await tempDir('bench-b-')];
    await generate({ n: N, out: a });
    await generate({ n: N, out: b });
    const files = await listPaperFiles(a);
    expect(files).toHaveLength(N);
    for (const file of files) {
      expect(await readFile(path.join(b, file.relativePath), 'utf8')).toBe(
        await readFile(path.join(a, file.relativePath), 'utf8'),
      );
    }
    const [added] = await generate({ n: N, out: a, addDay: true });
    const after = await listPaperFiles(a);
    expect(after).toHaveLength(N + 50);
    expect(after.filter((file) => file.date === added)).toHaveLength(50);
    // A second daily update adds the weekday after the first one's.
    const [next] = await generate({ n: N, out: a, addDay: true, after: added });
    const weekdayAfter = new Date(`${added}T00:00:00Z`);
    do weekdayAfter.setUTCDate(weekdayAfter.getUTCDate() + 1);
    while ([0, 6].includes(weekdayAfter.getUTCDay()));
    expect(next).toBe(weekdayAfter.toISOString().slice(0, 10));
    expect(await listPaperFiles(a)).toHaveLength(N + 100);
    const report = await validateContent(a);
    expect(report.problems).toEqual([]);
  });
});

describe('npm run bench', () => {
  it('gives the build the heap limit V8 picks on the machine it stands for', () => {
    expect(v8HeapLimitMb(7)).toBe(1792);
    expect(v8HeapLimitMb(24)).toBe(4096);
    const dirs = {
      content: 'c',
      astroOut: 'o',
      astroCache: 'a',
      astroCwd: 'w',
      og: 'g',
      search: 's',
      build: 'b',
    };
    expect(siteEnv(dirs, 1792)['NODE_OPTIONS']).toContain('--max-old-space-size=1792');
    expect(siteEnv(dirs, undefined)['NODE_OPTIONS'] ?? '').not.toContain('--max-old-space-size');
  });

  it('builds a tiny archive cold and reports its phases', async () => {
    const hugo = hugoAvailable();
    const work = await tempDir('bench-work-');
    if (!hugo)
      console.log('hugo is not installed (apt-get install -y hugo): the bench runs without its reference');
    const logged: string[] = [];
    const [result] = await runBench({
      log: (line) => logged.push(line),
      sizes: [N],
      work,
      og: 'off',
      search: 'step',
      hugo,
      // And a daily update into an empty output folder, and as `papers daily` builds and publishes.
      scenarios: ['cold', 'daily-fresh', 'daily-publish', 'daily-ci', 'daily-link'],
      // As on a 7 GB runner (--runner-memory 7): the build must run within V8's limit there.
      heapMb: v8HeapLimitMb(7),
    });
    const cold = result!.scenarios[0]!;
    expect(cold.astro.phases.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        'content sync',
        'pages: papers',
        'pages: feeds',
        'pages: days',
        'pages: topics',
      ]),
    );
    // Every paper page was rendered and logged (and more: days, topics, feeds).
    expect(cold.astro.pages).toBeGreaterThan(N);
    expect(result!.astroSize.files).toBeGreaterThan(N);
    // A cold build's pages read every abstract they show, each once; the store was saved.
    expect(cold.astro.abstractsRead).toBe(N);
    expect(cold.astro.storeBytes).toBeGreaterThan(0);
    if (hugo) expect(cold.hugo).toBeDefined();
    // The search step ran after the build, as `npm run build` runs it, and indexed the papers.
    expect(cold.search?.wallMs).toBeGreaterThan(0);
    expect(await readdirOrEmpty(path.join(work, String(N), 'astro-dist', 'pagefind'))).not.toEqual([]);
    // The fresh folder got the kept pages from Astro's cache ("restored") and the new day's rendered.
    const fresh = result!.scenarios[1]!;
    expect(fresh.scenario).toBe('daily-fresh');
    expect(fresh.astro.reused).toBeGreaterThan(N);
    // Copied into the empty folder ("restored"), none left in place ("cached") as in a daily build.
    const freshLog = await readFile(path.join(work, String(N), 'astro-daily-fresh.log'), 'utf8');
    expect(freshLog).toContain('(restored)');
    expect(freshLog).not.toContain('(cached)');
    expect(fresh.astro.pages).toBeGreaterThanOrEqual(50);
    expect(fresh.astro.pages).toBeLessThan(cold.astro.pages);
    const heap = { runnerGb: 7, heapMb: v8HeapLimitMb(7) };
    const text = formatResults([result!], { date: new Date(), machine: machine(), versions: {}, heap });
    expect(text).toMatch(new RegExp(`\\| ${N} \\| cold \\|`));
    expect(text).toMatch(new RegExp(`\\| ${N} \\| daily-fresh \\|`));
    expect(text).toContain('Node heap limit of the build and the search step: 1792 MB');
    expect(text).toContain('| search step (own process) |');
    expect(text).toMatch(new RegExp(`\\| abstracts read from their files \\| ${N} \\| \\d+ \\|`));
    expect(text).toMatch(/\| content store after the build \(MB\) \| \d+\.\d \|/);
    checkSiteSize(result!, text, logged);
    if (hugo) checkHugoPagefind(result!, text);

    // `papers daily`: built in place (pages kept, not restored), then published, and timed as a step.
    const [publish, ci, link] = [result!.scenarios[2]!, result!.scenarios[3]!, result!.scenarios[4]!];
    expect([publish.scenario, ci.scenario, link.scenario]).toEqual([
      'daily-publish',
      'daily-ci',
      'daily-link',
    ]);
    // The content was checked first, parsing only the new day's 50 files; on the runner, after a
    // checkout, every other file was read to find it unchanged.
    for (const scenario of [publish, ci, link]) expect(scenario.check?.read).toBe(50);
    expect(text).toContain('| paper files parsed by the check | – | – | 50 | 50 | 50 |');
    expect(ci.check?.hashed).toBeGreaterThan(N);
    // The other files were checked seconds before: known, not even read.
    expect(publish.check?.hashed).toBe(0);
    // In place: nothing to publish.
    expect(ci.publish).toBeUndefined();
    const publishLog = await readFile(path.join(work, String(N), 'astro-daily-publish.log'), 'utf8');
    expect(publishLog).toContain('(cached)');
    expect(publishLog).not.toContain('(restored)');
    // Into the kept copy: the files the new day changed, the others left as they were.
    expect(publish.publish?.summary).toMatch(/^copied [1-9]\d* files, removed \d+ and kept [1-9]\d*$/);
    expect(link.publish?.summary).toMatch(/^linked [1-9]\d* files$/);
    expect(text).toMatch(new RegExp(`\\| ${N} \\| daily-publish \\| [\\d.]+ \\| [\\d.]+ \\| [\\d.]+ \\|`));
    expect(text).toContain('| publish (own process) |');
    expect(text).toMatch(/\| published \| – \| – \| copied \d+ files.* \| – \| linked \d+ files \|/);
    // The last scenario linked the build into an empty folder; the one before kept its copy beside it.
    const root = path.join(work, String(N));
    const built = await listFiles(path.join(root, 'astro-dist'));
    expect(await listFiles(path.join(root, 'published'))).toEqual(built);
    expect(statSync(path.join(root, 'published/index.html')).ino).toBe(
      statSync(path.join(root, 'astro-dist/index.html')).ino,
    );
  });
});

/** The cold site's size report: the summary line, its folders adding up to it, the hosts, the cards extrapolated. */
function checkSiteSize(result: RunResult, text: string, logged: readonly string[]): void {
  const size = result.siteSize!;
  const match = new RegExp(`^site at ${N} papers: ([\\d,]+) bytes in ([\\d,]+) files$`, 'm').exec(text);
  expect(match).not.toBeNull();
  const number = (cell: string) => Number(cell.replaceAll(',', ''));
  const [bytes, files] = [number(match![1]!), number(match![2]!)];
  expect({ files, bytes }).toEqual(siteTotal(size));
  // The folder rows add up to the line.
  const rows = FOLDERS.map(({ label }) => {
    const row = text.split('\n').find((line) => line.startsWith(`| ${label.replace(')', '')}`));
    expect(row, label).toBeDefined();
    const cells = row!.split('|').map((cell) => cell.trim());
    return { files: number(cells[2]!), bytes: number(cells[3]!) };
  });
  expect(rows.reduce((sum, row) => sum + row.bytes, 0)).toBe(bytes);
  expect(rows.reduce((sum, row) => sum + row.files, 0)).toBe(files);
  // Pages, assets and the rest as built (the size before the search step), the search index after it.
  expect(files - size.folders.pagefind.files - size.folders.og.files).toBe(result.astroSize.files);
  expect(bytes - size.folders.pagefind.bytes - size.folders.og.bytes).toBe(result.astroSize.bytes);
  expect(size.folders.pagefind.files).toBeGreaterThan(0);
  expect(size.folders.papers.files).toBe(N);
  // `--og off`: the cards were counted by the policy, every paper of so short an archive with its own,
  // and the sample, all of them, rendered for real.
  expect(size.cards.kind).toBe('extrapolated');
  if (size.cards.kind !== 'extrapolated') return;
  const days = dayPlan(N).length;
  expect([size.cards.paperCards, size.cards.dayCards]).toEqual([N, days]);
  expect([size.cards.sample.paper.files, size.cards.sample.day.files]).toEqual([N, days]);
  expect(size.folders.og).toEqual({
    files: N + days,
    bytes: size.cards.sample.paper.bytes + size.cards.sample.day.bytes,
  });
  expect(size.cards.sample.paper.bytes / N).toBeGreaterThan(1000);
  expect(text).toMatch(/^Cards: extrapolated, not rendered by this build/m);
  expect(text).toContain('| host | limit | takes this site | largest archive (papers) |');
  for (const host of HOSTS)
    expect(text).toMatch(
      new RegExp(
        `^\\| ${host.name.replaceAll('+', '\\+')} \\| [^|]+ \\| yes \\| (no limit|[\\d,]+) \\|$`,
        'm',
      ),
    );
  // And printed as it was measured.
  expect(logged).toContain(match![0]);
}

/** The cold row against Hugo followed by the Pagefind CLI over its output. */
function checkHugoPagefind(result: RunResult, text: string): void {
  const [cold, ...others] = result.scenarios;
  // Pagefind indexed Hugo's paper pages and nothing else, as ours does.
  expect(cold!.hugoSearch?.pages).toBe(N);
  for (const other of others) expect(other.hugoSearch).toBeUndefined();
  const wall = peerTime(cold!, 'wallMs', 'hugo+pagefind')!;
  expect(wall).toBe(cold!.hugo!.wallMs + cold!.hugoSearch!.wallMs);
  const lines = text.split('\n');
  const header = lines
    .find((line) => line.startsWith('| papers | scenario |'))!
    .split('|')
    .map((c) => c.trim());
  const cell = (scenario: string, column: string) =>
    lines
      .find((line) => line.startsWith(`| ${N} | ${scenario} |`))!
      .split('|')
      .map((c) => c.trim())[header.indexOf(column)];
  expect(cell('cold', 'Hugo + Pagefind')).toBe((wall / 1000).toFixed(1));
  expect(cell('cold', 'ratio to H+P')).toBe(ratio(cold!, 'wallMs', 'hugo+pagefind')!.toFixed(2));
  expect(Number(cell('cold', 'ratio to H+P'))).toBeLessThan(Number(cell('cold', 'ratio')));
  expect(cell('daily-fresh', 'Hugo + Pagefind')).toBe('–');
  if (cold!.hugo!.cpuMs !== undefined) expect(cell('cold', 'CPU ratio to H+P')).toMatch(/^\d+\.\d\d$/);
}
