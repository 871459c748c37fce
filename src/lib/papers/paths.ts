/** Where papers live inside the content folder. */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { idToFileName, isPaperId } from './ids.ts';
import { isIsoDay } from './dates.ts';

export const PAPERS_DIR = 'papers';

/**
 * The paper files the build's content collection reads (src/content.config.ts),
 * relative to the content folder: `papers/YYYY/MM/DD/<name>.md`, hidden names
 * left out. dayFromRelativePath accepts exactly these paths, so validation,
 * the fingerprint and the build read one set of files (issue 20).
 */
export const PAPER_FILES_GLOB = `${PAPERS_DIR}/[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/[!.]*.md`;

/** `to` relative to `from`, with `/` between folders on every system (content paths, site paths). */
export function posixRelative(from: string, to: string): string {
  return path.relative(from, to).split(path.sep).join('/');
}

/** `papers/2026/10/03/2610.01092.md`, relative to the content folder. */
export function paperRelativePath(id: string, date: string): string {
  if (!isPaperId(id)) throw new Error(`not a paper id: ${JSON.stringify(id)}`);
  if (!isIsoDay(date)) throw new Error(`not a day: ${JSON.stringify(date)}`);
  const [year, month, day] = date.split('-') as [string, string, string];
  return path.posix.join(PAPERS_DIR, year, month, day, idToFileName(id));
}

/**
 * The absolute path of a file inside the content folder. Ids are validated
 * before they get here; this is the second lock on the door.
 */
export function resolveInside(contentDir: string, relative: string): string {
  const root = path.resolve(contentDir);
  const target = path.resolve(root, relative);
  if (!isInside(target, root)) {
    throw new OutsideFolderError(`refusing to write outside the content folder: ${relative}`);
  }
  return target;
}

/** Whether `inner` is `outer` or a path below it (both resolved against the working folder). */
export function isInside(inner: string, outer: string): boolean {
  const relative = path.relative(path.resolve(outer), path.resolve(inner));
  // `..name` is a child; only `..` itself or `../…` leaves.
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/** The absolute path with links resolved, so one folder reached two ways is one folder; as given when missing. */
export function canonicalPath(folder: string): string {
  try {
    return realpathSync(folder);
  } catch {
    return path.resolve(folder);
  }
}

/**
 * The listing day a paper file's folder names (`papers/2026/10/03/x.md` ->
 * `2026-10-03`), for a path relative to the content folder; undefined for
 * any other path, at any other depth included (PAPER_FILES_GLOB).
 */
export function dayFromRelativePath(relative: string): string | undefined {
  const match = /^papers\/(\d{4})\/(\d{2})\/(\d{2})\/[^./][^/]*\.md$/.exec(
    relative.split(path.sep).join('/'),
  );
  return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}

export class OutsideFolderError extends Error {
  override name = 'OutsideFolderError';
}
