/**
 * Loaded before a papers process (`node --import`, through NODE_OPTIONS):
 * makes one file system call fail as a full disk or a second file system
 * would, for paths a regular expression matches. PAPERS_FS_FAULT is
 * `<call>:<code>:<regexp>`, with `<call>` one of copyFileSync, linkSync and
 * rename (fs/promises) and the expression tried on the call's target path; a
 * failing copy leaves an empty file behind, as a disk that fills up halfway
 * does. Never import it from a test: it would replace the test process's
 * calls too.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const [call, code, pattern] = splitFault(process.env['PAPERS_FS_FAULT'] ?? '::^$');
const target = new RegExp(pattern ?? '^$');

const DESCRIPTIONS: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EXDEV: 'cross-device link not permitted',
  EBUSY: 'resource busy or locked',
};

function splitFault(fault: string): string[] {
  const first = fault.indexOf(':');
  const second = fault.indexOf(':', first + 1);
  return [fault.slice(0, first), fault.slice(first + 1, second), fault.slice(second + 1)];
}

function fault(syscall: string, from: unknown, to: unknown): Error {
  const message = `${code}: ${DESCRIPTIONS[code ?? ''] ?? 'injected'}, ${syscall} '${String(from)}' -> '${String(to)}'`;
  return Object.assign(new Error(message), { code, syscall, path: String(from), dest: String(to) });
}

if (call === 'copyFileSync') {
  const copyFileSync = fs.copyFileSync;
  fs.copyFileSync = (from, to, mode) => {
    if (!target.test(String(to))) return copyFileSync(from, to, mode);
    fs.writeFileSync(to, '');
    throw fault('copyfile', from, to);
  };
}
if (call === 'linkSync') {
  const linkSync = fs.linkSync;
  fs.linkSync = (from, to) => {
    if (target.test(String(to))) throw fault('link', from, to);
    return linkSync(from, to);
  };
}
if (call === 'rename') {
  const rename = fs.promises.rename;
  fs.promises.rename = async (from, to) => {
    if (target.test(String(to))) throw fault('rename', from, to);
    return rename(from, to);
  };
}
// Modules that import node:fs or node:fs/promises see the replaced functions too.
syncBuiltinESMExports();
