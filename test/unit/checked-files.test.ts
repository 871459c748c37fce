import { appendFile, cp, mkdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  readCheckedFiles,
  stampOf,
  writeCheckedFiles,
  type KnownFiles,
} from '../../src/lib/papers/checked-files.ts';
import { validateContent } from '../../src/lib/papers/store.ts';
import { checkContent } from '../../src/lib/publish/check-content.ts';
import { contentFingerprint } from '../../src/lib/publish/fingerprint.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const SAMPLE_DAY = path.resolve(import.meta.dirname, '../../content/papers/2026/10/03');

/** A content folder holding the sample content's 2026-10-03, and its paper files. */
async function sampleContent(): Promise<{ dir: string; files: string[] }> {
  const dir = await tempDir('checked-');
  await cp(SAMPLE_DAY, path.join(dir, 'papers/2026/10/03'), { recursive: true });
  await writeFile(path.join(dir, 'topics.yaml'), 'topics: []\n');
  const report = await validateContent(dir);
  return { dir, files: Object.keys(report.checked) };
}

/** What a check that started `later` ms from now would have known. */
function knownLater(checked: KnownFiles['files'], later = 5000): KnownFiles {
  return { checkedAt: Date.now() + later, files: checked };
}

describe('checking content again', () => {
  it('parses only the files that changed since the last check, and still finds their problems', async () => {
    const { dir, files } = await sampleContent();
    expect(files.length).toBeGreaterThan(5);
    const first = await validateContent(dir);
    expect(first).toMatchObject({ problems: [], read: files.length, hashed: 0 });

    const again = await validateContent(dir, knownLater(first.checked));
    expect(again).toMatchObject({ problems: [], read: 0, hashed: 0, checked: first.checked });

    // An edit that breaks a file it knew as valid, and one that adds a sentence.
    const broken = files[0]!;
    const text = await readFile(path.join(dir, broken), 'utf8');
    await writeFile(path.join(dir, broken), text.replace(/^id: .*$/m, 'id: "not an id"'));
    await appendFile(path.join(dir, files[1]!), '\nOne more sentence.\n');
    const third = await validateContent(dir, knownLater(again.checked));
    expect(third).toMatchObject({ read: 2, hashed: 0 });
    expect(third.problems).toEqual([expect.stringMatching(new RegExp(`^${broken}: field "id"`))]);
    expect(third.checked[broken]).toBeUndefined();
    expect(third.checked[files[1]!]?.digest).not.toBe(first.checked[files[1]!]?.digest);
  });

  it('parses a file whose record differs from it in any part of its stamp', async () => {
    const { dir, files } = await sampleContent();
    const { checked } = await validateContent(dir);
    const file = path.join(dir, files[0]!);
    const text = await readFile(file, 'utf8');
    const [, id] = /^id: "(\d{4})/m.exec(text) ?? [];
    // The same length, another id: invalid, and only a parse can tell.
    await writeFile(file, text.replace(`id: "${id}`, `id: "${id === '2609' ? '2608' : '2609'}`));
    const now = stampOf(statSync(file));
    const digest = '0'.repeat(64);
    for (const part of ['size', 'dev', 'ino', 'mtimeMs', 'ctimeMs'] as const) {
      // A record like the file in all but one part: as after a same-size edit whose time was put back.
      const record = { ...now, [part]: now[part] - 1, digest };
      const known = { checkedAt: Date.now() + 60_000, files: { ...checked, [files[0]!]: record } };
      const result = await validateContent(dir, known);
      expect(result.read, part).toBe(1);
      expect(result.problems, part).toEqual([expect.stringMatching(/field "id"/)]);
    }
    // The same stamp: trusted, not read.
    const trusted = { checkedAt: Date.now() + 60_000, files: { [files[0]!]: { ...now, digest } } };
    expect(await validateContent(dir, trusted)).toMatchObject({
      read: files.length - 1,
      hashed: 0,
      problems: [],
    });
  });

  it('reads but does not parse files with new times and the same bytes, as after a checkout', async () => {
    const { dir, files } = await sampleContent();
    const first = await validateContent(dir);
    const later = new Date(Date.now() + 60_000);
    for (const file of files) await utimes(path.join(dir, file), later, later);
    const second = await validateContent(dir, knownLater(first.checked));
    expect(second).toMatchObject({ problems: [], read: 0, hashed: files.length });
    expect(second.checked[files[0]!]?.digest).toBe(first.checked[files[0]!]?.digest);
  });

  it('does not trust the times of a file written in the second before the check that recorded it', async () => {
    const { dir, files } = await sampleContent();
    const first = await validateContent(dir);
    const lastWrite = Math.max(...Object.values(first.checked).flatMap((r) => [r.mtimeMs, r.ctimeMs]));
    // Recorded by a check that started as the files were written: a write in that tick may not show.
    const racy = await validateContent(dir, { checkedAt: lastWrite + 500, files: first.checked });
    expect(racy).toMatchObject({ read: 0, hashed: files.length });
    const settled = await validateContent(dir, { checkedAt: lastWrite + 1500, files: first.checked });
    expect(settled).toMatchObject({ read: 0, hashed: 0 });
  });

  it('still refuses a paper listed on two days when neither file is parsed', async () => {
    const { dir, files } = await sampleContent();
    const first = await validateContent(dir);
    const copy = files[0]!.replace('2026/10/03', '2026/10/02');
    await mkdir(path.dirname(path.join(dir, copy)), { recursive: true });
    const text = await readFile(path.join(dir, files[0]!), 'utf8');
    await writeFile(path.join(dir, copy), text.replace('date: "2026-10-03"', 'date: "2026-10-02"'));
    const withCopy = await validateContent(dir, knownLater(first.checked));
    const second = await validateContent(dir, knownLater(withCopy.checked));
    expect(second.read).toBe(0);
    expect(second.problems).toEqual([
      `${files[0]}: field "id": expected a paper listed once, got a second copy of ${copy}`,
    ]);
  });

  it('keeps records for one content folder and one version of the code', async () => {
    const { dir } = await sampleContent();
    const { checked } = await validateContent(dir);
    const saved = path.join(dir, 'cache/checked.json');
    await writeCheckedFiles(saved, { code: 'v1', contentDir: dir, checkedAt: 1, files: checked });
    expect(readCheckedFiles(saved, 'v1', dir)).toEqual({ checkedAt: 1, files: checked });
    expect(readCheckedFiles(saved, 'v2', dir).files).toEqual({});
    expect(readCheckedFiles(saved, 'v1', `${dir}-other`).files).toEqual({});
    expect(readCheckedFiles(path.join(dir, 'missing.json'), 'v1', dir).files).toEqual({});
    // The digests stand for the files in the build's fingerprint.
    expect(await contentFingerprint(dir, 'x', checked)).toBe(await contentFingerprint(dir, 'x'));
  });
});

