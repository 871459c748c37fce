/**
 * Which folders papers may empty, move or replace: only those it made.
 * Building clears or prunes its output folder and publishing swaps the
 * published folder away, so a folder given as `--out-dir` or `--build-dir`
 * that held someone's files lost them (issue 20). Such a folder is refused
 * before anything is done.
 *
 * A build marks its output folder with OWNED_MARK when it starts
 * (src/integrations/out-dir.ts); the published folder and its `.next` copy
 * get the mark from the build they are copies of. It is published with the
 * site: a one-line text that says what made the folder, as harmless as the
 * `.content-fingerprint` and `_headers` published beside it, and needed
 * there, as it is what makes the published folder recognisable.
 *
 * A folder built by an older version has no mark. It counts as this tool's
 * when it holds what every build of this tool left since `papers publish`
 * and `--out-dir` exist:
 * - `_headers` exactly as headersFile writes it, for the base path its first
 *   rule names: written at the end of every finished build;
 * - or the start marker of a build (prune.ts): a build started there and
 *   did not finish.
 * Nothing else counts: an `index.html` alone is as likely another site's.
 */
import { lstatSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cacheRules, headersFile } from './headers.ts';
import { BUILD_MARKER } from './prune.ts';
import { PublishError } from './publish.ts';

export const OWNED_MARK = '.daily-papers-output';

const OWNED_TEXT =
  'This folder is a build of daily-papers (papers publish, papers daily or astro build), which replaces its files on every build.\n';

/** A folder papers may take (`new`: missing or empty), and why; or `foreign`. */
export type FolderKind = 'new' | 'marked' | 'earlier build' | 'foreign';

export function folderKind(folder: string): FolderKind {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (error) {
    // A file where a folder should be is someone's too.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'new';
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return 'foreign';
    throw error;
  }
  if (names.length === 0) return 'new';
  if (isFile(path.join(folder, OWNED_MARK))) return 'marked';
  if (isFile(path.join(folder, BUILD_MARKER)) || isOwnHeadersFile(path.join(folder, '_headers')))
    return 'earlier build';
  return 'foreign';
}

/**
 * Throws a PublishError when `folder` holds files papers did not write;
 * `what` names it as the user gave it (`--out-dir`).
 */
export function checkOwnedFolder(folder: string, what: string): void {
  if (folderKind(folder) !== 'foreign') return;
  throw new PublishError(
    `${what} ${folder} holds files papers did not write (it has no ${OWNED_MARK} and is not a site papers built); ` +
      'papers would delete or move them: give a new or empty folder, or empty this one yourself',
  );
}

/** Marks `folder`, which exists, as this tool's output; a mark already there is left as it is. */
export function markOwned(folder: string): void {
  try {
    writeFileSync(path.join(folder, OWNED_MARK), OWNED_TEXT, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/** Whether `file` is the `_headers` headersFile writes, for the base path its first rule names. */
function isOwnHeadersFile(file: string): boolean {
  // Ours is a few hundred bytes; a big one is not read.
  const stat = lstatSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile() || stat.size > 4096) return false;
  const text = readFileSync(file, 'utf8');
  const base = /^(.*)_astro\/\*\n/.exec(text)?.[1];
  return base !== undefined && (text === headersFile(base) || text === cacheRules(base));
}

function isFile(file: string): boolean {
  try {
    return lstatSync(file).isFile();
  } catch {
    return false;
  }
}
