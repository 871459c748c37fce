import { mkdir, readdir, readFile, realpath, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODE_PATHS, codeVersion, SETTINGS_FILE } from '../../src/lib/code-version.ts';
import { contentFingerprint, publishFingerprint } from '../../src/lib/publish/fingerprint.ts';
import { BIBTEX_TYPE, headersFile } from '../../src/lib/publish/headers.ts';
import {
  checkBuildFolder,
  checkPublishPlaces,
  planPublish,
  publishBuild,
  PublishError,
  publishSummaryText,
} from '../../src/lib/publish/publish.ts';
import { readIngestState, recordDay, STATE_FILE } from '../../src/lib/publish/state.ts';
import { tempDir } from '../helpers/temp-dir.ts';

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
    expect(new Set(patterns).size).toBe(patterns.length);
    // Every file gets the security headers; no header is set by two rules that can match one file.
    const catchAll = text.slice(text.indexOf('/papers/*\n'));
    expect(catchAll).toMatch(/^\/papers\/\*\n {2}Content-Security-Policy: /);
    expect(catchAll).not.toContain('Cache-Control');
    expect(catchAll).not.toMatch(/^ {2}Content-Type:/m);
  });

  it("give every file a Content-Security-Policy that lets search compile Pagefind's WebAssembly", () => {
    const policy = /Content-Security-Policy: (.+)/.exec(headersFile('/'))?.[1] ?? '';
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(headersFile('/')).toContain('X-Content-Type-Options: nosniff');
  });

  it('serve the BibTeX files as UTF-8 text', () => {
    const text = headersFile('/papers/');
    expect(text).toContain('/papers/days/*.bib\n  Content-Type: text/plain; charset=utf-8\n');
    expect(text).toContain('/papers/weeks/*.bib\n  Content-Type: text/plain; charset=utf-8\n');
  });

  it('are the ones the deploy guide tells S3 users to upload with', async () => {
    const readme = await readFile('docs/deploy.md', 'utf8');
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
    const rest =
      syncs.find(([, folder, options]) => folder === '' && !options?.includes('--include'))?.[2] ?? '';
    for (const [folder] of rules) expect(rest).toContain(`--exclude '${folder}*'`);
    // The BibTeX files, left out of the rest, go up with the type _headers gives them.
    expect(rest).toContain("--exclude '*.bib'");
    const bib = syncs.find(([, , options]) => options?.includes("--include 'days/*.bib'"))?.[2] ?? '';
    expect(bib).toContain("--include 'weeks/*.bib'");
    expect(bib).toContain(`--content-type '${BIBTEX_TYPE}'`);
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

describe('the publish fingerprint', () => {
  it('changes with the project’s code, assets and dependencies, and with the site’s settings', async () => {
    const [content, project] = [await tempDir(), await tempDir()];
    await writeFile(path.join(content, 'topics.yaml'), 't');
    await mkdir(path.join(project, 'src/pages'), { recursive: true });
    await writeFile(path.join(project, 'src/pages/index.astro'), 'v1');
    const env = { url: 'https://example.org', base: '/' };
    const first = await publishFingerprint(content, env, await codeVersion(project));
    expect(await publishFingerprint(content, env, await codeVersion(project))).toBe(first);
    expect(
      await publishFingerprint(content, { ...env, base: '/papers/' }, await codeVersion(project)),
    ).not.toBe(first);
    // The site owner's file counts by what it says (the settings above), not by its text.
    await writeFile(path.join(project, SETTINGS_FILE), '// a comment');
    expect(await publishFingerprint(content, env, await codeVersion(project))).toBe(first);
    // Not read by the build: no change.
    await writeFile(path.join(project, 'README.md'), 'notes');
    expect(await publishFingerprint(content, env, await codeVersion(project))).toBe(first);
    const changes: [string, string][] = [
      ['src/pages/index.astro', 'v2'],
      ['src/lib/new.ts', 'x'],
      ['public/favicon.svg', '<svg/>'],
      ['astro.config.mjs', 'export default {}'],
      ['package-lock.json', '{}'],
    ];
    const seen = new Set([first]);
    for (const [file, text] of changes) {
      await mkdir(path.dirname(path.join(project, file)), { recursive: true });
      await writeFile(path.join(project, file), text);
      const now = await publishFingerprint(content, env, await codeVersion(project));
      expect(seen.has(now), file).toBe(false);
      seen.add(now);
    }
    expect(CODE_PATHS).toEqual(['src', 'public', 'astro.config.mjs', 'package-lock.json']);
  });
});

describe('what a publish does', () => {
  it('nothing when the published folder is this build, the kept build when that is, else a build', () => {
    const stamps = (published?: string, built?: string) => ({ published, built });
    expect(planPublish('f', stamps('f', 'f'), false)).toBe('up to date');
    expect(planPublish('f', stamps('e', 'f'), false)).toBe('publish the kept build');
    expect(planPublish('f', stamps(undefined, 'f'), false)).toBe('publish the kept build');
    expect(planPublish('f', stamps('e', 'e'), false)).toBe('build');
    expect(planPublish('f', stamps(undefined, undefined), false)).toBe('build');
    expect(planPublish('f', stamps('f', 'f'), true)).toBe('build');
  });

  it('refuses a published folder that is a link or a repository, and folders inside each other', async () => {
    const root = await tempDir();
    const [build, dist] = [path.join(root, 'build'), path.join(root, 'dist')];
    await mkdir(path.join(root, 'www'));
    await symlink(path.join(root, 'www'), dist);
    expect(() => checkPublishPlaces(build, dist, '--out-dir')).toThrow(
      new PublishError(
        `${dist} is a symbolic link; publishing swaps whole folders and would replace it: give the folder it points to (${await realpath(path.join(root, 'www'))}) as --out-dir`,
      ),
    );
    expect(() => checkPublishPlaces(build, path.join(root, 'www'))).not.toThrow();
    await mkdir(path.join(root, 'www/.git'));
    expect(() => checkPublishPlaces(build, path.join(root, 'www'))).toThrow(/holds a \.git folder/);
    const site = path.join(root, 'site');
    for (const inside of [site, path.join(site, 'build'), `${site}.next`, `${site}.next/build`])
      expect(() => checkPublishPlaces(inside, site), inside).toThrow(/must be apart/);
    expect(() => checkPublishPlaces(build, path.join(build, 'dist'))).toThrow(/must be apart/);
    expect(() => checkPublishPlaces(`${site}-build`, site)).not.toThrow();
  });

  it('refuses build and published folders that would take content or code with them', () => {
    const project = '/work/project';
    const content = '/work/project/content';
    const check = (folder: string) => () => checkBuildFolder(folder, '--out-dir', content, project);
    expect(check('/work/project/content')).toThrow(
      new PublishError(
        '--out-dir /work/project/content and the content folder /work/project/content must be apart, neither inside the other',
      ),
    );
    expect(check('/work/project/content/papers')).toThrow(/must be apart/);
    expect(check('/work')).toThrow(/must be apart/);
    expect(check('/work/project/src/out')).toThrow(
      new PublishError(
        "--out-dir /work/project/src/out is inside the project's src; give a folder of its own",
      ),
    );
    expect(check('/work/project/public')).toThrow(/inside the project's public/);
    expect(() =>
      checkBuildFolder('/elsewhere', '--build-dir', '/data/content', '/elsewhere/project'),
    ).toThrow(new PublishError('--build-dir /elsewhere holds the project; give a folder of its own'));
    for (const fine of ['/work/project/dist', '/work/project/node_modules/.cache/site', '/tmp/site'])
      expect(check(fine), fine).not.toThrow();
  });

  it('removes what a swap stopped halfway left, and keeps the replaced site as the next copy', async () => {
    const root = await tempDir();
    const [build, dist] = [path.join(root, 'build'), path.join(root, 'dist')];
    await mkdir(build);
    await writeFile(path.join(build, 'index.html'), 'new');
    await mkdir(dist);
    await writeFile(path.join(dist, 'index.html'), 'old');
    await mkdir(path.join(root, 'dist.old-12345'));
    await writeFile(path.join(root, 'dist.old-12345/index.html'), 'older');
    const summary = await publishBuild(build, dist, { link: false });
    expect(publishSummaryText(summary)).toBe('copied 1 file, removed 0 and kept 0');
    expect((await readdir(root)).sort()).toEqual(['build', 'dist', 'dist.next']);
    expect(await readFile(path.join(dist, 'index.html'), 'utf8')).toBe('new');
    expect(await readFile(path.join(root, 'dist.next/index.html'), 'utf8')).toBe('old');
  });
});
