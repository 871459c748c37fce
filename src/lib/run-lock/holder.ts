/**
 * Who holds a run lock (lock-file.ts), and whether that holder is still
 * running: the decisions, with the facts about processes passed in, so they
 * can be tested without real processes.
 */
import { z } from 'zod';

const holderSchema = z.object({
  pid: z.number().int().positive(),
  /** When the holder took the lock, as an ISO time. */
  started: z.string(),
  /**
   * The holder process's start as its system counts it (on Linux, field 22
   * of /proc/<pid>/stat: clock ticks since boot); absent where the system
   * does not say. Tells the holder from a later process given its pid.
   */
  processStart: z.string().optional(),
  /** The machine the holder runs on: its pid means nothing on another. */
  host: z.string(),
  /** Tells one taking of the lock from another, whatever the pid. */
  token: z.string().min(1),
});

export type LockHolder = z.output<typeof holderSchema>;

/** What a lock needs to know about processes on this machine (systemFacts in lock-file.ts). */
export interface LockFacts {
  host: string;
  now: () => number;
  /** Whether `pid` runs, and when it started where the system says (the unit of LockHolder.processStart). */
  process: (pid: number) => { alive: boolean; start?: string | undefined };
}

export type LockState =
  /** A holder that runs or cannot be checked; undefined when the file is still being written. */
  | { held: true; holder: LockHolder | undefined }
  /** Left by a run that stopped without releasing it: `why`, in words. */
  | { held: false; why: string };

/**
 * A lock file is written in one call right after it is created, so one that
 * still cannot be read after this long was left by a run that stopped in
 * between.
 */
export const UNREADABLE_GRACE_MS = 10_000;

export function lockText(holder: LockHolder): string {
  return `${JSON.stringify(holder)}\n`;
}

export function parseLockText(text: string): LockHolder | undefined {
  try {
    const result = holderSchema.safeParse(JSON.parse(text));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the lock file `text`, last written `ageMs` ago, is held. */
export function judgeLock(text: string, ageMs: number, facts: LockFacts): LockState {
  const holder = parseLockText(text);
  if (holder === undefined) {
    if (ageMs < UNREADABLE_GRACE_MS) return { held: true, holder: undefined };
    return { held: false, why: 'its file could not be read, and a run writes it at once' };
  }
  // A process on another machine cannot be checked from here: its lock stands.
  if (holder.host !== facts.host) return { held: true, holder };
  const running = facts.process(holder.pid);
  if (!running.alive) return { held: false, why: `pid ${holder.pid} is not running` };
  if (
    holder.processStart !== undefined &&
    running.start !== undefined &&
    running.start !== holder.processStart
  )
    return { held: false, why: `pid ${holder.pid} is another process now` };
  return { held: true, holder };
}

/** `another papers run (pid 4211, started 2026-12-01T06:00:02.000Z) is using /srv/site/dist`, and what to do. */
export function heldText(
  holder: LockHolder | undefined,
  folder: string,
  lockFile: string,
  facts: Pick<LockFacts, 'host'>,
): string {
  if (holder === undefined)
    return `another papers run is taking the lock on ${folder} just now (${lockFile}); nothing was done, run again when it has finished`;
  if (holder.host !== facts.host)
    return (
      `another papers run (pid ${holder.pid} on host ${holder.host}, started ${holder.started}) is using ${folder}; ` +
      `nothing was done. If that run has stopped, delete ${lockFile} and run again`
    );
  return `another papers run (pid ${holder.pid}, started ${holder.started}) is using ${folder}; nothing was done, run again when it has finished`;
}

/**
 * The command name, state, parent and start time in a Linux
 * `/proc/<pid>/stat` line. The command name (field 2) is in parentheses and
 * may hold spaces and parentheses itself, so the fields are counted from the
 * last `)`: the state is field 3, the parent's pid field 4, the start time
 * field 22.
 */
export function parseProcStat(
  text: string,
): { command: string; state: string; parent: number; start: string } | undefined {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return undefined;
  const fields = text
    .slice(close + 1)
    .trim()
    .split(/\s+/);
  const [state, parent] = fields;
  const start = fields[22 - 3];
  if (state === undefined || !/^\d+$/.test(parent ?? '') || start === undefined || !/^\d+$/.test(start))
    return undefined;
  return { command: text.slice(open + 1, close), state, parent: Number(parent), start };
}
