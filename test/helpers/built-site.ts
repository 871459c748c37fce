/**
 * Reading a built site (dist/) as files: which pages it has, what a page
 * holds, and where a URL found in a page leads.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { HtmlElement } from 'html-validate';
import { posixRelative } from '../../src/lib/papers/paths.ts';
import { fileForSitePath } from './fixture-archive.ts';
import { parseHtml } from './html.ts';

export interface BuiltSite {
  outDir: string;
  /** `/` or `/papers/` */
  base: string;
  /** `https://example.org`, without the base. */
  siteUrl: string;
}

/** Every file of the build, as `/`-separated paths relative to it, sorted. */
export async function listFiles(outDir: string): Promise<string[]> {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => posixRelative(outDir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/**
 * Every file under a folder with its inode and its modification and change
 * times: what rewriting it, even with the same bytes, or linking it again
 * (which changes its link count) changes.
 */
export async function folderStamps(dir: string): Promise<Map<string, string>> {
  const files = await listFiles(dir);
  return new Map(
    await Promise.all(
      files.map(async (file) => {
        const { ino, mtimeMs, ctimeMs } = await stat(path.join(dir, file));
        return [file, `${ino}:${mtimeMs}:${ctimeMs}`] as const;
      }),
    ),
  );
}

/** `days/x/index.html` -> `days/x/`, `index.html` -> ``, `404.html` -> `404.html`. */
export function sitePathOfFile(file: string): string {
  return file === 'index.html' ? '' : file.replace(/(^|\/)index\.html$/, '$1');
}

/** The absolute URL of a site path: `https://example.org/papers/days/x/`. */
export function absoluteUrl(site: BuiltSite, sitePathname: string): string {
  return `${site.siteUrl}${site.base}${sitePathname}`;
}

export interface Page {
  sitePath: string;
  source: string;
  document: HtmlElement;
}

/** A page of the build; a readable error when it is missing. */
export async function readPage(site: BuiltSite, sitePathname: string): Promise<Page> {
  const file = fileForSitePath(site.outDir, sitePathname);
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch {
    throw new Error(
      `the build has no page ${site.base}${sitePathname} (${path.relative(site.outDir, file)})`,
    );
  }
  return { sitePath: sitePathname, source, document: await parseHtml(source) };
}

export type ResolvedUrl =
  /** Another site, or a scheme such as mailto: or data:. */
  | { kind: 'external'; href: string }
  /** Our origin but not under the base path: a link that escapes the site. */
  | { kind: 'outside-base'; href: string }
  /** A page or file of ours: its site path below the base, and the fragment without `#`. */
  | { kind: 'internal'; href: string; sitePath: string; fragment: string };

/** Where `url`, found on the page at `fromSitePath`, leads. */
export function resolveUrl(site: BuiltSite, fromSitePath: string, url: string): ResolvedUrl {
  const resolved = new URL(url, absoluteUrl(site, fromSitePath));
  const origin = new URL(site.siteUrl).origin;
  if (resolved.origin !== origin || !/^https?:$/.test(resolved.protocol)) {
    return { kind: 'external', href: resolved.href };
  }
  if (!resolved.pathname.startsWith(site.base)) return { kind: 'outside-base', href: resolved.href };
  return {
    kind: 'internal',
    href: resolved.href,
    sitePath: decodeURIComponent(resolved.pathname.slice(site.base.length)),
    fragment: decodeURIComponent(resolved.hash.slice(1)),
  };
}
