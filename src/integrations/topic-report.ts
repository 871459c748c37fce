/**
 * After a build, says how the taxonomy sorted the archive, so a site owner
 * sees papers that matched no topic without running `papers topics`.
 */
import type { AstroIntegration } from 'astro';
import { coverageSummary, topicCoverage } from '../lib/topics/coverage.ts';
import { loadClassifiablePapers, loadTaxonomy } from '../lib/topics/load.ts';

export function topicReport(contentDir: string): AstroIntegration {
  return {
    name: 'daily-papers:topic-report',
    hooks: {
      'astro:build:done': async ({ logger }) => {
        const taxonomy = await loadTaxonomy(contentDir);
        const coverage = topicCoverage(await loadClassifiablePapers(contentDir), taxonomy);
        const summary = coverageSummary(coverage, taxonomy.fallback.id);
        if (coverage.unmatched > 0) logger.warn(`${summary}; "papers topics --explain <id>" shows why`);
        else logger.info(summary);
      },
    },
  };
}
