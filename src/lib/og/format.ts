/** The images' format: size, type and PNG encoding. Part of every cache key. */

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;
export const OG_TYPE = 'image/png';

/**
 * A palette PNG. A card on a flat background has few colours (its
 * colours plus the antialiased edges between them), so 16 colours without
 * dithering still draw smooth text at a third fewer bytes than 64
 * (docs/decisions/0001-site-footprint.md has the figures); effort 1 is
 * libimagequant's fastest setting.
 */
export const PNG_OPTIONS = {
  palette: true,
  colours: 16,
  dither: 0,
  effort: 1,
  compressionLevel: 9,
} as const;
