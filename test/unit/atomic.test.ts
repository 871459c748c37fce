import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeWriteOps, writeFilesAtomically, type WriteOps } from '../../src/lib/papers/atomic.ts';
import { fileTexts } from '../helpers/file-tree.ts';
import { tempDir } from '../helpers/temp-dir.ts';

function failingOn(step: keyof WriteOps, nth: number): WriteOps {
  let calls = 0;
  return {
    ...nodeWriteOps,
    [step]: async (...args: [string, string]) => {
      calls += 1;
      if (calls === nth) throw new Error(`injected ${step} failure`);
      return (nodeWriteOps[step] as (...a: [string, string]) => Promise<unknown>)(...args);
    },
  } as WriteOps;
}

describe('writing a day all or nothing', () => {
  const writes = (previous: string | undefined) => [
    { relativePath: 'papers/2026/10/03/a.md', content: 'A new', previous },
    { relativePath: 'papers/2026/10/04/b.md', content: 'B new', previous: undefined },
    { relativePath: 'papers/2026/10/04/c.md', content: 'C new', previous: undefined },
  ];

  it('writes every file and leaves no temporary file', async () => {
    const root = await tempDir();
    await writeFilesAtomically(root, writes(undefined));
    expect(await fileTexts(root, { folders: true })).toMatchObject({
      'papers/2026/10/03/a.md': 'A new',
      'papers/2026/10/04/b.md': 'B new',
      'papers/2026/10/04/c.md': 'C new',
    });
    expect(Object.keys(await fileTexts(root, { folders: true })).filter((f) => f.endsWith('.tmp'))).toEqual(
      [],
    );
  });

  it.each([
    ['writeFile', 3],
    ['rename', 1],
    ['rename', 3],
  ] as const)('leaves the folder as it was when %s fails (call %i)', async (step, nth) => {
    const root = await tempDir();
    await mkdir(path.join(root, 'papers/2026/10/03'), { recursive: true });
    await writeFile(path.join(root, 'papers/2026/10/03/a.md'), 'A old');
    await writeFile(path.join(root, 'keep.txt'), 'not ours');
    const before = await fileTexts(root, { folders: true });
    await expect(writeFilesAtomically(root, writes('A old'), failingOn(step, nth))).rejects.toThrow(
      /injected/,
    );
    expect(await fileTexts(root, { folders: true })).toEqual(before);
  });

  it('refuses a path outside the folder before writing anything', async () => {
    const root = await tempDir();
    await expect(
      writeFilesAtomically(root, [
        { relativePath: 'papers/ok.md', content: 'x', previous: undefined },
        { relativePath: '../escape.md', content: 'x', previous: undefined },
      ]),
    ).rejects.toThrow(/outside the content folder/);
    expect(await fileTexts(root, { folders: true })).toEqual({});
  });
});
