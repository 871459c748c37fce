/**
 * The fonts a card may use, all from npm packages (nothing is fetched), and
 * the choice of the few files a given text needs.
 *
 * Fontsource packages cut each font into subsets by script (`latin`,
 * `greek`, ... or ~100 numbered slices for Chinese), one WOFF per subset and
 * weight. A card loads Inter's `latin` subset always and other subsets only
 * when its text has characters in them, so a title with Greek letters or
 * Chinese costs a few extra kilobytes of font, not megabytes.
 *
 * Fallback order: Inter (Latin, Greek, Cyrillic, Vietnamese), KaTeX's main
 * font (arrows, relations, operators such as → ≤ ∞ ∈), Noto Sans SC (Chinese,
 * Japanese), Noto Sans KR (Hangul), Noto Sans Arabic, Noto Sans Hebrew. Characters no
 * font covers are reported as missing; text.ts drops them rather than draw
 * boxes.
 *
 * Satori keeps one font per family name and weight, so every subset gets a
 * family name of its own (`inter-latin`, `noto-sans-sc-118`) and satori's
 * glyph fallback across families does the rest.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fontCoverage } from './cmap.ts';
import { packageDir } from './packages.ts';

/** The weights the templates use: regular text and bold headings. */
export type FontWeight = 400 | 700;
export const FONT_WEIGHTS: readonly FontWeight[] = [400, 700];

/** One font file as satori loads it. */
export interface FontFace {
  /** Unique per subset: satori's family name. */
  family: string;
  weight: FontWeight;
  /** Absolute path of the WOFF file. */
  file: string;
}

interface Subset {
  name: string;
  /** Code point ranges the subset was cut for; undefined: read the font's cmap. */
  ranges: readonly (readonly [number, number])[] | undefined;
}

interface FontSource {
  /** Family name prefix. */
  id: string;
  subsets(): readonly Subset[];
  file(subset: string, weight: FontWeight): string;
}

/** The family every template names; other families are fallbacks. */
export const PRIMARY_FAMILY = 'inter-latin';

/** `U+0000-00FF,U+0131` as ranges. */
export function parseUnicodeRange(range: string): [number, number][] {
  return range
    .split(',')
    .map((part) => part.trim().replace(/^U\+/i, ''))
    .filter(Boolean)
    .map((part) => {
      const [start = '', end = start] = part.split('-');
      return [parseInt(start, 16), parseInt(end, 16)];
    });
}

/** A Fontsource package: `unicode.json` names its subsets, `files/` holds one WOFF per subset and weight. */
function fontsource(name: string, order: readonly string[] = []): FontSource {
  const base = name.replace(/^@fontsource\//, '');
  let subsets: Subset[] | undefined;
  return {
    id: base,
    subsets() {
      if (subsets) return subsets;
      const dir = packageDir(name);
      const ranges = JSON.parse(readFileSync(path.join(dir, 'unicode.json'), 'utf8')) as Record<
        string,
        string
      >;
      const rank = (subset: string) => (order.includes(subset) ? order.indexOf(subset) : order.length);
      subsets = Object.entries(ranges)
        .map(([subset, range]) => ({ name: subset.replace(/[[\]]/g, ''), ranges: parseUnicodeRange(range) }))
        .sort((a, b) => rank(a.name) - rank(b.name));
      return subsets;
    },
    file: (subset, weight) => path.join(packageDir(name), 'files', `${base}-${subset}-${weight}-normal.woff`),
  };
}

/** KaTeX's own fonts ship with the katex package the site already uses for formulas. */
const katexMain: FontSource = {
  id: 'katex-main',
  subsets: () => [{ name: 'all', ranges: undefined }],
  file: (_subset, weight) =>
    path.join(
      packageDir('katex'),
      'dist/fonts',
      weight === 700 ? 'KaTeX_Main-Bold.woff' : 'KaTeX_Main-Regular.woff',
    ),
};

/** Every font source, in fallback order. */
export const FONT_SOURCES: readonly FontSource[] = [
  fontsource('@fontsource/inter', ['latin', 'latin-ext', 'greek', 'greek-ext', 'cyrillic', 'cyrillic-ext']),
  katexMain,
  fontsource('@fontsource/noto-sans-sc'),
  // Noto Sans SC's slices name Hangul ranges but carry no Hangul glyphs.
  fontsource('@fontsource/noto-sans-kr'),
  fontsource('@fontsource/noto-sans-arabic', ['arabic']),
  fontsource('@fontsource/noto-sans-hebrew', ['hebrew']),
];

interface Candidate {
  family: string;
  source: FontSource;
  subset: Subset;
}

export interface FontPlan {
  /** The files to load, primary family first, each at every weight. */
  faces: FontFace[];
  /** Code points no font covers. */
  missing: Set<number>;
}

/**
 * Chooses font files for text, reading each candidate's cmap once. One
 * instance serves a whole build.
 */
export class FontLibrary {
  private readonly coverage = new Map<string, Set<number>>();
  private readonly candidates: Candidate[];
  private readonly order: Map<Candidate, number>;

  constructor(sources: readonly FontSource[] = FONT_SOURCES) {
    this.candidates = sources.flatMap((source) =>
      source.subsets().map((subset) => ({ family: `${source.id}-${subset.name}`, source, subset })),
    );
    const primary = this.candidates[0];
    if (primary?.family !== PRIMARY_FAMILY)
      throw new Error(`social images: the first font must be ${PRIMARY_FAMILY}`);
    this.order = new Map(this.candidates.map((candidate, index) => [candidate, index]));
  }

  /** Fonts for these code points at every weight; the primary family is always included. */
  plan(codePoints: Iterable<number>): FontPlan {
    const chosen: Candidate[] = [this.candidates[0] as Candidate];
    const missing = new Set<number>();
    for (const code of codePoints) {
      if (chosen.some((candidate) => this.covers(candidate, code))) continue;
      const found = this.candidates.find((candidate) => this.covers(candidate, code));
      if (found) chosen.push(found);
      else missing.add(code);
    }
    chosen.sort((a, b) => (this.order.get(a) ?? 0) - (this.order.get(b) ?? 0));
    const faces = chosen.flatMap((candidate) =>
      FONT_WEIGHTS.map((weight) => ({
        family: candidate.family,
        weight,
        file: candidate.source.file(candidate.subset.name, weight),
      })),
    );
    return { faces, missing };
  }

  private covers(candidate: Candidate, code: number): boolean {
    const { ranges } = candidate.subset;
    if (ranges && !ranges.some(([start, end]) => code >= start && code <= end)) return false;
    // The regular file stands for every weight: a subset is cut the same way at each.
    const file = candidate.source.file(candidate.subset.name, 400);
    let covered = this.coverage.get(file);
    if (!covered) {
      covered = fontCoverage(readFileSync(file));
      this.coverage.set(file, covered);
    }
    return covered.has(code);
  }
}
