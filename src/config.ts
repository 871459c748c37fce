/**
 * The site's settings: the one place a site owner edits. astro.config.mjs,
 * pages, feeds and images all read from here.
 *
 * SITE_URL and BASE_PATH in the environment override `url` and `base` at
 * build time (for example BASE_PATH=/papers/ for a GitHub Pages project site);
 * PAPERS_CONTENT_DIR builds another content folder (the tests' fixtures).
 */

export interface SiteConfig {
  /** Shown in the header, titles and feeds. */
  title: string;
  description: string;
  /** Absolute origin the site is served from, without the base path. */
  url: string;
  /** Path the site lives under, with leading and trailing slash: `/` or `/papers/`. */
  base: string;
  /** BCP 47 language of the site's own text. */
  language: string;
  /** Where content files live, relative to the project. */
  contentDir: string;
}

const DEFAULTS: SiteConfig = {
  title: 'Daily Papers',
  description: 'A daily archive of machine-learning papers, searchable offline and followable by topic.',
  url: 'https://daily-papers.example.org',
  base: '/',
  language: 'en',
  contentDir: 'content',
};

/** `papers` -> `/papers/`; `` or `/` -> `/`. */
export function normalizeBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

export function resolveConfig(env: Record<string, string | undefined>): SiteConfig {
  return {
    ...DEFAULTS,
    url: (env['SITE_URL'] || DEFAULTS.url).replace(/\/+$/, ''),
    base: normalizeBase(env['BASE_PATH'] ?? DEFAULTS.base),
    contentDir: env['PAPERS_CONTENT_DIR'] || DEFAULTS.contentDir,
  };
}

export const SITE: SiteConfig = resolveConfig(process.env);
