/** The images' format: size, type and PNG encoding. Part of every cache key. */

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;
export const OG_TYPE = 'image/png';

/**
 * A palette PNG. A card on a flat background has few colours (its
 * colours plus the antialiased edges between them), so 64 colours without
 * dithering look the same as truecolour at under half the bytes (~29 KB
 * against ~66 KB for the sample corpus); effort 1 is libimagequant's
 * fastest setting and still costs ~30 ms of the ~80 ms an image takes.
 */
export const PNG_OPTIONS = {
  palette: true,
  colours: 64,
  dither: 0,
  effort: 1,
  compressionLevel: 9,
} as const;
