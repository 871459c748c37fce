/**
 * Topics and related papers as the fixture build shows them: classification
 * happens at build time and keeps hand-set topics; every paper is in at
 * least one topic; related lists never point at the paper itself.
 */
import { describe, expect, it } from 'vitest';
import { listFiles, readPage } from '../../helpers/built-site.ts';
import { fixtureSite } from '../../helpers/fixture-sites.ts';
import { attr } from '../../helpers/html.ts';

const site = () => fixtureSite('root');

async function paperLinksOn(sitePath: string): Promise<string[]> {
  const page = await readPage(site(), sitePath);
  return page.document
    .querySelectorAll('main a')
    .map((a) => attr(a, 'href') ?? '')
    .filter((href) => href.startsWith('/papers/'));
}

describe('topics in the build', () => {
  it('put every paper in at least one topic, keeping hand-set ones', async () => {
    const files = await listFiles(site().outDir);
    const paperPages = files
      .filter((f) => /^papers\/.+\/index\.html$/.test(f))
      .map((f) => `/${f.replace(/index\.html$/, '')}`);
    const topicPages = files.filter((f) => /^topics\/[^/]+\/(\d+\/)?index\.html$/.test(f));
    const listed = new Set<string>();
    for (const file of topicPages)
      for (const href of await paperLinksOn(file.replace(/index\.html$/, ''))) listed.add(href);
    expect([...paperPages].filter((href) => !listed.has(href))).toEqual([]);
    // 2609.10003 is hand-set to `reasoning` in the fixture.
    expect(await paperLinksOn('topics/reasoning/')).toContain('/papers/2609.10003/');
  });

  it('classify by the taxonomy: papers land in topics nobody set by hand', async () => {
    // No fixture paper sets `robustness` or `retrieval`; their words put papers there.
    expect(await paperLinksOn('topics/robustness/')).toContain(
      '/papers/intriguing-properties-of-adversarial-examples/',
    );
    expect(await paperLinksOn('topics/retrieval/')).toContain('/papers/2610.00004/');
    // Hand-set `language-models` is kept next to the classified topic.
    expect(await paperLinksOn('topics/language-models/')).toContain('/papers/2610.00004/');
  });
});

describe('related papers', () => {
  it('are listed on paper pages and never link to the paper itself', async () => {
    const files = (await listFiles(site().outDir)).filter((f) => /^papers\/.+\/index\.html$/.test(f));
    let withRelated = 0;
    for (const file of files) {
      const page = await readPage(site(), file.replace(/index\.html$/, ''));
      const aside = page.document.querySelector('aside.related');
      if (!aside) continue;
      withRelated += 1;
      const self = `/${file.replace(/index\.html$/, '')}`;
      const links = aside.querySelectorAll('a').map((a) => attr(a, 'href'));
      expect(links, file).not.toContain(self);
      expect(links.length, file).toBeGreaterThan(0);
    }
    expect(withRelated).toBeGreaterThan(files.length / 2);
  });
});
