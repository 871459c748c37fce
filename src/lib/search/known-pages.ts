/**
 * What the search step learnt about each built page at the last build, so a
 * daily update need not read every paper page to find the few that changed,
 * a slow read in a large archive (docs/decisions/0003-build-speed-ups.md).
 *
 * Astro's incremental build copies a page from its cache only when the page's
 * route code, its cacheKey and the site's config and lockfile are what they
 * were when the copy was rendered, and it records these in
 * `<cacheDir>/incremental-build.json`; it rewrites its cached copy of a page
 * only when it renders the page. A page whose record (those, and its cached
 * copy's size and time) is unchanged since the search step last read it
 * therefore has the same bytes, and with them the same indexed part: its
 * year, month and part hash are taken from `pages.json` in the search cache.
 * Any other page is read. Without the
 * manifest (incremental build off, cache deleted, a format this code does not
 * know) every page is read, as before.
 *
 * The manifest is not a public Astro interface: it is read defensively, and
 * anything unexpected in it means "read the page".
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';
import { readJsonFile } from '../cache-file.ts';
import { INDEX_FORMAT } from './bundles.ts';
import { compareIds } from '../papers/ranking.ts';

/** Where a built page belongs in the search index, or null when it has no indexed part. */
export type PagePlace = { year: string; month: string; hash: string } | null;

export interface KnownPage {
  /** The page's build record (astroPageRecords), as when it was read. */
  record: string;
  place: PagePlace;
}

/** Bumped when what is kept per page, or how indexed parts are found (extract.ts), changes. */
const KNOWN_PAGES_FORMAT = 3;

/** The one manifest version read; another is treated as no manifest. */
const ASTRO_MANIFEST_VERSION = 1;

export const KNOWN_PAGES_FILE = 'pages.json';
export const ASTRO_MANIFEST_FILE = 'incremental-build.json';
/** Where Astro keeps its copy of each page it may copy back (its incremental.js). */
const ASTRO_COPIES_DIR = 'dist';

interface KnownPagesFile {
  format: number;
  indexFormat: number;
  pages: Record<string, KnownPage>;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;
const isString = (value: unknown): value is string => typeof value === 'string';

/**
 * For each page in Astro's incremental-build manifest, by output file
 * (`papers/2610.01092/index.html`), a string that is the same exactly when
 * Astro would copy the page rather than render it again.
 */
export function astroPageRecords(
  manifest: unknown,
  copyStamp: (outputFile: string) => string | undefined,
): Map<string, string> {
  const records = new Map<string, string>();
  if (!isObject(manifest) || manifest['version'] !== ASTRO_MANIFEST_VERSION) return records;
  const { configHash, lockfileHash, routes } = manifest;
  if (!isString(configHash) || !isString(lockfileHash) || !isObject(routes)) return records;
  for (const [route, entry] of Object.entries(routes)) {
    if (!isObject(entry) || !isString(entry['dependencyHash']) || !isObject(entry['paths'])) continue;
    for (const [pathname, page] of Object.entries(entry['paths'])) {
      if (!isObject(page) || !isString(page['cacheKey']) || !isString(page['outputFile'])) continue;
      const stamp = copyStamp(page['outputFile']);
      if (stamp === undefined) continue;
      const record = [
        configHash,
        lockfileHash,
        route,
        entry['dependencyHash'],
        pathname,
        page['cacheKey'],
        JSON.stringify(page['contentHashes'] ?? null),
        stamp,
      ].join('\u0000');
      records.set(page['outputFile'], createHash('sha256').update(record).digest('base64'));
    }
  }
  return records;
}

/** astroPageRecords of the manifest in Astro's cache folder; empty when there is none. */
export function readAstroPageRecords(astroCacheDir: string): Map<string, string> {
  return astroPageRecords(readJsonFile(`${astroCacheDir}/${ASTRO_MANIFEST_FILE}`), (outputFile) =>
    fileStamp(path.join(astroCacheDir, ASTRO_COPIES_DIR, outputFile)),
  );
}

/**
 * Size and modification time of Astro's cached copy of a page: Astro writes
 * the copy whenever it renders the page (also in `astro build --force`, which
 * keeps the manifest's keys) and only reads it when it copies the page, so a
 * page rendered again gets a new record even when its key did not change.
 */
function fileStamp(file: string): string | undefined {
  try {
    const stat = statSync(file);
    // To the second: an archive that carries the cache between CI runs may keep no finer time.
    return `${stat.size}:${Math.floor(stat.mtimeMs / 1000)}`;
  } catch {
    return undefined;
  }
}

/** The pages.json of a search cache, or an empty map when missing or of another format. */
export function readKnownPages(file: string): Map<string, KnownPage> {
  const data = readJsonFile(file);
  if (!isObject(data) || data['format'] !== KNOWN_PAGES_FORMAT || data['indexFormat'] !== INDEX_FORMAT)
    return new Map();
  const pages = isObject(data['pages']) ? Object.entries(data['pages']) : [];
  return new Map(pages.filter((entry): entry is [string, KnownPage] => isKnownPage(entry[1])));
}

function isKnownPage(value: unknown): value is KnownPage {
  if (!isObject(value) || !isString(value['record'])) return false;
  const place = value['place'];
  return (
    place === null ||
    (isObject(place) && isString(place['year']) && isString(place['month']) && isString(place['hash']))
  );
}

/** The text of a pages.json, pages sorted by file so the same pages give the same bytes. */
export function knownPagesText(pages: ReadonlyMap<string, KnownPage>): string {
  const sorted = [...pages].sort(([a], [b]) => compareIds(a, b));
  const data: KnownPagesFile = {
    format: KNOWN_PAGES_FORMAT,
    indexFormat: INDEX_FORMAT,
    pages: Object.fromEntries(sorted),
  };
  return JSON.stringify(data);
}

/**
 * The place of a page whose build record matches the one it had when it was
 * last read, or undefined when the page must be read.
 */
export function knownPlace(
  known: ReadonlyMap<string, KnownPage>,
  file: string,
  record: string | undefined,
): PagePlace | undefined {
  if (record === undefined) return undefined;
  const page = known.get(file);
  return page !== undefined && page.record === record ? page.place : undefined;
}
