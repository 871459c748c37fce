/**
 * The fixture site served with the headers its `_headers` file gives, as
 * Netlify and Cloudflare Pages serve it: every page loads under the
 * Content-Security-Policy without a violation, search still runs (Pagefind
 * compiles WebAssembly), and the policy is really in force (an inline script
 * is refused).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, recordProblems, type BrowserSession } from '../helpers/browser.ts';
import { sitePath } from '../helpers/fixture-archive.ts';
import { fixtureSite } from '../helpers/fixture-sites.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';

let browser: BrowserSession;
let server: StaticServer;

beforeAll(async () => {
  const site = fixtureSite('papersBase');
  [browser, server] = await Promise.all([
    launchBrowser(),
    serveStatic(site.outDir, { base: site.base, headersFile: true }),
  ]);
});

afterAll(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

/** A page in a context that honours the policy (openPage bypasses it for axe), with its violations recorded. */
async function openUnderPolicy(url: string, problems: string[]): Promise<Page> {
  const context = await browser.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.once('close', () => context.close().catch(() => undefined));
  recordProblems(page, url, problems);
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const seen = ((window as unknown as { violations?: string[] }).violations ??= []);
      seen.push(`${event.violatedDirective} ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  const response = await page.goto(url, { waitUntil: 'load' });
  expect(response?.status(), url).toBe(200);
  expect(response?.headers()['content-security-policy'], url).toContain("default-src 'self'");
  expect(response?.headers()['x-content-type-options'], url).toBe('nosniff');
  expect(response?.headers()['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
  return page;
}

async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { violations?: string[] }).violations ?? []);
}

describe('the site under its own Content-Security-Policy', () => {
  it('loads every kind of page without a violation, math included', async () => {
    const pages = [
      sitePath.home(),
      sitePath.day('2026-10-02'),
      sitePath.week('2026-W40'),
      sitePath.paper('2609.10003'),
      sitePath.topics(),
      sitePath.archive(),
      sitePath.about(),
    ];
    for (const sitePathname of pages) {
      const url = `${server.url}${sitePathname}`;
      const problems: string[] = [];
      const page = await openUnderPolicy(url, problems);
      expect(await violations(page), url).toEqual([]);
      expect(problems, url).toEqual([]);
      await page.close();
    }
  });

  it('lets search run, and refuses an inline script', async () => {
    const url = `${server.url}search/?q=decoding`;
    const problems: string[] = [];
    const page = await openUnderPolicy(url, problems);
    await expect
      .poll(() => page.locator('[data-search-status]').textContent(), { timeout: 15_000 })
      .toMatch(/found/);
    expect(await page.locator('[data-search-results] a').count()).toBeGreaterThan(0);
    expect(await violations(page)).toEqual([]);
    // The control: the policy is in force, so an injected inline script does not run.
    await page.addScriptTag({ content: 'window.inlineRan = true;' }).catch(() => undefined);
    expect(
      await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan),
    ).toBeUndefined();
    expect((await violations(page)).some((line) => line.startsWith('script-src'))).toBe(true);
    expect(problems.filter((problem) => !problem.includes('Content Security Policy'))).toEqual([]);
    await page.close();
  });

  it('serves the BibTeX files as UTF-8 text', async () => {
    const response = await fetch(`${server.url}days/2026-10-02.bib`);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toMatch(/^@misc\{/);
  });
});
