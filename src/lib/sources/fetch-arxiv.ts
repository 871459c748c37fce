/**
 * Look papers up by id in the arXiv API, in batches, keeping to the API's
 * terms of use (one request every three seconds).
 */
import { parseArxivId } from '../papers/ids.ts';
import { defaultSleep, fetchText, type FetchOptions } from './http.ts';
import { InputError } from './types.ts';

export const DEFAULT_ARXIV_BATCH_SIZE = 100;
/** arXiv asks for no more than one request every three seconds. */
export const DEFAULT_ARXIV_DELAY_MS = 3_000;

export interface FetchArxivOptions extends FetchOptions {
  endpoint: string;
  batchSize?: number | undefined;
  /** The pause between batches, made with `sleep`. */
  delayMs?: number | undefined;
  /** After each batch: its number (from 0) and how many batches there are. */
  onBatch?: ((batch: number, batchCount: number) => void) | undefined;
}

/**
 * Returns the Atom text of each batch, in order. Ids may carry a version or
 * an `arXiv:` prefix or be abs/pdf URLs; they are reduced to bare ids, and
 * repeats are asked for once.
 */
export async function fetchArxivIds(ids: string[], options: FetchArxivOptions): Promise<string[]> {
  const batches = chunk(normaliseArxivIds(ids), options.batchSize ?? DEFAULT_ARXIV_BATCH_SIZE);
  const delayMs = options.delayMs ?? DEFAULT_ARXIV_DELAY_MS;
  const sleep = options.sleep ?? defaultSleep;
  const feeds: string[] = [];
  for (const [index, batch] of batches.entries()) {
    if (index > 0 && delayMs > 0) await sleep(delayMs);
    const url = arxivQueryUrl(options.endpoint, batch);
    feeds.push(await fetchText(url, { ...options, accept: options.accept ?? 'application/atom+xml' }));
    options.onBatch?.(index, batches.length);
  }
  return feeds;
}

/**
 * Bare ids in their first-seen order, without repeats; InputError on the
 * first that is not an arXiv id, naming the list as `name` (the caller's word for it).
 */
export function normaliseArxivIds(ids: readonly string[], name = 'ids'): string[] {
  const result = new Set<string>();
  for (const raw of ids) {
    const id = parseArxivId(raw);
    if (id === undefined) throw new InputError(`${name}: "${raw}" is not an arXiv id such as 2610.01092`);
    result.add(id);
  }
  return [...result];
}

/**
 * `<endpoint>?id_list=a,b,c&max_results=N`. The list is appended by hand:
 * URLSearchParams would percent-encode the commas (and old-style ids'
 * slashes), which the ids never need since they are checked to be plain.
 */
export function arxivQueryUrl(endpoint: string, ids: readonly string[]): string {
  const url = new URL(endpoint);
  url.searchParams.delete('id_list');
  url.searchParams.delete('max_results');
  const query = url.searchParams.toString();
  url.search = `${query ? `${query}&` : ''}id_list=${ids.join(',')}&max_results=${ids.length}`;
  return url.toString();
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) {
    throw new RangeError(`batchSize must be a positive integer, got ${size}`);
  }
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
