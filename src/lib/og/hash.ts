/**
 * The cache key of an image: a hash of everything that decides its pixels.
 * Template version, renderer versions and PNG settings, the card's text,
 * the theme (colours, site name, the logo file's bytes) and the bytes of
 * every font and emoji file it draws with. Same key, same PNG; change any
 * of these and the image is rendered again, nothing else is.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { TEMPLATE_VERSION } from './card.ts';
import { OG_HEIGHT, OG_WIDTH, PNG_OPTIONS } from './format.ts';
import { packageVersion } from './packages.ts';
import type { RenderJob } from './render.ts';

/** Hashes each file once per build. */
export class FileHasher {
  private readonly hashes = new Map<string, string>();

  hash(file: string): string {
    let hash = this.hashes.get(file);
    if (!hash) {
      hash = sha256(readFileSync(file));
      this.hashes.set(file, hash);
    }
    return hash;
  }
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** JSON with object keys sorted, so the key does not depend on property order. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * What renders the pictures. Rasterising differs a little between versions
 * and platforms, so a cache made elsewhere is not trusted.
 */
export function rendererId(): string {
  return stableJson({
    template: TEMPLATE_VERSION,
    size: [OG_WIDTH, OG_HEIGHT],
    satori: packageVersion('satori'),
    sharp: packageVersion('sharp'),
    platform: `${process.platform}-${process.arch}`,
    png: PNG_OPTIONS,
  });
}

export function jobHash(job: RenderJob, renderer: string, files: FileHasher): string {
  const key = {
    renderer,
    input: job.input,
    theme: {
      siteName: job.theme.siteName,
      colors: job.theme.colors,
      logo: job.theme.logo === undefined ? undefined : files.hash(job.theme.logo),
    },
    fonts: job.fonts.map((face) => [face.family, face.weight, files.hash(face.file)]),
    emoji: Object.entries(job.emoji)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([grapheme, file]) => [grapheme, files.hash(file)]),
  };
  // 128 bits: collisions are out of reach, and file names stay short.
  return sha256(stableJson(key)).slice(0, 32);
}
