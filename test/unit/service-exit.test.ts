import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { childProcesses, childrenGone } from '../../src/lib/search/service-exit.ts';

describe.runIf(existsSync('/proc'))('waiting for a closed service to be gone', () => {
  it('finds a child by its command, and returns once it has ended and been reaped', async () => {
    const child = spawn('sleep', ['30'], { stdio: 'ignore' });
    await new Promise((resolve) => child.once('spawn', resolve));
    expect(childProcesses('sleep')).toContain(child.pid);
    expect(childProcesses('no-such-command')).toEqual([]);
    child.kill();
    // A wait that never ended would show as the test's own timeout.
    await childrenGone([child.pid ?? -1], 60_000);
    expect(childProcesses('sleep')).not.toContain(child.pid);
  });
});
