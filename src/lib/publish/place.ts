/**
 * Where `papers publish` and `papers daily` build and publish, from their
 * options: the build folder kept between runs (publish.ts), or the published
 * folder itself with `inPlace`. Checked before any work is done.
 */
import path from 'node:path';
import { resolveConfig } from '../../config.ts';
import { checkBuildFolder, checkPublishPlaces } from './publish.ts';

export interface PublishPlace {
  contentDir: string;
  /** Where the site is built: kept between runs, or outDir itself when inPlace. */
  buildDir: string;
  /** Where it is published. */
  outDir: string;
  /** Hard links instead of copies (publish.ts). */
  link: boolean;
  /** Built in outDir itself, with nothing to publish. */
  inPlace: boolean;
}

export interface PlaceOptions {
  contentDir: string;
  outDir: string;
  /** Given: relative to the working folder. Absent: the configured one, relative to the project. */
  buildDir?: string | undefined;
  link: boolean;
  inPlace: boolean;
}

/** What is wrong with a combination of options, in a sentence; undefined when nothing is. */
export function optionConflict(options: PlaceOptions): string | undefined {
  if (options.inPlace && (options.link || options.buildDir !== undefined))
    return '--in-place builds in --out-dir itself: it takes neither --link nor --build-dir';
  return undefined;
}

/**
 * The place the options name, with the build folder resolved; throws a
 * PublishError when a folder could take content, code or another folder
 * with it (checkBuildFolder, checkPublishPlaces). Call optionConflict first.
 */
export function publishPlace(
  options: PlaceOptions,
  env: NodeJS.ProcessEnv,
  projectRoot: string,
): PublishPlace {
  const { contentDir, outDir, link, inPlace } = options;
  checkBuildFolder(outDir, '--out-dir', contentDir, projectRoot);
  if (inPlace) return { contentDir, outDir, buildDir: path.resolve(outDir), link: false, inPlace };
  const buildDir =
    options.buildDir !== undefined
      ? path.resolve(options.buildDir)
      : path.resolve(projectRoot, resolveConfig(env).publishBuildDir);
  checkBuildFolder(buildDir, '--build-dir', contentDir, projectRoot);
  checkPublishPlaces(buildDir, outDir);
  return { contentDir, outDir, buildDir, link, inPlace };
}
