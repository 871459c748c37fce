import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { abstractsRead } from '../../src/lib/build-record.ts';
import { readBodiesOnDemand } from '../../src/lib/papers/bodies.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const FILE = ['---', 'id: "2610.00001"', 'title: A paper', '---', '', 'An abstract with $x^2$.', ''].join(
  '\n',
);

describe('abstracts read when a page needs them', () => {
  it('reads an entry’s abstract from its file once, on first use, and copies carry it', async () => {
    const root = await tempDir('bodies-');
    await mkdir(path.join(root, 'content/papers'), { recursive: true });
    await writeFile(path.join(root, 'content/papers/2610.00001.md'), FILE);
    const kept = { id: 'kept', body: 'Already here.', filePath: 'content/papers/missing.md' };
    const before = abstractsRead();
    const [entry, same] = readBodiesOnDemand(
      [{ id: '2610.00001', filePath: 'content/papers/2610.00001.md' } as { id: string; body?: string }, kept],
      root,
    );
    // Nothing is read until asked for.
    expect(abstractsRead()).toBe(before);
    expect(entry!.body).toBe('An abstract with $x^2$.');
    expect({ ...entry }.body).toBe('An abstract with $x^2$.');
    expect(abstractsRead()).toBe(before + 1);
    expect(same!.body).toBe('Already here.');
    expect(abstractsRead()).toBe(before + 1);
  });

  it('names the file when it cannot read the abstract', async () => {
    const root = await tempDir('bodies-');
    const [entry] = readBodiesOnDemand([{ filePath: 'content/papers/gone.md' } as { body?: string }], root);
    expect(() => entry!.body).toThrow(/content\/papers\/gone\.md: could not read the abstract/);
  });
});
