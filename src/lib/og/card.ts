/**
 * The social image templates: plain typed input in, a satori element tree
 * out (the `{ type, props }` objects JSX would make, without React).
 *
 * Bump TEMPLATE_VERSION whenever a change here alters the pictures: it is
 * part of every image's cache key, so the next build re-renders them all.
 * test/unit/og-card.test.ts fails when the rendered look changes and the
 * version does not.
 */
import type { OgConfig } from '../config/site.ts';
import { PRIMARY_FAMILY } from './fonts.ts';
import { OG_HEIGHT, OG_WIDTH } from './format.ts';

export const TEMPLATE_VERSION = 2;

export interface PaperCardInput {
  kind: 'paper';
  /** Plain text (formulas already as Unicode). */
  title: string;
  /** Already shortened: `Ada Lovelace, Alan Turing, Grace Hopper et al.`. */
  authors: string;
  /** `3 October 2026`. */
  date: string;
  /** Topic titles, at most MAX_TOPICS. */
  topics: string[];
  /** `arXiv:2610.01092`, or empty. */
  label: string;
}

export interface DayCardInput {
  kind: 'day';
  /** `3 October 2026`. */
  date: string;
  /** `50 papers`. */
  count: string;
  /** The day's best-ranked titles, best first, at most MAX_DAY_TITLES. */
  titles: string[];
}

export type CardInput = PaperCardInput | DayCardInput;

export interface CardTheme {
  siteName: string;
  colors: OgConfig['colors'];
  /** The logo as a data: URI, or undefined for none. */
  logo: string | undefined;
}

export const MAX_TOPICS = 3;
/** The logo's width and height in pixels. */
export const LOGO_SIZE = 46;
export const MAX_DAY_TITLES = 4;

type Style = Record<string, string | number>;

/** A satori element: what `<div style={...}>...</div>` compiles to. */
export interface OgElement {
  type: string;
  props: {
    style?: Style;
    children?: OgChild | OgChild[];
    src?: string;
    width?: number;
    height?: number;
  };
}
type OgChild = OgElement | string;

function h(type: string, style: Style, ...children: OgChild[]): OgElement {
  const [only] = children;
  return { type, props: { style, children: children.length === 1 && only !== undefined ? only : children } };
}

/** Grows to push its neighbours apart. */
const spacer = (): OgElement => h('div', { display: 'flex', flexGrow: 1 });

/** A block of at most `lines` lines, ending in "…" when the text is longer. */
function clamped(text: string, lines: number, style: Style): OgElement {
  return h('div', { display: 'block', lineClamp: lines, ...style }, text);
}

/** Shorter titles get bigger type; the longest still fit, clamped. */
export function titleType(title: string): { fontSize: number; lines: number } {
  const length = [...title].length;
  if (length <= 45) return { fontSize: 72, lines: 3 };
  if (length <= 80) return { fontSize: 62, lines: 3 };
  if (length <= 120) return { fontSize: 54, lines: 4 };
  return { fontSize: 46, lines: 5 };
}

function frame(theme: CardTheme, corner: string, main: OgElement, footer: OgElement): OgElement {
  const { colors } = theme;
  const logo: OgElement[] = theme.logo
    ? [
        {
          type: 'img',
          props: { src: theme.logo, width: LOGO_SIZE, height: LOGO_SIZE, style: { marginRight: 18 } },
        },
      ]
    : [];
  const header = h(
    'div',
    { display: 'flex', alignItems: 'center' },
    ...logo,
    h('div', { display: 'flex', fontSize: 30, fontWeight: 700, color: colors.text }, theme.siteName),
    spacer(),
    h('div', { display: 'flex', fontSize: 28, color: colors.muted }, corner),
  );
  return h(
    'div',
    {
      display: 'flex',
      flexDirection: 'column',
      width: OG_WIDTH,
      height: OG_HEIGHT,
      backgroundColor: colors.background,
      color: colors.text,
      fontFamily: PRIMARY_FAMILY,
    },
    h('div', { display: 'flex', height: 12, backgroundColor: colors.accent }),
    h(
      'div',
      { display: 'flex', flexDirection: 'column', flexGrow: 1, padding: '40px 72px 44px' },
      header,
      main,
      footer,
    ),
  );
}

