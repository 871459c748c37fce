/**
 * What goes into a page's <head>: title, description, canonical URL, Open
 * Graph and Twitter card, plus page-specific meta tags and JSON-LD.
 */
import { SITE } from '../../settings.ts';
import { allPapersFeed, dailyFeed, type FeedInfo } from './feeds.ts';
import type { OgImage } from '../og/inputs.ts';
import type { MetaTag } from './citation.ts';
import { absoluteUrl, assetUrl } from './urls.ts';

/** The site-wide sharing image in public/, for pages without a card of their own. */
export const DEFAULT_IMAGE = 'og-default.png';
export const DEFAULT_IMAGE_ALT = `${SITE.title}: a daily archive of machine-learning papers`;

/** The top-level section a page belongs to, for the navigation's aria-current. */
export type Section = 'home' | 'archive' | 'topics' | 'about';

export interface PageHead {
  /** The full document title. */
  title: string;
  /** The page's own title, for og:title. */
  shortTitle: string;
  description: string;
  /** Absolute; undefined for pages that must not be indexed (404). */
  canonical: string | undefined;
  type: 'website' | 'article';
  /** Absolute image URL. */
  image: string;
  imageAlt: string;
  noindex: boolean;
  /** Extra `<meta name>` tags, such as `citation_*`. */
  meta: readonly MetaTag[];
  /** Serialised JSON-LD, safe to put in a script element. */
  jsonLd: string | undefined;
  /** Whether the page shows rendered math and needs KaTeX's stylesheet. */
  math: boolean;
  section: Section | undefined;
  /** RSS feeds for `<link rel="alternate">`, the page's own first. */
  feeds: readonly FeedLinkTag[];
}

export interface FeedLinkTag {
  title: string;
  /** Absolute URL. */
  href: string;
}

export interface HeadInput {
  /** The page's own title; the site title alone for the home page. */
  title?: string;
  description?: string;
  /** Root-relative path from urls.ts; no canonical when absent. */
  path?: string;
  type?: 'website' | 'article';
  noindex?: boolean;
  meta?: readonly MetaTag[];
  jsonLd?: string;
  math?: boolean;
  section?: Section;
  /** A feed that follows this page (a topic's), listed before the site-wide ones. */
  feed?: FeedInfo;
  /** The page's own social image (papers, days); the site default otherwise. */
  image?: OgImage;
}

export function pageHead(input: HeadInput): PageHead {
  const shortTitle = input.title ?? SITE.title;
  return {
    title: input.title ? `${input.title} · ${SITE.title}` : SITE.title,
    shortTitle,
    description: input.description ?? SITE.description,
    canonical: input.path === undefined ? undefined : absoluteUrl(input.path),
    type: input.type ?? 'website',
    image: input.image ? absoluteUrl(assetUrl(input.image.path)) : defaultImage(),
    imageAlt: input.image?.alt ?? DEFAULT_IMAGE_ALT,
    noindex: input.noindex ?? false,
    meta: input.meta ?? [],
    jsonLd: input.jsonLd,
    math: input.math ?? false,
    section: input.section,
    // The daily digest is announced on the home page only: a head tag is paid on every page.
    feeds: [
      ...(input.feed ? [input.feed] : []),
      allPapersFeed(),
      ...(input.section === 'home' ? [dailyFeed()] : []),
    ].map((feed) => ({
      title: feed.title,
      href: absoluteUrl(feed.href),
    })),
  };
}

export function defaultImage(): string {
  return absoluteUrl(assetUrl(DEFAULT_IMAGE));
}