describe('the content check before a build', () => {
  it('saves what it found valid even when something is not, and checks everything after a change of code', async () => {
    const { dir, files } = await sampleContent();
    const project = await tempDir('project-');
    await mkdir(path.join(project, 'src'));
    await writeFile(path.join(project, 'src/schema.ts'), 'v1');
    const settings = { buildCacheDir: path.join(project, 'cache'), site: {} };
    await writeFile(path.join(dir, files[0]!), 'not a paper');
    // Times after the check: its records of them are never trusted, however fast the test runs.
    const later = new Date(Date.now() + 60_000);
    for (const file of files) await utimes(path.join(dir, file), later, later);

    const first = await checkContent(dir, settings, project);
    expect(first.fingerprint).toBeUndefined();
    expect(first.report.read).toBe(files.length);
    expect(first.report.problems).not.toEqual([]);

    // The records were saved: after the fix, only the fixed file is parsed (the others are read
    // again, their times being after the check that recorded them).
    await cp(path.join(SAMPLE_DAY, path.basename(files[0]!)), path.join(dir, files[0]!));
    const second = await checkContent(dir, settings, project);
    expect(second.report).toMatchObject({ problems: [], read: 1, hashed: files.length - 1 });
    expect(second.fingerprint).toMatch(/^[0-9a-f]{64}$/);

    await writeFile(path.join(project, 'src/schema.ts'), 'v2');
    const third = await checkContent(dir, settings, project);
    expect(third.report).toMatchObject({ read: files.length, hashed: 0 });
    expect(third.fingerprint).not.toBe(second.fingerprint);
  });
});
