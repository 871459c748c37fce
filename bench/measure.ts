/**
 * Running a command while timing it: wall time, every output line with the
 * moment it arrived, and the resident memory (RSS) of the whole process
 * tree sampled from /proc, so a phase's peak can be read off its time window.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export interface Line {
  /** Milliseconds since the command started. */
  at: number;
  text: string;
}

export interface Sample {
  at: number;
  /** Bytes, summed over the process and its descendants. */
  rss: number;
}

export interface Measured {
  wallMs: number;
  /**
   * User + system CPU time of the command and the children it waited for,
   * from /usr/bin/time when installed: a machine busy with other work
   * stretches wall time far more than CPU time.
   */
  cpuMs?: number;
  lines: Line[];
  samples: Sample[];
  peakRss: number;
}

export interface MeasureOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** How often to sample memory; 200 ms by default. */
  intervalMs?: number;
}

const PAGE_SIZE = 4096;
const TIME = '/usr/bin/time';
const TIME_MARK = 'BENCH_CPU_TIME';

/** Runs `command`; rejects with its output when it exits non-zero. */
export function measure(
  command: string,
  args: readonly string[],
  options: MeasureOptions = {},
): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const timed = existsSync(TIME)
      ? ([TIME, ['-f', `${TIME_MARK} %U %S`, command, ...args]] as const)
      : ([command, args] as const);
    const child = spawn(timed[0], timed[1], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: Line[] = [];
    const samples: Sample[] = [];
    const sample = () => {
      if (child.pid !== undefined) samples.push({ at: performance.now() - start, rss: treeRss(child.pid) });
    };
    const timer = setInterval(sample, options.intervalMs ?? 200);
    for (const stream of [child.stdout, child.stderr]) {
      let rest = '';
      stream.on('data', (chunk: Buffer) => {
        const parts = (rest + chunk.toString()).split('\n');
        rest = parts.pop() ?? '';
        const at = performance.now() - start;
        for (const text of parts) lines.push({ at, text });
      });
      stream.on('end', () => {
        if (rest) lines.push({ at: performance.now() - start, text: rest });
      });
    }
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearInterval(timer);
      const wallMs = performance.now() - start;
      if (code !== 0) {
        const output = lines.map((line) => line.text).join('\n');
        reject(
          new Error(
            `${command} ${args.join(' ')} ${signal ? `was killed by ${signal}` : `exited with ${code}`}:\n${output}`,
          ),
        );
        return;
      }
      const mark = lines.findLastIndex((line) => line.text.startsWith(TIME_MARK));
      let cpuMs: number | undefined;
      const timeLine = lines[mark];
      if (timeLine) {
        const [user, system] = timeLine.text.slice(TIME_MARK.length).trim().split(' ').map(Number);
        cpuMs = ((user ?? 0) + (system ?? 0)) * 1000;
        lines.splice(mark, 1);
      }
      resolve({
        wallMs,
        ...(cpuMs !== undefined && { cpuMs }),
        lines,
        samples,
        peakRss: Math.max(0, ...samples.map((s) => s.rss)),
      });
    });
  });
}

/** The highest RSS sampled between `from` and `to` (ms since start). */
export function peakBetween(samples: readonly Sample[], from: number, to: number): number {
  let peak = 0;
  for (const s of samples) if (s.at >= from && s.at <= to && s.rss > peak) peak = s.rss;
  return peak;
}

/** RSS of `pid` and all its descendants, from /proc (Linux). */
export function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  for (const name of safeReaddir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = safeRead(`/proc/${name}/stat`);
    if (!stat) continue;
    // The command name may hold spaces and parentheses; fields resume after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const parent = Number(fields[1]);
    const list = children.get(parent) ?? [];
    list.push(Number(name));
    children.set(parent, list);
  }
  let total = 0;
  const queue = [pid];
  while (queue.length > 0) {
    const current = queue.pop() ?? pid;
    const statm = safeRead(`/proc/${current}/statm`);
    if (statm) total += Number(statm.split(' ')[1]) * PAGE_SIZE;
    queue.push(...(children.get(current) ?? []));
  }
  return total;
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function safeRead(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
