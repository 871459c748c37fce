/**
 * What `papers daily` and `papers publish` do before they build: validate
 * the content, reading only the files changed since the last check
 * (checked-files.ts, saved in the build cache), and fingerprint it with the
 * settings and the project's code (fingerprint.ts).
 */
import path from 'node:path';
import { canonicalPath } from '../papers/paths.ts';
import { CHECKED_FILES_FILE, readCheckedFiles, writeCheckedFiles } from '../papers/checked-files.ts';
import { validateContent, type ValidationReport } from '../papers/store.ts';
import { codeVersion } from '../code-version.ts';
import { publishFingerprint } from './fingerprint.ts';

export interface ContentCheck {
  report: ValidationReport;
  /** Undefined when the content has problems. */
  fingerprint: string | undefined;
}

export interface CheckSettings {
  /** Where the check's records are kept between runs (the operator's build cache). */
  buildCacheDir: string;
  /** What the built site depends on besides content and code, as values (publishFingerprint). */
  site: unknown;
}

export async function checkContent(
  contentDir: string,
  settings: CheckSettings,
  projectRoot: string,
): Promise<ContentCheck> {
  const code = await codeVersion(projectRoot);
  const saved = path.resolve(projectRoot, settings.buildCacheDir, CHECKED_FILES_FILE);
  const folder = canonicalPath(contentDir);
  const checkedAt = Date.now();
  const report = await validateContent(contentDir, readCheckedFiles(saved, code, folder));
  // Saved whatever the outcome: a run after a fix then parses only what was fixed.
  await writeCheckedFiles(saved, { code, contentDir: folder, checkedAt, files: report.checked });
  if (report.problems.length > 0) return { report, fingerprint: undefined };
  return { report, fingerprint: await publishFingerprint(contentDir, settings.site, code, report.checked) };
}
