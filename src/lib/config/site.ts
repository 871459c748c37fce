/**
 * The site owner's settings: what the site says and looks like. The values
 * live in src/config.ts; this is their schema, with a description and a
 * default for every field (docs/configuration.md is generated from it:
 * `npm run docs:config`). SITE_URL and BASE_PATH in the environment override
 * `url` and `base` (env.ts). Where the build keeps its caches and folders is
 * not the owner's business but the operator's: env.ts.
 */
import { z } from 'zod';
import { parseSettings } from './errors.ts';
import { SETTINGS_FILE } from '../code-version.ts';
import { basePath, colour, httpUrl, languageTag, origin, shownText, wholeNumber } from './values.ts';

const TITLE = 'Daily Papers';

const PAPER_CARD_DAYS_EXPECTED = 'a whole number of 0 or more, or Infinity';

export const ogSchema = z
  .strictObject({
    siteName: shownText('a name')
      .optional()
      .describe('Printed in each card’s header; the site’s `title` when left out.'),
    colors: z
      .strictObject({
        background: colour.default('#fbfaf7').describe('The card’s flat background (keeps the PNGs small).'),
        text: colour.default('#1b1b1f').describe('Titles.'),
        muted: colour.default('#55565c').describe('Authors, dates and other secondary text.'),
        accent: colour.default('#c2410c').describe('The band across the top and the day card’s numbers.'),
        tagBackground: colour.default('#eef2fa').describe('Topic tags’ background.'),
        tagText: colour.default('#1e3a6e').describe('Topic tags’ text.'),
      })
      .prefault({})
      .describe('Six-digit hex colours; the defaults are the site’s light theme (src/styles/tokens.css).'),
    logo: z
      .string('a file path relative to the project')
      .optional()
      .describe('An SVG or PNG beside the site name, relative to the project; none when left out.'),
    paperCardDays: z
      .union(
        [z.literal(Infinity), z.int(PAPER_CARD_DAYS_EXPECTED).min(0, PAPER_CARD_DAYS_EXPECTED)],
        PAPER_CARD_DAYS_EXPECTED,
      )
      .default(90)
      .describe(
        'Papers listed in this many days, counted back from the archive’s newest day, get a card of their own; older papers show their day’s card (src/lib/og/policy.ts). 0 for none, Infinity for every paper.',
      ),
  })
  .prefault({})
  .describe(
    'The look of the social images (Open Graph cards; src/lib/og/). Every value goes into the image cache key, so a change re-renders every card on the next build.',
  );

export const feedsSchema = z
  .strictObject({
    itemLimit: wholeNumber(1)
      .default(50)
      .describe(
        'Papers in the all-papers feed and in each topic feed, newest first, in whole days: the day the limit falls in is kept entire, so a feed holds up to `itemLimit - 1` papers plus its busiest day (src/lib/site/feeds.ts).',
      ),
    dailyLimit: wholeNumber(1).default(30).describe('Days in the daily digest feed.'),
    weeklyLimit: wholeNumber(1).default(12).describe('Weeks in the weekly digest feed.'),
    emailSubscribeUrl: httpUrl
      .optional()
      .describe(
        'An optional "subscribe by email" link on the about page: the sign-up page of an RSS-to-email service fed by /feeds/daily.xml.',
      ),
  })
  .prefault({})
  .describe(
    'RSS feeds: /feeds/all.xml, /feeds/<topic>.xml, /feeds/daily.xml, /feeds/weekly.xml, /feeds/feeds.opml.',
  );

export const siteSchema = z.strictObject({
  title: shownText('a title').default(TITLE).describe('Shown in the header, titles and feeds.'),
  description: shownText('a description')
    .default('A daily archive of machine-learning papers, searchable offline and followable by topic.')
    .describe('The home page’s description, in search results and feeds.'),
  url: origin
    .default('https://daily-papers.example.org')
    .describe('Absolute origin the site is served from, without the base path; SITE_URL overrides it.'),
  base: basePath
    .default('/')
    .describe(
      'Path the site lives under, with leading and trailing slash: `/` or `/papers/`; BASE_PATH overrides it.',
    ),
  language: languageTag.default('en').describe('BCP 47 language of the site’s own text.'),
  feeds: feedsSchema,
  og: ogSchema,
});

/** What a site owner writes in src/config.ts: every field may be left out for its default. */
export type SiteSettings = z.input<typeof siteSchema>;

type Parsed = z.output<typeof siteSchema>;

/** The site's settings as pages, feeds and images read them. */
export type SiteConfig = Omit<Parsed, 'og'> & { og: OgConfig };
export type OgConfig = Omit<Parsed['og'], 'siteName'> & { siteName: string };

/** What the environment may override (env.ts), already checked. */
export interface SiteOverrides {
  url?: string | undefined;
  base?: string | undefined;
}

/**
 * The settings in `file`, checked and with defaults, then the environment's
 * overrides; throws a ConfigError naming each bad value.
 */
export function resolveSite(settings: unknown, overrides: SiteOverrides, file = SETTINGS_FILE): SiteConfig {
  const site = parseSettings(siteSchema, settings, { file });
  return {
    ...site,
    url: overrides.url ?? site.url,
    base: overrides.base ?? site.base,
    og: { ...site.og, siteName: site.og.siteName ?? site.title },
  };
}
