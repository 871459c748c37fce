import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheRules, headersFile } from '../../src/lib/publish/headers.ts';
import { checkOwnedFolder, folderKind, markOwned, OWNED_MARK } from '../../src/lib/publish/owned.ts';
import { BUILD_MARKER } from '../../src/lib/publish/prune.ts';
import { PublishError } from '../../src/lib/publish/publish.ts';
import { fileTexts } from '../helpers/file-tree.ts';
import { tempDir } from '../helpers/temp-dir.ts';

async function folder(files: Record<string, string>): Promise<string> {
  const dir = path.join(await tempDir('owned-'), 'site');
  await mkdir(dir);
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return dir;
}

describe('which folders papers may take', () => {
  it('takes a missing or empty folder, and one it marked', async () => {
    const root = await tempDir('owned-');
    expect(folderKind(path.join(root, 'missing'))).toBe('new');
    expect(folderKind(root)).toBe('new');
    const marked = await folder({ 'index.html': '<p>site</p>' });
    markOwned(marked);
    expect(folderKind(marked)).toBe('marked');
  });

  it('takes a build of an older version, which has no mark: by its _headers, or a build that stopped', async () => {
    for (const base of ['/', '/papers/']) {
      const built = await folder({ 'index.html': '<p>site</p>', _headers: headersFile(base) });
      expect(folderKind(built), base).toBe('earlier build');
      // The _headers of versions before the BibTeX files, which had only the Cache-Control rules.
      const older = await folder({ 'index.html': '<p>site</p>', _headers: cacheRules(base) });
      expect(folderKind(older), base).toBe('earlier build');
    }
    expect(folderKind(await folder({ 'index.html': '', [BUILD_MARKER]: '' }))).toBe('earlier build');
  });

  it("refuses anyone else's folder, even one that looks like a site", async () => {
    expect(folderKind(await folder({ 'notes.txt': 'mine' }))).toBe('foreign');
    expect(folderKind(await folder({ 'index.html': '<p>another site</p>' }))).toBe('foreign');
    // Another tool's _headers, and ours edited by hand.
    expect(folderKind(await folder({ _headers: '/*\n  X-Frame-Options: DENY\n' }))).toBe('foreign');
    expect(folderKind(await folder({ _headers: `${headersFile('/')}/x\n  A: b\n` }))).toBe('foreign');
    // A mark that is not a file is not a mark.
    const dir = await folder({ 'notes.txt': 'mine' });
    await mkdir(path.join(dir, OWNED_MARK));
    expect(folderKind(dir)).toBe('foreign');
    // A file where a folder should be.
    expect(folderKind(path.join(dir, 'notes.txt'))).toBe('foreign');
  });

  it('says which folder it refuses and how to go on, and leaves it as it was', async () => {
    const dir = await folder({ 'notes.txt': 'mine' });
    expect(() => checkOwnedFolder(dir, '--out-dir')).toThrow(PublishError);
    expect(() => checkOwnedFolder(dir, '--out-dir')).toThrow(
      `--out-dir ${dir} holds files papers did not write (it has no ${OWNED_MARK} and is not a site papers built); ` +
        'papers would delete or move them: give a new or empty folder, or empty this one yourself',
    );
    expect(await fileTexts(dir)).toEqual({ 'notes.txt': 'mine' });
  });

  it('marks a folder once, and leaves a mark that is there', async () => {
    const dir = await folder({});
    markOwned(dir);
    const text = await readFile(path.join(dir, OWNED_MARK), 'utf8');
    expect(text).toMatch(/^This folder is a build of daily-papers/);
    await writeFile(path.join(dir, OWNED_MARK), 'kept');
    markOwned(dir);
    expect(await readFile(path.join(dir, OWNED_MARK), 'utf8')).toBe('kept');
  });
});
