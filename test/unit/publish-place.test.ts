import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlace, placeFolders, resolvePlace, type PlaceOptions } from '../../src/lib/publish/place.ts';
import { PublishError } from '../../src/lib/publish/publish.ts';
import { readEnvironment } from '../../src/lib/config/env.ts';

const PROJECT = '/work/project';

/** The place the options name, checked as a run checks it once it holds the locks. */
function publishPlace(options: PlaceOptions, env: NodeJS.ProcessEnv, root: string) {
  const place = resolvePlace(options, readEnvironment(env).operator.publishBuildDir, root);
  checkPlace(place, root, { outDir: '--out-dir', buildDir: '--build-dir' });
  return place;
}
const base: PlaceOptions = {
  contentDir: '/work/project/content',
  outDir: '/work/project/dist',
  link: false,
  inPlace: false,
};

describe('where papers publish builds and publishes', () => {
  it('builds in the configured build folder, in the project, unless told another', () => {
    expect(publishPlace(base, {}, PROJECT)).toEqual({
      ...base,
      buildDir: '/work/project/node_modules/.cache/daily-papers/site',
    });
    expect(publishPlace(base, { PAPERS_PUBLISH_BUILD: 'build-here' }, PROJECT).buildDir).toBe(
      '/work/project/build-here',
    );
    // Given on the command line: from where it is run.
    expect(publishPlace({ ...base, buildDir: 'site' }, {}, PROJECT).buildDir).toBe(path.resolve('site'));
    expect(publishPlace({ ...base, link: true }, {}, PROJECT).link).toBe(true);
  });

  it('builds in the published folder itself in place, with no link', () => {
    expect(publishPlace({ ...base, inPlace: true }, {}, PROJECT)).toEqual({
      ...base,
      buildDir: '/work/project/dist',
      inPlace: true,
    });
  });

  it('locks the content, build and published folders, each once', () => {
    expect(placeFolders(publishPlace(base, {}, PROJECT))).toEqual([
      '/work/project/content',
      '/work/project/node_modules/.cache/daily-papers/site',
      '/work/project/dist',
    ]);
    expect(placeFolders(publishPlace({ ...base, inPlace: true }, {}, PROJECT))).toEqual([
      '/work/project/content',
      '/work/project/dist',
    ]);
  });

  it('refuses a build folder inside the published one, and one that is the content', () => {
    expect(() => publishPlace({ ...base, buildDir: '/work/project/dist/build' }, {}, PROJECT)).toThrow(
      PublishError,
    );
    expect(() => publishPlace({ ...base, buildDir: '/work/project/content' }, {}, PROJECT)).toThrow(
      /--build-dir .* and the content folder .* must be apart/,
    );
    expect(() => publishPlace({ ...base, outDir: '/work/project/src' }, {}, PROJECT)).toThrow(
      /--out-dir .* is inside the project's src/,
    );
  });
});
