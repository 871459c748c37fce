import { describe, expect, it } from 'vitest';
import { EmojiLibrary, twemojiName } from '../../src/lib/og/emoji.ts';
import { FontLibrary, parseUnicodeRange, PRIMARY_FAMILY } from '../../src/lib/og/fonts.ts';
import { isEmoji, prepareTexts, tidySpaces } from '../../src/lib/og/text.ts';

const fonts = new FontLibrary();
const emoji = new EmojiLibrary();
const prepare = (...texts: string[]) => prepareTexts(texts, fonts, emoji);
const families = (texts: string[]) => [...new Set(prepare(...texts).faces.map((face) => face.family))];

describe('choosing fonts for a text', () => {
  it('loads only the primary subset for Latin text, at both weights', () => {
    const { faces } = prepare('Attention Is All You Need', 'Zoë Çelik, José Ñúñez');
    expect(faces.map((face) => `${face.family}@${face.weight}`)).toEqual([
      `${PRIMARY_FAMILY}@400`,
      `${PRIMARY_FAMILY}@700`,
    ]);
  });

  it('adds the subsets Greek, extended Latin and Cyrillic names need', () => {
    expect(families(['α-Divergence', 'Łukasz Kaiser', 'Андрей Колмогоров'])).toEqual([
      'inter-latin',
      'inter-latin-ext',
      'inter-greek',
      'inter-cyrillic',
    ]);
  });

  it('falls back to KaTeX for math symbols, Noto Sans SC for Chinese and Japanese, KR for Korean', () => {
    const chosen = families(['x → y ≤ ∞', '大语言模型', 'ひらがな', '한국어']);
    expect(chosen).toContain('katex-main-all');
    expect(chosen.some((family) => family.startsWith('noto-sans-sc-'))).toBe(true);
    expect(chosen.some((family) => family.startsWith('noto-sans-kr-'))).toBe(true);
  });

  it('parses CSS unicode ranges', () => {
    expect(parseUnicodeRange('U+0000-00FF,U+0131, U+1F00-1FFF')).toEqual([
      [0, 0xff],
      [0x131, 0x131],
      [0x1f00, 0x1fff],
    ]);
  });
});

describe('making text drawable', () => {
  it('draws all of printable Latin-1 with the primary font (the fast path relies on it)', () => {
    const latin1 = Array.from({ length: 0xff - 0x20 + 1 }, (_, index) => index + 0x20).filter(
      (code) => (code < 0x7f || code >= 0xa0) && code !== 0xad,
    );
    const plan = fonts.plan(latin1);
    expect(plan.missing).toEqual(new Set());
    expect(plan.faces.map((face) => face.family)).toEqual([PRIMARY_FAMILY, PRIMARY_FAMILY]);
  });

  it('keeps emoji Twemoji has, as pictures', () => {
    const prepared = prepare('Multilingual 🌍 and 👩‍🔬 Science 1️⃣');
    expect(prepared.texts).toEqual(['Multilingual 🌍 and 👩‍🔬 Science 1️⃣']);
    expect(Object.keys(prepared.emoji).sort()).toEqual(['1️⃣', '👩‍🔬', '🌍'].sort());
    expect(prepared.emoji['🌍']).toMatch(/1f30d\.svg$/);
  });

  it('drops what no shipped font or emoji covers, and tidies the spaces left', () => {
    // Ethiopic and Devanagari have no shipped font.
    expect(prepare('Evaluation ቋንቋ and हिन्दी, too').texts).toEqual(['Evaluation and, too']);
  });

  it('removes control and bidi formatting characters', () => {
    expect(prepare('A\u202eB\u0007C\u200bD').texts).toEqual(['ABCD']);
  });

  it('keeps symbols with text glyphs as text (©, ™), not as emoji', () => {
    expect(isEmoji('©')).toBe(false);
    expect(isEmoji('©️')).toBe(true);
    const prepared = prepare('Model™ ©2026');
    expect(prepared.texts).toEqual(['Model™ ©2026']);
    expect(prepared.emoji).toEqual({});
  });

  it('names Twemoji files as Twemoji does', () => {
    expect(twemojiName('🌍')).toBe('1f30d');
    expect(twemojiName('❤️')).toBe('2764');
    expect(twemojiName('👩‍🔬')).toBe('1f469-200d-1f52c');
    expect(twemojiName('1️⃣')).toBe('31-20e3');
  });

  it('tidies spaces around dropped words', () => {
    expect(tidySpaces('  a  ( b ) , c ')).toBe('a (b), c');
  });
});
