/** Markdown tables for the docs made from code (configuration, content format). */

/** A Markdown table with its columns padded, as Prettier formats one; `|` in a cell is escaped. */
export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const body = rows.map((cells) => cells.map((cell) => cell.replaceAll('|', '\\|')));
  const widths = headers.map((_, column) =>
    Math.max(3, ...[headers, ...body].map((cells) => width(cells[column] ?? ''))),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(cell.length + (widths[column] ?? 0) - width(cell))).join(' | ')} |`;
  const rule = `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`;
  return [line(headers), rule, ...body.map(line)].join('\n');
}

/** Characters as Prettier counts them for padding (code points). */
function width(text: string): number {
  return [...text].length;
}

/**
 * `text` with the part from `start` to the first `end` after it (both
 * included) replaced by `generated`; throws when a marker is missing.
 */
export function replaceBetweenMarkers(text: string, start: string, end: string, generated: string): string {
  const from = text.indexOf(start);
  const to = from < 0 ? -1 : text.indexOf(end, from);
  if (to < 0) throw new Error(`the generated part's markers are missing: ${start}`);
  return text.slice(0, from) + generated + text.slice(to + end.length);
}
