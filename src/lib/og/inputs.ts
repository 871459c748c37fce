/**
 * From papers to what a card prints, and what a page says about the card
 * (path, size, alt text). The build and the pages both call these, so the
 * alt text describes the picture that was drawn.
 */
import path from 'node:path';
import type { OgConfig } from '../config/site.ts';
import { countText } from '../count-text.ts';
import { isArxivId } from '../papers/ids.ts';
import type { Paper } from '../papers/schema.ts';
import { formatAuthors, SHORT_AUTHOR_LIMIT } from '../format/authors.ts';
import { formatDay } from '../format/dates.ts';
import { compareByRank } from '../papers/ranking.ts';
import { MAX_DAY_TITLES, MAX_TOPICS, type DayCardInput, type PaperCardInput } from './card.ts';
import { dayImagePath, OG_HEIGHT, OG_TYPE, OG_WIDTH, paperImagePath } from './paths.ts';
import type { ThemeSpec } from './render.ts';
import { titleToText } from './tex.ts';

/** A paper as the site sees it (a content collection entry fits). */
export interface PaperLike {
  id: string;
  data: Paper;
}

/** Characters of authors that fit the card's one line at its type size. */
const AUTHORS_BUDGET = 68;
/** Characters of one topic pill. */
const TOPIC_BUDGET = 26;

/** The site's "A, B, C et al.", with fewer names when long names would overflow the line. */
export function cardAuthors(authors: readonly string[]): string {
  for (let limit = SHORT_AUTHOR_LIMIT; limit > 1; limit--) {
    const text = formatAuthors(authors, limit);
    if (text.length <= AUTHORS_BUDGET) return text;
  }
  return formatAuthors(authors, 1);
}

function shorten(text: string, budget: number): string {
  return text.length <= budget ? text : `${text.slice(0, budget - 1).trimEnd()}…`;
}

/** A paper's card; `topics` are topic titles as the site prints them. */
export function paperCardInput(paper: PaperLike, topics: readonly string[]): PaperCardInput {
  return {
    kind: 'paper',
    title: titleToText(paper.data.title),
    authors: cardAuthors(paper.data.authors),
    date: formatDay(paper.data.date),
    topics: topics.slice(0, MAX_TOPICS).map((topic) => shorten(topic, TOPIC_BUDGET)),
    label: isArxivId(paper.id) ? `arXiv:${paper.id}` : '',
  };
}

/** A day's card: its best-ranked titles, in the order the day page lists them. */
export function dayCardInput(date: string, papers: readonly PaperLike[]): DayCardInput {
  const top = [...papers].sort(compareByRank).slice(0, MAX_DAY_TITLES);
  return {
    kind: 'day',
    date: formatDay(date),
    count: countText(papers.length),
    titles: top.map((paper) => titleToText(paper.data.title)),
  };
}

/** The theme as render jobs carry it: the logo as a file path (relative ones against the project). */
export function themeSpec(config: OgConfig, projectRoot: string): ThemeSpec {
  return {
    siteName: config.siteName,
    colors: config.colors,
    logo: config.logo === undefined ? undefined : path.resolve(projectRoot, config.logo),
  };
}

/** What a page needs for `og:image` and `twitter:image`. */
export interface OgImage {
  /** Relative to the site's base path: pass to `absoluteUrl(assetUrl(path))`. */
  path: string;
  alt: string;
  width: number;
  height: number;
  type: string;
}

export function paperOgImage(paper: PaperLike): OgImage {
  const authors = cardAuthors(paper.data.authors);
  const by = authors ? `, by ${authors}` : '';
  return {
    path: paperImagePath(paper.id),
    // "et al." already ends the sentence.
    alt: `${titleToText(paper.data.title)}${by}`.replace(/(?<!\.)$/, '.'),
    width: OG_WIDTH,
    height: OG_HEIGHT,
    type: OG_TYPE,
  };
}

export function dayOgImage(date: string, papers: readonly PaperLike[]): OgImage {
  const input = dayCardInput(date, papers);
  // The first title only: older papers' pages show this card too, and the alt text is in each page's head.
  const first = input.titles[0];
  return {
    path: dayImagePath(date),
    alt: `Papers of ${input.date}, ${input.count}${first === undefined ? '' : `, first “${first}”`}.`,
    width: OG_WIDTH,
    height: OG_HEIGHT,
    type: OG_TYPE,
  };
}
