import { describe, expect, it } from 'vitest';
import { fileNameToId, idKind, idToFileName, parseArxivId, slugFromTitle } from '../../src/lib/papers/ids.ts';

describe('paper ids', () => {
  it.each([
    ['2610.01092', 'arxiv'],
    ['1501.0001', 'arxiv'],
    ['hep-th/9901001', 'arxiv-old'],
    ['math.AG/0601001', 'arxiv-old'],
    ['intriguing-properties-of-adversarial-examples', 'slug'],
  ])('accepts %s as %s', (id, kind) => {
    expect(idKind(id)).toBe(kind);
  });

  it.each([
    '../../etc/x',
    '2610.01092v2',
    'a/b/c',
    '',
    '.hidden',
    'UPPER',
    '12345',
    'a'.repeat(81),
    'x\u0000y',
    '/abs',
  ])('rejects %j', (id) => {
    expect(idKind(id)).toBeUndefined();
  });

  it.each([
    ['2610.01092v3', '2610.01092'],
    ['http://arxiv.org/abs/2610.01092v1', '2610.01092'],
    ['https://arxiv.org/pdf/2610.01092v2.pdf', '2610.01092'],
    ['arXiv:2610.01092', '2610.01092'],
    ['hep-th/9901001v2', 'hep-th/9901001'],
    ['../../etc/x', undefined],
  ])('reads the arXiv id in %s', (raw, id) => {
    expect(parseArxivId(raw)).toBe(id);
  });

  it('maps old-style ids to file names and back', () => {
    for (const id of ['hep-th/9901001', 'math.AG/0601001', '2610.01092', 'some-slug']) {
      expect(idToFileName(id)).not.toContain('/');
      expect(fileNameToId(idToFileName(id))).toBe(id);
    }
    expect(idToFileName('hep-th/9901001')).toBe('hep-th_9901001.md');
  });

  it('slugs titles stably, within the length limit', () => {
    expect(slugFromTitle('Intriguing Properties of Adversarial Examples')).toBe(
      'intriguing-properties-of-adversarial-examples',
    );
    expect(slugFromTitle("Don't Ignore Dual Logic: Ünïcode ~ Tëst")).toBe(
      'don-t-ignore-dual-logic-unicode-test',
    );
    const long = slugFromTitle('word '.repeat(40));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(idKind(long)).toBe('slug');
    expect(slugFromTitle('1984')).toBe('paper-1984');
    const chinese = slugFromTitle('大型语言模型的推理');
    expect(chinese).toMatch(/^paper-[0-9a-f]{12}$/);
    expect(slugFromTitle('大型语言模型的推理')).toBe(chinese);
    expect(slugFromTitle('另一个标题')).not.toBe(chinese);
  });
});
