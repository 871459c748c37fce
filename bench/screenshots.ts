/**
 * Screenshots of the built site for docs/design.md, so the next person sees
 * the design without building it: home, day, paper, topic and search pages,
 * at 1280 and 390 px, light and dark, as JPEG.
 *
 *   npm run build && node bench/screenshots.ts            # dist/ -> docs/images/
 *
 * Uses Debian's Chromium where it is installed (or CHROMIUM_PATH), else the
 * one @sparticuz/chromium ships in its npm package.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = path.join(ROOT, 'dist');
const OUT = path.join(ROOT, 'docs/images');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
};
const PAGES: [string, string][] = [
  ['home', '/'],
  ['day', '/days/2025-03-14/'],
  ['paper', '/papers/2610.01092/'],
  ['topic', '/topics/reasoning/'],
  ['search', '/search/?q=video'],
];

const server = createServer((request, response) => {
  void (async () => {
    let file = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (file.endsWith('/')) file += 'index.html';
    const full = path.join(DIST, file);
    try {
      if (!full.startsWith(DIST) || !(await stat(full)).isFile()) throw new Error('not a file');
      response.writeHead(200, { 'content-type': TYPES[path.extname(full)] ?? 'application/octet-stream' });
      response.end(await readFile(full));
    } catch {
      response.writeHead(404).end();
    }
  })();
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const address = server.address();
const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

const system = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
let executablePath = system;
let args = ['--no-sandbox'];
if (!existsSync(system)) {
  const { default: packaged } = await import('@sparticuz/chromium');
  executablePath = await packaged.executablePath();
  args = packaged.args.filter((arg) => arg !== '--single-process');
}
const browser = await chromium.launch({ executablePath, args });
try {
  for (const [name, url] of PAGES) {
    for (const width of [1280, 390]) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({
          viewport: { width, height: width > 600 ? 900 : 844 },
          colorScheme,
        });
        const page = await context.newPage();
        await page.goto(`${origin}${url}`, { waitUntil: 'load' });
        if (name === 'search')
          await page.waitForSelector('[data-search-status]:has-text("found")').catch(() => {});
        const file = path.join(OUT, `${name}-${width}-${colorScheme}.jpg`);
        await page.screenshot({ path: file, type: 'jpeg', quality: 70 });
        await context.close();
        console.log(path.relative(ROOT, file));
      }
    }
  }
} finally {
  await browser.close();
  server.close();
}
