/** `papers publish`: validate, build and index in the kept build folder, then publish; `papers daily` ends with it. */
import {
  CONTENT_DIR_OPTION,
  defineCommand,
  HELP_OPTION,
  parseCommandArgs,
  showHelp,
  type OptionTable,
} from './args.ts';
import { readEnvironment } from '../../src/lib/config/env.ts';
import { countText } from '../../src/lib/count-text.ts';
import { checkContent } from '../../src/lib/publish/check-content.ts';
import { readStamp } from '../../src/lib/publish/fingerprint.ts';
import {
  checkPlace,
  placeFolders,
  resolvePlace,
  type PlaceOptions,
  type PublishPlace,
} from '../../src/lib/publish/place.ts';
import { holdsPaperPages, planPublish, PublishError } from '../../src/lib/publish/publish.ts';
import { restoreStoppedSwap } from '../../src/lib/publish/swap.ts';
import { loadTaxonomy } from '../../src/lib/topics/load.ts';
import { buildAndPublish, PLACE_NAMES, PROJECT, publishKeptBuild } from './build-site.ts';
import { siteSettings, type CommandContext } from './context.ts';
import { RunError, UsageError } from './errors.ts';
import { checkContentFolder } from './read-input.ts';
import { withFolderLocks } from './run-lock.ts';

/** The options of every command that builds and publishes: `papers publish` and `papers daily`. */
export const PUBLISH_OPTIONS = {
  'content-dir': CONTENT_DIR_OPTION,
  'out-dir': {
    type: 'string',
    value: 'DIR',
    default: 'dist',
    description: 'where the published site goes',
  },
  'build-dir': {
    type: 'string',
    value: 'DIR',
    description: 'where the site is built first, kept between runs and never served',
    defaultText: `PAPERS_PUBLISH_BUILD, or ${readEnvironment({}).operator.publishBuildDir} in the project`,
  },
  link: {
    type: 'boolean',
    default: false,
    description:
      "publish hard links to the build folder's files instead of copies, on a machine that uploads the published folder and is then thrown away (CI): elsewhere the next build would change the published files through the links",
  },
  'in-place': {
    type: 'boolean',
    default: false,
    description:
      'build in the published folder itself, with no build folder and no publish step: for a CI job that keeps the folder in its cache and deploys it only when the job succeeded (a failed build leaves it incomplete)',
  },
  'force-build': {
    type: 'boolean',
    default: false,
    description: 'build even when the content has not changed',
  },
  'allow-empty': {
    type: 'boolean',
    default: false,
    description:
      'publish content without paper files over a site that has papers (refused otherwise: a wrong --content-dir)',
  },
} as const satisfies OptionTable;

export const PUBLISH_COMMAND = defineCommand({
  name: 'papers publish',
  usage: 'papers publish [options]',
  summary: 'validate, build, index, and publish when all succeeded',
  description: `Builds the site from the content folder and publishes it, as "papers daily" does after it
ingested a day: validates all content, builds the site and its search index in the build folder (in
place, so unchanged pages stay where they are), and only when both succeeded brings <out-dir>.next
(the site as it was before the last publish) up to date with the build and swaps it in for the
published folder. If content is invalid or the build fails, the published folder is left as it was.
Nothing is done when it is already the build of this content. With --in-place, the site is built in
the published folder itself and nothing is swapped.

One run at a time: while another papers run uses the content, build or published folder, it stops
at once and changes nothing (exit 1). A build or published folder that holds files papers did not
write is refused (docs/what-can-go-wrong.md).`,
  options: { ...PUBLISH_OPTIONS, ...HELP_OPTION },
});

export interface PublishValues {
  'content-dir': string;
  'out-dir': string;
  'build-dir'?: string | undefined;
  link: boolean;
  'in-place': boolean;
  'force-build': boolean;
  'allow-empty': boolean;
}

export async function runPublish(args: string[], context: CommandContext): Promise<number> {
  const { values } = parseCommandArgs(PUBLISH_COMMAND, args);
  if (values.help) return showHelp(PUBLISH_COMMAND, context);
  const place = resolvedPlace(values, context);
  checkContentFolder(place.contentDir, 'refuse');
  const outcome = await withFolderLocks(placeFolders(place), async () => {
    restorePublished(place, context);
    checkPlace(place, PROJECT, PLACE_NAMES);
    await loadTaxonomy(place.contentDir);
    return validateBuildAndPublish(place, values, context);
  });
  context.output.result(publishOutcomeText(outcome, values['out-dir']));
  return 0;
}

/**
 * Puts back the published site a publish killed while it swapped folders
 * left beside the published folder (swap.ts), and says so. First thing once
 * the folders are locked: a run that then fails must not leave no site.
 */
