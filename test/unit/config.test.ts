import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../../src/config.ts';
import { readEnvironment } from '../../src/lib/config/env.ts';
import { ConfigError } from '../../src/lib/config/errors.ts';
import { resolveSite, type SiteSettings } from '../../src/lib/config/site.ts';
import { messageOf } from '../helpers/errors.ts';

const errorOf = (run: () => unknown) => messageOf(run, ConfigError);

const site = (settings: SiteSettings) => errorOf(() => resolveSite(settings, {}));
const env = (vars: Record<string, string>) => errorOf(() => readEnvironment(vars));

describe('the site owner’s settings', () => {
  it('are src/config.ts’s, checked, with the environment’s url and base over them', () => {
    // Every value the owner wrote comes through as written (a copy of the file here would break on each edit of it).
    const resolved = resolveSite(SETTINGS, {});
    expect(resolved).toMatchObject(SETTINGS);
    expect(Object.keys(resolved).sort()).toEqual([
      'base',
      'description',
      'feeds',
      'language',
      'og',
      'title',
      'url',
    ]);
    const moved = resolveSite(
      SETTINGS,
      readEnvironment({ SITE_URL: 'https://a.example/', BASE_PATH: '/p/' }).site,
    );
    expect(moved).toEqual({ ...resolved, url: 'https://a.example', base: '/p/' });
  });

  it('take a default for every field left out; the cards’ name is the title’s', () => {
    expect(resolveSite({ title: 'Mine' }, {})).toMatchObject({
      title: 'Mine',
      url: 'https://daily-papers.example.org',
      feeds: { itemLimit: 50 },
      og: { siteName: 'Mine', colors: { accent: '#c2410c' }, paperCardDays: 90 },
    });
    expect(resolveSite({}, {}).og.logo).toBeUndefined();
    expect(resolveSite({ og: { paperCardDays: Infinity } }, {}).og.paperCardDays).toBe(Infinity);
    expect(resolveSite({ url: 'https://example.org//' }, {}).url).toBe('https://example.org');
  });

  it('name a bad value in one line: file, field, expected, got', () => {
    expect(site({ feeds: { itemLimit: -3 } })).toBe(
      'src/config.ts: field "feeds.itemLimit": expected a whole number of 1 or more, got -3',
    );
    expect(site({ feeds: { dailyLimit: 2.5 } })).toBe(
      'src/config.ts: field "feeds.dailyLimit": expected a whole number of 1 or more, got 2.5',
    );
    expect(site({ base: 'papers' })).toBe(
      'src/config.ts: field "base": expected a path starting and ending with "/", such as "/" or "/papers/", got "papers"',
    );
    expect(site({ url: 'https://example.org/papers/' })).toBe(
      'src/config.ts: field "url": expected an absolute http(s) origin without a path, such as "https://example.org", got "https://example.org/papers/"',
    );
    expect(site({ url: 'ftp://example.org' })).toMatch(
      /^src\/config\.ts: field "url": expected an absolute http/,
    );
    expect(site({ og: { colors: { accent: 'orange' } } })).toBe(
      'src/config.ts: field "og.colors.accent": expected a six-digit hex colour such as "#1b1b1f", got "orange"',
    );
    expect(site({ og: { paperCardDays: -1 } })).toBe(
      'src/config.ts: field "og.paperCardDays": expected a whole number of 0 or more, or Infinity, got -1',
    );
    expect(site({ title: ' ' })).toBe(
      'src/config.ts: field "title": expected a title (text, not blank), got " "',
    );
    expect(site({ language: 'English' })).toMatch(/^src\/config\.ts: field "language": expected a BCP 47/);
    expect(site({ feeds: { emailSubscribeUrl: 'mailto:me@example.org' } })).toBe(
      'src/config.ts: field "feeds.emailSubscribeUrl": expected an absolute http(s) URL, got "mailto:me@example.org"',
    );
  });

  it('refuse a field that is not a setting, and give a line per bad value', () => {
    expect(errorOf(() => resolveSite({ feeds: { itemLimt: 10 } }, {}))).toBe(
      'src/config.ts: field "feeds.itemLimt" is not a setting (a misspelt name?)',
    );
    expect(site({ title: '', feeds: { weeklyLimit: 0 } }).split('\n')).toEqual([
      'src/config.ts: field "title": expected a title (text, not blank), got ""',
      'src/config.ts: field "feeds.weeklyLimit": expected a whole number of 1 or more, got 0',
    ]);
  });
});

