import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  dayFromRelativePath,
  isInside,
  OutsideFolderError,
  paperRelativePath,
  posixRelative,
  resolveInside,
} from '../../src/lib/papers/paths.ts';

describe('whether a folder is inside another', () => {
  it('counts the folder itself and what is below it, and a child named ..x', () => {
    expect(isInside('/a/b', '/a/b')).toBe(true);
    expect(isInside('/a/b/c/d', '/a/b')).toBe(true);
    expect(isInside('/a/b/..cache', '/a/b')).toBe(true);
    expect(isInside('/a/bc', '/a/b')).toBe(false);
    expect(isInside('/a', '/a/b')).toBe(false);
    expect(isInside('/a/b/../c', '/a/b')).toBe(false);
    expect(isInside('/anything/at/all', '/')).toBe(true);
  });
});

describe('paths in the content folder', () => {
  it('are relative with / between folders', () => {
    expect(posixRelative('/site/dist', '/site/dist/papers/2610.01092/index.html')).toBe(
      'papers/2610.01092/index.html',
    );
    expect(posixRelative('/site/dist', '/site/dist')).toBe('');
    expect(posixRelative('/site/dist', '/site/other/x')).toBe('../other/x');
    expect(posixRelative('/a', path.join('/a', 'b', 'c'))).toBe('b/c');
  });

  it('put a paper under its listing day, and read the day back', () => {
    const relative = paperRelativePath('2610.01092', '2026-10-03');
    expect(relative).toBe('papers/2026/10/03/2610.01092.md');
    expect(dayFromRelativePath(relative)).toBe('2026-10-03');
    expect(dayFromRelativePath('papers/2026/10/notes.md')).toBeUndefined();
    expect(dayFromRelativePath('papers/2026/10/03/x.txt')).toBeUndefined();
    expect(() => paperRelativePath('../../etc/passwd', '2026-10-03')).toThrow('not a paper id');
    expect(() => paperRelativePath('2610.01092', '2026-02-30')).toThrow('not a day');
  });

  it('never resolve outside the content folder', () => {
    expect(resolveInside('/work/content', 'papers/2026/10/03/x.md')).toBe(
      path.resolve('/work/content/papers/2026/10/03/x.md'),
    );
    for (const escape of ['../secret.md', 'papers/../../x.md', '/etc/passwd'])
      expect(() => resolveInside('/work/content', escape), escape).toThrow(OutsideFolderError);
    expect(() => resolveInside('/work/content', '../content-other/x.md')).toThrow(OutsideFolderError);
  });
});
