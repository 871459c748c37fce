/**
 * Making a card's text drawable: every character either has a glyph in a
 * shipped font, is an emoji Twemoji has a picture for, or is dropped, so a
 * card never shows a box (tofu) and never fails to build. A title in a
 * script none of the fonts cover keeps its Latin part: "Evaluation 🌍: ቋንቋ
 * and Hindi" becomes "Evaluation 🌍: and Hindi", with spaces tidied.
 */
import type { EmojiLibrary } from './emoji.ts';
import type { FontFace, FontLibrary } from './fonts.ts';

export interface PreparedText {
  /** The texts, in the order given, reduced to what can be drawn. */
  texts: string[];
  /** Font files satori needs for them, primary family first. */
  faces: FontFace[];
  /** Emoji drawn as pictures: grapheme -> SVG file. */
  emoji: Record<string, string>;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const EMOJI_PRESENTATION = /\p{Emoji_Presentation}|\ufe0f|\u20e3|\p{Regional_Indicator}/u;
const PICTOGRAPH = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;
/** Controls, formatting characters (bidi overrides, zero-width joiners outside emoji) and stray selectors. */
const INVISIBLE = /[\p{Cc}\p{Cf}\ufe00-\ufe0f]/gu;

/** Whether a grapheme asks to be shown as an emoji (rather than as a text symbol such as ©). */
export function isEmoji(grapheme: string): boolean {
  return EMOJI_PRESENTATION.test(grapheme) && PICTOGRAPH.test(grapheme);
}

/** One space between words, none at the ends, no space before closing punctuation left by a dropped word. */
export function tidySpaces(text: string): string {
  return text
    .replace(/\s+/gu, ' ')
    .replace(/ ([,.;:!?)\]])/g, '$1')
    .replace(/([([]) /g, '$1')
    .trim();
}

/**
 * Printable ASCII and Latin-1 (no soft hyphen): what most titles and names
 * are made of, all in the primary font. Such texts skip the grapheme work,
 * which is most of the planning time of a build.
 */
const LATIN_1 = /^[\x20-\x7e\xa0-\xac\xae-\xff]*$/;

function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text.normalize('NFC')), (part) => part.segment);
}

/** Reduces texts to what the fonts and Twemoji can draw, and says which files that takes. */
export function prepareTexts(
  texts: readonly string[],
  fonts: FontLibrary,
  emojiLibrary: EmojiLibrary,
): PreparedText {
  if (texts.every((text) => LATIN_1.test(text))) {
    return { texts: texts.map(tidySpaces), faces: fonts.plan([]).faces, emoji: {} };
  }
  const split = texts.map(graphemes);
  const emoji: Record<string, string> = {};
  const codePoints = new Set<number>();
  for (const grapheme of split.flat()) {
    if (isEmoji(grapheme)) {
      const file = emojiLibrary.file(grapheme);
      if (file) {
        emoji[grapheme] = file;
        continue;
      }
    }
    for (const character of grapheme.replace(INVISIBLE, '')) {
      if (!/\s/u.test(character)) codePoints.add(character.codePointAt(0) ?? 0);
    }
  }
  const plan = fonts.plan(codePoints);
  const keep = (grapheme: string): string => {
    if (emoji[grapheme] !== undefined) return grapheme;
    const visible = grapheme.replace(INVISIBLE, '');
    if (![...visible].some((character) => plan.missing.has(character.codePointAt(0) ?? 0))) return visible;
    // A symbol with no glyph in any font may still have an emoji picture (☺).
    const file = emojiLibrary.file(grapheme);
    if (file) emoji[grapheme] = file;
    return file ? grapheme : ' ';
  };
  return {
    texts: split.map((parts) => tidySpaces(parts.map(keep).join(''))),
    faces: plan.faces,
    emoji,
  };
}
