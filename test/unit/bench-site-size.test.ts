import { describe, expect, it } from 'vitest';
import {
  costModel,
  fitsHost,
  folderOf,
  formatSiteSize,
  HOSTS,
  isFixed,
  largestArchive,
  siteSizeLine,
  siteTotal,
  tallySite,
  withExtrapolatedCards,
  type Host,
  type SiteFile,
} from '../../bench/site-size.ts';

const host = (name: string): Host => {
  const found = HOSTS.find((h) => h.name === name);
  if (!found) throw new Error(`no host ${name}`);
  return found;
};

/** A site of `papers` papers: a page, a search piece and (when `cards`) a card each, a day page per 2. */
function site(papers: number, cards = 0): SiteFile[] {
  const files: SiteFile[] = [
    { path: 'index.html', bytes: 5000 },
    { path: 'about/index.html', bytes: 1000 },
    { path: 'og-default.png', bytes: 40_000 },
    { path: 'sitemap-0.xml', bytes: 100 * papers },
    { path: '_astro/site.css', bytes: 20_000 },
    { path: 'feeds/all.xml', bytes: 30_000 },
    { path: 'archive/2026/10/index.html', bytes: 3000 },
    { path: 'weeks/2026-W40/index.html', bytes: 2000 },
    { path: 'topics/agents/index.html', bytes: 4000 },
  ];
  for (let i = 0; i < papers; i++) {
    files.push({ path: `papers/p${i}/index.html`, bytes: 10_000 });
    files.push({ path: `pagefind/fragment/p${i}.pf_fragment`, bytes: 1000 });
    if (i < cards) files.push({ path: `og/papers/p${i}.png`, bytes: 30_000 });
    if (i % 2 === 0) files.push({ path: `days/d${i}/index.html`, bytes: 6000 });
  }
  return files;
}

