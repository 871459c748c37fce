import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/lib/topics/classify.ts';
import { loadClassifiablePapers, loadTaxonomy } from '../../src/lib/topics/load.ts';
import { parseTaxonomy, wordGrams } from '../../src/lib/topics/taxonomy.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const defaultTaxonomy = async () =>
  parseTaxonomy(await readFile(path.join(ROOT, 'content/topics.yaml'), 'utf8'), 'topics.yaml');

const small = parseTaxonomy(
  `
threshold: 2
topics:
  - id: reinforcement-learning
    title: Reinforcement learning
    description: Learning from reward.
    match:
      words: [RL, reinforcement learning, reward]
      categories: [cs.AI]
  - id: code
    title: Code
    description: Code generation.
    match:
      words: [code generation]
      patterns: ['C\\+\\+']
      keywords: [Code LLMs]
`,
  'small.yaml',
);

const paper = (fields: Partial<Parameters<typeof classify>[0]>) => ({
  title: '',
  abstract: '',
  keywords: [],
  categories: [],
  topics: [],
  ...fields,
});

describe('topic rules', () => {
  it('match words on word boundaries: "RL" is not in "URL"', () => {
    expect(classify(paper({ title: 'Parsing every URL' }), small).topics).toEqual(['other']);
    expect(classify(paper({ title: 'RL-based agents' }), small).topics).toEqual(['reinforcement-learning']);
  });

  it('match phrases across hyphens and plurals, case-insensitively', () => {
    expect(wordGrams('Fine-Tuning LLMs', 2)).toEqual(
      new Set(['fine', 'tuning', 'llm', 'fine tuning', 'tuning llm']),
    );
    expect(classify(paper({ title: 'Better Code-Generation' }), small).topics).toEqual(['code']);
  });

  it('add evidence up to the threshold: one passing mention in an abstract is not enough', () => {
    expect(classify(paper({ abstract: 'We mention reward once.' }), small).fellBack).toBe(true);
    const twice = classify(paper({ abstract: 'A reward for reinforcement learning.' }), small);
    expect(twice.topics).toEqual(['reinforcement-learning']);
    expect(twice.verdicts[0]?.score).toBe(2);
  });

  it('use patterns, keywords and arXiv categories', () => {
    expect(
      classify(paper({ abstract: 'Fast C++ in C++ codebases' }), small).verdicts[0]?.evidence[0],
    ).toMatchObject({
      where: 'abstract',
      rule: 'C\\+\\+',
    });
    expect(classify(paper({ keywords: ['code llms'] }), small).topics).toEqual(['code']);
    expect(classify(paper({ categories: ['cs.AI'] }), small).topics).toEqual(['reinforcement-learning']);
  });

  it('always keep hand-set topics, first', () => {
    const result = classify(paper({ title: 'Code generation', topics: ['my-topic'] }), small);
    expect(result.topics).toEqual(['my-topic', 'code']);
  });
});

describe('topics.yaml validation', () => {
  it.each([
    ['topics: []', /small\.yaml: field "topics": expected at least one topic/],
    [
      'topics:\n  - id: Bad Id\n    title: T\n    description: D',
      /small\.yaml: topic "Bad Id", field "id": expected lowercase-words-with-dashes, got "Bad Id"/,
    ],
    [
      "topics:\n  - id: x\n    title: T\n    description: D\n    match: { patterns: ['(unclosed'] }",
      /small\.yaml: topic "x", pattern "\(unclosed": not a valid regular expression/,
    ],
    [
      "topics:\n  - id: x\n    title: T\n    description: D\n    match: { words: ['++'] }",
      /topic "x", word "\+\+": expected letters or digits/,
    ],
    [
      'topics:\n  - id: x\n    title: T\n    description: D\n  - id: x\n    title: T\n    description: D',
      /topic "x" is defined twice/,
    ],
    ['topics:\n  - id: all\n    title: T\n    description: D', /topic "all": the id is reserved/],
    ['topics: [', /small\.yaml: not valid YAML/],
  ])('names the topic and rule: %j', (yaml, message) => {
    expect(() => parseTaxonomy(yaml, 'small.yaml')).toThrow(message);
  });
});

