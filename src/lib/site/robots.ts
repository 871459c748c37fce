import { absoluteUrl, assetUrl } from './urls.ts';

/** Everything may be crawled; the sitemap index lives under the base path. */
export function robotsTxt(sitemap = absoluteUrl(assetUrl('sitemap-index.xml'))): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`;
}
