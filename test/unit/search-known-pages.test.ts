import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  astroPageRecords,
  readAstroPageRecords,
  knownPagesText,
  knownPlace,
  readKnownPages,
  type KnownPage,
} from '../../src/lib/search/known-pages.ts';

const PAPER = 'papers/2610.00001/index.html';

/** An incremental-build manifest as Astro 7 writes it, with one paper page and one day page. */
function manifest() {
  return {
    version: 1,
    configHash: 'config',
    lockfileHash: 'lockfile',
    keyDigest: 'key',
    routes: {
      'src/pages/papers/[id].astro': {
        dependencyHash: 'paper-code',
        paths: { '/papers/2610.00001/': { cacheKey: 'paper-data', outputFile: PAPER } },
      },
      'src/pages/days/[day].astro': {
        dependencyHash: 'day-code',
        paths: {
          '/days/2026-10-01/': {
            cacheKey: 'day-data',
            outputFile: 'days/2026-10-01/index.html',
            contentHashes: { 'content/papers/a.md': 'h1' },
          },
        },
      },
    },
  };
}

type Manifest = ReturnType<typeof manifest>;

/** Astro's cached copy of every page is as the search step last saw it. */
const STAMP = () => '1234:1700000000000';

function recordAfter(change: (m: Manifest) => void, file = PAPER): string | undefined {
  const changed = manifest();
  change(changed);
  return astroPageRecords(changed, STAMP).get(file);
}

describe('build records from Astro’s incremental-build manifest', () => {
  it('give every recorded page a record by its output file', () => {
    const records = astroPageRecords(manifest(), STAMP);
    expect([...records.keys()].sort()).toEqual(['days/2026-10-01/index.html', PAPER]);
    expect(astroPageRecords(manifest(), STAMP)).toEqual(records);
  });

  it('change with anything that makes Astro render the page again', () => {
    const record = astroPageRecords(manifest(), STAMP).get(PAPER);
    expect(record).toBeDefined();
    const day = 'days/2026-10-01/index.html';
    const dayRecord = astroPageRecords(manifest(), STAMP).get(day);
    const changes: [string, string | undefined][] = [
      ['config', recordAfter((m) => (m.configHash = 'other'))],
      ['lockfile', recordAfter((m) => (m.lockfileHash = 'other'))],
      ['code', recordAfter((m) => (m.routes['src/pages/papers/[id].astro'].dependencyHash = 'other'))],
      [
        'data',
        recordAfter(
          (m) => (m.routes['src/pages/papers/[id].astro'].paths['/papers/2610.00001/'].cacheKey = 'other'),
        ),
      ],
    ];
    for (const [what, changed] of changes) {
      expect(changed, what).toBeDefined();
      expect(changed, what).not.toBe(record);
    }
    const content = recordAfter((m) => {
      m.routes['src/pages/days/[day].astro'].paths['/days/2026-10-01/'].contentHashes['content/papers/a.md'] =
        'h2';
    }, day);
    expect(content).toBeDefined();
    expect(content).not.toBe(dayRecord);
    // Astro rendered the page again (astro build --force) and rewrote its cached copy.
    const rendered = astroPageRecords(manifest(), (file) =>
      file === PAPER ? '1234:1800000000000' : STAMP(),
    );
    expect(rendered.get(PAPER)).not.toBe(record);
    expect(rendered.get(day)).toBe(dayRecord);
    // Astro's key for server islands does not touch these pages.
    expect(recordAfter((m) => (m.keyDigest = 'other'))).toBe(record);
  });

  it('are none for a page whose cached copy is missing', () => {
    const records = astroPageRecords(manifest(), (file) => (file === PAPER ? undefined : STAMP()));
    expect([...records.keys()]).toEqual(['days/2026-10-01/index.html']);
  });

  // `astro build --force` renders a page again with the same key: only its cached copy's time says so.
  it('change when Astro writes its cached copy of the page again, to the second', async () => {
    const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'papers-astro-cache-'));
    try {
      await writeFile(path.join(cacheDir, 'incremental-build.json'), JSON.stringify(manifest()));
      const copy = path.join(cacheDir, 'dist', PAPER);
      await mkdir(path.dirname(copy), { recursive: true });
      await writeFile(copy, '<html>');
      await utimes(copy, 1_700_000_000.2, 1_700_000_000.2);
      const before = readAstroPageRecords(cacheDir).get(PAPER);
      expect(before).toBeDefined();
      // The same second (an archive may keep no finer time): the same record.
      await utimes(copy, 1_700_000_000.9, 1_700_000_000.9);
      expect(readAstroPageRecords(cacheDir).get(PAPER)).toBe(before);
      await utimes(copy, 1_700_000_001, 1_700_000_001);
      expect(readAstroPageRecords(cacheDir).get(PAPER)).not.toBe(before);
      await writeFile(copy, '<html> ');
      await utimes(copy, 1_700_000_000.2, 1_700_000_000.2);
      expect(readAstroPageRecords(cacheDir).get(PAPER)).not.toBe(before);
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  });

  it('are none for a manifest this code does not know', () => {
    expect(astroPageRecords(undefined, STAMP).size).toBe(0);
    expect(astroPageRecords('text', STAMP).size).toBe(0);
    expect(astroPageRecords({ ...manifest(), version: 2 }, STAMP).size).toBe(0);
    expect(astroPageRecords({ ...manifest(), configHash: 1 }, STAMP).size).toBe(0);
    const oddPage = manifest() as unknown as { routes: Record<string, { paths: Record<string, unknown> }> };
    oddPage.routes['src/pages/papers/[id].astro']!.paths['/papers/2610.00001/'] = { cacheKey: 3 };
    expect([...astroPageRecords(oddPage, STAMP).keys()]).toEqual(['days/2026-10-01/index.html']);
  });
});

