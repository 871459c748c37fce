import { describe, expect, it } from 'vitest';
import { createUrls, type SiteUrls } from '../../src/lib/site/urls.ts';

const root = createUrls({ url: 'https://example.org', base: '/' });
const project = createUrls({ url: 'https://example.github.io/', base: '/papers/' });

describe('site URLs', () => {
  it.each([
    ['home', (u: SiteUrls) => u.home(), '/', '/papers/'],
    ['archive', (u: SiteUrls) => u.archive(), '/archive/', '/papers/archive/'],
    ['month', (u: SiteUrls) => u.month(2026, 3), '/archive/2026/03/', '/papers/archive/2026/03/'],
    ['day', (u: SiteUrls) => u.day('2026-10-03'), '/days/2026-10-03/', '/papers/days/2026-10-03/'],
    ['week', (u: SiteUrls) => u.week('2026-W40'), '/weeks/2026-W40/', '/papers/weeks/2026-W40/'],
    ['paper', (u: SiteUrls) => u.paper('2610.01092'), '/papers/2610.01092/', '/papers/papers/2610.01092/'],
    [
      'old-style paper',
      (u: SiteUrls) => u.paper('hep-th/9901001'),
      '/papers/hep-th/9901001/',
      '/papers/papers/hep-th/9901001/',
    ],
    ['topics', (u: SiteUrls) => u.topics(), '/topics/', '/papers/topics/'],
    [
      'topic',
      (u: SiteUrls) => u.topic('language-models'),
      '/topics/language-models/',
      '/papers/topics/language-models/',
    ],
    ['about', (u: SiteUrls) => u.about(), '/about/', '/papers/about/'],
    ['search', (u: SiteUrls) => u.search(), '/search/', '/papers/search/'],
  ] as const)('builds the %s URL under / and /papers/', (_name, build, atRoot, underBase) => {
    expect(build(root)).toBe(atRoot);
    expect(build(project)).toBe(underBase);
  });

  it('puts every page URL under the base path, with a trailing slash', () => {
    const all = [
      project.home(),
      project.archive(),
      project.month(2026, 10),
      project.day('2026-10-03'),
      project.week('2026-W40'),
      project.paper('math.AG/0601001'),
      project.topics(),
      project.topic('vision', 1),
      project.topic('vision', 3),
      project.about(),
      project.search(),
    ];
    for (const url of all) {
      expect(url.startsWith('/papers/'), url).toBe(true);
      expect(url.endsWith('/'), url).toBe(true);
      expect(url).not.toContain('//');
    }
  });

  it('gives a topic’s newest papers the topic URL and its older pages a number', () => {
    expect(root.topic('vision')).toBe('/topics/vision/');
    expect(root.topic('vision', 1)).toBe('/topics/vision/1/');
    expect(root.topic('vision', 2)).toBe('/topics/vision/2/');
    expect(project.topic('vision', 12)).toBe('/papers/topics/vision/12/');
  });

  it('links a year to its anchor on the archive page', () => {
    expect(project.year(2026)).toBe('/papers/archive/#y2026');
  });

  it('builds asset URLs without a trailing slash', () => {
    expect(root.asset('favicon.svg')).toBe('/favicon.svg');
    expect(project.asset('/og-default.png')).toBe('/papers/og-default.png');
  });

  it('makes absolute URLs from the origin, once', () => {
    expect(project.absolute(project.paper('2610.01092'))).toBe(
      'https://example.github.io/papers/papers/2610.01092/',
    );
    expect(root.absolute('/')).toBe('https://example.org/');
    expect(root.absolute('https://arxiv.org/abs/1')).toBe('https://arxiv.org/abs/1');
  });

  it('accepts a base without slashes', () => {
    const loose = createUrls({ url: 'https://example.org', base: 'papers' });
    expect(loose.day('2026-10-03')).toBe('/papers/days/2026-10-03/');
    expect(createUrls({ url: 'https://example.org', base: '' }).home()).toBe('/');
  });

  it('encodes anything unexpected in a segment rather than letting it change the path', () => {
    expect(root.topic('a?b#c')).toBe('/topics/a%3Fb%23c/');
  });
});
