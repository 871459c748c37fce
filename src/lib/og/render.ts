/**
 * One card to pixels: template -> satori (SVG, text as outlines) -> sharp
 * (PNG). sharp rasterises with librsvg and, unlike @resvg/resvg-js, keeps
 * memory flat in a long-lived process (resvg-js grew with every image); it
 * also quantises the flat card to a small palette PNG.
 *
 * Everything a render reads is named in the job (font, emoji and logo
 * files), so the job is also what the cache key is made of (hash.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import satori from 'satori';
import sharp from 'sharp';
import type { OgConfig } from '../config/site.ts';
import { card, LOGO_SIZE, type CardInput, type CardTheme } from './card.ts';
import type { FontFace } from './fonts.ts';
import { OG_HEIGHT, OG_WIDTH, PNG_OPTIONS } from './format.ts';

export interface ThemeSpec {
  siteName: string;
  colors: OgConfig['colors'];
  /** Absolute path of the logo file, or undefined for none. */
  logo: string | undefined;
}

/** Everything one image is made from: plain data, sent to worker processes as is. */
export interface RenderJob {
  input: CardInput;
  theme: ThemeSpec;
  fonts: FontFace[];
  /** Grapheme -> Twemoji SVG file. */
  emoji: Record<string, string>;
}

const MIME: Record<string, string> = { '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg' };

/**
 * Reads each file once per process. Satori caches parsed fonts by the
 * identity of their buffer, so keeping the buffers keeps the parses too.
 */
export class AssetCache {
  private readonly buffers = new Map<string, Buffer>();
  private readonly uris = new Map<string, string>();

  buffer(file: string): Buffer {
    let data = this.buffers.get(file);
    if (!data) {
      data = readFileSync(file);
      this.buffers.set(file, data);
    }
    return data;
  }

  dataUri(file: string): string {
    let uri = this.uris.get(file);
    if (!uri) {
      const type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      uri = `data:${type};base64,${readFileSync(file).toString('base64')}`;
      this.uris.set(file, uri);
    }
    return uri;
  }

  /**
   * The logo as a PNG of exactly the size it is drawn: librsvg is slow to
   * draw an SVG nested in the card's SVG, and a bitmap at 1:1 looks the same.
   */
  async logo(file: string, size: number): Promise<string> {
    const key = `${file}\0${size}`;
    let uri = this.uris.get(key);
    if (!uri) {
      const png = await sharp(file, { density: 300 })
        .resize(size, size, { fit: 'contain', background: '#0000' })
        .png()
        .toBuffer();
      uri = `data:image/png;base64,${png.toString('base64')}`;
      this.uris.set(key, uri);
    }
    return uri;
  }
}

export async function renderSvg(job: RenderJob, assets: AssetCache): Promise<string> {
  const theme: CardTheme = {
    siteName: job.theme.siteName,
    colors: job.theme.colors,
    logo: job.theme.logo === undefined ? undefined : await assets.logo(job.theme.logo, LOGO_SIZE),
  };
  const graphemeImages: Record<string, string> = {};
  for (const [grapheme, file] of Object.entries(job.emoji)) graphemeImages[grapheme] = assets.dataUri(file);
  return satori(card(job.input, theme), {
    width: OG_WIDTH,
    height: OG_HEIGHT,
    fonts: job.fonts.map((face) => ({
      name: face.family,
      weight: face.weight,
      style: 'normal' as const,
      data: assets.buffer(face.file),
    })),
    graphemeImages,
  });
}

/**
 * Satori wraps every image in a clip path and a mask; librsvg draws each
 * through a full-size offscreen surface, a cost on every card. The cards'
 * images (logo, emoji) are square and unclipped, so both can go.
 */
export function unmaskImages(svg: string): string {
  return svg.replace(/(<image [^>]*?) clip-path="url\(#[\w-]+\)" mask="url\(#[\w-]+\)"/g, '$1');
}

export async function svgToPng(svg: string): Promise<Buffer> {
  return sharp(Buffer.from(unmaskImages(svg)), { density: 72 })
    .png(PNG_OPTIONS)
    .toBuffer();
}

export async function renderPng(job: RenderJob, assets: AssetCache): Promise<Buffer> {
  return svgToPng(await renderSvg(job, assets));
}
