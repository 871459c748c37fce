/**
 * `_headers` for hosts that read it (Netlify, Cloudflare Pages): files whose
 * names carry a content hash are cached for a year; feeds, images and
 * search indexes, which change under the same name, briefly. HTML keeps the
 * hosts' own default (revalidate on every request). The patterns never
 * overlap: both hosts apply every matching rule and would join the values.
 */

export const SHORT_LIVED = 'public, max-age=300, must-revalidate';
export const FEEDS = 'public, max-age=900';
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Social images change only when a paper's text does; a day is a safe compromise. */
export const IMAGES = 'public, max-age=86400';

/** BibTeX files (src/lib/site/bibtex-files.ts) shown as text, in UTF-8: hosts guess no type for `.bib`. */
export const BIBTEX_TYPE = 'text/plain; charset=utf-8';

/**
 * What pages may load: only this site's own files. Search is the one page
 * with a script; Pagefind compiles its WebAssembly ('wasm-unsafe-eval').
 * No inline script or stylesheet exists to allow (astro.config.mjs inlines no
 * stylesheet; JSON-LD is data, not script). KaTeX positions typeset math with
 * `style` attributes, and its stylesheet embeds a font as a `data:` URL.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers for every file: the policy above, no MIME sniffing, and no full URLs sent to other sites. */
export const SECURITY_HEADERS: readonly [string, string][] = [
  ['Content-Security-Policy', CONTENT_SECURITY_POLICY],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
];

export function headersFile(base: string): string {
  const types: [string, string][] = [
    [`${base}days/*.bib`, BIBTEX_TYPE],
    [`${base}weeks/*.bib`, BIBTEX_TYPE],
  ];
  const security = SECURITY_HEADERS.map(([name, value]) => `  ${name}: ${value}\n`).join('');
  return [
    cacheRules(base),
    ...types.map(([pattern, value]) => `${pattern}\n  Content-Type: ${value}\n`),
    // Last, as src/lib/publish/owned.ts reads the base path from the first rule.
    `${base}*\n${security}`,
  ].join('');
}

/**
 * The Cache-Control rules alone: the whole file up to version 0.1 of the
 * site, which src/lib/publish/owned.ts still recognises.
 */
export function cacheRules(base: string): string {
  const rules: [string, string][] = [
    [`${base}_astro/*`, IMMUTABLE],
    [`${base}pagefind/*`, SHORT_LIVED],
    [`${base}feeds/*`, FEEDS],
    [`${base}og/*`, IMAGES],
  ];
  return `${rules.map(([pattern, value]) => `${pattern}\n  Cache-Control: ${value}`).join('\n')}\n`;
}
