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
    const day = '2026-01-05';
    const result = relatedPapers([
      { id: 'a', date: day, title: 'Quantum gravity loops', abstract: 'Spin foams and loops.' },
      { id: 'b', date: day, title: 'Quantum gravity strings', abstract: 'Strings and loops.' },
      { id: 'c', date: day, title: 'Baking bread', abstract: 'Sourdough fermentation.' },
    ]);
    expect(result.get('c')).toEqual([]);
    expect(result.get('a')).toEqual(['b']);
  });

  // `older` had its words alone on its day, so it is found once later papers use them.
  it('chooses among papers of the same day or before, never later ones', () => {
    const result = relatedPapers([
      { id: 'old', date: '2026-01-05', title: 'Quantum gravity loops', abstract: 'Spin foams and loops.' },
      { id: 'new', date: '2026-01-06', title: 'Quantum gravity strings', abstract: 'Strings and loops.' },
      { id: 'older', date: '2026-01-02', title: 'Loop quantum gravity', abstract: 'Spin foams.' },
      { id: 'bread', date: '2026-01-02', title: 'Baking bread', abstract: 'Sourdough fermentation.' },
      { id: 'rye', date: '2026-01-02', title: 'Rye flour', abstract: 'Milling grains.' },
      { id: 'ovens', date: '2026-01-02', title: 'Stone ovens', abstract: 'Heat retention.' },
    ]);
    expect(result.get('new')).toEqual(['old', 'older']);
    expect(result.get('old')).toEqual(['older']);
    expect(result.get('older')).toEqual([]);
  });

  it('changes no earlier paper’s list when a day is added', async () => {
    const papers = await loadClassifiablePapers(CONTENT);
    const days = [...new Set(papers.map((paper) => paper.date))].sort();
    expect(days.length).toBeGreaterThan(1);
    const latest = days.at(-1)!;
    const before = relatedPapers(papers.filter((paper) => paper.date !== latest));
    const after = relatedPapers(papers);
    for (const [id, list] of before) expect(after.get(id), id).toEqual(list);
    const added = papers.filter((paper) => paper.date === latest);
    expect(added.some((paper) => (after.get(paper.id) ?? []).length > 0)).toBe(true);
  });

  it('ignores stopwords, short words and numbers', () => {
    expect(terms('We propose a novel method for 3D LLMs in 2024')).toEqual(['llms']);
  });
});
