/* eslint-disable @typescript-eslint/no-non-null-assertion --
 * The hot loops index typed arrays and lists within their bounds; checking
 * each access would cost time on 50,000 papers and say nothing. */
/**
 * Related papers by text similarity (TF-IDF, cosine), for every paper of the
 * archive at once, without comparing every pair:
 *
 * 1. each paper keeps only its TERMS_PER_PAPER most distinctive terms;
 * 2. an inverted index lists, for each term, the POSTINGS_PER_TERM papers
 *    where it weighs most;
 * 3. a paper's candidates are the papers on its terms' lists, scored by the
 *    terms they share.
 *
 * The work per paper is at most TERMS_PER_PAPER x POSTINGS_PER_TERM
 * additions, so the whole archive costs O(n), not O(n^2). Ties are broken by
 * id, so the result is the same on every run.
 */

import { compareIds } from '../site/ranking.ts';

export interface RelatedInput {
  id: string;
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
}

export function relatedPapers(papers: readonly RelatedInput[], count = 5): Map<string, string[]> {
  const sorted = [...papers].sort((a, b) => compareIds(a.id, b.id));
  const vectors = vectorize(sorted);
  const postings = invertedIndex(vectors);
  const scores = new Float64Array(sorted.length);
  const touched: number[] = [];
  const result = new Map<string, string[]>();
  sorted.forEach((paper, self) => {
    const vector = vectors[self]!;
    for (let i = 0; i < vector.terms.length; i += 1) {
      const list = postings.get(vector.terms[i]!);
      if (!list) continue;
      for (let j = 0; j < list.papers.length; j += 1) {
        const other = list.papers[j]!;
        if (other === self) continue;
        if (scores[other] === 0) touched.push(other);
        scores[other] = scores[other]! + vector.weights[i]! * list.weights[j]!;
      }
    }
    result.set(
      paper.id,
      topScoring(touched, scores, count).map((other) => sorted[other]!.id),
    );
    for (const other of touched) scores[other] = 0;
    touched.length = 0;
  });
  return result;
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

/** Each paper's strongest TF-IDF terms, L2-normalised. Terms are numbered in first-seen order. */
function vectorize(papers: readonly RelatedInput[]): Vector[] {
  const termIds = new Map<string, number>();
  const documentFrequency: number[] = [];
  const counts = papers.map((paper) => {
    const byWord = new Map<string, number>();
    for (const word of terms(paper.title)) byWord.set(word, (byWord.get(word) ?? 0) + 2);
    for (const word of terms(paper.abstract)) byWord.set(word, (byWord.get(word) ?? 0) + 1);
    const tf = new Map<number, number>();
    for (const [word, count] of byWord) {
      let id = termIds.get(word);
      if (id === undefined) {
        id = termIds.size;
        termIds.set(word, id);
        documentFrequency.push(0);
      }
      documentFrequency[id]! += 1;
      tf.set(id, count);
    }
    return tf;
  });
  const n = papers.length;
  return counts.map((tf) => {
    const weighted: [number, number][] = [];
    for (const [term, count] of tf) {
      const df = documentFrequency[term]!;
      // A term in one paper relates it to nothing; one in most papers says nothing.
      if (df < 2 || df > Math.max(10, n * 0.2)) continue;
      weighted.push([term, (1 + Math.log(count)) * Math.log(n / df)]);
    }
    weighted.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const kept = weighted.slice(0, TERMS_PER_PAPER);
    const norm = Math.hypot(...kept.map(([, w]) => w)) || 1;
    return {
      terms: Int32Array.from(kept.map(([term]) => term)),
      weights: Float64Array.from(kept.map(([, w]) => w / norm)),
    };
  });
}

interface Postings {
  papers: Int32Array;
  weights: Float64Array;
}

/** term -> its POSTINGS_PER_TERM heaviest papers, with their weights. */
function invertedIndex(vectors: readonly Vector[]): Map<number, Postings> {
  const lists = new Map<number, [number, number][]>();
  vectors.forEach((vector, paper) => {
    for (let i = 0; i < vector.terms.length; i += 1) {
      const term = vector.terms[i]!;
      let list = lists.get(term);
      if (!list) lists.set(term, (list = []));
      list.push([paper, vector.weights[i]!]);
    }
  });
  const postings = new Map<number, Postings>();
  for (const [term, list] of lists) {
    if (list.length < 2) continue;
    if (list.length > POSTINGS_PER_TERM) list.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const kept = list.slice(0, POSTINGS_PER_TERM);
    postings.set(term, {
      papers: Int32Array.from(kept.map(([paper]) => paper)),
      weights: Float64Array.from(kept.map(([, weight]) => weight)),
    });
  }
  return postings;
}
