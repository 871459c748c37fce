// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { SITE } from './src/config.ts';
import { topicReport } from './src/integrations/topic-report.ts';

export default defineConfig({
  site: SITE.url,
  base: SITE.base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [
    // No lastmod, changefreq or priority: the output must not depend on when it was built.
    // The search page is noindex (results pages are not content).
    sitemap({ filter: (page) => !new URL(page).pathname.endsWith('/search/') }),
    topicReport(SITE.contentDir),
  ],
});
