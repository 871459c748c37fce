import { cp, appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCheckedFiles, writeCheckedFiles } from '../../src/lib/papers/checked-files.ts';
import { validateContent } from '../../src/lib/papers/store.ts';
import { contentFingerprint } from '../../src/lib/publish/fingerprint.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const SAMPLE_DAY = path.resolve(import.meta.dirname, '../../content/papers/2026/10/03');

/** A content folder holding the sample content's 2026-10-03. */
async function sampleContent(): Promise<{ dir: string; files: string[] }> {
  const dir = await tempDir('checked-');
  await cp(SAMPLE_DAY, path.join(dir, 'papers/2026/10/03'), { recursive: true });
  await writeFile(path.join(dir, 'topics.yaml'), 'topics: []\n');
  const report = await validateContent(dir);
  return { dir, files: Object.keys(report.checked) };
}

describe('checking content again', () => {
  it('reads only the files that changed since the last check, and still finds their problems', async () => {
    const { dir, files } = await sampleContent();
    expect(files.length).toBeGreaterThan(5);
    const first = await validateContent(dir);
    expect(first).toMatchObject({ problems: [], read: files.length });

    const again = await validateContent(dir, first.checked);
    expect(again).toMatchObject({ problems: [], read: 0, checked: first.checked });

    // An edit that breaks a file it knew as valid.
    const broken = files[0]!;
    const text = await readFile(path.join(dir, broken), 'utf8');
    await writeFile(path.join(dir, broken), text.replace(/^id: .*$/m, 'id: "not an id"'));
    await appendFile(path.join(dir, files[1]!), '\nOne more sentence.\n');
    const third = await validateContent(dir, again.checked);
    expect(third.read).toBe(2);
    expect(third.problems).toEqual([expect.stringMatching(new RegExp(`^${broken}: field "id"`))]);
    expect(third.checked[broken]).toBeUndefined();
    expect(third.checked[files[1]!]?.digest).not.toBe(first.checked[files[1]!]?.digest);
  });

  it('still refuses a paper listed on two days when neither file is read', async () => {
    const { dir, files } = await sampleContent();
    const first = await validateContent(dir);
    const copy = files[0]!.replace('2026/10/03', '2026/10/02');
    await mkdir(path.dirname(path.join(dir, copy)), { recursive: true });
    const text = await readFile(path.join(dir, files[0]!), 'utf8');
    await writeFile(path.join(dir, copy), text.replace('date: "2026-10-03"', 'date: "2026-10-02"'));
    const second = await validateContent(dir, (await validateContent(dir, first.checked)).checked);
    expect(second.read).toBe(0);
    expect(second.problems).toEqual([
      `${files[0]}: field "id": expected a paper listed once, got a second copy of ${copy}`,
    ]);
  });

  it('keeps records for one version of the code, and the digests stand for the files in the fingerprint', async () => {
    const { dir } = await sampleContent();
    const { checked } = await validateContent(dir);
    const saved = path.join(dir, 'cache/checked.json');
    await writeCheckedFiles(saved, { code: 'v1', files: checked });
    expect(readCheckedFiles(saved, 'v1')).toEqual(checked);
    expect(readCheckedFiles(saved, 'v2')).toEqual({});
    expect(readCheckedFiles(path.join(dir, 'missing.json'), 'v1')).toEqual({});
    expect(await contentFingerprint(dir, 'x', checked)).toBe(await contentFingerprint(dir, 'x'));
  });
});
