/**
 * The topic taxonomy a site owner edits in `content/topics.yaml`: each topic
 * has an id, a title, a one-line description and match rules. Validated on
 * load; a bad rule is reported with its topic and rule.
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { describeIssues } from '../papers/schema.ts';

const TOPIC_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Feed names taken by the site's own feeds. */
const RESERVED_IDS = new Set(['all', 'daily', 'weekly', 'feeds']);

const phraseList = z.array(z.string().trim().min(1, { error: 'expected a non-empty phrase' }), {
  error: 'expected a list of phrases',
});

const topicSchema = z.strictObject({
  /** URL-safe: lowercase words joined by dashes. */
  id: z
    .string({ error: 'expected an id' })
    .regex(TOPIC_ID, { error: 'expected lowercase-words-with-dashes' }),
  title: z.string({ error: 'expected a title' }).trim().min(1),
  description: z.string({ error: 'expected a one-line description' }).trim().min(1),
  match: z
    .strictObject({
      /** Words and phrases, case-insensitive, matched on word boundaries. */
      words: phraseList.default([]),
      /** Regular expressions (JavaScript syntax, matched case-insensitively). */
      patterns: phraseList.default([]),
      /** arXiv categories such as cs.CV. */
      categories: phraseList.default([]),
      /** Hugging Face keywords (`ai_keywords`), compared case-insensitively. */
      keywords: phraseList.default([]),
    })
    .default({ words: [], patterns: [], categories: [], keywords: [] }),
});

const taxonomySchema = z.strictObject({
  /**
   * How much evidence puts a paper in a topic. A phrase in the title counts
   * 3, a keyword or category 2, each distinct phrase in the abstract 1.
   */
  threshold: z.number().positive().default(2),
  /**
   * A paper's further topics need at least this share of its best topic's
   * score (besides the threshold): a paper about one thing that mentions
   * another in passing stays in one topic.
   */
  secondary: z.number().min(0).max(1).default(0),
  /** The most topics the classifier gives a paper (topics set by hand come on top). */
  maxTopics: z.int().positive().default(Number.MAX_SAFE_INTEGER),
  /** The topic for papers that match nothing. */
  fallback: z
    .strictObject({
      id: z.string().regex(TOPIC_ID),
      title: z.string().min(1),
      description: z.string().min(1),
    })
    .default({ id: 'other', title: 'Other', description: 'Papers that fit none of the topics above.' }),
  topics: z
    .array(topicSchema, { error: 'expected a list of topics' })
    .min(1, { error: 'expected at least one topic' }),
});

/** A phrase, looked up among a text's word n-grams. */
export interface PhraseRule {
  kind: 'word';
  /** As written in topics.yaml. */
  source: string;
  /** Its words, lowercased, joined by one space: `chain of thought`. */
  key: string;
}

export interface PatternRule {
  kind: 'pattern';
  source: string;
  test: RegExp;
}

export type TopicRule = PhraseRule | PatternRule;

export interface Topic {
  id: string;
  title: string;
  description: string;
  rules: TopicRule[];
  categories: Set<string>;
  keywords: Set<string>;
}

export interface Taxonomy {
  threshold: number;
  /** See the schema: the share of the best score a further topic needs, and the most topics a paper gets. */
  secondary: number;
  maxTopics: number;
  /** The most words in any phrase: how long the n-grams of a text must be. */
  longestPhrase: number;
  topics: Topic[];
  fallback: Pick<Topic, 'id' | 'title' | 'description'>;
  byId: Map<string, Pick<Topic, 'id' | 'title' | 'description'>>;
}

export class TaxonomyError extends Error {
  override name = 'TaxonomyError';
}

