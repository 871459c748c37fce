import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileHasher, jobHash, rendererId, stableJson } from '../../src/lib/og/hash.ts';
import type { PaperCardInput } from '../../src/lib/og/card.ts';
import type { RenderJob } from '../../src/lib/og/render.ts';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function tempFile(name: string, text: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'og-hash-'));
  dirs.push(dir);
  const file = path.join(dir, name);
  await writeFile(file, text);
  return file;
}

const input: PaperCardInput = {
  kind: 'paper',
  title: 'A',
  authors: 'B',
  date: '3 October 2026',
  topics: [],
  label: '',
};

async function job(): Promise<RenderJob> {
  return {
    input,
    theme: {
      siteName: 'Daily Papers',
      colors: {
        background: '#ffffff',
        text: '#000000',
        muted: '#555555',
        accent: '#c2410c',
        tagBackground: '#eeeeee',
        tagText: '#111111',
      },
      logo: await tempFile('logo.svg', '<svg/>'),
    },
    fonts: [{ family: 'inter-latin', weight: 400, file: await tempFile('font.woff', 'font bytes') }],
    emoji: {},
  };
}

const renderer = rendererId();

describe('image cache keys', () => {
  it('does not depend on the order of object keys', () => {
    expect(stableJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe(stableJson({ a: [{ c: 3, d: 2 }], b: 1 }));
    expect(stableJson({ a: undefined, b: null })).toBe('{"b":null}');
  });

  it('is the same for the same job', async () => {
    const base = await job();
    expect(jobHash(base, renderer, new FileHasher())).toBe(
      jobHash(structuredClone(base), renderer, new FileHasher()),
    );
    expect(jobHash(base, renderer, new FileHasher())).toMatch(/^[0-9a-f]{32}$/);
  });

  it('changes with the text, the theme, the renderer and the bytes of every file', async () => {
    const base = await job();
    const hash = (value: RenderJob, id = renderer) => jobHash(value, id, new FileHasher());
    const original = hash(base);
    expect(hash({ ...base, input: { ...input, title: 'A!' } })).not.toBe(original);
    expect(
      hash({ ...base, theme: { ...base.theme, colors: { ...base.theme.colors, accent: '#000000' } } }),
    ).not.toBe(original);
    expect(hash({ ...base, theme: { ...base.theme, siteName: 'Other' } })).not.toBe(original);
    expect(hash(base, `${renderer} next`)).not.toBe(original);
    await writeFile(base.fonts[0]!.file, 'other font bytes');
    expect(hash(base)).not.toBe(original);
    await writeFile(base.fonts[0]!.file, 'font bytes');
    await writeFile(base.theme.logo!, '<svg></svg>');
    expect(hash(base)).not.toBe(original);
  });

  it('names the template version, renderer versions and PNG settings', () => {
    expect(JSON.parse(renderer)).toMatchObject({
      template: expect.any(Number),
      satori: expect.any(String),
      sharp: expect.any(String),
      size: [1200, 630],
      png: { palette: true },
    });
  });
});
