import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../src/lib/site/archive.ts';
import {
  archivePaperPageKey,
  factsText,
  listFingerprint,
  pageKey,
  paperFingerprint,
  paperPageKey,
} from '../../src/lib/site/cache-keys.ts';
import { topicPageFrame, topicPages } from '../../src/lib/site/views.ts';
import { makePaper } from '../helpers/site-papers.ts';

describe('page cache keys', () => {
  it('change with any paper the page lists, and with its facts', () => {
    const a = makePaper({ id: '2610.00001', title: 'A' });
    const b = makePaper({ id: '2610.00002', title: 'B' });
    const key = pageKey(['day', '2026-10-03'], [a, b]);
    expect(pageKey(['day', '2026-10-03'], [a, b])).toBe(key);
    expect(pageKey(['day', '2026-10-03'], [a])).not.toBe(key);
    expect(pageKey(['day', '2026-10-03'], [a, { ...b, data: { ...b.data, upvotes: 3 } }])).not.toBe(key);
    expect(pageKey(['day', '2026-10-03'], [a, { ...b, body: 'Another abstract.' }])).not.toBe(key);
    expect(pageKey(['day', '2026-10-04'], [a, b])).not.toBe(key);
  });

  it('hash a list many pages show once, and change with any paper in it or its order', () => {
    const a = makePaper({ id: '2610.00001', title: 'A' });
    const b = makePaper({ id: '2610.00002', title: 'B' });
    const day = [a, b];
    expect(listFingerprint(day)).toBe(listFingerprint([a, b]));
    expect(listFingerprint([b, a])).not.toBe(listFingerprint(day));
    expect(listFingerprint([a, { ...b, data: { ...b.data, title: 'B, corrected' } }])).not.toBe(
      listFingerprint(day),
    );
    expect(listFingerprint([a])).not.toBe(listFingerprint(day));
  });

  it('of a paper’s page change with its day’s papers, its related papers and their order', () => {
    const [paper, mate, other] = ['2610.00001', '2610.00002', '2610.00003'].map((id) => makePaper({ id }));
    const day = { papers: [paper!, mate!], week: '2026-W40' };
    const key = paperPageKey(paper!, [other!], day);
    expect(paperPageKey(paper!, [other!], { ...day, papers: [paper!, mate!] })).toBe(key);
    const corrected = { ...mate!, data: { ...mate!.data, title: 'Corrected' } };
    expect(paperPageKey(paper!, [other!], { ...day, papers: [paper!, corrected] })).not.toBe(key);
    expect(paperPageKey(paper!, [other!, mate!], day)).not.toBe(key);
    expect(paperPageKey(paper!, [], day)).not.toBe(key);
    expect(paperPageKey(paper!, [other!], { ...day, week: '2026-W41' })).not.toBe(key);
    // Order: the page lists them in this order.
    expect(paperPageKey(paper!, [mate!, other!], day)).not.toBe(paperPageKey(paper!, [other!, mate!], day));
    expect(paperPageKey(paper!, [other!], { ...day, papers: [mate!, paper!] })).not.toBe(key);
  });

  it('of an archive’s paper look its related papers and its own day up', () => {
    const paper = makePaper({ id: '2610.00001', date: '2026-10-03' });
    const mate = makePaper({ id: '2610.00002', date: '2026-10-03' });
    const other = makePaper({ id: '2610.00003', date: '2026-10-02' });
    const archive = buildArchive([paper, mate, other]);
    const ownDay = archive.dayGroup('2026-10-03');
    expect(ownDay?.papers).toHaveLength(2);
    const key = archivePaperPageKey(archive, paper, [other.id, 'gone']);
    expect(key).toBe(paperPageKey(paper, [other], ownDay));
    expect(key).not.toBe(paperPageKey(paper, [other], archive.dayGroup('2026-10-02')));
    expect(archivePaperPageKey(archive, paper, [mate.id, other.id])).toBe(
      paperPageKey(paper, [mate, other], ownDay),
    );
  });

  it('use the content layer’s digest of a paper’s file when there is one', () => {
    const paper = makePaper({ id: '2610.00003' });
    expect(paperFingerprint({ ...paper, digest: 'abc' })).not.toBe(
      paperFingerprint({ ...paper, digest: 'abd' }),
    );
    expect(paperFingerprint({ ...paper, digest: 'abc' })).toBe(
      paperFingerprint({ ...paper, body: 'ignored: the digest covers it', digest: 'abc' }),
    );
  });

  it('see the gap before the newest topic page that a longer topic adds', () => {
    const vision = (count: number) =>
      Array.from({ length: count }, (_, index) =>
        makePaper({ date: `2026-0${1 + Math.floor(index / 200)}-01`, topics: ['vision'] }),
      );
    const pageSix = (count: number) =>
      topicPages(buildArchive(vision(count))).find(
        (entry) => entry.topic === 'vision' && entry.page.number === 6,
      )!;
    // 8 and 9 numbered pages: page 6 links 4 to 8 either way, with a gap before the newest only in the second.
    const [shorter, longer] = [pageSix(450), pageSix(500)];
    expect(topicPageFrame(shorter).pages).toEqual(topicPageFrame(longer).pages);
    expect(topicPageFrame(shorter).gapsAfter).toEqual(new Set([1]));
    expect(topicPageFrame(longer).gapsAfter).toEqual(new Set([1, 8]));
    expect(factsText(topicPageFrame(shorter))).not.toBe(factsText(topicPageFrame(longer)));
  });
});
