import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { relatedPapers, terms } from '../../src/lib/related/related.ts';
import { loadClassifiablePapers } from '../../src/lib/topics/load.ts';

const CONTENT = path.resolve(import.meta.dirname, '../../content');

describe('related papers', () => {
  it('finds papers on the same subject in the real corpus, never the paper itself', async () => {
    const papers = await loadClassifiablePapers(CONTENT);
    const related = relatedPapers(papers);
    const titleOf = new Map(papers.map((p) => [p.id, p.title]));
    for (const [id, list] of related) {
      expect(list).not.toContain(id);
      expect(new Set(list).size).toBe(list.length);
      expect(list.length).toBeLessThanOrEqual(5);
    }
    const adversarial = related
      .get('intriguing-properties-of-adversarial-examples')!
      .map((id) => titleOf.get(id));
    expect(adversarial[0]).toMatch(/Perturbation Attacks/);
    const distillation = related.get('2609.37533') ?? [];
    expect(distillation.length).toBeGreaterThan(0);
  });

  it('is the same whatever order the papers come in', async () => {
    const papers = await loadClassifiablePapers(CONTENT);
    const forward = relatedPapers(papers);
    const backward = relatedPapers([...papers].reverse());
    expect([...backward.entries()].sort()).toEqual([...forward.entries()].sort());
  });

  it('relates nothing to a paper that shares no words', () => {
    const result = relatedPapers([
      { id: 'a', title: 'Quantum gravity loops', abstract: 'Spin foams and loops.' },
      { id: 'b', title: 'Quantum gravity strings', abstract: 'Strings and loops.' },
      { id: 'c', title: 'Baking bread', abstract: 'Sourdough fermentation.' },
    ]);
    expect(result.get('c')).toEqual([]);
    expect(result.get('a')).toEqual(['b']);
  });

  it('ignores stopwords, short words and numbers', () => {
    expect(terms('We propose a novel method for 3D LLMs in 2024')).toEqual(['llms']);
  });
});