const PILL_FONT_SIZE = 24;
const PILL_PADDING = 20;
const PILL_GAP = 12;
/** Inter's average advance is ~0.53 em over Latin text; a little extra keeps estimates safe. */
const AVERAGE_ADVANCE = 0.56;
/** The footer's width less the label's share. */
const PILLS_WIDTH = 800;

function pillWidth(text: string): number {
  return [...text].length * PILL_FONT_SIZE * AVERAGE_ADVANCE + 2 * PILL_PADDING + PILL_GAP;
}

/** As many topics, in order, as fit on the footer line (always the first). */
export function fittingTopics(topics: readonly string[]): string[] {
  const kept: string[] = [];
  let width = 0;
  for (const topic of topics.slice(0, MAX_TOPICS)) {
    width += pillWidth(topic);
    if (kept.length > 0 && width > PILLS_WIDTH) break;
    kept.push(topic);
  }
  return kept;
}

function pill(text: string, theme: CardTheme): OgElement {
  return h(
    'div',
    {
      display: 'flex',
      flexShrink: 0,
      whiteSpace: 'nowrap',
      fontSize: PILL_FONT_SIZE,
      padding: `8px ${PILL_PADDING}px`,
      marginRight: PILL_GAP,
      borderRadius: 999,
      backgroundColor: theme.colors.tagBackground,
      color: theme.colors.tagText,
    },
    text,
  );
}

export function paperCard(input: PaperCardInput, theme: CardTheme): OgElement {
  const { fontSize, lines } = titleType(input.title);
  const main = h(
    'div',
    { display: 'flex', flexDirection: 'column', flexGrow: 1, justifyContent: 'center' },
    clamped(input.title, lines, { fontSize, fontWeight: 700, lineHeight: 1.14, letterSpacing: -0.5 }),
    ...(input.authors
      ? [clamped(input.authors, 1, { fontSize: 30, color: theme.colors.muted, marginTop: 26 })]
      : []),
  );
  const footer = h(
    'div',
    { display: 'flex', alignItems: 'center', height: 48 },
    ...fittingTopics(input.topics).map((topic) => pill(topic, theme)),
    spacer(),
    h('div', { display: 'flex', flexShrink: 0, fontSize: 24, color: theme.colors.muted }, input.label),
  );
  return frame(theme, input.date, main, footer);
}

export function dayCard(input: DayCardInput, theme: CardTheme): OgElement {
  const rows = input.titles
    .slice(0, MAX_DAY_TITLES)
    .map((title, index) =>
      h(
        'div',
        { display: 'flex', alignItems: 'baseline', marginTop: 18 },
        h(
          'div',
          { display: 'flex', width: 44, fontSize: 30, fontWeight: 700, color: theme.colors.accent },
          `${index + 1}`,
        ),
        clamped(title, 1, { flexGrow: 1, width: 1012, fontSize: 32 }),
      ),
    );
  const main = h(
    'div',
    { display: 'flex', flexDirection: 'column', flexGrow: 1, justifyContent: 'center' },
    h(
      'div',
      { display: 'flex', fontSize: 64, fontWeight: 700, letterSpacing: -0.5, marginBottom: 8 },
      input.date,
    ),
    ...rows,
  );
  const footer = h(
    'div',
    { display: 'flex', alignItems: 'center', height: 48 },
    h('div', { display: 'flex', fontSize: 26, color: theme.colors.muted }, input.count),
  );
  return frame(theme, 'Papers of the day', main, footer);
}

export function card(input: CardInput, theme: CardTheme): OgElement {
  return input.kind === 'paper' ? paperCard(input, theme) : dayCard(input, theme);
}

/** Every text a card prints, in a fixed order (see withCardTexts). */
export function cardTexts(input: CardInput): string[] {
  return input.kind === 'paper'
    ? [input.title, input.authors, input.date, input.label, ...input.topics]
    : [input.date, input.count, ...input.titles];
}

/** The card with its texts replaced, in cardTexts' order: how text.ts's cleaned text goes back in. */
export function withCardTexts<T extends CardInput>(input: T, texts: readonly string[]): T {
  const at = (index: number) => texts[index] ?? '';
  if (input.kind === 'paper') {
    const topics = input.topics.map((_, index) => at(4 + index)).filter(Boolean);
    return { ...input, title: at(0), authors: at(1), date: at(2), label: at(3), topics };
  }
  const titles = input.titles.map((_, index) => at(2 + index)).filter(Boolean);
  return { ...input, date: at(0), count: at(1), titles };
}
