#!/usr/bin/env node
// The `papers` CLI is TypeScript run by Node's own type stripping, which needs
// Node >= 22.12. When started by an older system Node (a git hook, a shell
// without npm's PATH), hand over to the Node pinned in node_modules.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../scripts/papers.ts', import.meta.url));
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
const modern = major > 22 || (major === 22 && minor >= 12);

if (modern) {
  await import(cli);
} else {
  const pinned = fileURLToPath(new URL('../node_modules/node/bin/node', import.meta.url));
  if (!existsSync(pinned)) {
    console.error(`papers: needs Node >= 22.12 (this is ${process.version}); run "npm install" first.`);
    process.exit(1);
  }
  const result = spawnSync(pinned, [cli, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
