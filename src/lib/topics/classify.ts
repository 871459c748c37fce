/**
 * Which topics a paper belongs to, and why. Evidence adds up per topic: a
 * phrase in the title counts 3, a matching keyword or arXiv category 2, each
 * distinct phrase in the abstract 1; a topic needs the taxonomy's threshold
 * (2 by default), so one passing mention in an abstract is not enough.
 */
import { wordGrams, type Taxonomy, type Topic, type TopicRule } from './taxonomy.ts';

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

interface IndexedText {
  text: string;
  grams: Set<string>;
}

export function classify(paper: ClassifyInput, taxonomy: Taxonomy): Classification {
  const title = { text: paper.title, grams: wordGrams(paper.title, taxonomy.longestPhrase) };
  const abstract = { text: paper.abstract, grams: wordGrams(paper.abstract, taxonomy.longestPhrase) };
  const verdicts = taxonomy.topics
    .map((topic) => verdictFor(topic, paper, title, abstract))
    .filter((verdict) => verdict.evidence.length > 0);
  const matched = verdicts.filter((v) => v.score >= taxonomy.threshold).map((v) => v.topic);
  const topics = [...new Set([...paper.topics, ...matched])];
  if (topics.length > 0) return { topics, verdicts, fellBack: false };
  return { topics: [taxonomy.fallback.id], verdicts, fellBack: true };
}

function matches(rule: TopicRule, text: IndexedText): boolean {
  return rule.kind === 'word' ? text.grams.has(rule.key) : rule.test.test(text.text);
}

function verdictFor(
  topic: Topic,
  paper: ClassifyInput,
  title: IndexedText,
  abstract: IndexedText,
): TopicVerdict {
  const evidence: Evidence[] = [];
  if (paper.topics.includes(topic.id)) evidence.push({ where: 'hand-set', rule: 'topics', weight: Infinity });
  for (const rule of topic.rules) {
    if (matches(rule, title)) evidence.push({ where: 'title', rule: rule.source, weight: WEIGHTS.title });
    else if (matches(rule, abstract))
      evidence.push({ where: 'abstract', rule: rule.source, weight: WEIGHTS.abstract });
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