describe('known pages', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'papers-known-pages-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const pages = new Map<string, KnownPage>([
    [PAPER, { record: 'r1', place: { year: '2026', month: '2026-10', hash: 'abc' } }],
    ['days/2026-10-01/index.html', { record: 'r2', place: null }],
  ]);

  it('are written sorted by file and read back', async () => {
    const file = path.join(dir, 'pages.json');
    const text = knownPagesText(pages);
    expect(knownPagesText(new Map([...pages].reverse()))).toBe(text);
    await writeFile(file, text);
    expect(readKnownPages(file)).toEqual(pages);
  });

  it('are forgotten when missing, unreadable or of another format; odd entries are dropped', async () => {
    expect(readKnownPages(path.join(dir, 'missing.json')).size).toBe(0);
    const file = path.join(dir, 'odd.json');
    await writeFile(file, '{ not json');
    expect(readKnownPages(file).size).toBe(0);
    const data = JSON.parse(knownPagesText(pages)) as { format: number; pages: Record<string, unknown> };
    await writeFile(file, JSON.stringify({ ...data, format: data.format + 1 }));
    expect(readKnownPages(file).size).toBe(0);
    data.pages['odd/index.html'] = { record: 'r3', place: { year: 2026 } };
    await writeFile(file, JSON.stringify(data));
    expect([...readKnownPages(file).keys()].sort()).toEqual(['days/2026-10-01/index.html', PAPER]);
  });

  it('give a page’s place only while its record is the one it was read with', () => {
    expect(knownPlace(pages, PAPER, 'r1')).toEqual({ year: '2026', month: '2026-10', hash: 'abc' });
    expect(knownPlace(pages, 'days/2026-10-01/index.html', 'r2')).toBeNull();
    expect(knownPlace(pages, PAPER, 'r9')).toBeUndefined();
    expect(knownPlace(pages, PAPER, undefined)).toBeUndefined();
    expect(knownPlace(pages, 'papers/other/index.html', 'r1')).toBeUndefined();
  });
});
