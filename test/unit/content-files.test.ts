/**
 * Which files under `papers/` are content (issue 20): validation, the
 * fingerprint and the build must read exactly the same set, and anything
 * else there is an error naming the file. The build's set is the one
 * Astro's own glob loader finds with the collection's pattern.
 */
import { glob } from 'astro/loaders';
import { cp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collectionEntryId } from '../../src/lib/papers/collection.ts';
import { PAPER_FILES_GLOB } from '../../src/lib/papers/paths.ts';
import { listContentFiles, listPaperFiles, validateContent } from '../../src/lib/papers/store.ts';
import { contentFingerprint } from '../../src/lib/publish/fingerprint.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/site-content');
const PAPER = path.join(FIXTURE, 'papers/2026/10/02/2610.00001.md');

/** Files at another depth or of another kind, each with what validation says of it. */
const STRAYS: Record<string, string> = {
  // A second copy of a real paper's id: built, it replaced that paper's page.
  'papers/zzz/2610.00001.md': 'not a paper file',
  'papers/2026/10/02/sub/2610.00009.md': 'not a paper file',
  'papers/x/2026/10/02/2610.00008.md': 'not a paper file',
  'papers/2610.00007.md': 'not a paper file',
  'papers/2026/10/02/notes.txt': 'not a paper file',
  'papers/2026/10/02/2610.00006.MD': 'not a paper file',
};

/** The fixture archive, with STRAYS and the hidden files no reader takes beside it. */
async function contentWithStrays(): Promise<string> {
  const dir = await tempDir('content-files-');
  await cp(FIXTURE, dir, { recursive: true });
  const paper = await readFile(PAPER, 'utf8');
  for (const file of Object.keys(STRAYS)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), paper);
  }
  for (const hidden of [
    'papers/.DS_Store',
    'papers/2026/10/02/.2610.00001.md.42-ab12.tmp',
    'papers/.drafts/x.md',
  ])
    await mkdir(path.dirname(path.join(dir, hidden)), { recursive: true }).then(() =>
      writeFile(path.join(dir, hidden), paper),
    );
  return dir;
}

/** The files Astro's glob loader reads with the collection's pattern, relative to the content folder. */
async function filesTheBuildReads(contentDir: string): Promise<string[]> {
  const read: string[] = [];
  const loader = glob({
    pattern: PAPER_FILES_GLOB,
    base: pathToFileURL(`${contentDir}/`).href,
    generateId: collectionEntryId,
  });
  const root = pathToFileURL(`${contentDir}/`);
  await loader.load({
    config: { root, srcDir: new URL('src/', root) },
    collection: 'papers',
    logger: { warn: () => {}, error: () => {}, info: () => {} },
    parseData: async ({ data }: { data: unknown }) => data,
    generateDigest: (text: string) => String(text.length),
    store: {
      keys: () => [],
      get: () => undefined,
      delete: () => {},
      set: ({ filePath }: { filePath: string }) => read.push(filePath),
    },
    entryTypes: new Map([['.md', { getEntryInfo: () => ({ data: {}, body: '' }) }]]),
  } as unknown as Parameters<typeof loader.load>[0]);
  return read.sort();
}

describe('the files under papers/', () => {
  it('are the same set for validation, the fingerprint and the build', async () => {
    const dir = await contentWithStrays();
    const validated = (await listPaperFiles(dir)).map((file) => file.relativePath);
    expect(validated.length).toBeGreaterThan(5);
    expect(await filesTheBuildReads(dir)).toEqual(validated);
    // The fingerprint reads the same files: strays and hidden files change nothing.
    const withStrays = await contentFingerprint(dir);
    const clean = await tempDir('content-files-');
    await cp(FIXTURE, clean, { recursive: true });
    expect(withStrays).toBe(await contentFingerprint(clean));
  });

  it('hold nothing but paper files: any other is an error that names it', async () => {
    const dir = await contentWithStrays();
    const report = await validateContent(dir);
    expect(report.problems).toEqual(
      Object.keys(STRAYS)
        .sort()
        .map(
          (file) =>
            `${file}: not a paper file: under papers/ only papers/YYYY/MM/DD/<id>.md is read; move it to its day folder, or out of papers/`,
        ),
    );
    expect(report.files).toBe((await listPaperFiles(dir)).length);
  });

  it('do not count a symbolic link, which the build would follow: it is an error', async () => {
    const dir = await tempDir('content-files-');
    await cp(FIXTURE, dir, { recursive: true });
    await rm(path.join(dir, 'papers/2026/10/02/2610.00001.md'));
    await symlink(PAPER, path.join(dir, 'papers/2026/10/02/2610.00001.md'));
    expect((await listContentFiles(dir)).strays).toEqual([
      { relativePath: 'papers/2026/10/02/2610.00001.md', link: true },
    ]);
    expect((await validateContent(dir)).problems).toEqual([
      'papers/2026/10/02/2610.00001.md: a symbolic link; paper files must be plain files in papers/YYYY/MM/DD/: replace it with the file it points to',
    ]);
  });
});
