/**
 * What one search costs a reader: the bytes the search page loads for each
 * query on a built site, by kind (the page and its script, Pagefind's code,
 * each piece's metadata, word index chunks, result fragments), as the
 * browser tests measure them (uncompressed: the static server sends no gzip).
 *
 *   node bench/search-page.ts --site /tmp/site --query video --query "language model"
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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
      const bytes = new Map<string, number>();
      const page = await context.newPage();
      page.on('requestfinished', (request) => {
        void request.sizes().then((sizes) => {
          bytes.set(request.url(), sizes.responseBodySize + sizes.responseHeadersSize);
        });
      });
      await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
      await page
        .waitForSelector('[data-search-status]:has-text("found")', { timeout: 30_000 })
        .catch(() => undefined);
      const status = (await page.textContent('[data-search-status]'))?.trim() ?? '';
      await page.waitForTimeout(1000);
      await context.close();
      const byKind = new Map<string, { files: number; bytes: number }>();
      for (const [url, size] of bytes) {
        const kind = byKind.get(kindOf(url)) ?? { files: 0, bytes: 0 };
        byKind.set(kindOf(url), { files: kind.files + 1, bytes: kind.bytes + size });
      }
      const total = [...bytes.values()].reduce((sum, size) => sum + size, 0);
      const parts = [...byKind]
        .sort(([, a], [, b]) => b.bytes - a.bytes)
        .map(([kind, { files, bytes: size }]) => `${kind} ${Math.round(size / 1000)} KB in ${files}`);
      console.log(
        `"${query}": ${Math.round(total / 1000)} KB in ${bytes.size} requests (${parts.join(', ')}); ${status}`,
      );
    }
  } finally {
    await Promise.all([session.close(), server.close()]);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