describe('the default taxonomy on the real corpus', () => {
  it('has at least 15 topics', async () => {
    expect((await defaultTaxonomy()).topics.length).toBeGreaterThanOrEqual(15);
  });

  it('gives at least 90% of the sample papers a specific topic', async () => {
    const taxonomy = await loadTaxonomy(path.join(ROOT, 'content'));
    const papers = await loadClassifiablePapers(path.join(ROOT, 'content'));
    expect(papers.length).toBe(83);
    const specific = papers.filter((p) => !classify(p, taxonomy).fellBack).length;
    expect(specific / papers.length).toBeGreaterThanOrEqual(0.9);
  });

  it.each([
    ['intriguing-properties-of-adversarial-examples', 'robustness'],
    ['do-logarithmic-proximity-measures-outperform-plain-ones-in-graph-clustering', 'graphs'],
    ['2610.01092', 'robotics'],
    ['entropy-adaptive-decoding-dynamic-model-switching-for-efficient-inference', 'efficiency'],
    ['does-circuit-analysis-interpretability-scale-evidence-from-multiple-choice', 'interpretability'],
    ['linc-a-neurosymbolic-approach-for-logical-reasoning-by-combining-language-models', 'reasoning'],
  ])('puts %s in %s', async (id, topic) => {
    const taxonomy = await defaultTaxonomy();
    const papers = await loadClassifiablePapers(path.join(ROOT, 'content'));
    const found = papers.find((p) => p.id === id || p.id.startsWith(id));
    expect(found, id).toBeDefined();
    expect(classify(found!, taxonomy).topics).toContain(topic);
  });
});

describe('a selective classifier', () => {
  const taxonomy = parseTaxonomy(
    `threshold: 2
secondary: 0.5
maxTopics: 2
topics:
  - { id: vision, title: Vision, description: d, match: { words: [image, segmentation] } }
  - { id: audio, title: Audio, description: d, match: { words: [speech, audio] } }
  - { id: robots, title: Robots, description: d, match: { words: [robot, manipulation] } }
  - { id: agents, title: Agents, description: d, match: { words: [agent] } }
`,
    'selective.yaml',
  );
  const paper = (title: string, abstract = '', keywords: string[] = [], topics: string[] = []) => ({
    title,
    abstract,
    keywords,
    categories: [],
    topics,
  });

  it('puts the best topic first and leaves out one under half its score', () => {
    // vision: "image" in the title, 3; audio: "speech" and "audio" in the abstract, 2, over half of 3.
    expect(classify(paper('Image analysis', 'speech and audio'), taxonomy).topics).toEqual([
      'vision',
      'audio',
    ]);
    // vision: "image" and "segmentation" in the title, 6; audio's 2 is under half of it.
    expect(classify(paper('Image segmentation at scale', 'speech and audio'), taxonomy).topics).toEqual([
      'vision',
    ]);
  });

  it('gives a paper at most maxTopics topics, hand-set ones on top', () => {
    const busy = paper('Image speech robot agent', '');
    expect(classify(busy, taxonomy).topics).toHaveLength(2);
    expect(classify({ ...busy, topics: ['agents'] }, taxonomy).topics).toEqual(['agents', 'vision', 'audio']);
  });

  it('reads a keyword as a phrase of its own, between the title and the abstract in weight', () => {
    const verdicts = classify(paper('A study', '', ['multi-agent planning']), taxonomy).verdicts;
    expect(verdicts.find((v) => v.topic === 'agents')).toMatchObject({
      score: 2,
      evidence: [{ where: 'keyword', rule: 'agent', weight: 2 }],
    });
  });

  it('keeps every topic over the threshold without the settings (the defaults)', () => {
    const open = parseTaxonomy(
      `topics:
  - { id: vision, title: Vision, description: d, match: { words: [image] } }
  - { id: audio, title: Audio, description: d, match: { words: [speech] } }
  - { id: robots, title: Robots, description: d, match: { words: [robot] } }
`,
      'open.yaml',
    );
    expect(classify(paper('Image speech robot'), open).topics).toEqual(['vision', 'audio', 'robots']);
  });
});
