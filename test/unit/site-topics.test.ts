import { describe, expect, it } from 'vitest';
import { siteTopics } from '../../src/lib/site/topics.ts';
import { createTopicResolver } from '../../src/lib/topics/index.ts';
import { parseTaxonomy } from '../../src/lib/topics/taxonomy.ts';
import { makePaper } from '../helpers/site-papers.ts';

const resolver = createTopicResolver(
  parseTaxonomy(
    `topics:
  - id: vision
    title: Computer vision
    description: Seeing.
    match: { words: [image segmentation] }
`,
    'test.yaml',
  ),
);

describe('topics on the site', () => {
  it('are the hand-set topics first, once each, then the classified ones', () => {
    const paper = makePaper({ title: 'Image segmentation at scale', topics: ['my-topic', 'my-topic'] });
    expect(resolver.topicsOf(paper)).toEqual(['my-topic', 'vision']);
  });

  it('fall back to the catch-all topic when nothing matches', () => {
    expect(resolver.topicsOf(makePaper({ title: 'Baking bread', topics: [] }))).toEqual(['other']);
  });

  it('are titled by the taxonomy, or from their id when it does not name them', () => {
    expect(resolver.topicTitle('vision')).toBe('Computer vision');
    expect(resolver.topicTitle('other')).toBe('Other');
    expect(resolver.topicTitle('language-models')).toBe('Language Models');
    expect(resolver.topics().map((t) => t.id)).toEqual(['vision', 'other']);
  });

  it('use the site’s own taxonomy from content/topics.yaml', () => {
    expect(siteTopics.topics().length).toBeGreaterThanOrEqual(16);
    expect(siteTopics.topicTitle('reinforcement-learning')).toBe('Reinforcement learning');
  });
});