export function parseTaxonomy(yamlText: string, fileName: string): Taxonomy {
  let raw: unknown;
  try {
    raw = parseYaml(yamlText);
  } catch (error) {
    throw new TaxonomyError(`${fileName}: not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsed = taxonomySchema.safeParse(raw);
  if (!parsed.success) {
    const [first] = describeIssues(parsed.error, raw);
    throw new TaxonomyError(
      `${fileName}: ${topicPath(first?.field ?? '', raw)}: ${first?.expected}, got ${first?.got}`,
    );
  }
  const { threshold, secondary, maxTopics, fallback } = parsed.data;
  const topics = parsed.data.topics.map((topic) => compileTopic(topic, fileName));
  const byId = new Map<string, Pick<Topic, 'id' | 'title' | 'description'>>();
  for (const topic of [...topics, fallback]) {
    if (RESERVED_IDS.has(topic.id)) {
      throw new TaxonomyError(
        `${fileName}: topic "${topic.id}": the id is reserved (its feed would clash with /feeds/${topic.id}.xml)`,
      );
    }
    if (byId.has(topic.id)) throw new TaxonomyError(`${fileName}: topic "${topic.id}" is defined twice`);
    byId.set(topic.id, topic);
  }
  const longestPhrase = Math.max(
    1,
    ...topics.flatMap((t) => t.rules.map((r) => (r.kind === 'word' ? r.key.split(' ').length : 1))),
  );
  return { threshold, secondary, maxTopics, longestPhrase, topics, fallback, byId };
}

/** `topics.3.match.words.0` -> `topic "vision" (topics[3]), match.words[0]`. */
function topicPath(field: string, raw: unknown): string {
  const match = /^topics\.(\d+)\.?(.*)$/.exec(field);
  if (!match) return `field "${field}"`;
  const index = Number(match[1]);
  const topics = (raw as { topics?: { id?: unknown }[] }).topics;
  const id = topics?.[index]?.id;
  const name = typeof id === 'string' ? `topic "${id}"` : `topics[${index}]`;
  return match[2] ? `${name}, field "${match[2]}"` : name;
}

function compileTopic(topic: z.output<typeof topicSchema>, fileName: string): Topic {
  const phrases = new Map<string, PhraseRule>();
  for (const word of topic.match.words) {
    const key = phraseKey(word, fileName, topic.id);
    // "LLM" and "LLMs" are one piece of evidence, not two.
    if (!phrases.has(key)) phrases.set(key, { kind: 'word', source: word, key });
  }
  const rules: TopicRule[] = [
    ...phrases.values(),
    ...topic.match.patterns.map((pattern) => ({
      kind: 'pattern' as const,
      source: pattern,
      test: patternRegExp(pattern, `${fileName}: topic "${topic.id}", pattern ${JSON.stringify(pattern)}`),
    })),
  ];
  return {
    id: topic.id,
    title: topic.title,
    description: topic.description,
    rules,
    categories: new Set(topic.match.categories),
    keywords: new Set(topic.match.keywords.map((k) => k.toLowerCase())),
  };
}

/**
 * Texts and phrases are compared as sequences of words: letters and digits,
 * lowercased, everything else a separator. So "RL" matches "RL-based" but
 * not "URL", and "fine tuning" also finds "fine-tuning". A phrase that needs
 * punctuation (C++) belongs in `patterns`.
 */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(singular);
}

/** A crude plural fold, the same on both sides: "LLMs" finds "LLM", "images" finds "image". */
function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

function phraseKey(phrase: string, fileName: string, topicId: string): string {
  const key = words(phrase).join(' ');
  if (!key) {
    throw new TaxonomyError(
      `${fileName}: topic "${topicId}", word ${JSON.stringify(phrase)}: expected letters or digits (use patterns for symbols)`,
    );
  }
  return key;
}

/** Every run of 1 to `longest` consecutive words of a text. */
export function wordGrams(text: string, longest: number): Set<string> {
  const tokens = words(text);
  const grams = new Set<string>();
  // Each gram extends the previous one by a word: no slice and join per gram,
  // which was most of the time classification took on a large archive.
  for (let start = 0; start < tokens.length; start += 1) {
    let gram = tokens[start] as string;
    grams.add(gram);
    for (let end = start + 1; end < start + longest && end < tokens.length; end += 1) {
      gram += ` ${tokens[end] as string}`;
      grams.add(gram);
    }
  }
  return grams;
}

function patternRegExp(pattern: string, where: string): RegExp {
  try {
    return new RegExp(pattern, 'iu');
  } catch (error) {
    throw new TaxonomyError(`${where}: not a valid regular expression (${(error as Error).message})`);
  }
}
