/**
 * Emoji as pictures: Twemoji's SVGs from the @discordapp/twemoji package
 * (graphics CC-BY 4.0), handed to satori as `graphemeImages`. No font has
 * to carry colour glyphs, and an emoji Twemoji lacks is dropped from the
 * text instead of drawn as a box.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { packageDir } from './packages.ts';

const ZWJ = '\u200d';
const VARIATION_SELECTOR = /\ufe0f/g;

/**
 * Twemoji's file name for a grapheme: code points in lowercase hex joined
 * by `-`, without U+FE0F unless the sequence has a zero-width joiner
 * (Twemoji's own rule).
 */
export function twemojiName(grapheme: string): string {
  const text = grapheme.includes(ZWJ) ? grapheme : grapheme.replace(VARIATION_SELECTOR, '');
  return [...text].map((character) => (character.codePointAt(0) ?? 0).toString(16)).join('-');
}

export class EmojiLibrary {
  private names: Set<string> | undefined;
  private readonly dir: string;

  constructor(dir: string = path.join(packageDir('@discordapp/twemoji'), 'dist/svg')) {
    this.dir = dir;
  }

  /** The SVG file for a grapheme, or undefined when Twemoji has none. */
  file(grapheme: string): string | undefined {
    this.names ??= new Set(readdirSync(this.dir));
    for (const name of [twemojiName(grapheme), twemojiName(grapheme.replace(VARIATION_SELECTOR, ''))]) {
      if (name && this.names.has(`${name}.svg`)) return path.join(this.dir, `${name}.svg`);
    }
    return undefined;
  }
}
