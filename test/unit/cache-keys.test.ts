import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../src/lib/archive/index.ts';
import {
  archivePaperPageKey,
  factsText,
  listedFingerprint,
  pageKey,
  paperFingerprint,
  paperPageKey,
} from '../../src/lib/site/cache-keys.ts';
import { topicPageFrame, topicPages } from '../../src/lib/site/views.ts';
import type { PaperEntry } from '../../src/lib/papers/entry.ts';
import { paperPageImage } from '../../src/lib/site/paper-image.ts';
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

  it('of a paper’s page change with its neighbours in the day, its related papers and their order', () => {
    const [paper, mate, other, far] = ['2610.00001', '2610.00002', '2610.00003', '2610.00004'].map((id) =>
      makePaper({ id }),
    );
    const facts = {
      dayTotal: 3,
      counted: true,
      prev: undefined,
      next: mate!,
      image: 'og/days/x.png Papers',
    };
    const key = paperPageKey(paper!, [other!], facts);
    expect(paperPageKey(paper!, [other!], { ...facts })).toBe(key);
    const corrected = { ...mate!, data: { ...mate!.data, title: 'Corrected' } };
    // A neighbour is a link, not a title: its new title leaves the page as it was.
    expect(paperPageKey(paper!, [other!], { ...facts, next: corrected })).toBe(key);
    expect(paperPageKey(paper!, [other!], { ...facts, next: far })).not.toBe(key);
    expect(paperPageKey(paper!, [other!], { ...facts, prev: far })).not.toBe(key);
    expect(paperPageKey(paper!, [other!], { ...facts, dayTotal: 4 })).not.toBe(key);
    expect(paperPageKey(paper!, [other!], { ...facts, counted: false })).not.toBe(key);
    expect(paperPageKey(paper!, [other!], { ...facts, image: 'og/papers/2610.00001.png Paper' })).not.toBe(
      key,
    );
    expect(paperPageKey(paper!, [other!, mate!], facts)).not.toBe(key);
    expect(paperPageKey(paper!, [], facts)).not.toBe(key);
    // Order: the page lists them in this order.
    expect(paperPageKey(paper!, [mate!, other!], facts)).not.toBe(
      paperPageKey(paper!, [other!, mate!], facts),
    );
  });

  it('of an archive’s paper stay when a paper of its day that it does not show changes', () => {
    const day = ['2610.00001', '2610.00002', '2610.00003'].map((id) =>
      makePaper({ id, date: '2026-10-03', upvotes: 10 - Number(id.slice(-1)) }),
    );
    const [first, second, third] = day as [PaperEntry, PaperEntry, PaperEntry];
    const key = archivePaperPageKey(buildArchive(day), first, []);
    // The third paper is not the first's neighbour: its new title leaves the first's page as it was.
    const retitled = { ...third, data: { ...third.data, title: 'Retitled' } };
    expect(archivePaperPageKey(buildArchive([first, second, retitled]), first, [])).toBe(key);
    // A new neighbour is a new link.
    const secondFalls = { ...second, data: { ...second.data, upvotes: 0 } };
    expect(archivePaperPageKey(buildArchive([first, secondFalls, third]), first, [])).not.toBe(key);
  });

  it('of an archive’s paper look its related papers and its own day up', () => {
    const paper = makePaper({ id: '2610.00001', date: '2026-10-03' });
    const mate = makePaper({ id: '2610.00002', date: '2026-10-03' });
    const other = makePaper({ id: '2610.00003', date: '2026-10-02' });
    const archive = buildArchive([paper, mate, other]);
    const ownDay = archive.dayGroup('2026-10-03');
    expect(ownDay?.papers).toHaveLength(2);
    const key = archivePaperPageKey(archive, paper, [other.id, 'gone']);
    const image = paperPageImage(archive, paper);
    const facts = {
      dayTotal: 2,
      counted: false,
      prev: undefined,
      next: mate,
      image: `${image.path} ${image.alt}`,
    };
    expect(key).toBe(paperPageKey(paper, [other], facts));
    expect(archivePaperPageKey(archive, paper, [mate.id, other.id])).toBe(
      paperPageKey(paper, [mate, other], facts),
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

describe('keys of pages that list papers without their counts', () => {
  const paper = makePaper({ id: '2610.00001', title: 'A', upvotes: 3 });
  const recounted = { ...paper, data: { ...paper.data, upvotes: 30, comments: 4 } };
  const retitled = { ...paper, data: { ...paper.data, title: 'A, corrected' } };

  it('stay when a paper’s counts change, and change with what the list shows', () => {
    const key = pageKey(['topic'], [paper], listedFingerprint);
    expect(pageKey(['topic'], [recounted], listedFingerprint)).toBe(key);
    expect(pageKey(['topic'], [retitled], listedFingerprint)).not.toBe(key);
    // A page that shows the counts still sees them.
    expect(pageKey(['day'], [recounted])).not.toBe(pageKey(['day'], [paper]));
  });

  it('of a paper’s page stay when a related paper’s counts change', () => {
    const own = makePaper({ id: '2610.00009' });
    const facts = { dayTotal: 1, counted: true, prev: undefined, next: undefined, image: '' };
    const key = paperPageKey(own, [paper], facts);
    expect(paperPageKey(own, [recounted], facts)).toBe(key);
    expect(paperPageKey(own, [retitled], facts)).not.toBe(key);
  });
});
