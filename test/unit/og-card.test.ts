import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  cardTexts,
  fittingTopics,
  paperCard,
  TEMPLATE_VERSION,
  titleType,
  withCardTexts,
  type CardInput,
  type CardTheme,
  type OgElement,
  type PaperCardInput,
} from '../../src/lib/og/card.ts';
import { createPlanner } from '../../src/lib/og/plan.ts';
import { AssetCache, renderSvg } from '../../src/lib/og/render.ts';

// Fixed here, not SITE.og.colors: the template hash below must not change when a site owner
// changes the theme (colours are in each image's cache key on their own).
const colors = {
  background: '#fbfaf7',
  text: '#1b1b1f',
  muted: '#55565c',
  accent: '#c2410c',
  tagBackground: '#eef2fa',
  tagText: '#1e3a6e',
};
const theme: CardTheme = { siteName: 'Daily Papers', colors, logo: undefined };

const paper: PaperCardInput = {
  kind: 'paper',
  title: 'Ego2Act: Evaluating Goal-Directed Manipulation in Egocentric Video Generation',
  authors: 'Patrick Amadeus Irawan, Iskandar Muda Rizky Parlambang et al.',
  date: '3 October 2026',
  topics: ['Image and video generation', 'Robotics and embodied AI'],
  label: 'arXiv:2610.01092',
};

function texts(element: OgElement | string): string[] {
  if (typeof element === 'string') return [element];
  const { children } = element.props;
  if (children === undefined) return [];
  return (Array.isArray(children) ? children : [children]).flatMap(texts);
}

function find(element: OgElement | string, text: string): OgElement | undefined {
  if (typeof element === 'string') return undefined;
  const { children } = element.props;
  if (children === text) return element;
  for (const child of Array.isArray(children) ? children : children ? [children] : []) {
    const found = find(child, text);
    if (found) return found;
  }
  return undefined;
}

describe('the paper card template', () => {
  it('prints the title, authors, date, topics, label and site name', () => {
    expect(texts(paperCard(paper, theme))).toEqual([
      'Daily Papers',
      '3 October 2026',
      paper.title,
      paper.authors,
      'Image and video generation',
      'Robotics and embodied AI',
      'arXiv:2610.01092',
    ]);
  });

  it('clamps the title with an ellipsis, in smaller type the longer it is', () => {
    const long = paperCard({ ...paper, title: 'x'.repeat(300) }, theme);
    expect(find(long, 'x'.repeat(300))?.props.style).toMatchObject({ display: 'block', lineClamp: 5 });
    const sizes = [20, 60, 100, 300].map((length) => titleType('x'.repeat(length)).fontSize);
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
  });

  it('keeps only the topics that fit on one line, always the first', () => {
    expect(fittingTopics(['A', 'B', 'C', 'D'])).toEqual(['A', 'B', 'C']);
    const long = 'Robotics and embodied AI';
    expect(fittingTopics([long, long, long])).toEqual([long, long]);
    expect(fittingTopics(['x'.repeat(80)])).toEqual(['x'.repeat(80)]);
  });

  it('hands its texts out and takes them back in the same order', () => {
    const inputs: CardInput[] = [paper, { kind: 'day', date: 'D', count: '2 papers', titles: ['T1', 'T2'] }];
    for (const input of inputs) expect(withCardTexts(input, cardTexts(input))).toEqual(input);
    expect(
      withCardTexts(
        paper,
        cardTexts(paper).map((text) => (text === 'Robotics and embodied AI' ? '' : text)),
      ).topics,
    ).toEqual(['Image and video generation']);
  });
});

describe('TEMPLATE_VERSION', () => {
  // The version is part of every image's cache key. If this fails, the
  // pictures changed: bump TEMPLATE_VERSION in src/lib/og/card.ts (so cached
  // images are rendered again) and put the new version and hash here. A
  // satori upgrade can change the SVG too; its version is in the key already,
  // so then only the hash needs updating.
  it('changes whenever the rendered look changes', async () => {
    const plan = createPlanner({ siteName: 'Daily Papers', colors, logo: undefined });
    const svg = await renderSvg(plan(paper), new AssetCache());
    const hash = createHash('sha256').update(svg).digest('hex').slice(0, 16);
    expect({ version: TEMPLATE_VERSION, svg: hash }).toEqual({ version: 2, svg: 'e225dd2f552f83dd' });
  });
});
