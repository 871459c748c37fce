// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { OPERATOR, SITE } from './src/settings.ts';
import ogImages from './src/integrations/og-images.ts';
import { headersFileIntegration } from './src/integrations/headers-file.ts';
import { topicReport } from './src/integrations/topic-report.ts';
import { buildNotesIntegration } from './src/integrations/build-notes.ts';
import { outDirKept } from './src/integrations/out-dir.ts';
import { buildReuse } from './src/integrations/build-reuse.ts';
import { OG_DIR } from './src/lib/og/paths.ts';
import { SEARCH_DIR } from './src/lib/search/bundles.ts';
import { ASTRO_CACHE_DIR } from './src/lib/config/env.ts';

export default defineConfig({
  site: SITE.url,
  base: SITE.base,
  trailingSlash: 'always',
  // With every other cache of the build, so one folder holds them all (docs/build-reuse.md).
  cacheDir: ASTRO_CACHE_DIR,
  // No inline <style>: the Content-Security-Policy in _headers allows only the site's own stylesheets.
  build: { format: 'directory', inlineStylesheets: 'never' },
  integrations: [
    // First: whether this build reuses the last one's work, and what relies on Astro internals when it
    // does (src/lib/build-reuse.ts): Astro's incremental build, where pages whose getStaticPaths entry
    // has the same cacheKey (src/lib/site/cache-keys.ts) and code as at the last build are kept, left
    // in dist/ (see outDirKept below) or copied from Astro's cache; and the content store read from
    // its file instead of compiled into the bundle.
    buildReuse(OPERATOR.buildReuse),
    // What the build reused from the last one (topics, related lists).
    buildNotesIntegration(),
    // No lastmod, changefreq or priority: the output must not depend on when it was built.
    // The search page is noindex (results pages are not content).
    sitemap({ filter: (page) => !new URL(page).pathname.endsWith('/search/') }),
    // A social image per paper and day in dist/og/, rendered only when its input changed.
    ogImages({
      config: SITE.og,
      contentDir: OPERATOR.contentDir,
      cacheDir: OPERATOR.ogCacheDir,
      prune: OPERATOR.ogPrune,
      reportFile: OPERATOR.ogReport,
    }),
    topicReport(OPERATOR.contentDir),
    headersFileIntegration(SITE.base),
    // Last: dist/ is kept between builds, so unchanged pages stay where they are; once every other
    // step has written its files, what this build did not make goes. The search step and the
    // social images keep their own folders in step.
    outDirKept({ ownedElsewhere: [SEARCH_DIR, OG_DIR], indexFollows: OPERATOR.indexFollows }),
  ],
});
