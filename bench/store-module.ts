/**
 * What importing the content store costs a build, both ways: Astro's module
 * (`export default JSON.parse("…")`, the whole store in one string literal,
 * as vite-plugin-content-virtual-mod.js writes it) against the module
 * src/integrations/store-module.ts gives the pages instead, which reads the
 * store's file. Each import runs in a fresh process and prints milliseconds.
 *
 *   node bench/store-module.ts node_modules/.cache/daily-papers-bench/50000/astro-cache/data-store.json
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defineCommand, HELP_OPTION, parseScriptArgs, usageFailure } from '../scripts/cli/args.ts';
import { storeFileModule } from '../src/lib/site/store-module.ts';

export const STORE_MODULE_COMMAND = defineCommand({
  name: 'node bench/store-module.ts',
  usage: 'node bench/store-module.ts [options] DATA_STORE_JSON',
  summary: "time importing the content store: Astro's module against reading the file",
  description:
    "Imports the content store DATA_STORE_JSON (a build's data-store.json) both ways, each in a fresh process, and prints the milliseconds each took.",
  positionals: true,
  options: { ...HELP_OPTION },
});

async function main(): Promise<void> {
  const { positionals } = parseScriptArgs(STORE_MODULE_COMMAND, process.argv.slice(2));
  const [store, extra] = positionals;
  if (!store || extra !== undefined) usageFailure(STORE_MODULE_COMMAND, 'expected one DATA_STORE_JSON');
  const file = path.resolve(store);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'store-module-'));
  try {
    const text = await readFile(file, 'utf8');
    const astroModule = path.join(dir, 'astro.mjs');
    await writeFile(astroModule, `export default JSON.parse(${JSON.stringify(text)})`);
    const ourModule = path.join(dir, 'ours.mjs');
    await writeFile(ourModule, storeFileModule(file));
    console.log(`store: ${(text.length / 1e6).toFixed(1)} million characters`);
    for (const [name, module] of [
      ["Astro's module (one literal)", astroModule],
      ['reading the file', ourModule],
    ] as const) {
      const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(module).href)}); console.log(Math.round(performance.now() - t));`;
      const ms = execFileSync(process.execPath, ['--input-type=module', '--eval', script], {
        encoding: 'utf8',
      });
      console.log(`${name}: ${ms.trim()} ms to import`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
