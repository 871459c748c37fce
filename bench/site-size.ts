/**
 * The size of the site as it would be published, for the bench's report:
 * bytes and files per folder and per paper, which hosts take it, and the
 * largest archive each would take (issue "Fit the hosts"). Everything here
 * is pure but `readSiteFiles`, which lists a built folder.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export interface Tally {
  files: number;
  bytes: number;
}

/** A file of the built site: its path from the site's root, `/`-separated. */
export interface SiteFile {
  path: string;
  bytes: number;
}

/** The report's rows, in order; a top-level folder not named here counts as `other`. */
export const FOLDERS = [
  { key: 'papers', label: 'papers/ (paper pages)' },
  { key: 'days', label: 'days/' },
  { key: 'weeks', label: 'weeks/' },
  { key: 'archive', label: 'archive/ (months and years)' },
  { key: 'topics', label: 'topics/' },
  { key: 'feeds', label: 'feeds/' },
  { key: 'pagefind', label: 'pagefind/ (search)' },
  { key: 'og', label: 'og/ (cards)' },
  { key: '_astro', label: '_astro/ (assets)' },
  { key: 'other', label: 'other (top-level pages, sitemaps, og-default.png)' },
] as const;
export type Folder = (typeof FOLDERS)[number]['key'];

const NAMED: ReadonlySet<string> = new Set(
  FOLDERS.map((folder) => folder.key).filter((key) => key !== 'other'),
);

export function folderOf(sitePath: string): Folder {
  const slash = sitePath.indexOf('/');
  const top = slash < 0 ? '' : sitePath.slice(0, slash);
  return NAMED.has(top) ? (top as Folder) : 'other';
}

/**
 * Whether a file costs the same whatever the archive's size: the assets,
 * the feeds (each holds at most SITE.feeds' item limit) and the top-level
 * pages. The sitemaps list every page, and everything else holds pages,
 * cards or index pieces per paper, day, week, month or topic page, all of
 * which grow with the archive. The papers' own cards (og/papers/) are
 * decided apart (`costModel`).
 */
export function isFixed(sitePath: string): boolean {
  const folder = folderOf(sitePath);
  if (folder === '_astro' || folder === 'feeds') return true;
  return folder === 'other' && !/^sitemap[^/]*\.xml$/.test(sitePath);
}

const PAPER_CARDS = 'og/papers/';

/** How the og/ row was counted: the cards the build placed, or a sample's sizes times the card policy's count. */
export type CardSource = { kind: 'rendered' } | ({ kind: 'extrapolated' } & CardEstimate);

/** Written by bench/card-sample.ts. */
export interface CardEstimate {
  /** Cards the site has under its card policy (src/lib/og/policy.ts). */
  paperCards: number;
  dayCards: number;
  /** The real cards rendered to measure them: the newest days' paper and day cards. */
  sample: { paper: Tally; day: Tally };
}

export interface SiteSize {
  papers: number;
  folders: Record<Folder, Tally>;
  /** The papers' own cards (og/papers/), part of `folders.og`. */
  paperCards: Tally;
  /** The files `isFixed` says cost the same whatever the archive's size. */
  fixed: Tally;
  cards: CardSource;
  /** Bytes of the median paper page (`papers/<id>/index.html`), 0 for none. */
  medianPaperPage: number;
}

/** A paper page, old-style ids (`papers/hep-th/9901001/`) included. */
const PAPER_PAGE = /^papers\/.+\/index\.html$/;

const add = (a: Tally, b: Tally): Tally => ({ files: a.files + b.files, bytes: a.bytes + b.bytes });
const minus = (a: Tally, b: Tally): Tally => ({ files: a.files - b.files, bytes: a.bytes - b.bytes });
const ZERO: Tally = { files: 0, bytes: 0 };

