/**
 * Reading paper files and finding them in the content folder.
 */
import { readFileSync, statSync, type Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  digestOf,
  NOTHING_KNOWN,
  stampOf,
  trustsStamp,
  type CheckedFile,
  type KnownFiles,
} from './checked-files.ts';
import { parsePaperDocument } from './document.ts';
import { fileNameToId, isPaperId } from './ids.ts';
import { dayFromRelativePath, PAPERS_DIR, posixRelative } from './paths.ts';
import { describeIssues, FIELD_LIMITS, formatProblem, paperSchema, type Paper } from './schema.ts';
import { formatNumber } from '../count-text.ts';

export interface PaperFile {
  id: string;
  /** Listing day named by the folder. */
  date: string;
  /** Relative to the content folder, with `/` separators. */
  relativePath: string;
}

/** What the content folder's `papers/` holds. */
export interface ContentFiles {
  /** Every paper file (`papers/YYYY/MM/DD/<name>.md`), sorted by path. */
  papers: PaperFile[];
  /**
   * Every other file or link under `papers/` but hidden ones (a name or
   * folder starting with `.`): relative paths, sorted. The build reads none
   * of them (PAPER_FILES_GLOB), so they are errors, not content.
   */
  strays: Stray[];
}

export interface Stray {
  relativePath: string;
  /** A symbolic link, which the build would follow and the checks would not. */
  link: boolean;
}

/**
 * The paper files under `papers/` and everything else there, in one listing:
 * what validation checks, the fingerprint hashes and the build reads
 * (PAPER_FILES_GLOB) is `papers`, and only that.
 */
