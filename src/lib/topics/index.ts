/**
 * Which topics a paper belongs to, and what a topic is called, for the site:
 * the paper's hand-set `topics` first, then what the taxonomy in
 * `<content>/topics.yaml` finds in its title, abstract, keywords and
 * categories (see classify.ts). Classification happens at build time, so
 * editing topics.yaml and rebuilding re-sorts the whole archive.
 */
import { createHash } from 'node:crypto';
import { roughPlainText } from '../papers/plain-text.ts';
import type { Paper } from '../papers/schema.ts';
import { classifiedKey, type ClassifiedPaper } from '../build-record.ts';
import { classify } from './classify.ts';
import type { Taxonomy } from './taxonomy.ts';

export interface TopicInput {
  id: string;
  data: Paper;
  /** The abstract as Markdown, for the classifier. */
  body?: string | undefined;
  /** A hash of the paper's file, from the content layer: when there is one, the abstract is read only to classify. */
  digest?: string | number | undefined;
}

export interface TopicInfo {
  id: string;
  title: string;
  description: string;
}

export interface TopicResolver {
  /** Hand-set topics first, then classified ones; the fallback topic when none. */
  topicsOf(paper: TopicInput): string[];
  topicTitle(id: string): string;
  topicInfo(id: string): TopicInfo;
  /** Every topic of the taxonomy, in its order, the fallback last. */
  topics(): TopicInfo[];
  /** Takes the classifications of an earlier build (saved.ts): a paper whose input is unchanged keeps its topics. */
  remember(saved: ReadonlyMap<string, SavedClassification>): void;
  /** The classifications made or remembered since this resolver was made, by classifiedKey. */
  classifications(): ReadonlyMap<string, SavedClassification>;
}

/** A paper's topics with a hash of what they were made from. */
export interface SavedClassification extends ClassifiedPaper {
  topics: string[];
  input: string;
}

export interface TopicResolverOptions {
  /** Also keep each classification here (the site's build keeps it for the topic report). */
  record?: Map<string, ClassifiedPaper>;
}

export function createTopicResolver(taxonomy: Taxonomy, options: TopicResolverOptions = {}): TopicResolver {
  // Each paper is classified once per build, however many pages list it.
  const cache = new Map<string, SavedClassification>();
  let remembered: ReadonlyMap<string, SavedClassification> = new Map();
  const topicInfo = (id: string): TopicInfo =>
    taxonomy.byId.get(id) ?? { id, title: titleFromId(id), description: `Papers tagged ${titleFromId(id)}.` };
  const classified = (paper: TopicInput): SavedClassification => {
    const input = classifierInputHash(paper);
    const earlier = remembered.get(classifiedKey(paper));
    if (earlier?.input === input) return earlier;
    const result = classify(
      {
        title: paper.data.title,
        abstract: roughPlainText(paper.body ?? ''),
        keywords: paper.data.keywords,
        categories: paper.data.categories,
        topics: paper.data.topics,
      },
      taxonomy,
    );
    return { input, topics: result.topics, fellBack: result.fellBack };
  };
  return {
    topicsOf(paper) {
      const key = classifiedKey(paper);
      let found = cache.get(key);
      if (!found) {
        found = classified(paper);
        cache.set(key, found);
        options.record?.set(key, { topics: found.topics, fellBack: found.fellBack });
      }
      return found.topics;
    },
    topicTitle: (id) => topicInfo(id).title,
    topicInfo,
    topics: () => [...taxonomy.topics, taxonomy.fallback].map((t) => topicInfo(t.id)),
    remember(saved) {
      remembered = saved;
    },
    classifications: () => cache,
  };
}

/**
 * What a paper's classification is made from, hashed: the taxonomy aside, the
 * same input gives the same topics. The file's digest covers all of it
 * (front matter and abstract) without reading the abstract.
 */
function classifierInputHash(paper: TopicInput): string {
  if (paper.digest !== undefined) return `file:${paper.digest}`;
  const { title, keywords, categories, topics } = paper.data;
  return createHash('sha256')
    .update(JSON.stringify([title, paper.body ?? '', keywords, categories, topics]))
    .digest('base64');
}

/** `machine-learning` -> `Machine Learning`, for hand-set topics the taxonomy does not name. */
export function titleFromId(id: string): string {
  return id
    .split('-')
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}