/** The built site's files, counted per folder, with cards as built. */
export function tallySite(papers: number, files: Iterable<SiteFile>): SiteSize {
  const folders = Object.fromEntries(FOLDERS.map(({ key }) => [key, ZERO])) as Record<Folder, Tally>;
  let paperCards = ZERO;
  let fixed = ZERO;
  const pages: number[] = [];
  for (const file of files) {
    if (PAPER_PAGE.test(file.path)) pages.push(file.bytes);
    const one = { files: 1, bytes: file.bytes };
    const folder = folderOf(file.path);
    folders[folder] = add(folders[folder], one);
    if (file.path.startsWith(PAPER_CARDS)) paperCards = add(paperCards, one);
    if (isFixed(file.path)) fixed = add(fixed, one);
  }
  pages.sort((a, b) => a - b);
  const medianPaperPage = pages[Math.floor(pages.length / 2)] ?? 0;
  return { papers, folders, paperCards, fixed, cards: { kind: 'rendered' }, medianPaperPage };
}

/** A sample's mean card times a count. */
function scaled(sample: Tally, count: number): Tally {
  if (count === 0) return ZERO;
  if (sample.files === 0) throw new Error('card sample: no card of this kind was rendered to measure');
  return { files: count, bytes: Math.round((sample.bytes / sample.files) * count) };
}

/** The site with the cards it would have under its policy, for a run that rendered none (`--og off`). */
export function withExtrapolatedCards(size: SiteSize, estimate: CardEstimate): SiteSize {
  const paperCards = scaled(estimate.sample.paper, estimate.paperCards);
  const dayCards = scaled(estimate.sample.day, estimate.dayCards);
  return {
    ...size,
    folders: { ...size.folders, og: add(paperCards, dayCards) },
    paperCards,
    cards: { kind: 'extrapolated', ...estimate },
  };
}

export function siteTotal(size: SiteSize): Tally {
  return Object.values(size.folders).reduce(add, ZERO);
}

/**
 * The site's cost as a + b·N papers: `fixed` is a, `perPaper` is b (fractions).
 * The papers' own cards are part of a once the card policy leaves some paper
 * without one (the archive is longer than its window, so the count stays
 * put as it grows), and of b before that, which overstates a longer archive.
 */
export interface CostModel {
  fixed: Tally;
  perPaper: Tally;
  /** Whether the papers' own cards are in `fixed`. */
  paperCardsFixed: boolean;
}

export function costModel(size: SiteSize): CostModel {
  const paperCardsFixed = size.paperCards.files < size.papers;
  const fixed = paperCardsFixed ? add(size.fixed, size.paperCards) : size.fixed;
  const growing = minus(siteTotal(size), fixed);
  return {
    fixed,
    perPaper: { files: growing.files / size.papers, bytes: growing.bytes / size.papers },
    paperCardsFixed,
  };
}

export interface Host {
  name: string;
  /** Undefined: no such limit. */
  maxBytes?: number;
  maxFiles?: number;
}

/** 1 GB taken as 10^9 bytes, the smaller reading. */
const GB = 1_000_000_000;

/** The plans the site may be published on, with their hard limits on a site's size. */
export const HOSTS: readonly Host[] = [
  { name: 'GitHub Pages', maxBytes: GB },
  { name: 'GitLab Pages', maxBytes: GB, maxFiles: 200_000 },
  { name: 'Cloudflare Pages Free', maxFiles: 20_000 },
  { name: 'Cloudflare Pages paid', maxFiles: 100_000 },
  { name: 'Netlify / S3 + CDN' },
];

export function fitsHost(host: Host, total: Tally): boolean {
  return (
    (host.maxBytes === undefined || total.bytes <= host.maxBytes) &&
    (host.maxFiles === undefined || total.files <= host.maxFiles)
  );
}

/** The most papers whose site `host` takes, by the model; Infinity when nothing limits it, 0 when even the fixed part is too big. */
export function largestArchive(host: Host, model: CostModel): number {
  const most = (limit: number | undefined, fixed: number, perPaper: number) => {
    if (limit === undefined || perPaper <= 0) return limit === undefined || fixed <= limit ? Infinity : 0;
    return Math.max(0, Math.floor((limit - fixed) / perPaper));
  };
  return Math.min(
    most(host.maxBytes, model.fixed.bytes, model.perPaper.bytes),
    most(host.maxFiles, model.fixed.files, model.perPaper.files),
  );
}

