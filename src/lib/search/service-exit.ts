/**
 * Waiting for Pagefind's service to be gone once its Node API has closed it.
 * `close()` only signals the process; a command that returned at once would
 * leave it to end on its own, unreaped, so the CPU it used would count for no
 * one (the bench's CPU figures left it out) and it could outlive the run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** The ids of this process's children whose command starts with `name`; none where /proc is not there. */
export function childProcesses(name: string, parent = process.pid): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const children: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // ended while listed
    }
    // `pid (comm) state ppid …`; comm may hold spaces and parentheses, so split after its last `)`.
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const ppid = Number(stat.slice(close + 2).split(' ')[1]);
    if (ppid === parent && comm.startsWith(name)) children.push(Number(entry));
  }
  return children;
}

/** Whether `pid` is still this process's child: running, or ended and not yet reaped. */
function isChild(pid: number, parent = process.pid): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent;
  } catch {
    return false; // gone
  }
}

/** Resolves once none of `pids` is this process's child any more (reaped), or after `timeoutMs`. */
export async function childrenGone(pids: readonly number[], timeoutMs = 5000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (pids.some((pid) => isChild(pid)) && performance.now() < deadline) await sleep(10);
}
