import { spawn } from 'node:child_process';

/** The pid of a process that has exited: what a lock left by a stopped run holds. */
export function exitedPid(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', '']);
    child.on('error', reject);
    child.on('close', () => resolve(child.pid ?? 0));
  });
}
