import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { readInputFile } from '../../scripts/cli/read-input.ts';
import { RunError } from '../../scripts/cli/errors.ts';
import { rejectedWith } from '../helpers/errors.ts';
import { tempDir } from '../helpers/temp-dir.ts';

describe('readInputFile', () => {
  it('reads a listing up to the size bound and refuses a larger one without reading it', async () => {
    const dir = await tempDir('read-input-');
    const file = path.join(dir, 'day.json');
    await writeFile(file, 'x'.repeat(1000));
    await expect(readInputFile(file, 1000)).resolves.toHaveLength(1000);
    const error = await rejectedWith(readInputFile(file, 999), RunError);
    expect(error.message).toBe(
      `${file}: is 1,000 bytes, larger than any listing (at most 999 bytes are read)`,
    );
  });

  it('names a missing file and a folder', async () => {
    const dir = await tempDir('read-input-');
    expect((await rejectedWith(readInputFile(path.join(dir, 'no.json')), RunError)).message).toMatch(
      /no\.json: no such file$/,
    );
    expect((await rejectedWith(readInputFile(dir), RunError)).message).toBe(
      `${dir}: is a folder, expected a file`,
    );
  });
});
