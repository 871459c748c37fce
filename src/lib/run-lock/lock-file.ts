/**
 * One papers run at a time per folder: a run that writes content, or
 * builds and publishes, first takes a lock on every folder it reads or
 * writes (the content folder; the build and published folders), and a
 * second run on any of them stops at once, before it reads anything, naming
 * the run that holds it. Two publishes at once used to publish an empty site
 * (issue 20): each took the other's half-built folder for a stopped build
 * and set it aside.
 *
 * Where: a file beside the folder, named after it: `dist.papers-lock`,
 * `content.papers-lock`. Not inside it: a publish swaps and prunes the build
 * and published folders whole, and a lock inside the content folder could be
 * committed with it (`git add content`). Beside it, where publishing already
 * writes (`dist.next`, `dist.old-<pid>`), so its parent is writable
 * wherever publishing works. Per folder, not per project: two checkouts
 * publishing one folder still keep apart, and runs on folders of their own
 * (the tests run many at once) do not stop each other. Named after the
 * folder's real path, so `dist`, `./dist/` and a link to it are one lock.
 * A run never waits for a lock, so the order it takes them in cannot
 * deadlock; it releases what it took when one is held.
 *
 * The file holds the holder's pid, its process start time and a token
 * (holder.ts). A lock whose holder no longer runs (its pid is gone, or is
 * another process now) is taken over; only one of two runs that find it so
 * can do that: the right to replace a stale lock is a file of its own,
 * named after the stale lock's text and created exclusively, and its winner
 * replaces the lock only if it still holds that text.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { canonicalPath } from '../papers/paths.ts';
import {
  heldText,
  judgeLock,
  lockText,
  parseLockText,
  parseProcStat,
  type LockFacts,
  type LockHolder,
} from './holder.ts';

export const LOCK_SUFFIX = '.papers-lock';
/** `<lock>.takeover-<digest of the stale lock's text>`: the right to replace that stale lock. */
const TAKEOVER = '.takeover-';
/** Tries before giving up when other runs keep taking or releasing a lock in between. */
const ATTEMPTS = 5;

/** A lock that stops a run: held by another, or impossible to take. Said in a sentence. */
export class LockError extends Error {
  override name = 'LockError';
}

export interface FolderLock {
  folder: string;
  file: string;
  token: string;
}

/** The lock file of `folder`: beside its real path, which need not exist yet. */
export function lockFileOf(folder: string): string {
  const absolute = path.resolve(folder);
  let real: string;
  try {
    real = realpathSync(absolute);
  } catch {
    real = path.join(canonicalPath(path.dirname(absolute)), path.basename(absolute));
  }
  return `${real}${LOCK_SUFFIX}`;
}

/** The facts of this machine: its name, the clock, and processes as /proc or signal 0 tell them. */
export function systemFacts(): LockFacts {
  return { host: hostname(), now: () => Date.now(), process: processFacts };
}

function processFacts(pid: number): { alive: boolean; start?: string } {
  try {
    const stat = parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    // A zombie has stopped; only its parent has not collected it yet.
    if (stat)
      return stat.state === 'Z' || stat.state === 'X' ? { alive: false } : { alive: true, start: stat.start };
  } catch {
    // No /proc (macOS, Windows) or no such process: ask the system below.
  }
  try {
    process.kill(pid, 0);
    return { alive: true };
  } catch (error) {
    // EPERM: it runs, as another user.
    return { alive: (error as NodeJS.ErrnoException).code === 'EPERM' };
  }
}

/**
 * Takes the locks of `folders` for `holder`, or none: throws a LockError
 * naming the first folder another run holds, with the locks taken so far
 * released.
 */
export async function takeLocks(
  folders: readonly string[],
  holder: LockHolder,
  facts: LockFacts = systemFacts(),
): Promise<FolderLock[]> {
  const byFile = new Map(folders.map((folder) => [lockFileOf(folder), folder]));
  const taken: FolderLock[] = [];
  try {
    for (const [file, folder] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
      taken.push(await takeLock(folder, file, holder, facts));
    }
  } catch (error) {
    taken.forEach(releaseLock);
    throw error;
  }
  return taken;
}

/** Removes the lock file if it is still this lock's (a lock taken over as stale is another's). */
export function releaseLock(lock: FolderLock): void {
  const text = readText(lock.file);
  if (text !== undefined && parseLockText(text)?.token === lock.token) rmSync(lock.file, { force: true });
}

async function takeLock(
  folder: string,
  file: string,
  holder: LockHolder,
  facts: LockFacts,
): Promise<FolderLock> {
  const text = lockText(holder);
  try {
    mkdirSync(path.dirname(file), { recursive: true });
  } catch (error) {
    throw new LockError(`could not make the folder of the lock file ${file}: ${(error as Error).message}`);
  }
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    if (attempt > 0) await sleep(20 * attempt);
    if (createExclusive(file, text)) return { folder, file, token: holder.token };
    const found = readText(file);
    // Released since: try again.
    if (found === undefined) continue;
    const state = judgeLock(found, facts.now() - modifiedAt(file, facts), facts);
    if (state.held) throw new LockError(heldText(state.holder, folder, file, facts));
    if (replaceStaleLock(file, found, text)) return { folder, file, token: holder.token };
  }
  const files = [file, ...takeoverRights(file)].join(' and ');
  throw new LockError(
    `could not take the lock on ${folder}: ${file} is stale, but other runs keep taking it over; ` +
      `if no papers run is active, delete ${files} and run again`,
  );
}

/**
 * Replaces the stale lock `file`, whose text was `stale`, with `text`.
 * False when another run is replacing it, or it changed since it was read.
 */
export function replaceStaleLock(file: string, stale: string, text: string): boolean {
  const right = takeoverRightOf(file, stale);
  if (!createExclusive(right, '')) return false;
  try {
    if (readText(file) !== stale) return false;
    rmSync(file, { force: true });
    // A run that found no lock in between has taken it: it wins, and this run finds it holding.
    return createExclusive(file, text);
  } finally {
    rmSync(right, { force: true });
  }
}

/** The file whose exclusive creation is the right to replace the stale lock `file` holding `stale`. */
export function takeoverRightOf(file: string, stale: string): string {
  return `${file}${TAKEOVER}${createHash('sha256').update(stale).digest('hex').slice(0, 16)}`;
}

/** Creates `file` with `text` unless it exists. */
function createExclusive(file: string, text: string): boolean {
  try {
    writeFileSync(file, text, { flag: 'wx' });
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    throw new LockError(
      `could not write the lock file ${file} (${code ?? String(error)}): papers writes a lock beside each folder it uses`,
    );
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function modifiedAt(file: string, facts: LockFacts): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return facts.now();
  }
}

/** The rights to take over `file` that are there: one left by a run that stopped while taking it over stops every later one. */
function takeoverRights(file: string): string[] {
  const prefix = `${path.basename(file)}${TAKEOVER}`;
  return readdirSync(path.dirname(file))
    .filter((name) => name.startsWith(prefix))
    .map((name) => path.join(path.dirname(file), name));
}
