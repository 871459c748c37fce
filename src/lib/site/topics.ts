/**
 * The site's own topics: its taxonomy (`<content>/topics.yaml`, from the
 * settings), read once when the build starts, and the classifications it
 * makes recorded for the steps after the pages (build-record.ts).
 */
import path from 'node:path';
import { OPERATOR } from '../../settings.ts';
import { classifiedPapers } from '../build-record.ts';
import { createTopicResolver, type TopicResolver } from '../topics/index.ts';
import { readTaxonomyText, TAXONOMY_FILE } from '../topics/load.ts';
import { parseTaxonomy } from '../topics/taxonomy.ts';

const siteTaxonomyFile = path.resolve(OPERATOR.contentDir, TAXONOMY_FILE);
/** The text of the site's taxonomy file: what pages that print topic names depend on. */
export const siteTaxonomyText = readTaxonomyText(siteTaxonomyFile);
export const siteTopics: TopicResolver = createTopicResolver(
  parseTaxonomy(siteTaxonomyText, siteTaxonomyFile),
  {
    record: classifiedPapers(),
  },
);

export const topicsOf = siteTopics.topicsOf;
export const topicTitle = siteTopics.topicTitle;

/** A paper's topic titles, as the pages print them. */
export function topicTitlesOf(paper: Parameters<typeof topicsOf>[0]): string[] {
  return topicsOf(paper).map(topicTitle);
}
