/**
 * Real Chromium for the browser tests, driven by playwright-core with no
 * browser download: Debian's `chromium` where installed, else the build that
 * ships inside the @sparticuz/chromium npm package.
 *
 *   await withBrowser(async ({ openPage }) => {
 *     const page = await openPage(url, { width: 375, colorScheme: 'dark' });
 *     expect(await runAxe(page)).toEqual([]);
 *   });
 *
 * or, across the tests of a file, `const session = await launchBrowser()`
 * in beforeAll and `await session.close()` in afterAll.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  // Tests run as root in containers, where Chromium's sandbox cannot start.
  '--no-sandbox',
  // The tests have no network: no update checks, sync or field trials.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
];

export interface BrowserSession {
  browser: Browser;
  /** See {@link openPage}. */
  openPage(url: string, options?: OpenPageOptions): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Debian's Chromium where it is installed (or CHROMIUM_PATH), else the one
 * @sparticuz/chromium ships inside its npm package, so `npm test` needs
 * nothing but npm.
 */
async function chromiumExecutable(): Promise<{ path: string; args: string[] }> {
  if (existsSync(CHROMIUM_PATH)) return { path: CHROMIUM_PATH, args: CHROMIUM_ARGS };
  const { default: packaged } = await import('@sparticuz/chromium');
  // Its --single-process suits one page in a serverless function; the tests open many contexts.
  const args = packaged.args.filter((arg) => arg !== '--single-process');
  return { path: await packaged.executablePath(), args: [...args, ...CHROMIUM_ARGS] };
}

export async function launchBrowser(): Promise<BrowserSession> {
  const executable = await chromiumExecutable();
  const browser = await chromium.launch({ executablePath: executable.path, args: executable.args });
  return {
    browser,
    openPage: (url, options) => openPage(browser, url, options),
    close: () => browser.close(),
  };
}

/** Runs `fn` with a fresh browser that is closed afterwards, whatever happens. */
export async function withBrowser<T>(fn: (session: BrowserSession) => Promise<T>): Promise<T> {
  const session = await launchBrowser();
  try {
    return await fn(session);
  } finally {
    await session.close();
  }
}

export interface OpenPageOptions {
  /** Viewport width in CSS pixels; 1280 unless given. */
  width?: number;
  height?: number;
  colorScheme?: 'light' | 'dark';
  /** Expected HTTP status of the main response; 200 unless given. */
  status?: number;
  /** Called with the new page before it navigates, to attach listeners: `(page) => recordProblems(page, url, problems)`. */
  beforeLoad?: (page: Page) => void;
}

/**
 * A page in its own context (so light and dark, or widths, never share
 * state), loaded (the load event: images and styles are in). Fails if the page's status is not
 * the expected one.
 */
export async function openPage(browser: Browser, url: string, options: OpenPageOptions = {}): Promise<Page> {
  const { width = 1280, height = 800, colorScheme = 'light', status = 200, beforeLoad } = options;
  // bypassCSP: runAxe injects axe-core as an inline script, which a strict
  // Content-Security-Policy on the page would refuse.
  const context = await browser.newContext({
    viewport: { width, height },
    colorScheme,
    reducedMotion: 'reduce',
    bypassCSP: true,
  });
  const page = await context.newPage();
  // Closing the page releases its context too. The page also closes when the
  // whole browser does, and then the context is already gone: that rejection
  // means nothing, and left unhandled it would fail the test run.
  page.once('close', () => context.close().catch(() => undefined));
  beforeLoad?.(page);
  const response = await page.goto(url, { waitUntil: 'load' });
  if (response?.status() !== status) {
    await page.close();
    throw new Error(`${url}: expected status ${status}, got ${response?.status() ?? 'no response'}`);
  }
  return page;
}

/**
 * Records into `problems` what a reader should never meet on the page at
 * `url`: dialogs (alert, confirm...; dismissed so the page goes on), script
 * errors, console errors and failed or 4xx/5xx requests other than the
 * page's own (the 404 page answers 404 on purpose).
 */
export function recordProblems(page: Page, url: string, problems: string[]): void {
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.type()}: ${dialog.message()}`);
    // The page may close before the dismissal lands.
    dialog.dismiss().catch(() => undefined);
  });
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
  page.on('console', (message) => {
    // Chromium logs the page's own 404 status as a console error.
    if (message.type() !== 'error' || message.location().url === url) return;
    problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on('requestfailed', (request) =>
    problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400 && response.url() !== url)
      problems.push(`${response.status()}: ${response.url()}`);
  });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  /** CSS selectors of the failing elements with axe's summary for each. */
  nodes: { target: string; summary: string }[];
}

/** The WCAG 2.0/2.1/2.2 level A and AA rules. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let axeSource: Promise<string> | undefined;

function loadAxe(): Promise<string> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

/** Runs axe-core in the page; resolves to the violations (none is `[]`). */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: await loadAxe() });
  return page.evaluate(async (tags) => {
    const axe = (globalThis as unknown as { axe: AxeRunner }).axe;
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      helpUrl: violation.helpUrl,
      nodes: violation.nodes.map((node) => ({
        target: node.target.join(' '),
        summary: node.failureSummary ?? '',
      })),
    }));
  }, AXE_TAGS);
}

/** The part of axe-core's API used here (axe.min.js is injected, not imported). */
interface AxeRunner {
  run(
    context: Document,
    options: { runOnly: { type: 'tag'; values: string[] }; resultTypes: string[] },
  ): Promise<{
    violations: {
      id: string;
      impact?: string | null;
      help: string;
      helpUrl: string;
      nodes: { target: string[]; failureSummary?: string }[];
    }[];
  }>;
}

/** Violations as readable lines, for assertion messages. */
export function formatViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n${v.nodes.map((n) => `  ${n.target}: ${n.summary}`).join('\n')}`,
    )
    .join('\n');
}
