import { describe, expect, it } from 'vitest';
import { decodeEntities, excerptRuns } from '../../src/lib/search/excerpt.ts';
import { listCursor, mergeCursor } from '../../src/lib/search/merge.ts';

describe('a list cursor', () => {
  it('hands out a list a page at a time', async () => {
    const cursor = listCursor(['a', 'b', 'c']);
    expect(cursor.total).toBe(3);
    await expect(cursor.take(2)).resolves.toEqual(['a', 'b']);
    await expect(cursor.take(2)).resolves.toEqual(['c']);
    await expect(cursor.take(2)).resolves.toEqual([]);
  });
});

describe('merging sorted year lists', () => {
  it('follows the key across lists, ties to the earlier list', async () => {
    const newer = [
      { id: 'n1', up: 120 },
      { id: 'n2', up: 64 },
      { id: 'n3', up: 5 },
    ];
    const older = [
      { id: 'o1', up: 80 },
      { id: 'o2', up: 64 },
      { id: 'o3', up: 1 },
    ];
    const cursor = mergeCursor([newer, older], (item) => item.up);
    expect(cursor.total).toBe(6);
    const first = await cursor.take(4);
    const rest = await cursor.take(10);
    expect([...first, ...rest].map((item) => item.id)).toEqual(['n1', 'o1', 'n2', 'o2', 'n3', 'o3']);
  });

  it('reads keys only for results that reach the head of their list, once each', async () => {
    const lists = [
      Array.from({ length: 50 }, (_, i) => ({ id: `a${i}`, up: 1000 - i })),
      Array.from({ length: 50 }, (_, i) => ({ id: `b${i}`, up: 100 - i })),
      [],
    ];
    const read: string[] = [];
    const cursor = mergeCursor(lists, async (item) => {
      read.push(item.id);
      return item.up;
    });
    const page = await cursor.take(20);
    expect(page.map((item) => item.id)).toEqual(Array.from({ length: 20 }, (_, i) => `a${i}`));
    expect(read).toHaveLength(21);
    expect(new Set(read).size).toBe(read.length);
  });

  it('copes with nothing to merge', async () => {
    const cursor = mergeCursor<number>([[], []], (item) => item);
    expect(cursor.total).toBe(0);
    await expect(cursor.take(5)).resolves.toEqual([]);
  });
});

describe('excerpts', () => {
  it('split into text and marked runs, entities decoded', () => {
    expect(
      excerptRuns('Fast <mark>speculative</mark> &lt;b&gt;decoding&lt;/b&gt; &amp; <mark>draft</mark>s'),
    ).toEqual([
      { text: 'Fast ', marked: false },
      { text: 'speculative', marked: true },
      { text: ' <b>decoding</b> & ', marked: false },
      { text: 'draft', marked: true },
      { text: 's', marked: false },
    ]);
  });

  it('never turn anything but <mark> into markup', () => {
    const runs = excerptRuns('<img src=x onerror=alert(1)><mark><script>x</script></mark>');
    expect(runs).toEqual([
      { text: '<img src=x onerror=alert(1)>', marked: false },
      { text: '<script>x</script>', marked: true },
    ]);
  });

  it('decode numeric entities and leave unknown ones alone', () => {
    expect(decodeEntities('&#39;&#x27;&quot;&nbsp;&bogus;&#0;&#xD800;')).toBe(`''"\u00a0&bogus;&#0;&#xD800;`);
    expect(excerptRuns('')).toEqual([]);
  });
});
