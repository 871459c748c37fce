/**
 * Where `papers publish` and `papers daily` build and publish, from their
 * options: the build folder kept between runs (publish.ts), or the published
 * folder itself with `inPlace`. Resolved first, to know which folders to
 * lock; checked once they are locked, before any work is done.
 */
import path from 'node:path';
import { checkOwnedFolder } from './owned.ts';
import { checkBuildFolder, checkPublishPlaces, nextFolder, PUBLISHED_FOLDER } from './publish.ts';

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

/**
 * The place the options name, with the build folder resolved; nothing is
 * read. The CLI first refuses options that contradict each other
 * (scripts/cli/publish.ts, optionConflict); call checkPlace once the run
 * holds the place's locks (placeFolders).
 */
export function resolvePlace(
  options: PlaceOptions,
  /** The operator's build folder (PAPERS_PUBLISH_BUILD), for when the options name none. */
  publishBuildDir: string,
  projectRoot: string,
): PublishPlace {
  const { contentDir, outDir, link, inPlace } = options;
  if (inPlace) return { contentDir, outDir, buildDir: path.resolve(outDir), link: false, inPlace };
  const buildDir =
    options.buildDir !== undefined
      ? path.resolve(options.buildDir)
      : path.resolve(projectRoot, publishBuildDir);
  return { contentDir, outDir, buildDir, link, inPlace };
}

/** How the user names the published and build folders in errors: the CLI's flags, say. */
export interface PlaceNames {
  outDir: string;
  buildDir: string;
}

const PLAIN_NAMES: PlaceNames = { outDir: PUBLISHED_FOLDER, buildDir: 'the build folder' };

/** The folders a publish reads or writes, which a run locks for its whole length (src/lib/run-lock/). */
export function placeFolders(place: PublishPlace): string[] {
  return [...new Set([place.contentDir, place.buildDir, place.outDir].map((folder) => path.resolve(folder)))];
}

/**
 * Throws a PublishError when a folder of the place could take content, code
 * or another folder with it (checkBuildFolder, checkPublishPlaces), or holds
 * files papers did not write (owned.ts): the build folder, the published
 * folder and the copy of it a publish brings up to date (`<out>.next`).
 */
export function checkPlace(place: PublishPlace, projectRoot: string, names: PlaceNames = PLAIN_NAMES): void {
  const { contentDir, outDir, buildDir } = place;
  checkBuildFolder(outDir, names.outDir, contentDir, projectRoot);
  if (!place.inPlace) {
    checkBuildFolder(buildDir, names.buildDir, contentDir, projectRoot);
    checkPublishPlaces(buildDir, outDir, names.outDir);
    checkOwnedFolder(buildDir, names.buildDir);
    checkOwnedFolder(nextFolder(outDir), `the copy of the site kept beside ${names.outDir}`);
  }
  checkOwnedFolder(outDir, names.outDir);
}
