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
import { pathToFileURL } from 'node:url';
import { storeFileModule } from '../src/lib/site/store-module.ts';

const store = process.argv[2];
if (!store) {
  console.error('usage: node bench/store-module.ts DATA_STORE_JSON');
  process.exit(2);
}
const file = path.resolve(store);
const dir = await mkdtemp(path.join(os.tmpdir(), 'store-module-'));
try {
  const text = await readFile(file, 'utf8');
  const astroModule = path.join(dir, 'astro.mjs');
  await writeFile(astroModule, `export default JSON.parse(${JSON.stringify(text)})`);
  const ourModule = path.join(dir, 'ours.mjs');
  await writeFile(ourModule, storeFileModule(file));
  console.log(`store: ${(text.length / 2 ** 20).toFixed(1)} M characters`);
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
