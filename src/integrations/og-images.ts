/**
 * Astro integration: after `astro build`, a social image for every paper
 * and day in `dist/og/` (see src/lib/og/). Prints one line:
 *
 *   og images: 133 (2 rendered, 131 cached) in 1.2s
 *
 * Its options come from the site's settings and the operator's (src/config.ts,
 * src/settings.ts: PAPERS_OG_CACHE, PAPERS_OG_PRUNE, PAPERS_OG_REPORT).
 */
import type { AstroIntegration } from 'astro';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifiedKey, classifiedPapers, clearBuildRecord } from '../lib/build-record.ts';
import type { OgConfig } from '../lib/config/site.ts';
import type { OgBuildOptions } from '../lib/og/build.ts';
import { builtPapers, clearBuiltPapers } from '../lib/papers/built-papers.ts';

export interface OgImagesOptions {
  /** The cards' look. */
  config: OgConfig;
  /** These three: absolute, or relative to the project. */
  contentDir: string;
  cacheDir: string;
  /** Also write the build's report as JSON to this file. */
  reportFile: string | undefined;
  /** Delete cached images this build did not use (for CI, where one build owns the cache). */
  prune: boolean;
}

export default function ogImages(options: OgImagesOptions): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'daily-papers:og-images',
    hooks: {
      'astro:config:setup': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      // A build's record starts empty (also cleared by the topic report; either may be left out),
      // and so does its list of papers, which only this step reads.
      'astro:build:start': () => {
        clearBuildRecord();
        clearBuiltPapers();
      },
      'astro:build:done': async ({ dir, logger }) => {
        // Loaded here, not at the top: `astro dev` and `astro check` need none of it.
        const { buildOgImages, summaryLine, writeReport } = await import('../lib/og/build.ts');
        const report = await buildOgImages({
          // What the pages' part of the build loaded and classified (src/lib/papers/built-papers.ts, build-record.ts).
          ...(await fromBuildRecord()),
          projectRoot: root,
          contentDir: path.resolve(root, options.contentDir),
          outDir: fileURLToPath(dir),
          cacheDir: path.resolve(root, options.cacheDir),
          config: options.config,
          prune: options.prune,
        });
        logger.info(summaryLine(report));
        if (options.reportFile) await writeReport(path.resolve(root, options.reportFile), report);
      },
    },
  };
}

/**
 * The papers and topics the build's pages used, so the images are made from
 * the same and the archive is not read and classified again; the site's
 * topics alone when the build recorded no papers.
 */
async function fromBuildRecord(): Promise<Pick<OgBuildOptions, 'papers' | 'topics'>> {
  // Imported here: the module reads the content folder's taxonomy when it loads.
  const { topicsOf, topicTitle, topicTitlesOf } = await import('../lib/site/topics.ts');
  const papers = builtPapers();
  if (!papers) return { topics: topicTitlesOf };
  const classified = classifiedPapers();
  return {
    papers,
    topics: (paper) => (classified.get(classifiedKey(paper))?.topics ?? topicsOf(paper)).map(topicTitle),
  };
}
