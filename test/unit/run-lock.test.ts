import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, realpath, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  heldText,
  judgeLock,
  lockText,
  parseLockText,
  parseProcStat,
  UNREADABLE_GRACE_MS,
  type LockFacts,
  type LockHolder,
} from '../../src/lib/run-lock/holder.ts';
import {
  LOCK_SUFFIX,
  LockError,
  lockFileOf,
  releaseLock,
  replaceStaleLock,
  takeLocks,
  takeoverRightOf,
} from '../../src/lib/run-lock/lock-file.ts';
import { exitedPid } from '../helpers/processes.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const LOCK_FILE_MODULE = pathToFileURL(
  path.resolve(import.meta.dirname, '../../src/lib/run-lock/lock-file.ts'),
);

function holder(overrides: Partial<LockHolder> = {}): LockHolder {
  return {
    pid: 4211,
    started: '2026-12-01T06:00:02.000Z',
    processStart: '881234',
    host: 'builder',
    token: 'a1b2',
    ...overrides,
  };
}

/** A machine named `builder` on which `running` processes run, started at the given ticks. */
function facts(running: Record<number, string | undefined> = {}): LockFacts {
  return {
    host: 'builder',
    now: () => Date.parse('2026-12-01T07:00:00.000Z'),
    process: (pid) => (pid in running ? { alive: true, start: running[pid] } : { alive: false }),
  };
}

describe('judging a lock', () => {
  it('is held while its holder runs', () => {
    expect(judgeLock(lockText(holder()), 60_000, facts({ 4211: '881234' }))).toEqual({
      held: true,
      holder: holder(),
    });
  });

  it('is stale when its pid is gone, or is another process now', () => {
    expect(judgeLock(lockText(holder()), 0, facts())).toEqual({
      held: false,
      why: 'pid 4211 is not running',
    });
    expect(judgeLock(lockText(holder()), 0, facts({ 4211: '990001' }))).toEqual({
      held: false,
      why: 'pid 4211 is another process now',
    });
  });

  it('goes by the pid alone where the system gives no start time', () => {
    const noStart = lockText(holder({ processStart: undefined }));
    expect(judgeLock(noStart, 0, facts({ 4211: '990001' })).held).toBe(true);
    expect(judgeLock(lockText(holder()), 0, facts({ 4211: undefined })).held).toBe(true);
    expect(judgeLock(noStart, 0, facts()).held).toBe(false);
  });

  it('never judges a holder on another machine, whose pid means nothing here', () => {
    const elsewhere = holder({ host: 'ci-runner-7' });
    expect(judgeLock(lockText(elsewhere), 3_600_000, facts())).toEqual({ held: true, holder: elsewhere });
  });

  it('takes an unreadable lock for one being written, until it is too old for that', () => {
    expect(judgeLock('', 5, facts())).toEqual({ held: true, holder: undefined });
    expect(judgeLock('{"pid": 42', UNREADABLE_GRACE_MS - 1, facts()).held).toBe(true);
    expect(judgeLock('{"pid": 42', UNREADABLE_GRACE_MS, facts()).held).toBe(false);
    expect(parseLockText(JSON.stringify({ ...holder(), pid: -1 }))).toBeUndefined();
  });

  it('says who holds it and what to do', () => {
    expect(heldText(holder(), '/srv/site/dist', '/srv/site/dist.papers-lock', facts())).toBe(
      'another papers run (pid 4211, started 2026-12-01T06:00:02.000Z) is using /srv/site/dist; ' +
        'nothing was done, run again when it has finished',
    );
    expect(heldText(holder({ host: 'ci-7' }), '/d', '/d.papers-lock', facts())).toBe(
      'another papers run (pid 4211 on host ci-7, started 2026-12-01T06:00:02.000Z) is using /d; ' +
        'nothing was done. If that run has stopped, delete /d.papers-lock and run again',
    );
  });

  it("reads a process's name, state, parent and start time, whatever its name holds", () => {
    const fields = Array.from({ length: 30 }, (_, i) => String(i + 3));
    fields[0] = 'S';
    fields[22 - 3] = '881234';
    expect(parseProcStat(`4211 (node (a) b) ${fields.join(' ')}\n`)).toEqual({
      command: 'node (a) b',
      state: 'S',
      parent: Number(fields[1]),
      start: '881234',
    });
    expect(parseProcStat('4211 (node) S 1 2')).toBeUndefined();
  });
});

