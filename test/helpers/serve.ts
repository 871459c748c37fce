/**
 * A static file server for a built site, behaving like a plain CDN (GitHub
 * Pages, S3): the site is served under its base path, a folder answers with
 * its index.html, a missing file answers with /404.html and status 404, and
 * nothing is rewritten. It listens on 127.0.0.1 on a free port.
 *
 *   const server = await serveStatic(dist, { base: '/papers/' });
 *   await page.goto(`${server.url}days/2026-10-05/`); // server.url ends with the base
 *   await server.close();
 *
 * With `{ headersFile: true }` it also sends the headers the site's
 * `_headers` file gives each path, as Netlify and Cloudflare Pages do: every
 * matching rule applies, `*` matches any characters.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import path from 'node:path';
import { listenLocally } from './local-server.ts';

export interface StaticServer {
  /** `http://127.0.0.1:<port><base>`, ending with `/`. */
  url: string;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xsl': 'application/xslt+xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  // Pagefind's index: binary fragments and metadata, served as opaque bytes.
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** A rule of a `_headers` file: a path pattern and the headers it sets. */
export interface HeaderRule {
  pattern: RegExp;
  headers: [string, string][];
}

/** Parses a `_headers` file (Netlify's and Cloudflare Pages' format). */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const source = line
        .trim()
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, (character) => `\\${character}`));
      rules.push({ pattern: new RegExp(`^${source.join('.*')}$`), headers: [] });
      continue;
    }
    const colon = line.indexOf(':');
    const rule = rules.at(-1);
    if (!rule || colon < 0)
      throw new Error(`_headers: a header line outside a rule or without a colon: "${line}"`);
    rule.headers.push([line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

export async function serveStatic(
  root: string,
  { base = '/', headersFile = false }: { base?: string; headersFile?: boolean } = {},
): Promise<StaticServer> {
  const rootDir = path.resolve(root);
  const basePath = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const rules = headersFile ? parseHeadersFile(await readFile(path.join(rootDir, '_headers'), 'utf8')) : [];
  const server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://host.invalid').pathname;
    for (const rule of rules) {
      if (!rule.pattern.test(pathname)) continue;
      for (const [name, value] of rule.headers) response.setHeader(name, value);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    void respond(rootDir, basePath, request.url ?? '/', request.method === 'HEAD', response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  const { origin, close } = await listenLocally(server);
  return { origin, url: `${origin}${basePath}`, close };
}

async function respond(
  rootDir: string,
  basePath: string,
  rawUrl: string,
  headOnly: boolean,
  response: ServerResponse,
): Promise<void> {
  const file = await resolveFile(rootDir, basePath, rawUrl);
  if (file.redirect) {
    // What GitHub Pages does for a folder requested without its slash.
    response.writeHead(301, { location: file.redirect }).end();
    return;
  }
  if (file.path) return sendFile(response, 200, file.path, headOnly);
  const notFound = path.join(rootDir, '404.html');
  if (await isFile(notFound)) return sendFile(response, 404, notFound, headOnly);
  response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not Found');
}

async function resolveFile(
  rootDir: string,
  basePath: string,
  rawUrl: string,
): Promise<{ path?: string; redirect?: string }> {
  const pathname = new URL(rawUrl, 'http://host.invalid').pathname;
  if (`${pathname}/` === basePath) return { redirect: basePath };
  if (!pathname.startsWith(basePath)) return {};
  let relative: string;
  try {
    relative = decodeURIComponent(pathname.slice(basePath.length));
  } catch {
    return {};
  }
  const target = path.resolve(rootDir, relative);
  if (target !== rootDir && !target.startsWith(rootDir + path.sep)) return {};
  if (pathname.endsWith('/')) {
    const index = path.join(target, 'index.html');
    return (await isFile(index)) ? { path: index } : {};
  }
  if (await isFile(target)) return { path: target };
  if (await isFile(path.join(target, 'index.html'))) return { redirect: `${pathname}/` };
  return {};
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

async function sendFile(
  response: ServerResponse,
  status: number,
  file: string,
  headOnly: boolean,
): Promise<void> {
  const { size } = await stat(file);
  // A type from _headers wins, as on the hosts that read it.
  const type = String(response.getHeader('content-type') ?? contentTypeOf(file));
  response.writeHead(status, { 'content-type': type, 'content-length': size });
  if (headOnly) {
    response.end();
    return;
  }
  await new Promise<void>((resolve, reject) => {
    createReadStream(file).on('error', reject).pipe(response).on('finish', resolve).on('error', reject);
  });
}
