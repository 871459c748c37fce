import type { Loader } from 'astro/loaders';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { leanGlobLoader, type EntryType, type GlobContext } from '../../src/lib/papers/lean-loader.ts';

const digest = (contents: string) => `d:${contents.length}:${contents}`;

/** A loader that hands back the entry types it was given, and a context with one stored entry. */
function setUp(entryTypes: Map<string, EntryType> | undefined) {
  let given: Map<string, EntryType> | undefined;
  const inner: Loader = {
    name: 'glob',
    load: (context) => {
      given = (context as GlobContext).entryTypes;
      return Promise.resolve();
    },
  };
  const stored = new Map([
    [
      '2610.00001',
      {
        id: '2610.00001',
        data: {},
        digest: digest('old text'),
        filePath: 'content/papers/2026/10/2610.00001.md',
      },
    ],
    [
      '2610.00004',
      { id: '2610.00004', data: {}, digest: digest('moved'), filePath: 'old-content/papers/2610.00004.md' },
    ],
    ['2610.00002', { id: '2610.00002', data: {}, digest: digest('same text') }],
  ]);
  const context = {
    store: { get: (id: string) => stored.get(id), delete: (id: string) => stored.delete(id) },
    meta: { set: () => {} },
    config: { root: pathToFileURL('/site/') },
    generateDigest: digest,
    entryTypes,
  } as unknown as GlobContext;
  const lean = leanGlobLoader(inner, (file) => file.split('/').at(-1)!.replace(/\.md$/, ''));
  return { run: async () => (await lean.load(context), given), lean, stored };
}

function markdownType(parsed: string[]): EntryType {
  return {
    getEntryInfo: ({ contents }) => {
      parsed.push(contents);
      return { data: { title: contents }, body: contents };
    },
    getRenderFunction: () => 'renderer',
  };
}

const params = (id: string, contents: string) => ({
  fileUrl: pathToFileURL(`/site/content/papers/2026/10/${id}.md`),
  contents,
});

describe('the lean glob loader', () => {
  it('hands the glob loader file types that render nothing', async () => {
    const parsed: string[] = [];
    const given = await setUp(new Map([['.md', markdownType(parsed)]])).run();
    expect(given?.get('.md')).toBeDefined();
    expect(given?.get('.md')?.getRenderFunction).toBeUndefined();
  });

  it('parses a new or changed file, and skips one the store holds with the same digest', async () => {
    const parsed: string[] = [];
    const type = (await setUp(new Map([['.md', markdownType(parsed)]])).run())!.get('.md')!;
    expect(type.getEntryInfo(params('2610.00001', 'new text'))).toEqual({
      data: { title: 'new text' },
      body: 'new text',
    });
    expect(type.getEntryInfo(params('2610.00003', 'a new paper'))).toMatchObject({ body: 'a new paper' });
    type.getEntryInfo(params('2610.00001', 'old text'));
    // Same digest but no file path: the glob loader would not treat it as unchanged, so neither do we.
    type.getEntryInfo(params('2610.00002', 'same text'));
    expect(parsed).toEqual(['new text', 'a new paper', 'same text']);
  });

  // src/lib/papers/bodies.ts reads abstracts by the stored path, which the glob loader keeps for an unchanged file.
  it('parses again, under its new path, a file the store holds under another one', async () => {
    const parsed: string[] = [];
    const setup = setUp(new Map([['.md', markdownType(parsed)]]));
    const type = (await setup.run())!.get('.md')!;
    type.getEntryInfo(params('2610.00004', 'moved'));
    // An unchanged file under the path it is stored under is neither parsed nor dropped.
    type.getEntryInfo(params('2610.00001', 'old text'));
    expect(parsed).toEqual(['moved']);
    expect(setup.stored.has('2610.00004')).toBe(false);
    expect(setup.stored.has('2610.00001')).toBe(true);
  });

  it('leaves the loader as it is when Astro passes no entry types', async () => {
    expect(await setUp(undefined).run()).toBeUndefined();
  });

  describe('while the glob loader runs', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    // Astro saves the whole store 500 ms after the last change to it: see the module.
    it('changes its meta data more often than every 500 ms, and stops when the loader is done', async () => {
      vi.useFakeTimers();
      const touched: number[] = [];
      const inner: Loader = {
        name: 'glob',
        load: () => new Promise((resolve) => setTimeout(resolve, 2000)),
      };
      const context = {
        meta: { set: () => touched.push(Date.now()) },
      } as unknown as GlobContext;
      const started = Date.now();
      const loading = leanGlobLoader(inner, (file) => file).load(context);
      await vi.advanceTimersByTimeAsync(2000);
      await loading;
      const gaps = [started, ...touched, started + 2000].map((at, i, all) =>
        i === 0 ? 0 : at - all[i - 1]!,
      );
      expect(touched.length).toBeGreaterThan(3);
      expect(Math.max(...gaps)).toBeLessThan(500);
      await vi.advanceTimersByTimeAsync(2000);
      expect(touched.filter((at) => at > started + 2000)).toEqual([]);
    });
  });
});
