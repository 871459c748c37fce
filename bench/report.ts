/** The bench's results as Markdown, for bench/results/<date>.md. */
import type { RunResult, ScenarioResult } from './run.ts';
import { formatSiteSize } from './site-size.ts';

export interface ReportContext {
  date: Date;
  machine: string;
  versions: Record<string, string>;
  /** The command that produced the figures. */
  command?: string;
  /** The Node heap limit the build and the search step ran with (`--runner-memory`). */
  heap?: { runnerGb: number; heapMb: number };
}

const s = (ms: number | undefined) => (ms === undefined ? '–' : (ms / 1000).toFixed(1));
const gb = (bytes: number | undefined) => (bytes ? (bytes / 2 ** 30).toFixed(2) : '–');

/** What ours is compared with: Hugo's build, or (cold only) Hugo's build and then the Pagefind CLI over its output. */
export type Peer = 'hugo' | 'hugo+pagefind';

/**
 * Ours (build + search index, + publishing where the scenario publishes) over
 * the peer's time, for the same scenario: wall time, or CPU time.
 */
export function ratio(
  result: ScenarioResult,
  of: 'wallMs' | 'cpuMs' = 'wallMs',
  peer: Peer = 'hugo',
): number | undefined {
  const ours = ourTime(result, of);
  const theirs = peerTime(result, of, peer);
  return ours === undefined || !theirs ? undefined : ours / theirs;
}

export function peerTime(result: ScenarioResult, of: 'wallMs' | 'cpuMs', peer: Peer): number | undefined {
  const hugo = result.hugo?.[of];
  if (peer === 'hugo') return hugo;
  const search = result.hugoSearch?.[of];
  return hugo === undefined || search === undefined ? undefined : hugo + search;
}

function ourTime(result: ScenarioResult, of: 'wallMs' | 'cpuMs'): number | undefined {
  const build = result.astro[of];
  if (build === undefined) return undefined;
  const search = result.search ? result.search[of] : 0;
  const publish = result.publish ? result.publish[of] : 0;
  const check = result.check ? result.check[of] : 0;
  if (search === undefined || publish === undefined || check === undefined) return undefined;
  return check + build + search + publish;
}

const r2 = (value: number | undefined) => (value === undefined ? '–' : value.toFixed(2));

