/**
 * Makes one folder the same as another, touching only what differs, as
 * `rsync --delete` does: `papers daily` keeps its build in a folder of its
 * own and publishes it by bringing the copy of the site it swaps in up to
 * date. A daily build changes a small share of a large site's files, and
 * listing and comparing both folders is far quicker than copying them all.
 *
 * A file counts as unchanged when its size and its modification time (to
 * the millisecond) are the source's: a copy is given its source's times, and
 * Astro and the search step write a changed file anew, with a new time. A
 * file that is the source's own (a hard link to it) is replaced by a copy.
 */
import {
  constants,
  copyFileSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  rmSync,
  statSync,
  unlinkSync,
  utimesSync,
} from 'node:fs';
import path from 'node:path';
import { linkTree } from '../cache-file.ts';

export interface MirrorSummary {
  /** Files copied because they were missing or differed. */
  copied: number;
  /** Files and folders removed because the source has none by that name. */
  removed: number;
  /** Files left as they were. */
  kept: number;
}

interface Listing {
  folders: Set<string>;
  files: Map<string, FileFacts>;
}

interface FileFacts {
  size: number;
  mtimeMs: number;
  atimeMs: number;
  dev: number;
  ino: number;
}

/**
 * Brings `target` (created when missing) to hold what `source` holds. A file
 * in `target` is never written through: it is removed and copied anew, so a
 * hard link in `target` leaves the file it shares untouched.
 */
export function mirrorFolder(source: string, target: string): MirrorSummary {
  const from = listFolder(source);
  mkdirSync(target, { recursive: true });
  const to = listFolder(target);
  const summary: MirrorSummary = { copied: 0, removed: 0, kept: 0 };
  removeWhatSourceLacks(target, from, to, summary);
  for (const folder of from.folders) {
    if (!to.folders.has(folder)) mkdirSync(path.join(target, folder), { recursive: true });
  }
  for (const [file, facts] of from.files) {
    const there = to.files.get(file);
    if (there && sameFacts(there, facts)) {
      summary.kept += 1;
      continue;
    }
    const destination = path.join(target, file);
    if (there) unlinkSync(destination);
    copyFileSync(path.join(source, file), destination, constants.COPYFILE_FICLONE);
    utimesSync(destination, facts.atimeMs / 1000, facts.mtimeMs / 1000);
    summary.copied += 1;
  }
  return summary;
}

/**
 * Makes `target`, which must not exist, of hard links to `source`'s files
 * (copies where links are refused): for a machine that uploads `target` and
 * is thrown away, where no later build can change a file through its link.
 * Returns the number of files.
 */
export function linkFolder(source: string, target: string): number {
  mkdirSync(target);
  return linkTree(source, target);
}

/** Removes entries of `target` that `source` lacks, or has as the other kind (file or folder). */
function removeWhatSourceLacks(target: string, from: Listing, to: Listing, summary: MirrorSummary): void {
  const removed = new Set<string>();
  const isUnderRemoved = (name: string) => {
    for (let cut = name.lastIndexOf('/'); cut > 0; cut = name.lastIndexOf('/', cut - 1)) {
      if (removed.has(name.slice(0, cut))) return true;
    }
    return false;
  };
  // Shortest first: a removed folder takes what is under it.
  for (const folder of [...to.folders].sort((a, b) => a.length - b.length)) {
    if (from.folders.has(folder) || isUnderRemoved(folder)) continue;
    rmSync(path.join(target, folder), { recursive: true, force: true });
    removed.add(folder);
    summary.removed += 1;
  }
  for (const file of [...to.files.keys()]) {
    if (isUnderRemoved(file)) {
      to.files.delete(file);
    } else if (!from.files.has(file)) {
      unlinkSync(path.join(target, file));
      to.files.delete(file);
      summary.removed += 1;
    }
  }
  for (const folder of to.folders)
    if (removed.has(folder) || isUnderRemoved(folder)) to.folders.delete(folder);
}

/** Whether the target's file `a` may stay for the source's `b`. */
function sameFacts(a: FileFacts, b: FileFacts): boolean {
  // One file under two names (linkFolder's work): a build rewriting it in place would change both.
  if (a.ino === b.ino && a.dev === b.dev) return false;
  // Within a millisecond: a time set from a number of seconds can come back off by a rounding.
  return a.size === b.size && Math.abs(a.mtimeMs - b.mtimeMs) < 1;
}

/** Every folder and file under `root`, relative to it and `/`-separated; links count as files. */
function listFolder(root: string): Listing {
  const listing: Listing = { folders: new Set(), files: new Map() };
  const walk = (relative: string) => {
    const absolute = relative ? path.join(root, relative) : root;
    for (const entry of readdirSync(absolute, { withFileTypes: true })) {
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        listing.folders.add(name);
        walk(name);
        continue;
      }
      const stat = entry.isSymbolicLink()
        ? statSync(path.join(root, name))
        : lstatSync(path.join(root, name));
      const { size, mtimeMs, atimeMs, dev, ino } = stat;
      listing.files.set(name, { size, mtimeMs, atimeMs, dev, ino });
    }
  };
  walk('');
  return listing;
}
