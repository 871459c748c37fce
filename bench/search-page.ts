/**
 * What one search costs a reader: the bytes the search page loads for each
 * query on a built site, by kind (the page and its script, Pagefind's code,
 * each piece's metadata, word index chunks, result fragments), as the
 * browser tests measure them (uncompressed: the static server sends no gzip),
 * then what one more query typed in the same visit loads.
 *
 *   node bench/search-page.ts --site /tmp/site --query video --query "language model"
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { defineCommand, HELP_OPTION, parseScriptArgs, usageFailure } from '../scripts/cli/args.ts';
import { launchBrowser } from '../test/helpers/browser.ts';
import { serveStatic } from '../test/helpers/serve.ts';

export const SEARCH_PAGE_COMMAND = defineCommand({
  name: 'node bench/search-page.ts',
  usage: 'node bench/search-page.ts --site DIR [options]',
  summary: 'the bytes the search page loads for each query',
  description: `Serves the built site in DIR, opens its search page in Chromium for each query, waits for the
results, and prints the bytes loaded: in all, and by kind.`,
  options: {
    site: { type: 'string', value: 'DIR', description: 'a built site (npm run build, or a bench output)' },
    base: { type: 'string', value: 'PATH', default: '/', description: 'the base path it was built for' },
    query: {
      type: 'string',
      value: 'TEXT',
      description: 'a query (repeat for several; default: video, language model, diffusion, zzqxjv)',
      multiple: true,
    },
    then: {
      type: 'string',
      value: 'TEXT',
      default: 'benchmark',
      description: 'a query typed after each one in the same visit, to show what a further query costs',
    },
    ...HELP_OPTION,
  },
});

const KINDS: [string, RegExp][] = [
  ['metadata', /pf_meta/],
  ['index chunks', /pf_index/],
  ['filters', /pf_filter/],
  ['fragments', /pf_fragment/],
  ['Pagefind code', /pagefind[^/]*\.(js|wasm|pagefind)(\?|$)|wasm\./],
];

function kindOf(url: string): string {
  return KINDS.find(([, pattern]) => pattern.test(url))?.[0] ?? 'page, script, style';
}

/** The status line once the results for `query` are shown, and the requests they caused have finished. */
async function settledStatus(page: Page, query: string): Promise<string> {
  const shown = await page
    .waitForFunction(
      (text) => {
        const status = document.querySelector('[data-search-status]')?.textContent ?? '';
        return status.includes(text) && /found/.test(status);
      },
      query,
      { timeout: 30_000 },
    )
    .then(() => true)
    .catch(() => false);
  await page.waitForTimeout(1000);
  const status = (await page.textContent('[data-search-status]'))?.trim() ?? '';
  // The bytes are still printed, but they are not those of a finished search.
  return shown ? status : `NOT FINISHED: no results after 30 s (status: "${status}")`;
}

/** `550 KB in 61 requests (index chunks 255 KB in 11, …)`: KB of 1,000 bytes, bodies and headers. */
function bytesText(bytes: ReadonlyMap<string, number>): string {
  const byKind = new Map<string, { files: number; bytes: number }>();
  for (const [url, size] of bytes) {
    const kind = byKind.get(kindOf(url)) ?? { files: 0, bytes: 0 };
    byKind.set(kindOf(url), { files: kind.files + 1, bytes: kind.bytes + size });
  }
  const total = [...bytes.values()].reduce((sum, size) => sum + size, 0);
  const parts = [...byKind]
    .sort(([, a], [, b]) => b.bytes - a.bytes)
    .map(([kind, { files, bytes: size }]) => `${kind} ${Math.round(size / 1000)} KB in ${files}`);
  return `${Math.round(total / 1000)} KB in ${bytes.size} requests (${parts.join(', ')})`;
}

async function main(): Promise<void> {
  const { values } = parseScriptArgs(SEARCH_PAGE_COMMAND, process.argv.slice(2));
  if (!values.site) usageFailure(SEARCH_PAGE_COMMAND, 'expected --site DIR');
  const queries = values.query ?? ['video', 'language model', 'diffusion', 'zzqxjv'];
  const [server, session] = await Promise.all([
    serveStatic(path.resolve(values.site), { base: values.base }),
    launchBrowser(),
  ]);
  try {
    for (const query of queries) {
      const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
      let bytes = new Map<string, number>();
      const page = await context.newPage();
      page.on('requestfinished', (request) => {
        const into = bytes;
        void request.sizes().then((sizes) => {
          into.set(request.url(), sizes.responseBodySize + sizes.responseHeadersSize);
        });
      });
      await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
      const status = await settledStatus(page, query);
      console.log(`"${query}": ${bytesText(bytes)}; ${status}`);
      // The same visit, another query: what is loaded once (Pagefind's code, every piece's metadata) is not loaded again.
      bytes = new Map();
      const next = values.then;
      await page.fill('#search-q', next);
      const nextStatus = await settledStatus(page, next);
      console.log(`  then "${next}" in the same visit: ${bytesText(bytes)}; ${nextStatus}`);
      await context.close();
    }
  } finally {
    await Promise.all([session.close(), server.close()]);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