describe('the environment', () => {
  it('gives the operator’s folders, each moved by its variable (empty: unset)', () => {
    expect(readEnvironment({}).operator).toEqual({
      contentDir: 'content',
      searchCacheDir: 'node_modules/.cache/daily-papers/pagefind',
      buildCacheDir: 'node_modules/.cache/daily-papers/build',
      ogCacheDir: 'node_modules/.cache/daily-papers/og',
      publishBuildDir: 'node_modules/.cache/daily-papers/site',
      ogPrune: false,
      ogReport: undefined,
      indexFollows: false,
      buildReuse: 'auto',
    });
    const moved = readEnvironment({
      PAPERS_CONTENT_DIR: '/data/content',
      PAPERS_PAGEFIND_CACHE: 'c/pagefind',
      PAPERS_BUILD_CACHE: '',
      PAPERS_OG_CACHE: '/ci/og',
      PAPERS_PUBLISH_BUILD: 'site',
      PAPERS_OG_PRUNE: '1',
      PAPERS_OG_REPORT: 'og.json',
      PAPERS_INDEX_FOLLOWS: '0',
      PAPERS_BUILD_REUSE: 'off',
    }).operator;
    expect(moved).toEqual({
      contentDir: '/data/content',
      searchCacheDir: 'c/pagefind',
      buildCacheDir: 'node_modules/.cache/daily-papers/build',
      ogCacheDir: '/ci/og',
      publishBuildDir: 'site',
      ogPrune: true,
      ogReport: 'og.json',
      indexFollows: false,
      buildReuse: 'off',
    });
  });

  it('reads SITE_URL and BASE_PATH as it always has', () => {
    expect(readEnvironment({}).site).toEqual({ url: undefined, base: undefined });
    expect(readEnvironment({ SITE_URL: '' }).site.url).toBeUndefined();
    expect(readEnvironment({ SITE_URL: 'https://owner.github.io/' }).site.url).toBe(
      'https://owner.github.io',
    );
    expect(readEnvironment({ BASE_PATH: '/papers/' }).site.base).toBe('/papers/');
    expect(readEnvironment({ BASE_PATH: 'papers' }).site.base).toBe('/papers/');
    expect(readEnvironment({ BASE_PATH: '' }).site.base).toBe('/');
  });

  it('says the index follows the build under npm run build or PAPERS_INDEX_FOLLOWS=1', () => {
    expect(readEnvironment({ npm_lifecycle_event: 'build' }).operator.indexFollows).toBe(true);
    expect(readEnvironment({ npm_lifecycle_event: 'preview' }).operator.indexFollows).toBe(false);
    expect(readEnvironment({ PAPERS_INDEX_FOLLOWS: '1' }).operator.indexFollows).toBe(true);
  });

  it('names a bad variable in one line', () => {
    expect(env({ BASE_PATH: 'a b' })).toBe(
      'BASE_PATH: expected a path starting and ending with "/", such as "/" or "/papers/", got "a b"',
    );
    expect(env({ SITE_URL: 'example.org' })).toBe(
      'SITE_URL: expected an absolute http(s) origin without a path, such as "https://example.org", got "example.org"',
    );
    expect(env({ PAPERS_OG_PRUNE: 'yes' })).toBe(
      'PAPERS_OG_PRUNE: expected "1" (on) or "0" (off), got "yes"',
    );
    expect(env({ PAPERS_OG_CACHE: ' ' })).toBe(
      'PAPERS_OG_CACHE: expected a folder path (not blank), got " "',
    );
  });

  it('leaves the endpoints to be checked with their flag, and reads DEBUG and CI as switches', () => {
    expect(readEnvironment({ PAPERS_HF_ENDPOINT: '', PAPERS_ARXIV_ENDPOINT: 'x' }).endpoints).toEqual({
      hf: undefined,
      arxiv: 'x',
    });
    expect(readEnvironment({ DEBUG: '1', CI: 'true' })).toMatchObject({ debug: true, ci: true });
    expect(readEnvironment({ DEBUG: '' })).toMatchObject({ debug: false, ci: false });
  });
});
