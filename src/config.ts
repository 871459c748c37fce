/**
 * The site's settings: the one place a site owner edits. astro.config.mjs,
 * pages, feeds and images all read from here.
 *
 * SITE_URL and BASE_PATH in the environment override `url` and `base` at
 * build time (for example BASE_PATH=/papers/ for a GitHub Pages project site);
 * PAPERS_CONTENT_DIR builds another content folder (the tests' fixtures);
 * PAPERS_PAGEFIND_CACHE moves the search index cache, PAPERS_BUILD_CACHE the
 * build's own (each test build has its own) and PAPERS_PUBLISH_BUILD the
 * folder `papers daily` builds in.
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
  /** The look of the social images (Open Graph cards); see src/lib/og/. */
  og: OgConfig;
  feeds: FeedsConfig;
  search: SearchConfig;
  /**
   * Where the build keeps what it worked out about the archive (related
   * lists, topics) for the next build, relative to the project. Outside dist/.
   */
  buildCacheDir: string;
  /**
   * Where `papers daily` and `papers publish` build the site before
   * publishing it (src/lib/publish/publish.ts). Kept between runs, never served.
   */
  publishBuildDir: string;
}

/** Search (Pagefind, an index per month of the newest year and per earlier year): see docs/search.md. */
export interface SearchConfig {
  /**
   * Where each piece's index is kept between builds, so a build re-indexes
   * only the pieces whose papers changed. Outside dist/, which a fresh checkout lacks.
   */
  cacheDir: string;
}

/** RSS feeds: /feeds/all.xml, /feeds/<topic>.xml, /feeds/daily.xml, /feeds/weekly.xml, /feeds/feeds.opml. */
export interface FeedsConfig {
  /**
   * Papers in the all-papers feed and in each topic feed, newest first, in
   * whole days: the day the limit falls in is kept entire, so a feed holds up
   * to `itemLimit - 1` papers plus its busiest day (src/lib/feeds/site-feeds.ts).
   */
  itemLimit: number;
  /** Days in the daily digest feed. */
  dailyLimit: number;
  /** Weeks in the weekly digest feed. */
  weeklyLimit: number;
  /**
   * An optional "subscribe by email" link shown on the about page: the sign-up
   * page of an RSS-to-email service fed by /feeds/daily.xml.
   */
  emailSubscribeUrl: string | undefined;
}

/**
 * Social image settings. Every value goes into the image cache key, so a
 * change here re-renders every card on the next build.
 */
export interface OgConfig {
  /** Printed in each card's header. */
  siteName: string;
  /** Six-digit hex colours; a flat background keeps the PNGs small. */
  colors: {
    background: string;
    text: string;
    /** Authors, dates and other secondary text. */
    muted: string;
    /** The band across the top and the day card's numbers. */
    accent: string;
    tagBackground: string;
    tagText: string;
  };
  /** An SVG or PNG beside the site name, relative to the project; undefined for none. */
  logo: string | undefined;
  /**
   * Papers listed in this many days, counted back from the archive's newest
   * day, get a card of their own; older papers show their day's card
   * (src/lib/og/policy.ts). 0 for none, Infinity for every paper.
   */
  paperCardDays: number;
}

const TITLE = 'Daily Papers';

const DEFAULTS: SiteConfig = {
  title: TITLE,
  description: 'A daily archive of machine-learning papers, searchable offline and followable by topic.',
  url: 'https://daily-papers.example.org',
  base: '/',
  language: 'en',
  contentDir: 'content',
  feeds: { itemLimit: 50, dailyLimit: 30, weeklyLimit: 12, emailSubscribeUrl: undefined },
  search: { cacheDir: 'node_modules/.cache/daily-papers/pagefind' },
  buildCacheDir: 'node_modules/.cache/daily-papers/build',
  publishBuildDir: 'node_modules/.cache/daily-papers/site',
  // The site's light theme (src/styles/tokens.css).
  og: {
    siteName: TITLE,
    colors: {
      background: '#fbfaf7',
      text: '#1b1b1f',
      muted: '#55565c',
      accent: '#c2410c',
      tagBackground: '#eef2fa',
      tagText: '#1e3a6e',
    },
    logo: 'public/favicon.svg',
    paperCardDays: 90,
  },
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
    search: { cacheDir: env['PAPERS_PAGEFIND_CACHE'] || DEFAULTS.search.cacheDir },
    buildCacheDir: env['PAPERS_BUILD_CACHE'] || DEFAULTS.buildCacheDir,
    publishBuildDir: env['PAPERS_PUBLISH_BUILD'] || DEFAULTS.publishBuildDir,
  };
}

export const SITE: SiteConfig = resolveConfig(process.env);
