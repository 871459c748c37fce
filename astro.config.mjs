// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { SITE } from './src/config.ts';
import ogImages from './src/integrations/og-images.ts';
import { headersFileIntegration } from './src/integrations/headers-file.ts';
import { topicReport } from './src/integrations/topic-report.ts';
import { buildNotesIntegration } from './src/integrations/build-notes.ts';
import { outDirKept } from './src/integrations/out-dir.ts';
import { storeFromFile } from './src/integrations/store-module.ts';
import { OG_DIR } from './src/lib/og/paths.ts';
import { SEARCH_DIR } from './src/lib/search/bundles.ts';

export default defineConfig({
  site: SITE.url,
  base: SITE.base,
  trailingSlash: 'always',
  // No inline <style>: the Content-Security-Policy in _headers allows only the site's own stylesheets.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Pages whose getStaticPaths entry has the same cacheKey (src/lib/site/cache-keys.ts)
  // and the same code as at the last build are kept: left in dist/ (see outDirKept below), or
  // copied from the cache in cacheDir when dist/ is new.
  experimental: { incrementalBuild: true },
  integrations: [
    // No lastmod, changefreq or priority: the output must not depend on when it was built.
    // The search page is noindex (results pages are not content).
    // Pages read the content store from its file: a copy compiled into the bundle is slow to import at scale.
    storeFromFile(),
    // What the build reused from the last one (topics, related lists).
    buildNotesIntegration(),
    sitemap({ filter: (page) => !new URL(page).pathname.endsWith('/search/') }),
    // A social image per paper and day in dist/og/, rendered only when its input changed.
    ogImages(),
    topicReport(SITE.contentDir),
    headersFileIntegration(SITE.base),
    // Last: dist/ is kept between builds, so unchanged pages stay where they are; once every other
    // step has written its files, what this build did not make goes. The search step and the
    // social images keep their own folders in step.
    outDirKept({ ownedElsewhere: [SEARCH_DIR, OG_DIR] }),
  ],
});
