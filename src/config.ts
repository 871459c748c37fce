/**
 * The site's settings: the one place a site owner edits, values only.
 * astro.config.mjs, pages, feeds and images read them as `SITE`, checked and
 * with the environment's overrides (src/settings.ts).
 *
 * Every field is described, with its default and what it accepts, in
 * src/lib/config/site.ts and docs/configuration.md; a field left out keeps
 * its default, and a bad value stops the build with a line naming it.
 * SITE_URL and BASE_PATH in the environment override `url` and `base` at
 * build time (for example BASE_PATH=/papers/ for a GitHub Pages project
 * site). Folders and caches are the operator's, set in the environment
 * (src/lib/config/env.ts).
 *
 * Only values: the publish fingerprint takes them as values rather than this
 * file's text (src/lib/publish/fingerprint.ts).
 */
import type { SiteSettings } from './lib/config/site.ts';

const TITLE = 'Daily Papers';

export const SETTINGS = {
  title: TITLE,
  description: 'A daily archive of machine-learning papers, searchable offline and followable by topic.',
  url: 'https://daily-papers.example.org',
  base: '/',
  language: 'en',
  feeds: { itemLimit: 50, dailyLimit: 30, weeklyLimit: 12, emailSubscribeUrl: undefined },
  og: {
    siteName: TITLE,
    // The site's light theme (src/styles/tokens.css).
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
} satisfies SiteSettings;
