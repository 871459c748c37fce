/* eslint-disable @typescript-eslint/no-non-null-assertion --
 * The hot loops index typed arrays and lists within their bounds; checking
 * each access would cost time on 50,000 papers and say nothing. */
/**
 * Related papers by text similarity (TF-IDF, cosine), for every paper of the
 * archive at once, without comparing every pair, and from the past only: a
 * paper's list is chosen among the papers listed up to its own day, with term
 * weights as they stood on that day. Adding a day therefore changes no older
 * paper's list, so its page never needs building again (see the incremental
 * build in astro.config.mjs), and a reader sees the work a paper came after.
 *
 * Day by day, oldest first:
 * 1. the day's papers join the document frequencies, and each keeps only its
 *    TERMS_PER_PAPER most distinctive terms, weighted as of that day;
 * 2. they join an inverted index that lists, for each term, the
 *    POSTINGS_PER_TERM papers where it weighs most so far;
 * 3. each of them is scored against the papers on its terms' lists.
 *
 * The work per paper is at most TERMS_PER_PAPER x POSTINGS_PER_TERM
 * additions, so the whole archive costs O(n), not O(n^2). Ties are broken by
 * the older paper, then by id, so the result is the same on every run.
 */

import { compareIds } from '../papers/ranking.ts';

export interface RelatedInput {
  id: string;
  /** The listing day, `YYYY-MM-DD`: only papers of that day or before are candidates. */
  date: string;
  /** Plain text; the title counts twice. */
  title: string;
  abstract: string;
}

export const TERMS_PER_PAPER = 16;
export const POSTINGS_PER_TERM = 80;
/** Below this cosine, two papers are not shown as related. */
export const MIN_SIMILARITY = 0.08;

const STOPWORDS = new Set(
  `a an and are as at be been being but by can could do does for from has have how however in into is it its
  itself may more most much not of on or our over such than that the their them then there these they this
  those through to under up upon use used uses using very via was we were what when where which while who
  whose why will with within without would you your also both each either further here new novel paper
  propose proposed present presents show shows shown study approach approaches method methods model models
  based results result work framework task tasks performance across existing different however first
  well large two three one data learning via thus only other same some many between while like make makes`.split(
    /\s+/,
  ),
);

/** Lowercased words of 3+ letters, without stopwords or bare numbers. */
export function terms(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 3 && !STOPWORDS.has(word) && !/^\d+$/.test(word));
}

interface Vector {
  terms: Int32Array;
  weights: Float64Array;
  /** The length the weights were divided by (0 for no terms). */
  norm: number;
}

interface FirstUse {
  paper: number;
  term: number;
  count: number;
}

export function relatedPapers(papers: readonly RelatedInput[], count = 5): Map<string, string[]> {
  const run = new RelatedRun(count);
  const result = new Map<string, string[]>();
  for (const day of papersByDay(papers)) {
    for (const [id, list] of run.addDay(day)) result.set(id, list);
  }
  return result;
}

/** The papers grouped by day, oldest day first, each day's papers by id: the order a run takes them in. */
export function papersByDay<T extends Pick<RelatedInput, 'id' | 'date'>>(papers: readonly T[]): T[][] {
  const sorted = [...papers].sort((a, b) => compareIds(a.date, b.date) || compareIds(a.id, b.id));
  return dayRanges(sorted).map(([first, end]) => sorted.slice(first, end));
}

/**
 * The state of the related-papers pass after some days, which takes the next
 * day's papers and lists theirs. A run can be saved after a day and resumed
 * later (saved.ts), so a daily build scores only the new day.
 */
export class RelatedRun {
  readonly count: number;
  private readonly vocabulary: Vocabulary;
  private readonly postings: Postings;
  /** Paper ids by number; papers are numbered oldest first, so a smaller number is an older paper. */
  private readonly ids: string[];
  private norms: Float64Array;
  private scores: Float64Array;
  private readonly touched: number[] = [];

  constructor(count: number, saved?: RelatedState) {
    this.count = count;
    this.vocabulary = new Vocabulary(saved);
    this.postings = new Postings(saved?.postings);
    this.ids = [...(saved?.ids ?? [])];
    this.norms = Float64Array.from(saved?.norms ?? []);
    this.scores = new Float64Array(this.ids.length);
  }

  /** How many papers the run has taken. */
  get size(): number {
    return this.ids.length;
  }

