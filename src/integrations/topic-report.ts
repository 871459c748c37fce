/**
 * After a build, says how the taxonomy sorted the archive, so a site owner
 * sees papers that matched no topic without running `papers topics`. It
 * counts what the build's pages classified (src/lib/build-record.ts);
 * only a build that classified nothing makes it read the files itself.
 */
import type { AstroIntegration } from 'astro';
import { classifiedPapers, clearBuildRecord } from '../lib/build-record.ts';
import { coverageSummary, recordedCoverage, topicCoverage } from '../lib/topics/coverage.ts';
import { loadClassifiablePapers, loadTaxonomy } from '../lib/topics/load.ts';

export function topicReport(contentDir: string): AstroIntegration {
  return {
    name: 'daily-papers:topic-report',
    hooks: {
      'astro:build:start': () => clearBuildRecord(),
      'astro:build:done': async ({ logger }) => {
        const taxonomy = await loadTaxonomy(contentDir);
        const recorded = classifiedPapers();
        const topicIds = [...taxonomy.topics, taxonomy.fallback].map((topic) => topic.id);
        const coverage =
          recorded.size > 0
            ? recordedCoverage(recorded.values(), topicIds)
            : topicCoverage(await loadClassifiablePapers(contentDir), taxonomy);
        const summary = coverageSummary(coverage, taxonomy.fallback.id);
        if (coverage.unmatched > 0) logger.warn(`${summary}; "papers topics --explain <id>" shows why`);
        else logger.info(summary);
      },
    },
  };
}
