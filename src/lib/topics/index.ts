/**
 * Which topics a paper belongs to, and what a topic is called. For now the
 * hand-set `topics` field decides; the taxonomy and classifier issue replaces
 * these two functions, and every page follows because none reads `topics`
 * directly.
 */
import type { Paper } from '../papers/schema.ts';

export interface TopicInput {
  id: string;
  data: Paper;
  /** The abstract as Markdown, for a classifier that reads it. */
  body?: string | undefined;
}

/** The paper's topic ids, without duplicates, in the order they were set. */
export function topicsOf(paper: TopicInput): string[] {
  return [...new Set(paper.data.topics)];
}

/** `machine-learning` -> `Machine Learning`. */
export function topicTitle(id: string): string {
  return id
    .split('-')
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}