  /** Adds one day's papers, sorted by id, after every earlier day; returns their lists. */
  addDay(day: readonly RelatedInput[]): Map<string, string[]> {
    const first = this.ids.length;
    this.grow(first + day.length);
    const counts = day.map((paper, offset) => {
      this.ids.push(paper.id);
      return this.vocabulary.add(paper, first + offset);
    });
    const vectors = counts.map((tf) => this.vocabulary.vector(tf));
    vectors.forEach((vector, offset) => {
      this.norms[first + offset] = vector.norm;
      this.postings.add(first + offset, vector);
    });
    // A word an earlier paper had alone is shared now: that paper joins the
    // word's list, as if the word were added to its vector (and its length).
    for (const { paper, term, count } of this.vocabulary.takeNewlyShared(first)) {
      const weight = this.vocabulary.weight(term, count);
      if (weight <= 0) continue;
      this.norms[paper] = Math.hypot(this.norms[paper]!, weight);
      this.postings.addOne(paper, term, weight / this.norms[paper]!);
    }
    const lists = new Map<string, string[]>();
    vectors.forEach((vector, offset) => {
      const best = this.bestMatches(first + offset, vector);
      lists.set(
        this.ids[first + offset]!,
        best.map((other) => this.ids[other]!),
      );
    });
    return lists;
  }

  /** Everything needed to resume after the last day added; plain data, for JSON. */
  save(): RelatedState {
    return {
      ids: [...this.ids],
      norms: [...this.norms.subarray(0, this.ids.length)],
      ...this.vocabulary.save(),
      postings: this.postings.save(),
    };
  }

  private bestMatches(self: number, vector: Vector): number[] {
    const { scores, touched } = this;
    for (let i = 0; i < vector.terms.length; i += 1) {
      const list = this.postings.get(vector.terms[i]!);
      if (!list) continue;
      const weight = vector.weights[i]!;
      for (let j = 0; j < list.length; j += 1) {
        const other = list.papers[j]!;
        if (other === self) continue;
        if (scores[other] === 0) touched.push(other);
        scores[other] = scores[other]! + weight * list.weights[j]!;
      }
    }
    const best = topScoring(touched, scores, this.count);
    for (const other of touched) scores[other] = 0;
    touched.length = 0;
    return best;
  }

  private grow(size: number): void {
    if (size <= this.scores.length) return;
    const capacity = Math.max(size, this.scores.length * 2);
    const norms = new Float64Array(capacity);
    norms.set(this.norms.subarray(0, Math.min(this.norms.length, capacity)));
    this.norms = norms;
    this.scores = new Float64Array(capacity);
  }
}

/** A run's state as plain data (see RelatedRun.save). */
export interface RelatedState {
  ids: string[];
  norms: number[];
  /** Words by term number. */
  words: string[];
  documentFrequency: number[];
  /** `[term, paper, count]` of the words only one paper has used so far. */
  onlyUse: [number, number, number][];
  papers: number;
  /** `[term, papers, weights]`, heaviest first. */
  postings: [number, number[], number[]][];
}

/** `[first, end)` index ranges of the papers of each day; `sorted` is by date. */
function dayRanges(sorted: readonly Pick<RelatedInput, 'date'>[]): [number, number][] {
  const ranges: [number, number][] = [];
  let first = 0;
  for (let i = 1; i <= sorted.length; i += 1) {
    if (i === sorted.length || sorted[i]!.date !== sorted[first]!.date) {
      ranges.push([first, i]);
      first = i;
    }
  }
  return ranges;
}

/** The `count` best candidates, best first; a linear pass instead of sorting them all. */
function topScoring(candidates: readonly number[], scores: Float64Array, count: number): number[] {
  const best: number[] = [];
  const better = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);
  for (const candidate of candidates) {
    if (scores[candidate]! < MIN_SIMILARITY) continue;
    if (best.length === count && !better(candidate, best[count - 1]!)) continue;
    let at = best.length < count ? best.length : count - 1;
    best[at] = candidate;
    while (at > 0 && better(best[at]!, best[at - 1]!)) {
      [best[at], best[at - 1]] = [best[at - 1]!, best[at]!];
      at -= 1;
    }
  }
  return best;
}

