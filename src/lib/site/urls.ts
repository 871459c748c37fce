/**
 * Every URL the site prints is built here, so the base path, the trailing
 * slash and the shape of ids are decided once. Page URLs are root-relative
 * (`/papers/days/2026-10-03/` under BASE_PATH=/papers/) and end in `/`, the
 * directory form that needs no server rewrites; `absoluteUrl` adds the origin
 * for canonical links, Open Graph and feeds.
 *
 * The URL layout is a promise to readers: change a shape here and old links
 * break.
 */
import { SITE } from '../../settings.ts';

export interface UrlSettings {
  /** Origin without the base path: `https://example.org`. */
  url: string;
  /** `/` or `/papers/`, with leading and trailing slash. */
  base: string;
}

export interface SiteUrls {
  home(): string;
  archive(): string;
  /** An anchor on the archive page for one year. */
  year(year: number): string;
  month(year: number, month: number): string;
  day(date: string): string;
  week(isoWeek: string): string;
  /** The BibTeX file of a day's or a week's papers: `/days/2026-10-03.bib`, `/weeks/2026-W40.bib`. */
  dayBibtex(date: string): string;
  weekBibtex(isoWeek: string): string;
  paper(id: string): string;
  topics(): string;
  /** The topic's own URL (its newest papers), or its page `n` counted from the oldest: `/topics/<topic>/<n>/`. */
  topic(topic: string, page?: number): string;
  about(): string;
  search(): string;
  /** An RSS feed: `all`, `daily` or a topic id -> `/feeds/<name>.xml`. */
  feed(name: string): string;
  /** The OPML list of every feed. */
  opml(): string;
  /** A file in public/ or dist/, such as `favicon.svg`: no trailing slash. */
  asset(path: string): string;
  /** A root-relative path from this module (or any path under the origin) with the origin. */
  absolute(path: string): string;
}

export function createUrls(settings: UrlSettings): SiteUrls {
  const base = `/${settings.base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const origin = settings.url.replace(/\/+$/, '');
  const page = (...segments: string[]) =>
    `${base}${segments.map(encodeSegment).join('/')}${segments.length ? '/' : ''}`;

  return {
    home: () => base,
    archive: () => page('archive'),
    year: (year) => `${page('archive')}#y${year}`,
    month: (year, month) => page('archive', String(year), pad2(month)),
    day: (date) => page('days', date),
    week: (isoWeek) => page('weeks', isoWeek),
    dayBibtex: (date) => `${base}days/${encodeSegment(date)}.bib`,
    weekBibtex: (isoWeek) => `${base}weeks/${encodeSegment(isoWeek)}.bib`,
    // Old-style ids (`hep-th/9901001`) keep their slash: /papers/hep-th/9901001/.
    paper: (id) => page('papers', ...id.split('/')),
    topics: () => page('topics'),
    topic: (topic, pageNumber) =>
      pageNumber === undefined ? page('topics', topic) : page('topics', topic, String(pageNumber)),
    about: () => page('about'),
    search: () => page('search'),
    feed: (name) => `${base}feeds/${encodeSegment(name)}.xml`,
    opml: () => `${base}feeds/feeds.opml`,
    asset: (path) => `${base}${path.replace(/^\/+/, '').split('/').map(encodeSegment).join('/')}`,
    absolute: (path) =>
      /^https?:\/\//.test(path) ? path : `${origin}${path.startsWith('/') ? '' : '/'}${path}`,
  };
}

function encodeSegment(segment: string): string {
  // Ids are restricted to [A-Za-z0-9.-], so this only guards against surprises.
  return encodeURIComponent(segment);
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/** The site's URLs under SITE.url and SITE.base (SITE_URL / BASE_PATH). */
export const urls: SiteUrls = createUrls(SITE);

export const homeUrl = urls.home;
export const archiveUrl = urls.archive;
export const yearUrl = urls.year;
export const monthUrl = urls.month;
export const dayUrl = urls.day;
export const weekUrl = urls.week;
export const paperUrl = urls.paper;
export const topicsUrl = urls.topics;
export const topicUrl = urls.topic;
export const aboutUrl = urls.about;
export const searchUrl = urls.search;
export const assetUrl = urls.asset;
export const absoluteUrl = urls.absolute;
