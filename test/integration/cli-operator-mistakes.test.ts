/**
 * Operator mistakes (issue 20, item 10) that used to end in "up to date", a
 * raw stack or "unexpected error … please report it": each must stop with
 * one line naming the file, folder or flag and what is expected, exit
 * non-zero, and change nothing.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { papers } from '../helpers/cli.ts';
import { fileTexts } from '../helpers/file-tree.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const HF_DAY = path.join(ROOT, 'test/fixtures/corpus/hf-daily-2026-10-03.json');

/** A content folder with the taxonomy and nothing else. */
async function contentFolder(): Promise<string> {
  const content = path.join(await tempDir(), 'content');
  await mkdir(content);
  await copyFile(path.join(ROOT, 'content/topics.yaml'), path.join(content, 'topics.yaml'));
  return content;
}

describe('a day in the future', () => {
  it.each([
    ['ingest', ['ingest', 'hf', '--file', HF_DAY, '--date', '9999-12-31'], '--date'],
    ['daily', ['daily', '--date', '9999-12-31', '--no-build'], '--date'],
    ['backfill', ['backfill', '--from', '2026-10-01', '--to', '9999-12-31'], '--to'],
  ])('is refused by %s before anything is written', async (_command, args, flag) => {
    const content = await contentFolder();
    const before = await fileTexts(content);
    const result = await papers([...args, '--content-dir', content], {
      PAPERS_HF_ENDPOINT: 'http://127.0.0.1:9/unused',
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      new RegExp(
        `^papers: ${flag}: 9999-12-31 is in the future \\(today is \\d{4}-\\d\\d-\\d\\d in UTC\\); give a day up to \\d{4}-\\d\\d-\\d\\d$`,
      ),
    );
    expect(await fileTexts(content)).toEqual(before);
  });
});
