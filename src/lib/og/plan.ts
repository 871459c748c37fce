/**
 * A card input becomes a render job: its text reduced to what the shipped
 * fonts and emoji can draw, and the exact font and emoji files named.
 */
import { cardTexts, withCardTexts, type CardInput } from './card.ts';
import { EmojiLibrary } from './emoji.ts';
import { FontLibrary } from './fonts.ts';
import type { RenderJob, ThemeSpec } from './render.ts';
import { prepareTexts } from './text.ts';

export type Planner = (input: CardInput) => RenderJob;

/** One planner per build: it remembers which characters each font file covers. */
export function createPlanner(
  theme: ThemeSpec,
  fonts: FontLibrary = new FontLibrary(),
  emoji: EmojiLibrary = new EmojiLibrary(),
): Planner {
  return (input) => {
    const prepared = prepareTexts([theme.siteName, ...cardTexts(input)], fonts, emoji);
    const [siteName = '', ...texts] = prepared.texts;
    return {
      input: withCardTexts(input, texts),
      theme: { ...theme, siteName },
      fonts: prepared.faces,
      emoji: prepared.emoji,
    };
  };
}
