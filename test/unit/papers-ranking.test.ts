import { describe, expect, it } from 'vitest';
import { compareNewest, rankPapers, topPapers } from '../../src/lib/papers/ranking.ts';
import { makePaper } from '../helpers/site-papers.ts';

describe('ranking', () => {
  it('puts most upvotes first, then orders by id, counting a missing count as 0', () => {
    const papers = [
      makePaper({ id: '2610.00003', upvotes: 5 }),
      makePaper({ id: '2610.00002', upvotes: 9 }),
      makePaper({ id: '2610.00001', upvotes: 5 }),
      makePaper({ id: '2610.00004' }),
      makePaper({ id: '2610.00000', upvotes: 0 }),
    ];
    expect(rankPapers(papers).map((paper) => paper.id)).toEqual([
      '2610.00002',
      '2610.00001',
      '2610.00003',
      '2610.00000',
      '2610.00004',
    ]);
  });

  it('does not depend on the input order or change the input', () => {
    const papers = [makePaper({ upvotes: 1 }), makePaper({ upvotes: 3 }), makePaper({ upvotes: 2 })];
    const before = papers.map((paper) => paper.id);
    const ranked = rankPapers(papers).map((paper) => paper.id);
    expect(rankPapers([...papers].reverse()).map((paper) => paper.id)).toEqual(ranked);
    expect(papers.map((paper) => paper.id)).toEqual(before);
  });

  it('compares ids by code unit, not by locale', () => {
    // A locale collation may ignore the dash and put paper2 first.
    const ranked = rankPapers([makePaper({ id: 'paper2' }), makePaper({ id: 'paper-b' })]);
    expect(ranked.map((paper) => paper.id)).toEqual(['paper-b', 'paper2']);
    const mixed = rankPapers([makePaper({ id: 'math.AG/0601001' }), makePaper({ id: 'math/0601001' })]);
    expect(mixed.map((paper) => paper.id)).toEqual(['math.AG/0601001', 'math/0601001']);
  });

  it('keeps the best few', () => {
    const papers = [makePaper({ upvotes: 1 }), makePaper({ upvotes: 3 }), makePaper({ upvotes: 2 })];
    expect(topPapers(papers, 2).map((paper) => paper.data.upvotes)).toEqual([3, 2]);
    expect(topPapers(papers, 0)).toEqual([]);
  });

  it('sorts newest day first, ranked within the day', () => {
    const a = makePaper({ date: '2026-10-01', upvotes: 50 });
    const b = makePaper({ date: '2026-10-02', upvotes: 1 });
    const c = makePaper({ date: '2026-10-02', upvotes: 7 });
    expect([a, b, c].sort(compareNewest)).toEqual([c, b, a]);
  });
});
