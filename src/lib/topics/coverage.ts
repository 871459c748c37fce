/** How the taxonomy sorts an archive: papers per topic, and how many matched none. */
import type { ClassifiedPaper } from '../build-record.ts';
import { classify, type ClassifyInput } from './classify.ts';
import type { Taxonomy } from './taxonomy.ts';

export interface TopicCoverage {
  papers: number;
  /** Papers that matched no topic and went to the fallback. */
  unmatched: number;
  /** Topic id -> papers, in taxonomy order, the fallback last. */
  counts: Map<string, number>;
}

export function topicCoverage(papers: readonly ClassifyInput[], taxonomy: Taxonomy): TopicCoverage {
  const counts = new Map([...taxonomy.topics, taxonomy.fallback].map((topic) => [topic.id, 0]));
  let unmatched = 0;
  for (const paper of papers) {
    const result = classify(paper, taxonomy);
    if (result.fellBack) unmatched += 1;
    for (const topic of result.topics) counts.set(topic, (counts.get(topic) ?? 0) + 1);
  }
  return { papers: papers.length, unmatched, counts };
}

/** Topics a paper is in, on average (the fallback counts as one): how selective the taxonomy is. */
export function topicsPerPaper(coverage: TopicCoverage): number {
  let placements = 0;
  for (const count of coverage.counts.values()) placements += count;
  return coverage.papers ? placements / coverage.papers : 0;
}

export function coverageSummary(coverage: TopicCoverage, fallbackId: string): string {
  const specific = coverage.papers - coverage.unmatched;
  const share = coverage.papers ? ((100 * specific) / coverage.papers).toFixed(1) : '0.0';
  return `${coverage.papers} papers: ${specific} (${share}%) in a specific topic, ${coverage.unmatched} in "${fallbackId}", ${topicsPerPaper(coverage).toFixed(2)} topics a paper`;
}

/** The coverage of what the build recorded (build-record.ts): papers per topic and how many fell back. */
export function recordedCoverage(
  papers: Iterable<ClassifiedPaper>,
  topicIds: readonly string[],
): TopicCoverage {
  const counts = new Map(topicIds.map((id) => [id, 0]));
  let total = 0;
  let unmatched = 0;
  for (const paper of papers) {
    total += 1;
    if (paper.fellBack) unmatched += 1;
    for (const topic of paper.topics) counts.set(topic, (counts.get(topic) ?? 0) + 1);
  }
  return { papers: total, unmatched, counts };
}