/** Terms numbered in first-seen order, and how many papers so far use each. */
class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly documentFrequency: number[];
  /** Terms only one paper has used so far, with that paper. */
  private readonly onlyUse = new Map<number, FirstUse>();
  /** Terms that went from one paper to two since the last takeNewlyShared. */
  private newlyShared: FirstUse[] = [];
  private papers: number;

  constructor(saved?: Pick<RelatedState, 'words' | 'documentFrequency' | 'onlyUse' | 'papers'>) {
    saved?.words.forEach((word, id) => this.ids.set(word, id));
    this.documentFrequency = [...(saved?.documentFrequency ?? [])];
    for (const [term, paper, count] of saved?.onlyUse ?? []) this.onlyUse.set(term, { paper, term, count });
    this.papers = saved?.papers ?? 0;
  }

  save(): Pick<RelatedState, 'words' | 'documentFrequency' | 'onlyUse' | 'papers'> {
    return {
      words: [...this.ids.keys()],
      documentFrequency: [...this.documentFrequency],
      onlyUse: [...this.onlyUse.values()].map(({ term, paper, count }) => [term, paper, count]),
      papers: this.papers,
    };
  }

  /** Counts paper number `index` in; returns its term frequencies (the title counts twice). */
  add(paper: RelatedInput, index: number): Map<number, number> {
    // Counted by term number: one string lookup per word, not two.
    const tf = new Map<number, number>();
    for (const word of terms(paper.title)) this.count(tf, word, 2);
    for (const word of terms(paper.abstract)) this.count(tf, word, 1);
    for (const [id, count] of tf) {
      const df = (this.documentFrequency[id]! += 1);
      if (df === 1) this.onlyUse.set(id, { paper: index, term: id, count });
      else if (df === 2) {
        this.newlyShared.push(this.onlyUse.get(id)!);
        this.onlyUse.delete(id);
      }
    }
    this.papers += 1;
    return tf;
  }

  /** Adds `by` to a word's count, numbering the word if it is new. */
  private count(tf: Map<number, number>, word: string, by: number): void {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(word, id);
      this.documentFrequency.push(0);
    }
    tf.set(id, (tf.get(id) ?? 0) + by);
  }

  /** The papers numbered below `before` whose only-their-own word others now use too. */
  takeNewlyShared(before: number): FirstUse[] {
    const taken = this.newlyShared.filter((use) => use.paper < before);
    this.newlyShared = [];
    return taken;
  }

  /** A term's TF-IDF weight as of now, before normalising; 0 when it says nothing. */
  weight(term: number, count: number): number {
    const n = this.papers;
    const df = this.documentFrequency[term]!;
    // A term in one paper relates it to nothing; one in most papers says nothing.
    if (df < 2 || df > Math.max(10, n * 0.2)) return 0;
    return (1 + Math.log(count)) * Math.log(n / df);
  }

  /** A paper's strongest TF-IDF terms as of now, L2-normalised. */
  vector(tf: ReadonlyMap<number, number>): Vector {
    const weighted: [number, number][] = [];
    for (const [term, count] of tf) {
      const weight = this.weight(term, count);
      if (weight > 0) weighted.push([term, weight]);
    }
    weighted.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const kept = weighted.slice(0, TERMS_PER_PAPER);
    const norm = Math.hypot(...kept.map(([, w]) => w));
    return {
      terms: Int32Array.from(kept.map(([term]) => term)),
      weights: Float64Array.from(kept.map(([, w]) => w / (norm || 1))),
      norm,
    };
  }
}

/** A term's list: the papers where it weighs most, heaviest first, in parallel arrays. */
interface PostingList {
  length: number;
  papers: Int32Array;
  weights: Float64Array;
}

/** term -> the POSTINGS_PER_TERM papers so far where it weighs most, heaviest first. */
class Postings {
  private readonly lists = new Map<number, PostingList>();

  constructor(saved?: RelatedState['postings']) {
    for (const [term, papers, weights] of saved ?? []) {
      const list = emptyList();
      list.papers.set(papers);
      list.weights.set(weights);
      list.length = papers.length;
      this.lists.set(term, list);
    }
  }

  get(term: number): Readonly<PostingList> | undefined {
    return this.lists.get(term);
  }

  add(paper: number, vector: Vector): void {
    for (let i = 0; i < vector.terms.length; i += 1) this.addOne(paper, vector.terms[i]!, vector.weights[i]!);
  }

  addOne(paper: number, term: number, weight: number): void {
    if (weight <= 0) return;
    let list = this.lists.get(term);
    if (!list) this.lists.set(term, (list = emptyList()));
    // Among equal weights the one already listed stays ahead.
    if (list.length === POSTINGS_PER_TERM && list.weights[POSTINGS_PER_TERM - 1]! >= weight) return;
    let at = Math.min(list.length, POSTINGS_PER_TERM - 1);
    while (at > 0 && list.weights[at - 1]! < weight) {
      list.papers[at] = list.papers[at - 1]!;
      list.weights[at] = list.weights[at - 1]!;
      at -= 1;
    }
    list.papers[at] = paper;
    list.weights[at] = weight;
    if (list.length < POSTINGS_PER_TERM) list.length += 1;
  }

  save(): RelatedState['postings'] {
    return [...this.lists].map(([term, list]) => [
      term,
      [...list.papers.subarray(0, list.length)],
      [...list.weights.subarray(0, list.length)],
    ]);
  }
}

function emptyList(): PostingList {
  return {
    length: 0,
    papers: new Int32Array(POSTINGS_PER_TERM),
    weights: new Float64Array(POSTINGS_PER_TERM),
  };
}
