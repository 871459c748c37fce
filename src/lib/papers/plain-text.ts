/**
 * A fast, approximate plain text of an abstract's Markdown, for the build's
 * word-level work (topics, related papers) over tens of thousands of papers,
 * where a full Markdown parse per paper would cost seconds. It undoes the
 * escaping and emphasis the ingester writes; `markdownToPlainText` in
 * normalize.ts is the exact version, for text people read (feeds).
 */
export function roughPlainText(markdown: string): string {
  return markdown
    .replace(/\*\*|__/g, '')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&(lt|gt|amp|quot|#39);/g, (_, name: string) => ENTITIES[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'" };
