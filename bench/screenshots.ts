/**
 * Screenshots of the built site for docs/design.md, so the next person sees
 * the design without building it: home, day, paper, topic and search pages,
 * at 1280 and 390 px, light and dark, as JPEG.
 *
 *   npm run build && node bench/screenshots.ts            # dist/ -> docs/images/
 *
 * The site is served and the browser launched as the browser tests do
 * (test/helpers/): Debian's Chromium where installed, else @sparticuz/chromium.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../test/helpers/browser.ts';
import { serveStatic } from '../test/helpers/serve.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = path.join(ROOT, 'docs/images');
const PAGES: [string, string][] = [
  ['home', ''],
  ['day', 'days/2025-03-14/'],
  ['paper', 'papers/2610.01092/'],
  ['topic', 'topics/reasoning/'],
  ['search', 'search/?q=video'],
];

const [server, browser] = await Promise.all([serveStatic(path.join(ROOT, 'dist')), launchBrowser()]);
try {
  for (const [name, sitePath] of PAGES) {
    for (const width of [1280, 390]) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const height = width > 600 ? 900 : 844;
        const page = await browser.openPage(`${server.url}${sitePath}`, { width, height, colorScheme });
        if (name === 'search')
          await page.waitForSelector('[data-search-status]:has-text("found")').catch(() => {});
        const file = path.join(OUT, `${name}-${width}-${colorScheme}.jpg`);
        await page.screenshot({ path: file, type: 'jpeg', quality: 70 });
        await page.close();
        console.log(path.relative(ROOT, file));
      }
    }
  }
} finally {
  await Promise.all([browser.close(), server.close()]);
}
