/**
 * The kinds of value settings hold, each with the words an error uses for
 * what it expects: shared by the site owner's settings (site.ts) and the
 * environment (env.ts), so `url` and SITE_URL accept the same.
 */
import { z } from 'zod';
import { isHttpUrl } from '../value-checks.ts';

export const ORIGIN_EXPECTED = 'an absolute http(s) origin without a path, such as "https://example.org"';
export const BASE_EXPECTED = 'a path starting and ending with "/", such as "/" or "/papers/"';
const HTTP_URL_EXPECTED = 'an absolute http(s) URL';

/** `/`, `/papers/`, `/a/b/`: segments without spaces, `?` or `#`. */
const BASE_PATTERN = /^\/(?:[^/\s?#\\]+\/)*$/;

/** The origin as the site uses it: without trailing slashes. */
export function withoutTrailingSlashes(url: string): string {
  return url.replace(/\/+$/, '');
}

/** `papers` -> `/papers/`; `` or `/` -> `/`: how BASE_PATH has always been read. */
export function normalizeBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

export function isBasePath(value: string): boolean {
  return BASE_PATTERN.test(value);
}

/** An http(s) URL with nothing after the host and port (trailing slashes aside). */
export function isOrigin(value: string): boolean {
  const bare = withoutTrailingSlashes(value);
  if (!isHttpUrl(bare) || /[?#]/.test(bare)) return false;
  const url = new URL(bare);
  return url.pathname === '/' && !url.username && !url.password;
}

/** The site's origin, given with or without trailing slashes; kept without. */
export const origin = z
  .string(ORIGIN_EXPECTED)
  .refine(isOrigin, ORIGIN_EXPECTED)
  .transform(withoutTrailingSlashes);

export const basePath = z.string(BASE_EXPECTED).refine(isBasePath, BASE_EXPECTED);

export const httpUrl = z.string(HTTP_URL_EXPECTED).refine(isHttpUrl, HTTP_URL_EXPECTED);

/** Text a reader sees: anything but blank. */
export function shownText(what: string) {
  const expected = `${what} (text, not blank)`;
  return z.string(expected).refine((value) => value.trim() !== '', expected);
}

export function wholeNumber(minimum: number) {
  const expected = `a whole number of ${minimum} or more`;
  return z.int(expected).min(minimum, expected);
}

const COLOUR_EXPECTED = 'a six-digit hex colour such as "#1b1b1f"';
export const colour = z.string(COLOUR_EXPECTED).regex(/^#[0-9a-fA-F]{6}$/, COLOUR_EXPECTED);

const LANGUAGE_EXPECTED = 'a BCP 47 language tag such as "en" or "pt-BR"';
export const languageTag = z
  .string(LANGUAGE_EXPECTED)
  .regex(/^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{1,8})*$/, LANGUAGE_EXPECTED);

const FOLDER_EXPECTED = 'a folder path (not blank)';
/** A folder, absolute or relative to the project. */
export const folder = z.string(FOLDER_EXPECTED).refine((value) => value.trim() !== '', FOLDER_EXPECTED);
