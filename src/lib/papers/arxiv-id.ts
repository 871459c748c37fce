/**
 * The forms of an arXiv id, with no Node import, so the search page's script
 * reads a typed id as the ingesters read a source's (src/lib/search/arxiv-query.ts).
 */

/** `2610.01092`: four digits of year and month, then four (before 2015) or five. */
export const NEW_STYLE_ID = /^\d{4}\.\d{4,5}$/;
/** `hep-th/9901001`, `math.AG/0601001`: an archive, perhaps a subject class, seven digits. */
export const OLD_STYLE_ID = /^[a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?\/\d{7}$/;

/**
 * What is left of an id as people write it once the abs/pdf URL, the
 * `arXiv:` prefix, a `.pdf` ending and a version (`v2`) are taken off.
 */
export function bareArxivText(raw: string): string {
  return raw
    .trim()
    .replace(/^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\//i, '')
    .replace(/^arxiv:\s*/i, '')
    .replace(/\.pdf$/i, '')
    .replace(/v\d+$/i, '');
}

/**
 * Turns what a source calls an arXiv id (`2610.01092v2`,
 * `http://arxiv.org/abs/2610.01092v1`, `arXiv:2610.01092`) into a bare id,
 * or undefined when it is not one.
 */
export function parseArxivId(raw: string): string | undefined {
  const bare = bareArxivText(raw);
  return NEW_STYLE_ID.test(bare) || OLD_STYLE_ID.test(bare) ? bare : undefined;
}
