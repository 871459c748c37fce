import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontCoverage } from '../../src/lib/og/cmap.ts';
import { packageDir } from '../../src/lib/og/packages.ts';

const inter = (file: string) => readFileSync(path.join(packageDir('@fontsource/inter'), 'files', file));
const katex = (file: string) => readFileSync(path.join(packageDir('katex'), 'dist/fonts', file));

describe('font coverage from the cmap table', () => {
  it('reads a WOFF subset: what it was cut for, nothing else', () => {
    const latin = fontCoverage(inter('inter-latin-400-normal.woff'));
    expect(latin.has('A'.codePointAt(0)!)).toBe(true);
    expect(latin.has('é'.codePointAt(0)!)).toBe(true);
    expect(latin.has('α'.codePointAt(0)!)).toBe(false);
    expect(latin.has('中'.codePointAt(0)!)).toBe(false);
    expect(fontCoverage(inter('inter-greek-700-normal.woff')).has('α'.codePointAt(0)!)).toBe(true);
  });

  it('reads TrueType and WOFF versions of a font alike', () => {
    const ttf = fontCoverage(katex('KaTeX_Main-Regular.ttf'));
    const woff = fontCoverage(katex('KaTeX_Main-Regular.woff'));
    expect([...woff].sort()).toEqual([...ttf].sort());
    expect(woff.has('→'.codePointAt(0)!)).toBe(true);
  });

  it('refuses WOFF2, which satori cannot read either', () => {
    const woff2 = inter('inter-latin-400-normal.woff2');
    expect(() => fontCoverage(woff2)).toThrow(/WOFF2/);
  });
});