export function restorePublished(place: PublishPlace, context: CommandContext): void {
  let from: string | undefined;
  try {
    from = restoreStoppedSwap(place.outDir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new PublishError(
      `${place.outDir} is missing and the last published site, left beside it by a publish that was stopped, cannot be moved back (${code}): rename the newest ${place.outDir}.old-<pid> folder to ${place.outDir}`,
    );
  }
  if (from !== undefined)
    context.output.warn(
      `${place.outDir} was missing (a publish was stopped while it swapped folders): put the last published site back from ${from}`,
    );
}

/** Nothing done; the build folder's last build published; a new build published. */
export type PublishOutcome = 'up to date' | 'kept build published' | 'built and published' | 'built in place';

export function publishOutcomeText(outcome: PublishOutcome, outDir: string, what = 'the site'): string {
  if (outcome === 'up to date') return `${outDir} is up to date; nothing to build`;
  if (outcome === 'kept build published') return `published the last build of this content to ${outDir}`;
  if (outcome === 'built in place') return `built ${what} in ${outDir} (in place)`;
  return `published ${what} to ${outDir}`;
}

/**
 * Validates the content, then builds and publishes it unless the published
 * folder, or the build folder, already holds its build (planPublish). The
 * run holds the place's locks, and has checked it (checkPlace).
 */
export async function validateBuildAndPublish(
  place: PublishPlace,
  values: Pick<PublishValues, 'force-build' | 'allow-empty'>,
  context: CommandContext,
): Promise<PublishOutcome> {
  const { fingerprint, files } = await validateOrThrow(place.contentDir, place.outDir, context);
  checkNotEmptied(files, place, values['allow-empty']);
  const stamps = { published: await readStamp(place.outDir), built: await readStamp(place.buildDir) };
  const plan = planPublish(fingerprint, stamps, values['force-build']);
  if (plan === 'up to date') return 'up to date';
  if (plan === 'publish the kept build') {
    await publishKeptBuild(place, context);
    return 'kept build published';
  }
  await buildAndPublish(place, fingerprint, context);
  return place.inPlace ? 'built in place' : 'built and published';
}

/**
 * Refuses to publish a build without papers over a site with papers (a wrong
 * --content-dir, an unmounted disk) unless --allow-empty says it is meant.
 */
function checkNotEmptied(paperFiles: number, place: PublishPlace, allowEmpty: boolean): void {
  const { contentDir, outDir } = place;
  if (paperFiles > 0 || allowEmpty || !holdsPaperPages(outDir)) return;
  throw new RunError(
    `${contentDir} has no paper files, but ${outDir} holds a site with papers, which publishing would empty; ` +
      `${outDir} was left as it was: check --content-dir, or give --allow-empty to publish a site without papers`,
  );
}

/** The place options of the command, as the library names them. */
function placeOptions(values: PublishValues): PlaceOptions {
  return {
    contentDir: values['content-dir'],
    outDir: values['out-dir'],
    buildDir: values['build-dir'],
    link: values.link,
    inPlace: values['in-place'],
  };
}

/** What is wrong with a combination of options, in a sentence; undefined when nothing is. */
export function optionConflict(options: PlaceOptions): string | undefined {
  if (options.inPlace && (options.link || options.buildDir !== undefined))
    return '--in-place builds in --out-dir itself: it takes neither --link nor --build-dir';
  return undefined;
}

/** Throws a UsageError for options that contradict each other. */
export function checkPublishOptions(values: PublishValues): void {
  const conflict = optionConflict(placeOptions(values));
  if (conflict) throw new UsageError(conflict);
}

/** Where the options say to build and publish: resolved, and to be checked once locked (checkPlace). */
export function resolvedPlace(values: PublishValues, context: CommandContext): PublishPlace {
  checkPublishOptions(values);
  return resolvePlace(placeOptions(values), context.environment.operator.publishBuildDir, PROJECT);
}

/**
 * Validates the content, reading only the files changed since the last check
 * (check-content.ts); prints every problem and throws when there is one.
 * Returns the content's fingerprint and its number of paper files.
 */
export async function validateOrThrow(
  contentDir: string,
  outDir: string,
  context: CommandContext,
): Promise<{ fingerprint: string; files: number }> {
  const { report, fingerprint } = await checkContent(
    contentDir,
    { buildCacheDir: context.environment.operator.buildCacheDir, site: siteSettings(context) },
    PROJECT,
  );
  context.output.progress(
    `validated ${countText(report.files, 'paper file')}: ${report.read} parsed, ${report.hashed} unchanged but read`,
  );
  if (fingerprint !== undefined) return { fingerprint, files: report.files };
  for (const problem of report.problems) context.output.warn(problem);
  throw new RunError(
    `${countText(report.problems.length, 'content problem')} (see above); ${outDir} was left as it was`,
  );
}
