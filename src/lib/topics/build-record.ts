/**
 * The topics the build gave each paper, kept for the topic report
 * (src/integrations/topic-report.ts), so that report need not read and
 * classify the whole archive a second time (49 s at 50,000 papers).
 *
 * The pages are bundled by Vite and the integrations are not, so each holds
 * its own copy of this module; both reach one record through a global
 * symbol. `astro build` runs both in one process.
 */
import type { TopicCoverage } from './coverage.ts';

export interface ClassifiedPaper {
  topics: readonly string[];
  /** Matched no topic and went to the fallback. */
  fellBack: boolean;
}

const RECORD = Symbol.for('daily-papers.classified-papers');

type Holder = { [RECORD]?: Map<string, ClassifiedPaper> };

/** Papers classified in this process since the last clear, by `id` and listing day. */
export function classifiedPapers(): Map<string, ClassifiedPaper> {
  const holder = globalThis as Holder;
  return (holder[RECORD] ??= new Map());
}

export function clearClassifiedPapers(): void {
  classifiedPapers().clear();
}

/** The coverage of what was recorded: papers per topic and how many fell back. */
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
