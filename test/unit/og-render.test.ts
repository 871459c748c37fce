import path from 'node:path';
import sharp from 'sharp';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SITE } from '../../src/settings.ts';
import { themeSpec } from '../../src/lib/og/inputs.ts';
import { createPlanner } from '../../src/lib/og/plan.ts';
import { AssetCache, renderPng, unmaskImages } from '../../src/lib/og/render.ts';
import type { PaperCardInput } from '../../src/lib/og/card.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const plan = createPlanner(themeSpec(SITE.og, ROOT));

function paperInput(title: string, extra: Partial<PaperCardInput> = {}): PaperCardInput {
  return {
    kind: 'paper',
    title,
    authors: 'Ada Lovelace, Alan Turing, Grace Hopper et al.',
    date: '3 October 2026',
    topics: ['Language models', 'Reasoning'],
    label: 'arXiv:2610.01092',
    ...extra,
  };
}

async function expectCard(png: Buffer): Promise<void> {
  const meta = await sharp(png).metadata();
  expect(meta.format).toBe('png');
  expect([meta.width, meta.height]).toEqual([1200, 630]);
  // Decodes whole: a truncated or corrupt file throws here.
  const { info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  expect(info.width * info.height).toBe(1200 * 630);
}

describe('rendering cards', () => {
  it('renders a 300-character title, clamped', async () => {
    const title = `${'Scaling Laws for Extremely Long Titles '.repeat(8)}`.slice(0, 300);
    expect(title).toHaveLength(300);
    await expectCard(await renderPng(plan(paperInput(title)), new AssetCache()));
  });

  it('renders emoji as pictures', async () => {
    const job = plan(
      paperInput('Multilingual Evaluation 🌍🤖: Emoji 👩‍🔬 in Titles ✨', { authors: 'Zoë 😀 Émoji' }),
    );
    expect(Object.keys(job.emoji).length).toBe(5);
    await expectCard(await renderPng(job, new AssetCache()));
  });

  it('renders Chinese, Japanese and Korean with the shipped fallback font', async () => {
    const job = plan(
      paperInput('大语言模型的推理能力：日本語のテキストと한국어 평가', {
        authors: '张伟, 山田太郎 and 김민준',
      }),
    );
    expect(job.input).toMatchObject({ title: '大语言模型的推理能力：日本語のテキストと한국어 평가' });
    expect(job.fonts.some((face) => face.family.startsWith('noto-sans-sc-'))).toBe(true);
    await expectCard(await renderPng(job, new AssetCache()));
  });

  it('renders a day card', async () => {
    const job = plan({
      kind: 'day',
      date: '3 October 2026',
      count: '50 papers',
      titles: ['First', 'Second with $x$', 'Third', 'Fourth'],
    });
    await expectCard(await renderPng(job, new AssetCache()));
  });

  it('renders the same bytes for the same job, in a fresh process state or not', async () => {
    const job = plan(paperInput('Deterministic Rendering of Social Cards 🌍'));
    const assets = new AssetCache();
    const first = await renderPng(job, assets);
    const again = await renderPng(job, assets);
    const fresh = await renderPng(structuredClone(job), new AssetCache());
    expect(again.equals(first)).toBe(true);
    expect(fresh.equals(first)).toBe(true);
  });

  it('takes the clip path and mask off images (librsvg draws them slowly)', () => {
    const svg = '<image x="1" href="data:," clip-path="url(#satori_cp-id-1)" mask="url(#satori_om-id-1-0)"/>';
    expect(unmaskImages(svg)).toBe('<image x="1" href="data:,"/>');
  });

  it('reads the logo from the project', () => {
    expect(themeSpec(SITE.og, ROOT).logo).toBe(path.join(ROOT, 'public/favicon.svg'));
  });
});
