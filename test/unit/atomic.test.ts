import { writeFile, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  nodeWriteOps,
  removeLeftoverTemporaries,
  writeFilesAtomically,
  type WriteOps,
} from '../../src/lib/papers/atomic.ts';
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

/** A write that creates its file and then finds the disk full, on its `nth` call. */
function diskFullOn(nth: number, ops: WriteOps = nodeWriteOps): WriteOps {
  let calls = 0;
  return {
    ...ops,
    writeFile: async (file, content) => {
      calls += 1;
      if (calls !== nth) return ops.writeFile(file, content);
      await writeFile(file, '', { flag: 'wx' });
      throw Object.assign(new Error(`ENOSPC: no space left on device, write`), { code: 'ENOSPC' });
    },
  };
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

  it('leaves no empty temporary file and no new day folder when the disk is full', async () => {
    const root = await tempDir();
    await mkdir(path.join(root, 'papers/2026/10/03'), { recursive: true });
    await writeFile(path.join(root, 'papers/2026/10/03/a.md'), 'A old');
    const before = await fileTexts(root, { folders: true });
    // The second file is the first of a new day: its folder is made, then the disk is full.
    await expect(writeFilesAtomically(root, writes('A old'), diskFullOn(2))).rejects.toThrow(
      'papers/2026/10/04/b.md: cannot write it (ENOSPC); nothing was changed',
    );
    expect(await fileTexts(root, { folders: true })).toEqual(before);
  });

  it('never puts an empty file in place when the disk is full while it puts the old text back', async () => {
    const root = await tempDir();
    await mkdir(path.join(root, 'papers/2026/10/03'), { recursive: true });
    await writeFile(path.join(root, 'papers/2026/10/03/a.md'), 'A old');
    // Three files staged, the third rename fails, and the old text of the first cannot be written.
    const ops = diskFullOn(4, failingOn('rename', 3));
    await expect(writeFilesAtomically(root, writes('A old'), ops)).rejects.toThrow(/injected/);
    // The whole new text stays rather than none: no file is ever left empty or half-written.
    expect(await fileTexts(root, { folders: true })).toEqual({
      papers: '<dir>',
      'papers/2026': '<dir>',
      'papers/2026/10': '<dir>',
      'papers/2026/10/03': '<dir>',
      'papers/2026/10/03/a.md': 'A new',
    });
  });

  it('never meets a file a killed process with the same pid left', async () => {
    const root = await tempDir();
    const day = path.join(root, 'papers/2026/10/03');
    await mkdir(day, { recursive: true });
    // The name this process gave its first temporary file before names had a random part.
    const leftover = `.a.md.${process.pid}-0.tmp`;
    await writeFile(path.join(day, leftover), 'half of a');
    await writeFilesAtomically(root, writes(undefined));
    expect((await readdir(day)).sort()).toEqual([leftover, 'a.md']);
  });
});

describe('temporary files a killed run left', () => {
  it('are removed, and nothing else is', async () => {
    const root = await tempDir();
    const files: Record<string, string> = {
      // A killed run's, with names of this version and of the one before it.
      'papers/2026/10/03/.2610.01092.md.4242-0.tmp': '',
      'papers/2026/10/03/.2610.01093.md.4242-1f3a9c0b7e21.tmp': 'half',
      '..ingest-state.json.4242-0.tmp': '{',
      // Anyone else's.
      'papers/2026/10/03/2610.01092.md': 'paper',
      'papers/2026/10/03/.notes.tmp': 'mine',
      'papers/2026/10/03/notes.4242-0.tmp': 'mine',
      'papers/2026/10/03/.2610.01092.md.4242-0.tmp.bak': 'mine',
      'papers/2026/10/03/.2610.01092.md.tmp': 'mine',
      'papers/.git/.x.md.1-2.tmp': 'a repository',
      'drafts/.x.md.1-2.tmp': 'not where papers writes',
      '.ingest-state.json': '{}',
    };
    for (const [file, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await writeFile(path.join(root, file), text);
    }
    const removed = [
      '..ingest-state.json.4242-0.tmp',
      'papers/2026/10/03/.2610.01092.md.4242-0.tmp',
      'papers/2026/10/03/.2610.01093.md.4242-1f3a9c0b7e21.tmp',
    ];
    expect(await removeLeftoverTemporaries(root)).toEqual(removed);
    const kept = Object.entries(files).filter(([file]) => !removed.includes(file));
    expect(await fileTexts(root)).toEqual(Object.fromEntries(kept));
    expect(await removeLeftoverTemporaries(path.join(root, 'missing'))).toEqual([]);
  });
});
