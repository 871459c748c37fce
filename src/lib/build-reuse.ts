/**
 * Build reuse: what lets a daily build keep the last build's work instead of
 * doing it again. It is the one part of the project that relies on Astro
 * internals and experimental flags; this module lists them, says which Astro
 * versions they were tested with, and decides whether a build uses them.
 * Without reuse the site is the same, byte for byte; only slower (a test
 * compares the two builds).
 *
 * The decision is made once, in the `astro build` process
 * (src/integrations/build-reuse.ts), and by `papers index` for the search
 * step; both read the same setting and the same installed Astro.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

/** Every Astro internal or experimental API that build reuse relies on, and where. */
export const ASTRO_RELIANCES: readonly { what: string; where: string }[] = [
  {
    what: '`experimental.incrementalBuild`: pages whose cache key and code are unchanged are kept',
    where: 'src/integrations/build-reuse.ts, src/lib/site/cache-keys.ts',
  },
  {
    what: "the incremental build's manifest (`incremental-build.json` in Astro's `cacheDir`) and its copies of pages (`<cacheDir>/dist/`)",
    where: 'src/lib/search/known-pages.ts',
  },
  {
    what: "the content store's file (`data-store.json` in `cacheDir`), its one-file format, its module id `\\0astro:data-layer-content` and the module meta `astroIncremental`",
    where: 'src/integrations/store-module.ts, src/lib/site/store-module.ts',
  },
  {
    what: "the glob loader's `entryTypes` context, and the content store saved 500 ms after its last change",
    where: 'src/lib/papers/lean-loader.ts',
  },
  {
    what: 'topics and related lists of the last build, kept by the digests Astro gives entries',
    where: 'src/site-archive.ts, src/lib/topics/saved.ts, src/lib/related/saved.ts',
  },
];

/** The Astro versions build reuse was tested with: from `from`, below `below`. */
export const TESTED_ASTRO = { from: '7.3.5', below: '7.5.0' } as const;

/** What PAPERS_BUILD_REUSE may say (src/lib/config/env.ts): `auto` is the default. */
export const BUILD_REUSE_SETTINGS = ['auto', 'on', 'off'] as const;
export type BuildReuseSetting = (typeof BUILD_REUSE_SETTINGS)[number];

export interface BuildReuse {
  on: boolean;
  /** Why reuse is off although it was not asked to be: one line for the build's log. */
  warning?: string;
}

/**
 * Whether a build with this setting and this Astro reuses the last build's
 * work: `on` and `off` are obeyed; `auto` reuses only with an Astro of the
 * tested range.
 */
export function decideBuildReuse(setting: BuildReuseSetting, astroVersion: string): BuildReuse {
  if (setting !== 'auto') return { on: setting === 'on' };
  if (isTestedAstro(astroVersion)) return { on: true };
  return {
    on: false,
    warning:
      `build reuse is off: Astro ${astroVersion} is not one it was tested with ` +
      `(${TESTED_ASTRO.from} up to ${TESTED_ASTRO.below}, not included), and it relies on Astro internals ` +
      `(docs/build-reuse.md). The site is the same, each build renders every page; ` +
      `PAPERS_BUILD_REUSE=on uses it anyway`,
  };
}

export function isTestedAstro(version: string): boolean {
  const [parsed, from, below] = [version, TESTED_ASTRO.from, TESTED_ASTRO.below].map(versionParts);
  if (!parsed || !from || !below) return false;
  return compareParts(parsed, from) >= 0 && compareParts(parsed, below) < 0;
}

/** `7.4.8` -> [7, 4, 8]; a pre-release counts as its release. Undefined when unreadable. */
function versionParts(version: string): [number, number, number] | undefined {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version.trim());
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

function compareParts(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

/** The version of the Astro installed for the project in `projectRoot`. */
export function installedAstroVersion(projectRoot: string): string {
  const require = createRequire(path.join(projectRoot, 'package.json'));
  return (require('astro/package.json') as { version: string }).version;
}

/** The decision for a build of the project in `projectRoot` with this setting. */
export function buildReuseFor(setting: BuildReuseSetting, projectRoot: string): BuildReuse {
  return decideBuildReuse(setting, installedAstroVersion(projectRoot));
}