const count = (value: number) => Math.round(value).toLocaleString('en');

/** `site at 50,000 papers: 987,654,321 bytes in 123,456 files` */
export function siteSizeLine(papers: number, total: Tally): string {
  return `site at ${count(papers)} papers: ${count(total.bytes)} bytes in ${count(total.files)} files`;
}

function hostLimit(host: Host): string {
  const limits = [
    ...(host.maxBytes === undefined ? [] : [`${count(host.maxBytes)} bytes`]),
    ...(host.maxFiles === undefined ? [] : [`${count(host.maxFiles)} files`]),
  ];
  return limits.length > 0 ? limits.join(' and ') : 'no hard limit';
}

function cardsNote(size: SiteSize): string {
  if (size.cards.kind === 'rendered') return 'Cards: rendered by this build; og/ counts the cards it placed.';
  const { sample, paperCards, dayCards } = size.cards;
  const mean = (tally: Tally) => (tally.files === 0 ? '–' : count(tally.bytes / tally.files));
  return (
    `Cards: extrapolated, not rendered by this build (\`--og off\`): ${count(sample.paper.files + sample.day.files)} real cards of the newest days ` +
    `rendered apart (bench/card-sample.ts; paper cards ${mean(sample.paper)} bytes on average, day cards ${mean(sample.day)}), ` +
    `times the card policy's ${count(paperCards)} paper cards and ${count(dayCards)} day cards.`
  );
}

/** The size report of one archive, as Markdown lines. */
export function formatSiteSize(size: SiteSize): string[] {
  const total = siteTotal(size);
  const perPaper = (bytes: number) => count(bytes / size.papers);
  const extrapolated = size.cards.kind === 'extrapolated' ? ', extrapolated' : '';
  const row = (label: string, tally: Tally) =>
    `| ${label} | ${count(tally.files)} | ${count(tally.bytes)} | ${perPaper(tally.bytes)} |`;
  const model = costModel(size);
  const largest = (host: Host) => {
    const most = largestArchive(host, model);
    return most === Infinity ? 'no limit' : count(most);
  };
  return [
    `The site as published (the cold build's output after its search step)${size.folders.pagefind.files === 0 ? ', without a search index (`--search off`)' : ''}:`,
    '',
    '| folder | files | bytes | bytes per paper |',
    '| ------ | ----: | ----: | --------------: |',
    ...FOLDERS.map(({ key, label }) =>
      row(key === 'og' ? label.replace(')', `${extrapolated})`) : label, size.folders[key]),
    ),
    row(`total${extrapolated ? ' (cards extrapolated)' : ''}`, total),
    row('total without cards', minus(total, size.folders.og)),
    '',
    `Median paper page: ${count(size.medianPaperPage)} bytes of HTML.`,
    '',
    siteSizeLine(size.papers, total),
    '',
    cardsNote(size),
    '',
    '| host | limit | takes this site | largest archive (papers) |',
    '| ---- | ----- | --------------- | -----------------------: |',
    ...HOSTS.map(
      (host) =>
        `| ${host.name} | ${hostLimit(host)} | ${fitsHost(host, total) ? 'yes' : 'no'} | ${largest(host)} |`,
    ),
    '',
    `Largest archive: extrapolated linearly from this run as a + b·N papers, a = ${count(model.fixed.bytes)} bytes in ` +
      `${count(model.fixed.files)} files that stay the same as the archive grows (_astro/, feeds/, the top-level pages` +
      `${model.paperCardsFixed ? ", and the papers' own cards, which the card policy caps" : ''}), b = ` +
      `${count(model.perPaper.bytes)} bytes in ${model.perPaper.files.toFixed(2)} files per paper (everything else` +
      `${model.paperCardsFixed ? '' : ", the papers' own cards included: the archive is shorter than the card window, so this overstates a longer one"}).`,
  ];
}

/** Every file under `dir`, with its size. */
export async function readSiteFiles(dir: string): Promise<SiteFile[]> {
  const files: SiteFile[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.push({ path: path.relative(dir, file).split(path.sep).join('/'), bytes: (await stat(file)).size });
  }
  return files;
}