export async function listContentFiles(contentDir: string): Promise<ContentFiles> {
  const root = path.join(contentDir, PAPERS_DIR);
  let entries: Dirent[];
  try {
    entries = await readdir(root, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { papers: [], strays: [] };
    throw error;
  }
  const papers: PaperFile[] = [];
  const strays: Stray[] = [];
  for (const entry of entries) {
    if (entry.isDirectory()) continue;
    const relativePath = path.posix.join(
      PAPERS_DIR,
      posixRelative(root, path.join(entry.parentPath, entry.name)),
    );
    if (relativePath.split('/').some((part) => part.startsWith('.'))) continue;
    const date = entry.isFile() ? dayFromRelativePath(relativePath) : undefined;
    if (date) papers.push({ id: fileNameToId(path.posix.basename(relativePath)), date, relativePath });
    else strays.push({ relativePath, link: entry.isSymbolicLink() });
  }
  const byPath = (a: { relativePath: string }, b: { relativePath: string }) =>
    a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0;
  return { papers: papers.sort(byPath), strays: strays.sort(byPath) };
}

/**
 * Why `contentDir` cannot be read as a content folder, in a sentence, or
 * undefined: it is a file (or another non-folder), or it is missing where the
 * command only reads (`missing: 'refuse'`). Listing a missing folder finds no
 * papers, so `papers validate` said "all valid" and a publish built an empty
 * site; a command that writes content (`missing: 'create'`) makes it.
 */
export function contentFolderProblem(
  contentDir: string,
  missing: 'refuse' | 'create',
  /** How the user gives the folder (`--content-dir`), said at the end. */
  option?: string,
): string | undefined {
  const expected = `the content folder, which holds papers/ and topics.yaml${option ? ` (${option})` : ''}`;
  let info;
  try {
    info = statSync(contentDir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && missing === 'create') return undefined;
    if (code === 'ENOENT') {
      const absolute = path.resolve(contentDir);
      const where = absolute === contentDir ? '' : ` (${absolute})`;
      return `${contentDir}: no such folder${where}; expected ${expected}`;
    }
    if (code === 'ENOTDIR') return `${contentDir}: a path through a file; expected ${expected}`;
    return `${contentDir}: cannot be read (${code ?? String(error)}); expected ${expected}`;
  }
  if (!info.isDirectory()) return `${contentDir}: not a folder; expected ${expected}`;
  const papers = statSync(path.join(contentDir, PAPERS_DIR), { throwIfNoEntry: false });
  if (papers && !papers.isDirectory())
    return `${path.join(contentDir, PAPERS_DIR)}: not a folder; expected the folder of paper files`;
  return undefined;
}

/** Every paper file (`papers/YYYY/MM/DD/<name>.md`), sorted by path; listContentFiles for the others. */
export async function listPaperFiles(contentDir: string): Promise<PaperFile[]> {
  return (await listContentFiles(contentDir)).papers;
}

/** Why a stray file is an error, and what to do, in a sentence. */
export function strayProblem(stray: Stray): string {
  if (stray.link)
    return `${stray.relativePath}: a symbolic link; paper files must be plain files in papers/YYYY/MM/DD/: replace it with the file it points to`;
  return (
    `${stray.relativePath}: not a paper file: under papers/ only papers/YYYY/MM/DD/<id>.md is read; ` +
    'move it to its day folder, or out of papers/'
  );
}

export type ReadResult = { ok: true; paper: Paper; body: string } | { ok: false; problems: string[] };

/** Parses and validates one paper file; problems name the file and field. */
export function checkPaperText(text: string, file: PaperFile): ReadResult {
  const where = file.relativePath;
  let document;
  try {
    document = parsePaperDocument(text);
  } catch (error) {
    return { ok: false, problems: [`${where}: ${(error as Error).message}`] };
  }
  const parsed = paperSchema.safeParse(document.data);
  if (!parsed.success) {
    return {
      ok: false,
      problems: describeIssues(parsed.error, document.data).map((p) => formatProblem(where, p)),
    };
  }
  const paper = parsed.data;
  const problems: string[] = [];
  const expectedId = isPaperId(file.id) ? file.id : undefined;
  if (paper.id !== expectedId) {
    problems.push(
      `${where}: field "id": expected ${JSON.stringify(file.id)} (the file name), got ${JSON.stringify(paper.id)}`,
    );
  }
  if (paper.date !== file.date) {
    problems.push(`${where}: field "date": expected ${file.date} (the folder), got ${paper.date}`);
  }
  if (!document.body)
    problems.push(`${where}: body: expected the abstract below the front matter, got nothing`);
  else if (document.body.length > FIELD_LIMITS.body)
    problems.push(
      `${where}: body: expected an abstract of at most ${formatNumber(FIELD_LIMITS.body)} characters, got ${formatNumber(document.body.length)}`,
    );
  return problems.length > 0 ? { ok: false, problems } : { ok: true, paper, body: document.body };
}

export async function readPaperFile(contentDir: string, file: PaperFile): Promise<ReadResult> {
  const text = await readFile(path.join(contentDir, file.relativePath), 'utf8');
  return checkPaperText(text, file);
}

export interface ValidationReport {
  files: number;
  problems: string[];
  /** Every valid file with its stamp and digest, for the next check (checked-files.ts). */
  checked: Record<string, CheckedFile>;
  /** Files parsed; the others were known valid and unchanged. */
  read: number;
  /** Files read only to find their bytes unchanged (new times, as after a checkout). */
  hashed: number;
}

/**
 * Checks every paper file, that no id is listed on two days, and that
 * `papers/` holds nothing else (listContentFiles). A file
 * `known` valid is not parsed again while its bytes are the same, nor read
 * while its stamp is (checked-files.ts).
 */
export async function validateContent(
  contentDir: string,
  known: KnownFiles = NOTHING_KNOWN,
): Promise<ValidationReport> {
  const { papers: files, strays } = await listContentFiles(contentDir);
  const problems = strays.map(strayProblem);
  const report: ValidationReport = { files: files.length, problems, checked: {}, read: 0, hashed: 0 };
  const firstPathById = new Map<string, string>();
  for (const file of files) {
    checkFile(contentDir, file, known, report);
    const earlier = firstPathById.get(file.id);
    if (earlier)
      report.problems.push(
        `${file.relativePath}: field "id": expected a paper listed once, got a second copy of ${earlier}`,
      );
    else firstPathById.set(file.id, file.relativePath);
  }
  return report;
}

/** One file's part of validateContent. Synchronous: tens of thousands of small reads are faster so. */
function checkFile(contentDir: string, file: PaperFile, known: KnownFiles, report: ValidationReport): void {
  const absolute = path.join(contentDir, file.relativePath);
  // Before reading: a change made in between leaves a stamp that no longer matches.
  const stamp = stampOf(statSync(absolute));
  const before = known.files[file.relativePath];
  if (before && trustsStamp(before, stamp, known.checkedAt)) {
    report.checked[file.relativePath] = before;
    return;
  }
  const bytes = readFileSync(absolute);
  const digest = digestOf(bytes);
  if (before?.digest === digest) {
    report.checked[file.relativePath] = { ...stamp, digest };
    report.hashed += 1;
    return;
  }
  report.read += 1;
  const result = checkPaperText(bytes.toString('utf8'), file);
  if (result.ok) report.checked[file.relativePath] = { ...stamp, digest };
  else report.problems.push(...result.problems);
}
