/**
 * Waiting for Pagefind's service to be gone once its Node API has closed it.
 * `close()` only signals the process; a command that returned at once would
 * leave it to end on its own, unreaped, so the CPU it used would count for no
 * one (the bench's CPU figures left it out) and it could outlive the run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseProcStat } from '../run-lock/holder.ts';

/** The ids of this process's children whose command starts with `name`; none where /proc is not there. */
export function childProcesses(name: string): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const children: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = procStat(Number(entry));
    if (stat?.parent === process.pid && stat.command.startsWith(name)) children.push(Number(entry));
  }
  return children;
}

/** Whether `pid` is still this process's child: running, or ended and not yet reaped. */
function isChild(pid: number): boolean {
  return procStat(pid)?.parent === process.pid;
}

/** The process's `/proc/<pid>/stat`, or undefined once it is gone. */
function procStat(pid: number): ReturnType<typeof parseProcStat> {
  try {
    return parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Resolves once none of `pids` is this process's child any more (reaped), or after `timeoutMs`. */
export async function childrenGone(pids: readonly number[], timeoutMs = 5000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (pids.some((pid) => isChild(pid)) && performance.now() < deadline) await sleep(10);
}
