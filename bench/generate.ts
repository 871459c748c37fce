/**
 * A deterministic synthetic archive for the benchmark: N papers laid out
 * exactly as the ingester writes them (papers/YYYY/MM/DD/<id>.md plus
 * topics.yaml), shaped like the real corpus in content/ (made from
 * test/fixtures/corpus/): 30 to 60 papers a weekday, title, abstract and
 * author counts drawn from the real papers, and text that mixes the real
 * papers' words (so topics classify as they do on real days) with a long
 * Zipf-distributed tail of made-up words (so the search index and the
 * related-papers vocabulary grow with the archive as a real one does).
 * Its options: GENERATE_COMMAND below (`--help`, docs/cli.md).
 */
import { mkdir, readFile, rm, writeFile, copyFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePaperDocument } from '../src/lib/papers/document.ts';
import { serializePaperDocument } from '../src/lib/papers/document.ts';
import { freshPaper } from '../src/lib/papers/merge.ts';
import { abstractToMarkdown, markdownToPlainText } from '../src/lib/papers/normalize.ts';
import { paperRelativePath } from '../src/lib/papers/paths.ts';
import { paperSchema, type Paper } from '../src/lib/papers/schema.ts';
import { listPaperFiles } from '../src/lib/papers/store.ts';
import { defineCommand, HELP_OPTION, parseScriptArgs, usageFailure } from '../scripts/cli/args.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));
/** The real papers the shape is drawn from (the ingester's output of the corpus). */
const CORPUS_DIR = path.join(PROJECT_ROOT, 'content');
export const FIRST_DAY = '2022-01-03';
export const ADDED_DAY_PAPERS = 50;
const SEED = 0x5eed_2026;
/** Made-up words in the long tail; the real archive's vocabulary is this large. */
const TAIL_VOCABULARY = 60_000;
/** Share of abstract words drawn from the tail rather than the real papers. */
const TAIL_SHARE = 0.22;

/** mulberry32: small, fast and the same everywhere. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const between = (random: Random, low: number, high: number) => low + Math.floor(random() * (high - low + 1));

interface Corpus {
  titleWords: string[];
  abstractWords: string[];
  titleLengths: number[];
  abstractLengths: number[];
  authorCounts: number[];
  givenNames: string[];
  familyNames: string[];
  categoryLists: string[][];
  tail: string[];
  /** Cumulative Zipf weights over `tail`. */
  tailCdf: Float64Array;
}

async function loadCorpus(): Promise<Corpus> {
  const corpus: Corpus = {
    titleWords: [],
    abstractWords: [],
    titleLengths: [],
    abstractLengths: [],
    authorCounts: [],
    givenNames: [],
    familyNames: [],
    categoryLists: [],
    tail: [],
    tailCdf: new Float64Array(TAIL_VOCABULARY),
  };
  for (const file of await listPaperFiles(CORPUS_DIR)) {
    const { data, body } = parsePaperDocument(
      await readFile(path.join(CORPUS_DIR, file.relativePath), 'utf8'),
    );
    const paper = paperSchema.parse(data);
    const title = paper.title.split(/\s+/);
    const abstract = markdownToPlainText(body)
      .replace(/\$[^$]*\$/g, ' ')
      .split(/\s+/)
      .filter(Boolean);
    corpus.titleWords.push(...title);
    corpus.abstractWords.push(...abstract);
    corpus.titleLengths.push(title.length);
    corpus.abstractLengths.push(abstract.length);
    corpus.authorCounts.push(Math.max(1, paper.authors.length));
    for (const author of paper.authors) {
      const [given, ...rest] = author.split(' ');
      const family = rest.at(-1);
      if (!given || !family) continue;
      corpus.givenNames.push(given);
      corpus.familyNames.push(family);
    }
    if (paper.categories.length > 0) corpus.categoryLists.push(paper.categories);
  }
  const random = prng(SEED ^ 0x7a11);
  const syllables = 'ka lo mi nu re sa ti vo pe da ge zu an el or ix um ar en ro qua sti pla tro'.split(' ');
  const seen = new Set<string>();
  while (corpus.tail.length < TAIL_VOCABULARY) {
    let word = '';
    for (let i = between(random, 2, 4); i > 0; i -= 1) word += pick(random, syllables);
    if (seen.has(word)) continue;
    corpus.tail.push(word);
    seen.add(word);
  }
  let sum = 0;
  for (let rank = 0; rank < TAIL_VOCABULARY; rank += 1) corpus.tailCdf[rank] = sum += 1 / (rank + 1);
  corpus.tailCdf.forEach((value, rank) => (corpus.tailCdf[rank] = value / sum));
  return corpus;
}

