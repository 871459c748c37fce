/**
 * JSON-LD for paper pages (schema.org ScholarlyArticle) and its safe
 * serialisation into a `<script type="application/ld+json">` element.
 */
import type { Paper } from '../papers/schema.ts';
import { arxivAbsUrl } from './links.ts';

export interface ArticleInput {
  id: string;
  data: Pick<Paper, 'title' | 'authors' | 'date' | 'published' | 'keywords'>;
}

/**
 * The article as search engines need it to name its title, authors, date and
 * arXiv record. The page's own tags carry the rest (canonical URL, image,
 * description, citation_pdf_url), so it is not repeated here.
 */
export function scholarlyArticle(paper: ArticleInput): Record<string, unknown> {
  const abs = arxivAbsUrl(paper.id);
  const article: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    headline: paper.data.title,
    author: paper.data.authors.map((name) => ({ '@type': 'Person', name })),
    datePublished: paper.data.published ?? paper.data.date,
  };
  if (paper.data.keywords.length > 0) article['keywords'] = paper.data.keywords.join(', ');
  if (abs) article['sameAs'] = abs;
  return article;
}

/**
 * JSON that is safe inside `<script>`: `<`, `>` and `&` become `\u003c`,
 * `\u003e` and `\u0026` (so `</script>` or `<!--` in a title cannot end or
 * change the element), and U+2028/U+2029 are escaped for old JavaScript
 * parsers. The result is still the same JSON value.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (character) => {
    return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
