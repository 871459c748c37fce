/** The bench's results as Markdown, for bench/results/<date>.md and the README. */
import type { RunResult, ScenarioResult } from './run.ts';

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

/** Ours (build + search index, + publishing where the scenario publishes) over Hugo's build, for the same scenario: wall time, or CPU time. */
export function ratio(result: ScenarioResult, of: 'wallMs' | 'cpuMs' = 'wallMs'): number | undefined {
  const ours = ourTime(result, of);
  const hugo = result.hugo?.[of];
  return ours === undefined || !hugo ? undefined : ours / hugo;
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
    '',
    '| papers | scenario | check | astro build | search | publish | ours | Hugo | ratio | ours CPU | Hugo CPU | CPU ratio | astro peak | search peak | Hugo peak | load |',
    '| -----: | -------- | ----: | ----------: | -------: | ------: | ---: | ---: | ----: | -------: | -------: | --------: | ---------: | ------------: | --------: | ---: |',
  ];
  for (const result of results) {
    for (const scenario of result.scenarios) {
      const ours = ourTime(scenario, 'wallMs');
      out.push(
        `| ${result.n.toLocaleString('en')} | ${scenario.scenario}${result.og ? ' (with social images)' : ''} | ${s(scenario.check?.wallMs)} | ${s(scenario.astro.wallMs)} | ${s(scenario.search?.wallMs)} | ${s(scenario.publish?.wallMs)} | ${s(ours)} | ${s(scenario.hugo?.wallMs)} | ${r2(ratio(scenario))} | ${s(ourTime(scenario, 'cpuMs'))} | ${s(scenario.hugo?.cpuMs)} | ${r2(ratio(scenario, 'cpuMs'))} | ${gb(scenario.astro.peakRss)} | ${gb(scenario.search?.peakRss)} | ${gb(scenario.hugo?.peakRss)} | ${scenario.load.toFixed(1)} |`,
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
