/**
 * Holds the locks of the folders a command writes while it runs
 * (src/lib/run-lock/lock-file.ts): taken before anything is read, released
 * when the command ends, fails, or is stopped by SIGINT or SIGTERM.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { constants } from 'node:os';
import { releaseLock, systemFacts, takeLocks } from '../../src/lib/run-lock/lock-file.ts';

/** How long a child stopped by a signal gets to exit before it is killed. */
const CHILD_GRACE_MS = 10_000;

const children = new Set<ChildProcess>();

/**
 * Counts `child` as part of the run: a signal stops it before the locks go,
 * or the next run would build beside a build still writing.
 */
export function trackChild(child: ChildProcess): void {
  children.add(child);
  child.once('close', () => children.delete(child));
}

export async function withFolderLocks<T>(folders: readonly string[], work: () => Promise<T>): Promise<T> {
  const facts = systemFacts();
  const holder = {
    pid: process.pid,
    started: new Date(facts.now()).toISOString(),
    processStart: facts.process(process.pid).start,
    host: facts.host,
    token: randomBytes(8).toString('hex'),
  };
  const locks = await takeLocks(folders, holder, facts);
  const release = () => locks.forEach(releaseLock);
  const onSignal = (signal: NodeJS.Signals) => void stopOnSignal(signal, release);
  // 'exit' too: a run that ends through process.exit or an uncaught error skips `finally`.
  process.on('exit', release);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await work();
  } finally {
    release();
    process.off('exit', release);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** Stops the run's children, releases its locks and exits as the signal would have (128 + its number). */
async function stopOnSignal(signal: NodeJS.Signals, release: () => void): Promise<void> {
  await Promise.all([...children].map((child) => stopChild(child, signal)));
  release();
  process.exit(128 + constants.signals[signal]);
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = setTimeout(() => child.kill('SIGKILL'), CHILD_GRACE_MS);
    child.once('close', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill(signal);
  });
}
