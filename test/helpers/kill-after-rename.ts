/**
 * Loaded before a papers process (`node --import`, through NODE_OPTIONS):
 * kills the process outright (SIGKILL, as `kill -9` or a power cut) right
 * after its first rename to a path PAPERS_KILL_AFTER_RENAME_TO (a regular
 * expression) matches. A crash at a chosen step with no hook in the code: every
 * rename papers makes with fs/promises goes through here. Never import it
 * from a test: it would replace the test process's rename too.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const target = new RegExp(process.env['PAPERS_KILL_AFTER_RENAME_TO'] ?? '\\.md$');
const rename = fs.promises.rename;

fs.promises.rename = async (from, to) => {
  await rename(from, to);
  if (target.test(String(to))) process.kill(process.pid, 'SIGKILL');
};
// Modules that import node:fs/promises see the replaced function too.
syncBuiltinESMExports();
