/** Author lists as the site prints them. */

/** Cards show this many names before "et al.". */
export const SHORT_AUTHOR_LIMIT = 3;

export interface ShortAuthors {
  /** The names to print. */
  shown: readonly string[];
  /** How many were left out (0 when the list is complete). */
  hidden: number;
}

/**
 * Up to `limit` names are all shown; a longer list shows the first `limit`
 * and counts the rest, so "A, B, C et al." never hides just one name.
 */
export function shortenAuthors(authors: readonly string[], limit = SHORT_AUTHOR_LIMIT): ShortAuthors {
  if (authors.length <= limit + 1) return { shown: authors, hidden: 0 };
  return { shown: authors.slice(0, limit), hidden: authors.length - limit };
}

/** `A`, `A and B`, `A, B and C`. */
export function joinAuthors(authors: readonly string[]): string {
  if (authors.length <= 1) return authors.join('');
  return `${authors.slice(0, -1).join(', ')} and ${authors.at(-1)}`;
}

/** `A, B, C et al.` or the full list joined: for cards and descriptions. */
export function formatAuthors(authors: readonly string[], limit = SHORT_AUTHOR_LIMIT): string {
  return shortAuthorsText(shortenAuthors(authors, limit));
}

/** `A, B, C et al.` or the names joined. */
export function shortAuthorsText({ shown, hidden }: ShortAuthors): string {
  return hidden > 0 ? `${shown.join(', ')} et al.` : joinAuthors(shown);
}

/** Each name with the separator that follows it (`, `, ` and ` or nothing), so names can be styled one by one. */
export function authorParts(authors: readonly string[]): { name: string; after: string }[] {
  return authors.map((name, index) => ({
    name,
    after: index === authors.length - 1 ? '' : index === authors.length - 2 ? ' and ' : ', ',
  }));
}
