import { describe, expect, it } from 'vitest';
import { topicTitle, topicsOf } from '../../src/lib/topics/index.ts';
import { makePaper } from '../helpers/site-papers.ts';

describe('topics', () => {
  it('are the paper’s hand-set topics, once each, in order', () => {
    expect(topicsOf(makePaper({ topics: ['vision', 'language-models', 'vision'] }))).toEqual([
      'vision',
      'language-models',
    ]);
    expect(topicsOf(makePaper())).toEqual([]);
  });

  it('are titled from their ids', () => {
    expect(topicTitle('language-models')).toBe('Language Models');
    expect(topicTitle('vision')).toBe('Vision');
  });
});
