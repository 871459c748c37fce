/** `papers topics`: how the taxonomy sorts the content, and why. */
import { CONTENT_DIR_OPTION, defineCommand, HELP_OPTION, parseCommandArgs, showHelp } from './args.ts';
import { classify, type TopicVerdict } from '../../src/lib/topics/classify.ts';
import { coverageSummary, topicCoverage } from '../../src/lib/topics/coverage.ts';
import { loadClassifiablePapers, loadTaxonomy, type ClassifiablePaper } from '../../src/lib/topics/load.ts';
import type { Taxonomy } from '../../src/lib/topics/taxonomy.ts';
import type { CliContext } from './context.ts';
import { UsageError } from './errors.ts';
import { checkContentFolder } from './read-input.ts';

export const TOPICS_COMMAND = defineCommand({
  name: 'papers topics',
  usage: 'papers topics [options]',
  summary: 'papers per topic, or why a paper is in its topics',
  description: `Classifies every paper with <content-dir>/topics.yaml, as the build does, and prints the
number of papers per topic and how many matched no topic.`,
  options: {
    explain: {
      type: 'string',
      value: 'ID',
      description: 'show which rules put paper ID in each topic, with scores, and the topics it just missed',
    },
    'content-dir': CONTENT_DIR_OPTION,
    ...HELP_OPTION,
  },
});

export async function runTopics(args: string[], context: CliContext): Promise<number> {
  const { values } = parseCommandArgs(TOPICS_COMMAND, args);
  if (values.help) return showHelp(TOPICS_COMMAND, context);
  checkContentFolder(values['content-dir'], 'refuse');
  const taxonomy = await loadTaxonomy(values['content-dir']);
  const papers = await loadClassifiablePapers(values['content-dir']);
  if (values.explain === undefined) {
    printCounts(papers, taxonomy, context);
    return 0;
  }
  const paper = papers.find((p) => p.id === values.explain);
  if (!paper)
    throw new UsageError(`--explain: no paper with id "${values.explain}" in ${values['content-dir']}`);
  printExplanation(paper, taxonomy, context);
  return 0;
}

function printCounts(papers: ClassifiablePaper[], taxonomy: Taxonomy, context: CliContext) {
  const coverage = topicCoverage(papers, taxonomy);
  const rows = [...taxonomy.topics, taxonomy.fallback].map((t) => ({
    id: t.id,
    title: t.title,
    count: String(coverage.counts.get(t.id) ?? 0),
  }));
  const idWidth = Math.max(...rows.map((row) => row.id.length));
  const titleWidth = Math.max(...rows.map((row) => row.title.length));
  const countWidth = Math.max(...rows.map((row) => row.count.length));
  for (const row of rows) {
    context.output.result(
      `${row.id.padEnd(idWidth)}  ${row.title.padEnd(titleWidth)}  ${row.count.padStart(countWidth)}`,
    );
  }
  context.output.result(coverageSummary(coverage, taxonomy.fallback.id));
}

function printExplanation(paper: ClassifiablePaper, taxonomy: Taxonomy, context: CliContext) {
  const result = classify(paper, taxonomy);
  context.output.result(`${paper.id}: ${paper.title}`);
  context.output.result(`topics: ${result.topics.join(', ')}${result.fellBack ? ' (no topic matched)' : ''}`);
  const describe = (verdict: TopicVerdict) => {
    const evidence = verdict.evidence
      .map((e) => (e.where === 'hand-set' ? 'set by hand' : `${e.where} "${e.rule}" +${e.weight}`))
      .join(', ');
    const score = Number.isFinite(verdict.score) ? String(verdict.score) : 'hand-set';
    return `  ${verdict.topic} (${score}): ${evidence}`;
  };
  const sorted = [...result.verdicts].sort((a, b) => b.score - a.score || a.topic.localeCompare(b.topic));
  const inTopics = sorted.filter((v) => result.topics.includes(v.topic));
  const below = sorted.filter((v) => !result.topics.includes(v.topic));
  for (const verdict of inTopics) context.output.result(describe(verdict));
  const best = inTopics.find((verdict) => Number.isFinite(verdict.score))?.score ?? 0;
  const passed = below.filter((verdict) => verdict.score >= taxonomy.threshold);
  if (passed.length > 0) {
    const share = Math.round(taxonomy.secondary * 100);
    context.output.result(
      `left out: over the threshold, but under ${share}% of the best score (${best}) or past the ${taxonomy.maxTopics} topics a paper gets:`,
    );
    for (const verdict of passed) context.output.result(describe(verdict));
  }
  const under = below.filter((verdict) => verdict.score < taxonomy.threshold);
  if (under.length > 0) {
    context.output.result(`below the threshold of ${taxonomy.threshold}:`);
    for (const verdict of under) context.output.result(describe(verdict));
  }
}