describe('taking locks', () => {
  it('locks each folder in a file beside it, named after its real path, and releases it', async () => {
    const root = await realpath(await tempDir('lock-'));
    await mkdir(path.join(root, 'site'));
    await symlink(path.join(root, 'site'), path.join(root, 'www'));
    expect(lockFileOf(path.join(root, 'www'))).toBe(path.join(root, `site${LOCK_SUFFIX}`));
    expect(lockFileOf(`${root}/site/`)).toBe(path.join(root, `site${LOCK_SUFFIX}`));
    expect(lockFileOf(path.join(root, 'not-yet'))).toBe(path.join(root, `not-yet${LOCK_SUFFIX}`));

    const locks = await takeLocks(
      [path.join(root, 'www'), path.join(root, 'site'), path.join(root, 'not-yet')],
      holder(),
      facts(),
    );
    expect(locks.map((lock) => path.basename(lock.file))).toEqual([
      'not-yet.papers-lock',
      'site.papers-lock',
    ]);
    expect(parseLockText(await readFile(path.join(root, 'site.papers-lock'), 'utf8'))).toEqual(holder());
    locks.forEach(releaseLock);
    expect((await readdir(root)).sort()).toEqual(['site', 'www']);
  });

  it('refuses a folder another run holds, and keeps none of the locks it took before it', async () => {
    const root = await tempDir('lock-');
    const [content, dist] = [path.join(root, 'content'), path.join(root, 'dist')];
    const first = await takeLocks([dist], holder(), facts({ 4211: '881234' }));
    const second = holder({ pid: 5000, token: 'c3d4' });
    const attempt = takeLocks([content, dist], second, facts({ 4211: '881234', 5000: '990000' }));
    await expect(attempt).rejects.toThrow(LockError);
    await expect(attempt).rejects.toThrow(
      `another papers run (pid 4211, started 2026-12-01T06:00:02.000Z) is using ${dist}`,
    );
    expect(existsSync(lockFileOf(content))).toBe(false);
    expect(parseLockText(await readFile(lockFileOf(dist), 'utf8'))?.token).toBe('a1b2');
    first.forEach(releaseLock);
  });

  it('takes over the lock of a run that stopped, and a release by that run no longer removes it', async () => {
    const root = await tempDir('lock-');
    const dist = path.join(root, 'dist');
    const [stopped] = await takeLocks([dist], holder(), facts());
    const next = holder({ pid: 5000, token: 'c3d4' });
    const [taken] = await takeLocks([dist], next, facts({ 5000: '990000' }));
    expect(parseLockText(await readFile(lockFileOf(dist), 'utf8'))).toEqual(next);
    releaseLock(stopped!);
    expect(existsSync(lockFileOf(dist))).toBe(true);
    releaseLock(taken!);
    expect(await readdir(root)).toEqual([]);
  });

  it('replaces a stale lock only for the first of two runs that found it stale', async () => {
    const root = await tempDir('lock-');
    const file = lockFileOf(path.join(root, 'dist'));
    const stale = lockText(holder());
    await writeFile(file, stale);
    // Both read the stale lock; the first replaces it, the second must not replace the first's.
    const [first, second] = [holder({ token: 'first' }), holder({ token: 'second' })];
    expect(replaceStaleLock(file, stale, lockText(first))).toBe(true);
    expect(replaceStaleLock(file, stale, lockText(second))).toBe(false);
    expect(parseLockText(await readFile(file, 'utf8'))).toEqual(first);
    // Nor while another run holds the right to replace it.
    await writeFile(file, stale);
    await writeFile(takeoverRightOf(file, stale), '');
    expect(replaceStaleLock(file, stale, lockText(second))).toBe(false);
    expect(await readFile(file, 'utf8')).toBe(stale);
  });

  it('names what to delete when a run stopped halfway through taking over a stale lock', async () => {
    const root = await tempDir('lock-');
    const dist = path.join(root, 'dist');
    await takeLocks([dist], holder(), facts());
    // The right to take over that stale lock, left by a run that stopped while it held it.
    const right = takeoverRightOf(lockFileOf(dist), await readFile(lockFileOf(dist), 'utf8'));
    await writeFile(right, '');
    await expect(takeLocks([dist], holder({ pid: 5000, token: 'c3d4' }), facts())).rejects.toThrow(
      `if no papers run is active, delete ${lockFileOf(dist)} and ${right} and run again`,
    );
  });

  it('takes over an unreadable lock only once it is too old to be one being written', async () => {
    const root = await tempDir('lock-');
    const dist = path.join(root, 'dist');
    await writeFile(lockFileOf(dist), '');
    const now = Date.now();
    const clock = { ...facts(), now: () => now };
    await expect(takeLocks([dist], holder(), clock)).rejects.toThrow(
      `another papers run is taking the lock on ${dist} just now`,
    );
    const old = (now - UNREADABLE_GRACE_MS - 1000) / 1000;
    await utimes(lockFileOf(dist), old, old);
    await expect(takeLocks([dist], holder(), clock)).resolves.toHaveLength(1);
  });

  it('lets exactly one of many runs take over a stale lock at once', async () => {
    const root = await tempDir('lock-');
    const dist = path.join(root, 'dist');
    // A holder that is certainly not running: an exited process, with a start time no process has.
    const stopped = holder({ pid: await exitedPid(), processStart: '0', host: hostname(), token: 'dead' });
    await writeFile(lockFileOf(dist), lockText(stopped));
    // All runs start taking it at one moment, once every process is up (busy-waiting: a timer is
    // less exact), and a winner holds the lock until the others have given up, so none can take it
    // after another released it.
    const startAt = Date.now() + 2000;
    const release = path.join(root, 'release');
    const script = `
      const { existsSync } = await import('node:fs');
      const { hostname } = await import('node:os');
      const { takeLocks, releaseLock } = await import(${JSON.stringify(LOCK_FILE_MODULE.href)});
      const holder = { pid: process.pid, started: new Date().toISOString(), host: hostname(), token: String(process.pid) };
      while (Date.now() < ${startAt});
      try {
        const locks = await takeLocks([${JSON.stringify(dist)}], holder);
        process.stdout.write('won');
        while (!existsSync(${JSON.stringify(release)})) await new Promise((resolve) => setTimeout(resolve, 20));
        locks.forEach(releaseLock);
      } catch (error) {
        process.stdout.write(error.name === 'LockError' ? 'lost' : String(error));
      }`;
    const outcomes: string[] = [];
    const runs = Array.from({ length: 6 }, () => runScript(script).then((out) => outcomes.push(out)));
    for (const waitUntil = Date.now() + 20_000; outcomes.length < 5 && Date.now() < waitUntil;)
      await new Promise((resolve) => setTimeout(resolve, 50));
    await writeFile(release, '');
    await Promise.all(runs);
    expect(outcomes.sort()).toEqual(['lost', 'lost', 'lost', 'lost', 'lost', 'won']);
    await rm(release);
    expect(await readdir(root)).toEqual([]);
  });
});

function runScript(script: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', () => resolve(out));
  });
}
