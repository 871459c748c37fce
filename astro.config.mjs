// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { SITE } from './src/config.ts';
import ogImages from './src/integrations/og-images.ts';
import { headersFileIntegration } from './src/integrations/headers-file.ts';
import { topicReport } from './src/integrations/topic-report.ts';
import { buildNotesIntegration } from './src/integrations/build-notes.ts';
import { outDirSetAside } from './src/integrations/out-dir.ts';
import { storeFromFile } from './src/integrations/store-module.ts';

export default defineConfig({
  site: SITE.url,
  base: SITE.base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Pages whose getStaticPaths entry has the same cacheKey (src/lib/site/cache-keys.ts)
  // and the same code as at the last build are copied from the cache in cacheDir.
  experimental: { incrementalBuild: true },
  integrations: [
    // No lastmod, changefreq or priority: the output must not depend on when it was built.
    // The search page is noindex (results pages are not content).
    // Pages read the content store from its file instead of compiling a 117 MB copy (50,000 papers).
    storeFromFile(),
    // The last build's dist/ is deleted in the background rather than by Astro, file by file, first.
    outDirSetAside(),
    // What the build reused from the last one (topics, related lists).
    buildNotesIntegration(),
    sitemap({ filter: (page) => !new URL(page).pathname.endsWith('/search/') }),
    // A social image per paper and day in dist/og/, rendered only when its input changed.
    ogImages(),
    topicReport(SITE.contentDir),
    headersFileIntegration(SITE.base),
  ],
});
