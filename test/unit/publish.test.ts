import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { daysBetween } from '../../src/lib/publish/days.ts';
import { contentFingerprint } from '../../src/lib/publish/fingerprint.ts';
import { headersFile } from '../../src/lib/publish/headers.ts';
import { readIngestState, recordDay, STATE_FILE } from '../../src/lib/publish/state.ts';
import { tempDir } from '../helpers/temp-dir.ts';

describe('day ranges', () => {
  it('include both ends and cross months and leap days', () => {
    expect(daysBetween('2028-02-27', '2028-03-01')).toEqual([
      '2028-02-27',
      '2028-02-28',
      '2028-02-29',
      '2028-03-01',
    ]);
    expect(daysBetween('2026-10-03', '2026-10-03')).toEqual(['2026-10-03']);
  });

  it('refuse bad days and backwards ranges', () => {
    expect(() => daysBetween('2026-02-30', '2026-03-01')).toThrow(
      '--from: expected a day as YYYY-MM-DD, got "2026-02-30"',
    );
    expect(() => daysBetween('2026-03-02', '2026-03-01')).toThrow(
      '--from 2026-03-02 is after --to 2026-03-01',
    );
  });
});

describe('the ingest state file', () => {
  it('starts empty, records days in order, and is not rewritten when nothing changed', async () => {
    const dir = await tempDir();
    expect((await readIngestState(dir)).state).toEqual({ version: 1, days: {} });
    await recordDay(dir, '2026-10-03', 50);
    await recordDay(dir, '2026-10-01', 0);
    const text = await readFile(path.join(dir, STATE_FILE), 'utf8');
    expect(JSON.parse(text)).toEqual({ version: 1, days: { '2026-10-01': 0, '2026-10-03': 50 } });
    await recordDay(dir, '2026-10-03', 50);
    expect(await readFile(path.join(dir, STATE_FILE), 'utf8')).toBe(text);
  });

  it('says how to recover from a damaged file', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, STATE_FILE), '{ nope');
    await expect(readIngestState(dir)).rejects.toThrow(/not valid JSON; delete it to start over/);
  });
});

describe('_headers', () => {
  it('caches hashed assets for a year and feeds briefly, under the base path, without overlapping rules', () => {
    const text = headersFile('/papers/');
    expect(text).toContain('/papers/_astro/*\n  Cache-Control: public, max-age=31536000, immutable');
    expect(text).toContain('/papers/feeds/*\n  Cache-Control: public, max-age=900');
    const patterns = text.split('\n').filter((line) => line.startsWith('/'));
    expect(patterns).not.toContain('/papers/*');
  });

  it('are the ones the README tells S3 users to upload with', async () => {
    const readme = await readFile('README.md', 'utf8');
    const syncs = [
      ...readme.matchAll(/aws s3 sync dist\/(\S*) ((?:[^\n]|\\\n)*?)--cache-control '([^']+)'/g),
    ];
    const told = new Map(syncs.map(([, folder, , value]) => [folder, value]));
    // Every rule of _headers, by folder, and HTML revalidated every time (the hosts' default).
    const rules = [...headersFile('/').matchAll(/^\/(\S*)\*\n {2}Cache-Control: (.+)$/gm)].map(
      ([, folder, value]): [string, string] => [folder ?? '', value ?? ''],
    );
    expect(told).toEqual(new Map([...rules, ['', 'public, max-age=0, must-revalidate']]));
    // The upload of the rest leaves out every folder with its own rule.
    const rest = syncs.find(([, folder]) => folder === '')?.[2] ?? '';
    for (const [folder] of rules) expect(rest).toContain(`--exclude '${folder}*'`);
  });
});

describe('the content fingerprint', () => {
  it('changes with any paper file or the taxonomy, and with build settings', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'papers/2026/10/03'), { recursive: true });
    await writeFile(path.join(dir, 'papers/2026/10/03/2610.00001.md'), 'a');
    await writeFile(path.join(dir, 'topics.yaml'), 't');
    const first = await contentFingerprint(dir);
    expect(await contentFingerprint(dir)).toBe(first);
    expect(await contentFingerprint(dir, 'base=/papers/')).not.toBe(first);
    await writeFile(path.join(dir, 'topics.yaml'), 't2');
    const second = await contentFingerprint(dir);
    expect(second).not.toBe(first);
    await writeFile(path.join(dir, 'papers/2026/10/03/2610.00001.md'), 'b');
    expect(await contentFingerprint(dir)).not.toBe(second);
  });
});
