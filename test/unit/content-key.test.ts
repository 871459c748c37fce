import { describe, expect, it } from 'vitest';
import { contentKey } from '../../src/lib/site/content-key.ts';

describe('the key of the dev server’s archive', () => {
  const papers = [
    { id: '2610.00001', digest: 'aa' },
    { id: '2610.00002', digest: 'bb' },
  ];

  it('stays while the files do', () => {
    expect(contentKey(papers.map((paper) => ({ ...paper })))).toBe(contentKey(papers));
  });

  it('changes with an edited, added or removed paper', () => {
    const key = contentKey(papers);
    expect(contentKey([papers[0]!, { ...papers[1]!, digest: 'bc' }])).not.toBe(key);
    expect(contentKey([...papers, { id: '2610.00003', digest: 'cc' }])).not.toBe(key);
    expect(contentKey([papers[0]!])).not.toBe(key);
    // Ids and digests cannot run into each other.
    expect(contentKey([{ id: '2610.0000', digest: '1aa' }])).not.toBe(
      contentKey([{ id: '2610.00001', digest: 'aa' }]),
    );
  });
});
