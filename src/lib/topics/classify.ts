/**
 * Which topics a paper belongs to, and why. Evidence adds up per topic: a
 * phrase in the title counts 3, a matching keyword or arXiv category 2, each
 * distinct phrase in the abstract 1; a topic needs the taxonomy's threshold
 * (2 by default), so one passing mention in an abstract is not enough. Of
 * the topics that reach it, the best comes first, and a further one needs
 * `secondary` times the best one's score, up to `maxTopics`: a paper is
 * filed where it belongs, not everywhere it touches.
 */
import { words, type Taxonomy, type Topic } from './taxonomy.ts';

export const WEIGHTS = { title: 3, keyword: 2, category: 2, abstract: 1 } as const;

export interface ClassifyInput {
  title: string;
  /** Plain text of the abstract. */
  abstract: string;
  keywords: readonly string[];
  categories: readonly string[];
  /** Hand-set topics: always kept, first. */
  topics: readonly string[];
}

export interface Evidence {
  where: 'title' | 'abstract' | 'keyword' | 'category' | 'hand-set';
  rule: string;
  weight: number;
}

export interface TopicVerdict {
  topic: string;
  score: number;
  evidence: Evidence[];
}

export interface Classification {
  topics: string[];
  /** Every topic with any evidence, including those under the threshold. */
  verdicts: TopicVerdict[];
  /** True when nothing matched and the fallback topic was given. */
  fellBack: boolean;
}

/** Where each rule of one topic matched, by the rule's index in `topic.rules`. */
type RuleHits = Map<number, 'title' | 'keyword' | 'abstract'>;

export function classify(paper: ClassifyInput, taxonomy: Taxonomy): Classification {
  const hits = ruleHits(paper, taxonomy);
  const verdicts = taxonomy.topics
    .map((topic, index) => verdictFor(topic, paper, hits[index]))
    .filter((verdict) => verdict.evidence.length > 0);
  const matched = selected(verdicts, taxonomy).map((v) => v.topic);
  const topics = [...new Set([...paper.topics, ...matched])];
  if (topics.length > 0) return { topics, verdicts, fellBack: false };
  return { topics: [taxonomy.fallback.id], verdicts, fellBack: true };
}

/** The verdicts that make a topic, best first (ties in taxonomy order). */
function selected(verdicts: readonly TopicVerdict[], taxonomy: Taxonomy): TopicVerdict[] {
  const passing = verdicts
    .filter((v) => Number.isFinite(v.score) && v.score >= taxonomy.threshold)
    .map((verdict, order) => ({ verdict, order }))
    .sort((a, b) => b.verdict.score - a.verdict.score || a.order - b.order)
    .map(({ verdict }) => verdict);
  const best = passing[0]?.score ?? 0;
  return passing
    .filter((verdict, index) => index === 0 || verdict.score >= taxonomy.secondary * best)
    .slice(0, taxonomy.maxTopics);
}

interface RuleRef {
  topic: number;
  rule: number;
}

interface PhraseIndex {
  /** Phrase key (`chain of thought`) -> every word rule with that key. */
  phrases: Map<string, RuleRef[]>;
  patterns: (RuleRef & { test: RegExp })[];
}

const phraseIndexes = new WeakMap<Taxonomy, PhraseIndex>();

/** The taxonomy's rules by phrase, built once per taxonomy. */
function phraseIndex(taxonomy: Taxonomy): PhraseIndex {
  let index = phraseIndexes.get(taxonomy);
  if (index) return index;
  index = { phrases: new Map(), patterns: [] };
  taxonomy.topics.forEach((topic, t) =>
    topic.rules.forEach((rule, r) => {
      if (rule.kind === 'pattern') index.patterns.push({ topic: t, rule: r, test: rule.test });
      else {
        const refs = index.phrases.get(rule.key) ?? [];
        refs.push({ topic: t, rule: r });
        index.phrases.set(rule.key, refs);
      }
    }),
  );
  phraseIndexes.set(taxonomy, index);
  return index;
}

/**
 * Which rules match the title or (failing that) the abstract. A text's word
 * runs are looked up in the taxonomy's phrases, rather than every rule in a
 * set of the text's runs: an abstract has about 600 runs of up to three
 * words and the taxonomy about 400 phrases, and building that set for every
 * paper was most of the classifier's time on a large archive.
 */
function ruleHits(paper: ClassifyInput, taxonomy: Taxonomy): (RuleHits | undefined)[] {
  const index = phraseIndex(taxonomy);
  // Most topics match nothing in a given paper: their entry stays empty.
  const hits: (RuleHits | undefined)[] = [];
  const mark = (ref: RuleRef, where: 'title' | 'keyword' | 'abstract') => {
    let topicHits = hits[ref.topic];
    if (!topicHits) hits[ref.topic] = topicHits = new Map();
    if (!topicHits.has(ref.rule)) topicHits.set(ref.rule, where);
  };
  // The title first, then each keyword (a phrase of the source's own), then the abstract:
  // a rule that matches in several counts once, where it weighs most.
  for (const [where, text] of [
    ['title', paper.title] as const,
    ...paper.keywords.map((keyword) => ['keyword', keyword] as const),
    ['abstract', paper.abstract] as const,
  ]) {
    forEachPhrase(text, taxonomy.longestPhrase, (phrase) => {
      for (const ref of index.phrases.get(phrase) ?? []) mark(ref, where);
    });
    for (const ref of index.patterns) if (ref.test.test(text)) mark(ref, where);
  }
  return hits;
}

/** Every run of 1 to `longest` consecutive words of `text` (as `wordGrams`, without the set). */
function forEachPhrase(text: string, longest: number, visit: (phrase: string) => void): void {
  const tokens = words(text);
  for (let start = 0; start < tokens.length; start += 1) {
    let phrase = tokens[start] as string;
    visit(phrase);
    for (let end = start + 1; end < start + longest && end < tokens.length; end += 1) {
      phrase += ` ${tokens[end] as string}`;
      visit(phrase);
    }
  }
}

function verdictFor(topic: Topic, paper: ClassifyInput, hits: RuleHits | undefined): TopicVerdict {
  const evidence: Evidence[] = [];
  if (paper.topics.includes(topic.id)) evidence.push({ where: 'hand-set', rule: 'topics', weight: Infinity });
  // In the taxonomy's order, as before the index: `papers topics --explain` lists evidence in it.
  const matched = hits ? [...hits].sort(([a], [b]) => a - b) : [];
  for (const [ruleIndex, where] of matched) {
    const rule = topic.rules[ruleIndex];
    if (rule) evidence.push({ where, rule: rule.source, weight: WEIGHTS[where] });
  }
  for (const keyword of paper.keywords) {
    if (topic.keywords.has(keyword.toLowerCase())) {
      evidence.push({ where: 'keyword', rule: keyword, weight: WEIGHTS.keyword });
    }
  }
  for (const category of paper.categories) {
    if (topic.categories.has(category))
      evidence.push({ where: 'category', rule: category, weight: WEIGHTS.category });
  }
  return { topic: topic.id, score: evidence.reduce((sum, e) => sum + e.weight, 0), evidence };
}