function tailWord(random: Random, corpus: Corpus): string {
  const target = random();
  let low = 0;
  let high = TAIL_VOCABULARY - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((corpus.tailCdf[mid] ?? 1) < target) low = mid + 1;
    else high = mid;
  }
  return corpus.tail[low] ?? '';
}

/** The weekdays of the archive and how many papers each lists; the total is exactly `n`. */
export function dayPlan(n: number): { date: string; count: number }[] {
  const random = prng(SEED);
  const plan: { date: string; count: number }[] = [];
  let total = 0;
  let day = new Date(`${FIRST_DAY}T00:00:00Z`);
  while (total < n) {
    const count = Math.min(between(random, 30, 60), n - total);
    plan.push({ date: day.toISOString().slice(0, 10), count });
    total += count;
    day = nextWeekday(day);
  }
  return plan;
}

function nextWeekday(day: Date): Date {
  const next = new Date(day.getTime() + 86_400_000);
  while (next.getUTCDay() === 0 || next.getUTCDay() === 6) next.setTime(next.getTime() + 86_400_000);
  return next;
}

function sentenceCase(words: string[]): string {
  const text = words.join(' ').replace(/[.,;:]+$/, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Paper `index` of `date`; depends on nothing else, so adding a day never changes older papers. */
function syntheticPaper(corpus: Corpus, date: string, index: number): { paper: Paper; body: string } {
  const random = prng(SEED ^ (Number(date.replaceAll('-', '')) * 1009 + index));
  const [year, month, dayOfMonth] = date.split('-') as [string, string, string];
  const id = `${year.slice(2)}${month}.${String(Number(dayOfMonth) * 1000 + index).padStart(5, '0')}`;
  const titleLength = pick(random, corpus.titleLengths);
  const titleStart = Math.floor(random() * (corpus.titleWords.length - titleLength));
  const title = corpus.titleWords.slice(titleStart, titleStart + titleLength);
  // One made-up word in most titles, as real titles name their method.
  if (random() < 0.7) title[0] = `${sentenceCase([tailWord(random, corpus)])}:`;
  const words: string[] = [];
  const abstractLength = pick(random, corpus.abstractLengths);
  while (words.length < abstractLength) {
    if (random() < TAIL_SHARE) words.push(tailWord(random, corpus));
    else {
      // Runs of real text keep the phrases topics match on ("language model").
      const start = Math.floor(random() * corpus.abstractWords.length);
      words.push(...corpus.abstractWords.slice(start, start + between(random, 2, 8)));
    }
  }
  const authors = Array.from(
    { length: pick(random, corpus.authorCounts) },
    () => `${pick(random, corpus.givenNames)} ${pick(random, corpus.familyNames)}`,
  );
  const published = new Date(Date.parse(`${date}T00:00:00Z`) - between(random, 1, 6) * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const categories = corpus.categoryLists.length > 0 ? pick(random, corpus.categoryLists) : ['cs.LG'];
  const paper: Paper = {
    id,
    title: sentenceCase(title),
    authors: [...new Set(authors)],
    date,
    published,
    updated: published,
    upvotes: Math.floor(random() ** 3 * 120),
    comments: Math.floor(random() ** 4 * 8),
    ...(random() < 0.35 && { github: `https://github.com/${pick(random, corpus.tail)}/${id}` }),
    keywords: [],
    categories,
    ...(categories[0] && { primaryCategory: categories[0] }),
    thumbnail: `https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/${id}.png`,
    source: 'hf',
    topics: [],
  };
  return freshPaper({ paper, body: abstractToMarkdown(`${sentenceCase(words)}.`) });
}

async function writeDay(corpus: Corpus, out: string, date: string, count: number): Promise<void> {
  const dir = path.join(out, path.dirname(paperRelativePath('0000.00000', date)));
  await mkdir(dir, { recursive: true });
  const writes: Promise<void>[] = [];
  for (let index = 0; index < count; index += 1) {
    const { paper, body } = syntheticPaper(corpus, date, index);
    writes.push(
      writeFile(path.join(out, paperRelativePath(paper.id, date)), serializePaperDocument(paper, body)),
    );
  }
  await Promise.all(writes);
}

export interface GenerateOptions {
  n: number;
  out: string;
  /** Add the weekday after the archive's last one (50 papers) instead of writing the archive. */
  addDay?: boolean;
  /** With addDay: the last day added before, so the new one comes after it. */
  after?: string | undefined;
}

/** Writes the archive (or the added day); returns the days written. */
export async function generate(options: GenerateOptions): Promise<string[]> {
  const corpus = await loadCorpus();
  const plan = dayPlan(options.n);
  if (options.addDay) {
    const last = options.after ?? plan.at(-1)?.date ?? FIRST_DAY;
    const date = nextWeekday(new Date(`${last}T00:00:00Z`))
      .toISOString()
      .slice(0, 10);
    await writeDay(corpus, options.out, date, ADDED_DAY_PAPERS);
    return [date];
  }
  await rm(options.out, { recursive: true, force: true });
  await mkdir(options.out, { recursive: true });
  await copyFile(path.join(PROJECT_ROOT, 'content/topics.yaml'), path.join(options.out, 'topics.yaml'));
  for (const { date, count } of plan) await writeDay(corpus, options.out, date, count);
  return plan.map(({ date }) => date);
}

/** Days `papers daily` refreshes by default (src/lib/sources/refresh.ts). */
export const REFRESH_DAYS = 7;

/**
 * What a refresh of the days before `date` writes, as `papers daily` does
 * with new counts from the source: every paper of those days gets more
 * upvotes and comments, and the day before `date` gets one paper listed
 * late. Returns how many files it wrote.
 */
export async function refreshCounts(out: string, date: string, days = REFRESH_DAYS): Promise<number> {
  const corpus = await loadCorpus();
  const window = new Set(Array.from({ length: days }, (_, i) => dayBefore(date, i + 1)));
  const files = (await listPaperFiles(out)).filter((file) => window.has(file.date));
  for (const file of files) {
    const target = path.join(out, file.relativePath);
    const document = parsePaperDocument(await readFile(target, 'utf8'));
    const paper = paperSchema.parse(document.data);
    const more = 1 + (Number(paper.id.slice(-2)) % 7);
    const counted = {
      ...paper,
      upvotes: (paper.upvotes ?? 0) + more,
      comments: (paper.comments ?? 0) + (more % 2),
    };
    await writeFile(target, serializePaperDocument(counted, document.body));
  }
  const late = dayBefore(date, 1);
  const { paper, body } = syntheticPaper(corpus, late, 900);
  await writeFile(path.join(out, paperRelativePath(paper.id, late)), serializePaperDocument(paper, body));
  return files.length + 1;
}

function dayBefore(date: string, count: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - count * 86_400_000).toISOString().slice(0, 10);
}

export const GENERATE_COMMAND = defineCommand({
  name: 'node bench/generate.ts',
  usage: 'node bench/generate.ts --n N --out DIR [options]',
  summary: 'write the synthetic archive the bench builds',
  description: `Writes a synthetic archive of N papers laid out as the ingester writes them, shaped like the
real papers in content/. The same N always gives the same files, byte for byte.

Examples:
  node bench/generate.ts --n 10000 --out /tmp/archive            # the archive
  node bench/generate.ts --n 10000 --out /tmp/archive --add-day  # and one more day`,
  options: {
    n: { type: 'string', value: 'N', description: 'papers in the archive' },
    out: { type: 'string', value: 'DIR', description: 'the content folder to write' },
    'add-day': {
      type: 'boolean',
      default: false,
      description: `add the weekday after the archive's last one, of ${ADDED_DAY_PAPERS} papers, and print its date`,
    },
    ...HELP_OPTION,
  },
});

async function main(): Promise<void> {
  const { values } = parseScriptArgs(GENERATE_COMMAND, process.argv.slice(2));
  const n = Number(values.n);
  if (!Number.isInteger(n) || n < 1)
    usageFailure(GENERATE_COMMAND, `--n: expected a number of papers, got "${values.n ?? ''}"`);
  if (!values.out) usageFailure(GENERATE_COMMAND, 'expected --out DIR');
  const days = await generate({ n, out: path.resolve(values.out), addDay: values['add-day'] });
  console.log(
    values['add-day']
      ? `added ${days[0]} (${ADDED_DAY_PAPERS} papers) to ${values.out}`
      : `${n} papers on ${days.length} days (${days[0]} to ${days.at(-1)}) in ${values.out}`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
