import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { relatedPapers } from '../../src/lib/related/related.ts';
import { relatedWithSaved, type RelatedSource, type SavedRelated } from '../../src/lib/related/saved.ts';
import { loadClassifiablePapers } from '../../src/lib/topics/load.ts';

const CONTENT = path.resolve(import.meta.dirname, '../../content');
const SETTINGS = { count: 5, abstract: (body: string) => body.toUpperCase(), version: 'v1' };

let papers: RelatedSource[];
let days: string[];
beforeAll(async () => {
  // The sample content has two days; spread its papers over six to have days to resume at.
  papers = (await loadClassifiablePapers(CONTENT)).map((paper, index) => ({
    id: paper.id,
    date: `2026-01-0${1 + (index % 6)}`,
    title: paper.title,
    body: paper.abstract,
  }));
  days = [...new Set(papers.map((paper) => paper.date))].sort();
});

/** What the pass gives without anything saved. */
function fromScratch(sources: readonly RelatedSource[]): Map<string, string[]> {
  return relatedPapers(
    sources.map((paper) => ({ ...paper, abstract: SETTINGS.abstract(paper.body) })),
    SETTINGS.count,
  );
}

/** Saved data as the next build reads it back from its file. */
function throughFile(saved: SavedRelated | undefined): SavedRelated {
  expect(saved).toBeDefined();
  return JSON.parse(JSON.stringify(saved)) as SavedRelated;
}

function upTo(day: string): RelatedSource[] {
  return papers.filter((paper) => paper.date <= day);
}

describe('related lists kept between builds', () => {
  it('resume at the first new day and give what a pass from scratch gives', () => {
    expect(days.length).toBe(6);
    const middle = days[Math.floor(days.length / 2)]!;
    const first = relatedWithSaved(upTo(middle), SETTINGS, undefined);
    expect(first.daysReused).toBe(0);
    const second = relatedWithSaved(papers, SETTINGS, throughFile(first.save));
    expect(second.daysReused).toBe(days.indexOf(middle) + 1);
    expect(second.daysScored).toBe(days.length - days.indexOf(middle) - 1);
    expect(second.lists).toEqual(fromScratch(papers));
    // And once more, one day at a time, the way a daily build goes.
    let saved: SavedRelated | undefined;
    for (const day of days) saved = throughFile(relatedWithSaved(upTo(day), SETTINGS, saved).save);
    expect(new Map(Object.entries(saved!.lists))).toEqual(fromScratch(papers));
  });

  it('are used whole, with nothing to save, when nothing changed', () => {
    const saved = throughFile(relatedWithSaved(papers, SETTINGS, undefined).save);
    const again = relatedWithSaved(papers, SETTINGS, saved);
    expect(again.daysReused).toBe(days.length);
    expect(again.daysScored).toBe(0);
    expect(again.save).toBeUndefined();
    expect(again.lists).toEqual(fromScratch(papers));
  });

  it('are not used after an older paper’s abstract changed, or by other code', () => {
    const saved = throughFile(relatedWithSaved(papers, SETTINGS, undefined).save);
    const edited = papers.map((paper) =>
      paper.date === days[1] ? { ...paper, body: `${paper.body} Quantum sourdough.` } : paper,
    );
    const afterEdit = relatedWithSaved(edited, SETTINGS, saved);
    expect(afterEdit.daysReused).toBe(0);
    expect(afterEdit.lists).toEqual(fromScratch(edited));
    expect(relatedWithSaved(papers, { ...SETTINGS, version: 'v2' }, saved).daysReused).toBe(0);
    expect(relatedWithSaved(papers, { ...SETTINGS, count: 3 }, saved).daysReused).toBe(0);
  });

  // src/lib/papers/bodies.ts: with the file's digest, the abstracts of kept days are never read.
  it('go by the file’s digest when there is one, reading only the abstracts of the days scored', () => {
    let read = 0;
    const withDigest = (paper: RelatedSource): RelatedSource => ({
      id: paper.id,
      date: paper.date,
      title: paper.title,
      digest: `d-${paper.id}`,
      get body() {
        read += 1;
        return paper.body;
      },
    });
    const saved = throughFile(relatedWithSaved(upTo(days[4]!).map(withDigest), SETTINGS, undefined).save);
    read = 0;
    const next = relatedWithSaved(papers.map(withDigest), SETTINGS, saved);
    expect(next.daysScored).toBe(days.length - 5);
    expect(read).toBe(papers.filter((paper) => paper.date > days[4]!).length);
    expect(next.lists).toEqual(fromScratch(papers));
    const edited = papers.map((paper) =>
      paper.date === days[1] ? { ...withDigest(paper), digest: 'new' } : withDigest(paper),
    );
    // A changed file in a kept day: nothing is reused, as when its abstract changed.
    expect(relatedWithSaved(edited, SETTINGS, saved).daysReused).toBe(0);
  });

  it('are computed again, not trusted, when the saved data does not hold together', () => {
    const saved = throughFile(relatedWithSaved(upTo(days[2]!), SETTINGS, undefined).save);
    const damaged = [
      { ...saved, state: { ...saved.state, ids: saved.state.ids.slice(1) } },
      { ...saved, state: undefined as unknown as SavedRelated['state'] },
      { ...saved, lists: {} },
      { ...saved, format: 99 },
    ];
    for (const bad of damaged) {
      const outcome = relatedWithSaved(papers, SETTINGS, bad);
      expect(outcome.daysReused).toBe(0);
      expect(outcome.lists).toEqual(fromScratch(papers));
    }
  });
});
