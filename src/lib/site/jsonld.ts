/**
 * JSON-LD for paper pages (schema.org ScholarlyArticle) and its safe
 * serialisation into a `<script type="application/ld+json">` element.
 */
import type { Paper } from '../papers/schema.ts';
import { arxivAbsUrl, arxivPdfUrl } from './links.ts';

export interface ArticleInput {
  id: string;
  data: Pick<Paper, 'title' | 'authors' | 'date' | 'published' | 'keywords'>;
}

export interface ArticleOptions {
  /** Absolute canonical URL of the paper page. */
  url: string;
  /** Plain-text description (an abstract excerpt). */
  description: string;
  /** Absolute image URL. */
  image: string;
  /** Topic titles. */
  about: readonly string[];
}

export function scholarlyArticle(paper: ArticleInput, options: ArticleOptions): Record<string, unknown> {
  const abs = arxivAbsUrl(paper.id);
  const pdf = arxivPdfUrl(paper.id);
  const article: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    '@id': options.url,
    url: options.url,
    mainEntityOfPage: options.url,
    headline: paper.data.title,
    name: paper.data.title,
    description: options.description,
    image: options.image,
    author: paper.data.authors.map((name) => ({ '@type': 'Person', name })),
    datePublished: paper.data.published ?? paper.data.date,
    dateCreated: paper.data.date,
  };
  if (paper.data.keywords.length > 0) article['keywords'] = paper.data.keywords.join(', ');
  if (options.about.length > 0) article['about'] = options.about.map((name) => ({ '@type': 'Thing', name }));
  if (abs) {
    article['sameAs'] = abs;
    article['identifier'] = { '@type': 'PropertyValue', propertyID: 'arXiv', value: paper.id };
  }
  if (pdf)
    article['encoding'] = { '@type': 'MediaObject', encodingFormat: 'application/pdf', contentUrl: pdf };
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
