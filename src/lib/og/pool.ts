/**
 * A pool of worker processes, one task at a time each, that replaces every
 * worker after `recycleAfter` tasks.
 *
 * Processes, not threads: a process that exits gives all its memory back
 * (a native library's caches and heap fragmentation included), so memory
 * stays flat however many images a build renders, and each worker's peak
 * memory can be read from its own resource usage.
 *
 * A worker is a module that answers `{ id, task }` messages with
 * `{ id, ok: true, result, maxRss, cpuMs }` or `{ id, ok: false, error }`
 * (see worker.ts).
 */
import { fork, type ChildProcess } from 'node:child_process';

export interface PoolOptions {
  /** The worker module, run by this process's Node (TypeScript by type stripping). */
  workerFile: string;
  /** How many workers at once. */
  size: number;
  /** Tasks a worker runs before it is replaced by a fresh process. */
  recycleAfter: number;
  env?: NodeJS.ProcessEnv;
}

export interface PoolStats {
  /** Worker processes started. */
  started: number;
  /** The largest resident set any one worker reached, in bytes. */
  workerMaxRss: number;
  /** CPU time the workers spent on tasks, in milliseconds. */
  workerCpuMs: number;
}

type Reply<Result> =
  | { id: number; ok: true; result: Result; maxRss: number; cpuMs: number }
  | { id: number; ok: false; error: string };

interface Pending<Task, Result> {
  id: number;
  task: Task;
  resolve: (result: Result) => void;
  reject: (error: Error) => void;
}

interface Worker<Task, Result> {
  child: ChildProcess;
  done: number;
  current: Pending<Task, Result> | undefined;
}

export class ProcessPool<Task, Result> {
  readonly stats: PoolStats = { started: 0, workerMaxRss: 0, workerCpuMs: 0 };
  private readonly options: PoolOptions;
  private readonly queue: Pending<Task, Result>[] = [];
  private readonly workers = new Set<Worker<Task, Result>>();
  private nextId = 0;
  private closed = false;

  constructor(options: PoolOptions) {
    this.options = {
      ...options,
      size: Math.max(1, options.size),
      recycleAfter: Math.max(1, options.recycleAfter),
    };
  }

  run(task: Task): Promise<Result> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops every worker; tasks still queued are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.reject(new Error('the worker pool was closed'));
    await Promise.all([...this.workers].map((worker) => this.stop(worker)));
  }

  private dispatch(): void {
    for (const worker of this.workers) {
      if (this.queue.length === 0) return;
      if (!worker.current) this.send(worker, this.queue.shift() as Pending<Task, Result>);
    }
    while (this.queue.length > 0 && this.workers.size < this.options.size) {
      this.send(this.start(), this.queue.shift() as Pending<Task, Result>);
    }
  }

  private send(worker: Worker<Task, Result>, pending: Pending<Task, Result>): void {
    worker.current = pending;
    worker.child.send({ id: pending.id, task: pending.task });
  }

  private start(): Worker<Task, Result> {
    const child = fork(this.options.workerFile, [], {
      // The flags of whatever started us (vitest's, Astro's) are not the worker's business.
      execArgv: [],
      // glibc gives each of libvips' threads its own malloc arena; two arenas
      // keep a worker markedly smaller at the same speed. The caller's setting wins.
      env: { MALLOC_ARENA_MAX: '2', ...(this.options.env ?? process.env) },
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const worker: Worker<Task, Result> = { child, done: 0, current: undefined };
    this.workers.add(worker);
    this.stats.started++;
    child.on('message', (reply: Reply<Result>) => this.settle(worker, reply));
    child.on('exit', (code, signal) => this.lost(worker, code, signal));
    return worker;
  }

  private settle(worker: Worker<Task, Result>, reply: Reply<Result>): void {
    const pending = worker.current;
    if (!pending || pending.id !== reply.id) return;
    worker.current = undefined;
    worker.done++;
    if (reply.ok) {
      this.stats.workerMaxRss = Math.max(this.stats.workerMaxRss, reply.maxRss);
      this.stats.workerCpuMs += reply.cpuMs;
      pending.resolve(reply.result);
    } else pending.reject(new Error(reply.error));
    if (worker.done >= this.options.recycleAfter) void this.stop(worker);
    this.dispatch();
  }

  /** A worker that exits while it has a task fails that task; the pool goes on with a new one. */
  private lost(worker: Worker<Task, Result>, code: number | null, signal: NodeJS.Signals | null): void {
    this.workers.delete(worker);
    const pending = worker.current;
    worker.current = undefined;
    if (pending) {
      const why = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      pending.reject(new Error(`a social image worker ${why}`));
    }
    if (!this.closed) this.dispatch();
  }

  private stop(worker: Worker<Task, Result>): Promise<void> {
    this.workers.delete(worker);
    const { child } = worker;
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      // Closing the channel lets the worker's event loop empty and the process end by itself.
      if (child.connected) child.disconnect();
      else child.kill();
    });
  }
}