describe('the size of the published site', () => {
  it('puts each file in its folder, and the rest at the top level in other', () => {
    expect(folderOf('papers/2610.01092/index.html')).toBe('papers');
    expect(folderOf('og/days/2026-10-03.png')).toBe('og');
    expect(folderOf('pagefind/pagefind.js')).toBe('pagefind');
    expect(folderOf('_astro/a.css')).toBe('_astro');
    expect(folderOf('archive/2026/index.html')).toBe('archive');
    for (const other of ['index.html', 'og-default.png', 'sitemap-0.xml', 'about/index.html', 'papers.html'])
      expect(folderOf(other)).toBe('other');
  });

  it('takes assets, feeds and top-level pages as fixed, sitemaps and per-paper folders as growing', () => {
    for (const fixed of ['_astro/a.js', 'feeds/all.xml', 'index.html', 'search/index.html', 'og-default.png'])
      expect(isFixed(fixed)).toBe(true);
    for (const growing of ['sitemap-0.xml', 'sitemap-index.xml', 'papers/x/index.html', 'og/days/d.png'])
      expect(isFixed(growing)).toBe(false);
  });

  it('sums the folders into the total, and counts the paper cards apart', () => {
    const size = tallySite(10, site(10, 10));
    expect(size.folders.papers).toEqual({ files: 10, bytes: 100_000 });
    expect(size.folders.days).toEqual({ files: 5, bytes: 30_000 });
    expect(size.folders.og).toEqual({ files: 10, bytes: 300_000 });
    expect(size.paperCards).toEqual(size.folders.og);
    expect(size.folders.other).toEqual({ files: 4, bytes: 5000 + 1000 + 40_000 + 1000 });
    const files = site(10, 10);
    expect(siteTotal(size)).toEqual({
      files: files.length,
      bytes: files.reduce((sum, file) => sum + file.bytes, 0),
    });
    expect(size.fixed).toEqual({ files: 5, bytes: 5000 + 1000 + 40_000 + 20_000 + 30_000 });
    expect(size.cards).toEqual({ kind: 'rendered' });
  });

  it('finds the median paper page, old-style ids included, and prints it', () => {
    const pages = [3000, 9000, 1000, 5000, 7000].map((bytes, i) => ({
      path: `papers/p${i}/index.html`,
      bytes,
    }));
    const oldStyle = { path: 'papers/hep-th/9901001/index.html', bytes: 8000 };
    const others = [
      { path: 'papers/index.html', bytes: 99_999 },
      { path: 'days/d/index.html', bytes: 1 },
    ];
    const size = tallySite(6, [...pages, oldStyle, ...others]);
    // 1000, 3000, 5000, 7000, 8000, 9000: the upper of the two middle ones.
    expect(size.medianPaperPage).toBe(7000);
    expect(formatSiteSize(size)).toContain('Median paper page: 7,000 bytes of HTML.');
  });

  it("replaces og/ with the sample's mean cards times the policy's count", () => {
    const size = tallySite(100, site(100));
    const extrapolated = withExtrapolatedCards(size, {
      paperCards: 40,
      dayCards: 50,
      sample: { paper: { files: 4, bytes: 100_000 }, day: { files: 3, bytes: 60_000 } },
    });
    expect(extrapolated.paperCards).toEqual({ files: 40, bytes: 1_000_000 });
    expect(extrapolated.folders.og).toEqual({ files: 90, bytes: 1_000_000 + 1_000_000 });
    expect(siteTotal(extrapolated).files).toBe(siteTotal(size).files + 90);
    expect(extrapolated.cards.kind).toBe('extrapolated');
    // No paper card to measure, yet the site has some: no guess.
    expect(() =>
      withExtrapolatedCards(size, {
        paperCards: 1,
        dayCards: 0,
        sample: { paper: { files: 0, bytes: 0 }, day: { files: 0, bytes: 0 } },
      }),
    ).toThrow(/no card/);
  });

  it('models the site as fixed costs plus a cost per paper, the paper cards fixed once the policy caps them', () => {
    const uncapped = costModel(tallySite(10, site(10, 10)));
    expect(uncapped.paperCardsFixed).toBe(false);
    expect(uncapped.fixed.files).toBe(5);
    // Per paper: a page, a search piece, a card, half a day page; the sitemap; archive, week and topic pages.
    expect(uncapped.perPaper.files).toBeCloseTo((10 + 10 + 10 + 5 + 1 + 3) / 10);
    const capped = costModel(tallySite(10, site(10, 4)));
    expect(capped.paperCardsFixed).toBe(true);
    expect(capped.fixed).toEqual({ files: 5 + 4, bytes: uncapped.fixed.bytes + 4 * 30_000 });
  });

  it('tells which hosts take a site, and the largest archive each would take', () => {
    const total = { files: 20_001, bytes: 1_000_000_000 };
    expect(fitsHost(host('GitHub Pages'), total)).toBe(true);
    expect(fitsHost(host('GitHub Pages'), { ...total, bytes: total.bytes + 1 })).toBe(false);
    expect(fitsHost(host('GitLab Pages'), total)).toBe(true);
    expect(fitsHost(host('GitLab Pages'), { ...total, files: 200_001 })).toBe(false);
    expect(fitsHost(host('Cloudflare Pages Free'), total)).toBe(false);
    expect(fitsHost(host('Cloudflare Pages Free'), { ...total, files: 20_000 })).toBe(true);
    expect(fitsHost(host('Cloudflare Pages paid'), total)).toBe(true);
    expect(fitsHost(host('Netlify / S3 + CDN'), { files: 1e9, bytes: 1e15 })).toBe(true);

    const model = {
      fixed: { files: 1000, bytes: 1_000_000 },
      perPaper: { files: 2.5, bytes: 50_000 },
      paperCardsFixed: true,
    };
    expect(largestArchive(host('GitHub Pages'), model)).toBe(19_980);
    // The files limit binds first: (200,000 - 1,000) / 2.5.
    expect(largestArchive({ name: 'x', maxBytes: 1e12, maxFiles: 200_000 }, model)).toBe(79_600);
    expect(largestArchive(host('Cloudflare Pages Free'), model)).toBe(7600);
    expect(largestArchive(host('Netlify / S3 + CDN'), model)).toBe(Infinity);
    expect(largestArchive({ name: 'tiny', maxFiles: 500 }, model)).toBe(0);
  });

  it('writes the one-line summary with thousands separators', () => {
    expect(siteSizeLine(50_000, { files: 123_456, bytes: 987_654_321 })).toBe(
      'site at 50,000 papers: 987,654,321 bytes in 123,456 files',
    );
    expect(siteSizeLine(60, { files: 512, bytes: 1234 })).toBe('site at 60 papers: 1,234 bytes in 512 files');
  });

  it('reports the folders, the total, the summary line alone and the hosts, saying how cards were counted', () => {
    const size = withExtrapolatedCards(tallySite(100, site(100)), {
      paperCards: 100,
      dayCards: 50,
      sample: { paper: { files: 100, bytes: 3_000_000 }, day: { files: 50, bytes: 1_000_000 } },
    });
    const lines = formatSiteSize(size);
    const total = siteTotal(size);
    expect(lines).toContain(siteSizeLine(100, total));
    expect(lines).toContain(
      `| og/ (cards, extrapolated) | 150 | 4,000,000 | ${(40_000).toLocaleString('en')} |`,
    );
    expect(lines).toContain(
      `| total (cards extrapolated) | ${total.files.toLocaleString('en')} | ${total.bytes.toLocaleString('en')} | ${Math.round(total.bytes / 100).toLocaleString('en')} |`,
    );
    expect(lines.find((line) => line.startsWith('| total without cards |'))).toContain(
      `| ${(total.bytes - 4_000_000).toLocaleString('en')} |`,
    );
    expect(lines.find((line) => line.startsWith('Cards: extrapolated'))).toBeDefined();
    // 409 files, 5 of them fixed: (20,000 - 5) / 4.04 files per paper.
    expect(total.files).toBe(409);
    expect(lines).toContain('| Cloudflare Pages Free | 20,000 files | yes | 4,949 |');
    expect(lines.find((line) => line.startsWith('| Netlify / S3 + CDN |'))).toMatch(/\| yes \| no limit \|$/);
    expect(formatSiteSize(tallySite(10, site(10, 10)))).toContain(
      'Cards: rendered by this build; og/ counts the cards it placed.',
    );
  });
});