export function formatResults(results: readonly RunResult[], context: ReportContext): string {
  const out: string[] = [
    `# Benchmark, ${context.date.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Machine: ${context.machine}.`,
    ...(context.command ? [`Command: \`${context.command}\`.`] : []),
    `Versions: ${Object.entries(context.versions)
      .map(([name, version]) => `${name} ${version}`)
      .join(', ')}.`,
    ...(context.heap
      ? [
          `Node heap limit of the build and the search step: ${context.heap.heapMb} MB, what V8 picks by itself on a ${context.heap.runnerGb} GB machine (\`--runner-memory ${context.heap.runnerGb}\`), so the peaks are those of such a CI runner.`,
        ]
      : []),
    '',
    'Times in seconds (wall), memory as peak RSS of the process tree in GB. "astro build" is the whole',
    'build: content sync, pages, feeds, related papers and the integrations. "search" is the search index',
    'step after it, in its own process: `papers index` as `npm run build` runs it (`--search step`), or',
    'the Pagefind CLI over the output (`--search cli`). "check" is `papers daily`\'s first step in the',
    'daily-publish, daily-ci and daily-link scenarios: the content validated (only files changed since the',
    'last check are read) and fingerprinted (src/lib/publish/check-content.ts). "publish" is its last step:',
    'the build folder mirrored into the kept copy of the site and swapped in (daily-publish), or linked',
    'into an empty folder (daily-link; src/lib/publish/publish.ts). "Ours" is their sum; the ratio is ours divided',
    'by Hugo\'s build of the same papers in the same scenario (bench/hugo-site.ts). "load" is the',
    "machine's 1-minute load average when the scenario started: on 2 cores, above 2 means other work was",
    'slowing every figure of that row. CPU columns are user + system time (from /usr/bin/time), which',
    'other work on the machine changes much less than wall time.',
    'Hugo builds no search index, so in the cold scenario ours is also compared with Hugo followed by the',
    'Pagefind CLI over Hugo\'s output ("Hugo + Pagefind", "H+P"), which indexes the paper pages as ours does;',
    '"Pagefind peak" is that Pagefind run\'s own peak.',
    '',
    '| papers | scenario | check | astro build | search | publish | ours | Hugo | ratio | ours CPU | Hugo CPU | CPU ratio | Hugo + Pagefind | ratio to H+P | H+P CPU | CPU ratio to H+P | astro peak | search peak | Hugo peak | Pagefind peak | load |',
    '| -----: | -------- | ----: | ----------: | -------: | ------: | ---: | ---: | ----: | -------: | -------: | --------: | --------------: | -----------: | ------: | ---------------: | ---------: | ------------: | --------: | ------------: | ---: |',
  ];
  for (const result of results) {
    for (const scenario of result.scenarios) {
      const ours = ourTime(scenario, 'wallMs');
      out.push(
        `| ${result.n.toLocaleString('en')} | ${scenario.scenario}${result.og ? ' (with social images)' : ''} | ${s(scenario.check?.wallMs)} | ${s(scenario.astro.wallMs)} | ${s(scenario.search?.wallMs)} | ${s(scenario.publish?.wallMs)} | ${s(ours)} | ${s(scenario.hugo?.wallMs)} | ${r2(ratio(scenario))} | ${s(ourTime(scenario, 'cpuMs'))} | ${s(scenario.hugo?.cpuMs)} | ${r2(ratio(scenario, 'cpuMs'))} | ` +
          `${s(peerTime(scenario, 'wallMs', 'hugo+pagefind'))} | ${r2(ratio(scenario, 'wallMs', 'hugo+pagefind'))} | ${s(peerTime(scenario, 'cpuMs', 'hugo+pagefind'))} | ${r2(ratio(scenario, 'cpuMs', 'hugo+pagefind'))} | ` +
          `${gb(scenario.astro.peakRss)} | ${gb(scenario.search?.peakRss)} | ${gb(scenario.hugo?.peakRss)} | ${gb(scenario.hugoSearch?.peakRss)} | ${scenario.load.toFixed(1)} |`,
      );
    }
  }
  for (const result of results) {
    out.push(
      '',
      `## ${result.n.toLocaleString('en')} papers`,
      '',
      `Generating the archive: ${s(result.generateMs)} s${result.hugoContentMs === undefined ? '' : `; laying it out for Hugo: ${s(result.hugoContentMs)} s`}. ` +
        `Social images: ${result.og ? 'included (cold in the cold build, cached after)' : 'left out (`--og off`, or over 2,000 papers with `--og auto`)'}.`,
      '',
      result.lib
        ? `Library steps alone (bench/lib-steps.ts, one process, CPU seconds): reading ${s(result.lib.load)} s, related papers ${s(result.lib.related)} s, ` +
            `topic classification ${s(result.lib.classify)} s, archive index ${s(result.lib.index)} s; peak ${gb(result.lib.peakRss)} GB.`
        : 'Library steps alone: not timed in this run (`--no-lib-steps`).',
      '',
      `Output: ours ${result.astroSize.files.toLocaleString('en')} files, ${(result.astroSize.bytes / 2 ** 20).toFixed(0)} MB before the search index` +
        (result.hugoSize
          ? `; Hugo ${result.hugoSize.files.toLocaleString('en')} files, ${(result.hugoSize.bytes / 2 ** 20).toFixed(0)} MB.`
          : '.'),
      '',
      ...(result.siteSize ? [...formatSiteSize(result.siteSize), ''] : []),
      `| phase (seconds, peak GB) | ${result.scenarios.map((x) => x.scenario).join(' | ')} |`,
      `| --- | ${result.scenarios.map(() => '---:').join(' | ')} |`,
    );
    const names = [...new Set(result.scenarios.flatMap((x) => x.astro.phases.map((p) => p.name)))];
    for (const name of names) {
      const cells = result.scenarios.map((x) => {
        const phase = x.astro.phases.find((p) => p.name === name);
        if (!phase) return '–';
        return phase.peakRss ? `${s(phase.ms)} (${gb(phase.peakRss)})` : s(phase.ms);
      });
      out.push(`| ${name} | ${cells.join(' | ')} |`);
    }
    if (result.scenarios.some((x) => x.search))
      out.push(
        `| search step (own process) | ${result.scenarios.map((x) => (x.search ? `${s(x.search.wallMs)} (${gb(x.search.peakRss)})` : '–')).join(' | ')} |`,
      );
    if (result.scenarios.some((x) => x.check))
      out.push(
        `| check (own process) | ${result.scenarios.map((x) => (x.check ? `${s(x.check.wallMs)} (${gb(x.check.peakRss)})` : '–')).join(' | ')} |`,
        `| paper files parsed by the check | ${result.scenarios.map((x) => x.check?.read ?? '–').join(' | ')} |`,
        `| paper files read, unchanged, by the check | ${result.scenarios.map((x) => x.check?.hashed ?? '–').join(' | ')} |`,
      );
    if (result.scenarios.some((x) => x.publish))
      out.push(
        `| publish (own process) | ${result.scenarios.map((x) => (x.publish ? `${s(x.publish.wallMs)} (${gb(x.publish.peakRss)})` : '–')).join(' | ')} |`,
      );
    if (result.scenarios.some((x) => x.publish))
      out.push(`| published | ${result.scenarios.map((x) => x.publish?.summary ?? '–').join(' | ')} |`);
    out.push(`| pages built | ${result.scenarios.map((x) => x.astro.pages).join(' | ')} |`);
    if (result.scenarios.some((x) => x.astro.abstractsRead !== undefined))
      out.push(
        `| abstracts read from their files | ${result.scenarios.map((x) => x.astro.abstractsRead ?? '–').join(' | ')} |`,
      );
    if (result.scenarios.some((x) => x.astro.storeBytes !== undefined))
      out.push(
        `| content store after the build (MB) | ${result.scenarios.map((x) => (x.astro.storeBytes === undefined ? '–' : (x.astro.storeBytes / 1e6).toFixed(1))).join(' | ')} |`,
      );
    if (result.scenarios.some((x) => x.astro.reused > 0))
      out.push(
        `| pages reused from the incremental cache | ${result.scenarios.map((x) => x.astro.reused).join(' | ')} |`,
      );
  }
  return `${out.join('\n')}\n`;
}
