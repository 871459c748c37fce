/**
 * What the pages' part of a build learnt about the archive, kept for the
 * steps that run after the pages (src/integrations/): the topics each paper
 * was given (the papers themselves are kept by papers/built-papers.ts, which
 * can name their type; this module imports nothing of src/lib). With it, the
 * topic report and the social images need not read and classify the whole
 * archive a second time, which in a large archive costs about as much as the
 * first.
 *
 * The pages are bundled by Vite and the integrations are not, so each holds
 * its own copy of this module; both reach one record through global
 * symbols. `astro build` runs both in one process.
 */
export interface ClassifiedPaper {
  topics: readonly string[];
  /** Matched no topic and went to the fallback. */
  fellBack: boolean;
}

const RECORD = Symbol.for('daily-papers.classified-papers');

const NOTES = Symbol.for('daily-papers.build-notes');

const ABSTRACTS_READ = Symbol.for('daily-papers.abstracts-read');

const PROJECT_ROOT = Symbol.for('daily-papers.project-root');

const BUILD_REUSE = Symbol.for('daily-papers.build-reuse');

const CODE_VERSION = Symbol.for('daily-papers.code-version');

type Holder = {
  [RECORD]?: Map<string, ClassifiedPaper>;
  [NOTES]?: string[];
  [ABSTRACTS_READ]?: number;
  [PROJECT_ROOT]?: string;
  [BUILD_REUSE]?: boolean;
  [CODE_VERSION]?: string | undefined;
};

/** Papers classified in this process since the last clear, by `id` and listing day. */
export function classifiedPapers(): Map<string, ClassifiedPaper> {
  const holder = globalThis as Holder;
  return (holder[RECORD] ??= new Map());
}

/** The key of a paper in the record of classifications. */
export function classifiedKey(paper: { id: string; data: { date: string } }): string {
  return `${paper.id}\u0000${paper.data.date}`;
}

/**
 * Lines for the build's log from the pages' part of the build, which has no
 * logger of its own (Astro hides what pages print); src/integrations/build-notes.ts prints them.
 */
export function buildNotes(): string[] {
  const holder = globalThis as Holder;
  return (holder[NOTES] ??= []);
}

/** The project folder, which the content layer's file paths are relative to (set from Astro's config). */
export function setProjectRoot(root: string): void {
  (globalThis as Holder)[PROJECT_ROOT] = root;
}

/** The project folder as Astro's config gives it, or the working folder when it was not set. */
export function projectRoot(): string {
  return (globalThis as Holder)[PROJECT_ROOT] ?? process.cwd();
}

/** Whether this build reuses the last one's work (src/lib/build-reuse.ts), decided with Astro's config. */
export function setBuildReuse(on: boolean): void {
  (globalThis as Holder)[BUILD_REUSE] = on;
}

/** On unless the build decided otherwise (the dev server keeps its own state and never reads saved work). */
export function buildReuseOn(): boolean {
  return (globalThis as Holder)[BUILD_REUSE] ?? true;
}

/**
 * The project's code version (src/lib/code-version.ts), set when the build
 * reuses the last one's work: what it derives and keeps is saved under it.
 */
export function setBuildCodeVersion(version: string | undefined): void {
  (globalThis as Holder)[CODE_VERSION] = version;
}

/** Undefined when the build reuses nothing, or outside a build (the dev server). */
export function buildCodeVersion(): string | undefined {
  return (globalThis as Holder)[CODE_VERSION];
}

/** Counts an abstract read from its file (src/lib/papers/bodies.ts). */
export function countAbstractRead(): void {
  const holder = globalThis as Holder;
  holder[ABSTRACTS_READ] = (holder[ABSTRACTS_READ] ?? 0) + 1;
}

/** Abstracts read from their files since the last clear. */
export function abstractsRead(): number {
  return (globalThis as Holder)[ABSTRACTS_READ] ?? 0;
}

/** Forgets everything recorded: at the start of a build. */
export function clearBuildRecord(): void {
  classifiedPapers().clear();
  buildNotes().length = 0;
  (globalThis as Holder)[ABSTRACTS_READ] = 0;
}
