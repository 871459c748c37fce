/**
 * The search page in the browser (loaded by src/components/SearchPage.astro
 * only). Reads the search from the URL, searches the index's pieces with
 * Pagefind's JS API and renders the results with the site's own markup.
 *
 * - Pagefind loads when it is first needed: the newest piece's pagefind.js,
 *   with the other pieces (months of the newest year, earlier years) merged
 *   into it (`mergeIndex`), so a search with words ranks the whole archive by
 *   relevance in one call. Sorted searches ask each piece for its own list
 *   and merge them (src/lib/search/merge.ts).
 * - Nothing from the index is inserted as HTML: text goes in text nodes,
 *   excerpts are split into text and <mark> (src/lib/search/excerpt.ts), and
 *   links and images must stay under the site's base path.
 * - Typing replaces the URL (so back does not step through every letter);
 *   submitting or changing a filter adds a history entry, and the back
 *   button brings the previous search back.
 */
import { countText } from '../lib/count-text.ts';
import { excerptRuns } from '../lib/search/excerpt.ts';
import { listCursor, mergeCursor, type ResultCursor } from '../lib/search/merge.ts';
import type { SearchClientConfig } from '../lib/search/page.ts';
import {
  effectiveSort,
  isSearching,
  pagefindFilters,
  pagefindSort,
  parseSearchState,
  searchStateQuery,
  summaryText,
  piecesToSearch,
  type SearchState,
} from '../lib/search/query.ts';
import type { ResultMeta } from '../lib/search/record.ts';
import { formatDay, isIsoDay } from '../lib/site/dates.ts';

/** Results shown at first and added by "Show more results". */
const PAGE_SIZE = 20;
/** Pause after the last key press before searching. */
const TYPING_DELAY_MS = 200;

/** The part of Pagefind's browser API used here (pagefind.js is loaded at run time, not bundled). */
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  mergeIndex(bundlePath: string, options?: Record<string, unknown>): Promise<void>;
  preload(term: string, options?: SearchOptions): Promise<void>;
  search(term: string | null, options?: SearchOptions): Promise<{ results: PagefindResult[] } | null>;
}

interface SearchOptions {
  filters?: Record<string, string>;
  sort?: Record<string, string>;
}

interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<ResultData>;
}

interface ResultData {
  url: string;
  excerpt: string;
  meta: Partial<ResultMeta>;
}

interface Elements {
  form: HTMLFormElement;
  q: HTMLInputElement;
  selects: Record<'topic' | 'year' | 'month' | 'sort', HTMLSelectElement>;
  status: HTMLElement;
  results: HTMLElement;
  list: HTMLOListElement;
  more: HTMLButtonElement;
  unavailable: HTMLElement;
}

function elements(root: HTMLElement): Elements {
  const find = <T extends Element>(selector: string): T => {
    const element = root.querySelector<T>(selector);
    if (!element) throw new Error(`search page: no ${selector}`);
    return element;
  };
  return {
    form: find('form'),
    q: find('input[name="q"]'),
    selects: {
      topic: find('select[name="topic"]'),
      year: find('select[name="year"]'),
      month: find('select[name="month"]'),
      sort: find('select[name="sort"]'),
    },
    status: find('[data-search-status]'),
    results: find('[data-search-results]'),
    list: find('[data-search-list]'),
    more: find('[data-search-more]'),
    unavailable: find('[data-search-unavailable]'),
  };
}

class SearchPage {
  private pagefind: Promise<Pagefind> | undefined;
  private readonly data = new WeakMap<PagefindResult, Promise<ResultData>>();
  /** Bumped by every search, so an older one that finishes late shows nothing. */
  private generation = 0;
  private cursor: ResultCursor<PagefindResult> | undefined;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly config: SearchClientConfig;
  private readonly ui: Elements;

  constructor(config: SearchClientConfig, ui: Elements) {
    this.config = config;
    this.ui = ui;
  }

  start(): void {
    const { form, q, selects, more } = this.ui;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.commit();
    });
    q.addEventListener('input', () => {
      clearTimeout(this.typingTimer);
      this.typingTimer = setTimeout(() => this.update('replace'), TYPING_DELAY_MS);
    });
    // Start loading the index as soon as the reader shows interest.
    q.addEventListener('focus', () => void this.load().catch(() => undefined), { once: true });
    for (const select of Object.values(selects)) select.addEventListener('change', () => this.commit());
    more.addEventListener('click', () => void this.showMore());
    window.addEventListener('popstate', () => this.restore());
    this.restore();
  }

  /** Shows the search the URL holds (on load and on back/forward). */
  private restore(): void {
    const state = parseSearchState(window.location.search);
    this.fill(state);
    void this.run(state);
  }

  /** Searches now and adds a history entry (submit, a filter changed). */
  private commit(): void {
    clearTimeout(this.typingTimer);
    this.update('push');
  }

  private update(history: 'push' | 'replace'): void {
    const state = this.read();
    const url = `${window.location.pathname}${searchStateQuery(state)}`;
    if (url !== `${window.location.pathname}${window.location.search}`) {
      if (history === 'push') window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
    }
    void this.run(state);
  }

  private read(): SearchState {
    const params = new URLSearchParams({ q: this.ui.q.value });
    for (const [name, select] of Object.entries(this.ui.selects)) params.set(name, select.value);
    return parseSearchState(params);
  }

  private fill(state: SearchState): void {
    const { q, selects } = this.ui;
    if (q.value.trim() !== state.q) q.value = state.q;
    for (const [name, select] of Object.entries(selects)) {
      const value = state[name as keyof typeof selects];
      // A value the page does not offer (an old link) shows as the first choice.
      select.value = [...select.options].some((option) => option.value === value)
        ? value
        : (select.options[0]?.value ?? '');
    }
  }

  private load(): Promise<Pagefind> {
    this.pagefind ??= (async () => {
      const [newest, ...older] = this.config.bundles;
      if (!newest) throw new Error('the archive has no papers to search');
      const pagefind = (await import(/* @vite-ignore */ `${newest.url}pagefind.js`)) as Pagefind;
      const options = { baseUrl: this.config.baseUrl, excerptLength: 30 };
      await pagefind.options(options);
      // Each merged index takes its own options; merged in the order asked, so
      // relevance ties go to the newer year.
      await Promise.all(older.map((bundle) => pagefind.mergeIndex(bundle.url, options)));
      return pagefind;
    })();
    return this.pagefind;
  }

  private dataOf(result: PagefindResult): Promise<ResultData> {
    let data = this.data.get(result);
    if (!data) {
      data = result.data();
      this.data.set(result, data);
    }
    return data;
  }

  private async run(state: SearchState): Promise<void> {
    const generation = ++this.generation;
    if (!isSearching(state)) {
      this.cursor = undefined;
      this.ui.results.hidden = true;
      this.ui.list.replaceChildren();
      this.ui.status.textContent = '';
      return;
    }
    this.ui.results.setAttribute('aria-busy', 'true');
    try {
      const cursor = await this.search(await this.load(), state);
      const page = await this.loadPage(cursor);
      if (generation !== this.generation) return;
      this.cursor = cursor;
      this.ui.list.replaceChildren(...page.map((data) => resultItem(data, this.config.baseUrl)));
      this.ui.results.hidden = cursor.total === 0;
      this.ui.status.textContent = summaryText(cursor.total, state);
      this.updateMore(page.length);
    } catch (error) {
      if (generation === this.generation) this.unavailable(error);
    } finally {
      if (generation === this.generation) this.ui.results.removeAttribute('aria-busy');
    }
  }

  /** All results of a search, in the order asked for. */
  private async search(pagefind: Pagefind, state: SearchState): Promise<ResultCursor<PagefindResult>> {
    const order = effectiveSort(state);
    const term = state.q || null;
    const filters = pagefindFilters(state);
    const sort = pagefindSort(order);
    if (!sort) return listCursor((await pagefind.search(term, { filters }))?.results ?? []);
    const pieces = piecesToSearch(
      state,
      this.config.bundles.map((bundle) => bundle.piece),
    );
    const lists = await Promise.all(
      pieces.map(
        async (piece) =>
          (await pagefind.search(term, { filters: { ...filters, ...piece.filters }, sort }))?.results ?? [],
      ),
    );
    if (order === 'newest') return listCursor(lists.flat());
    return mergeCursor(lists, async (result) => Number((await this.dataOf(result)).meta.upvotes ?? 0) || 0);
  }

  private async loadPage(cursor: ResultCursor<PagefindResult>): Promise<ResultData[]> {
    return Promise.all((await cursor.take(PAGE_SIZE)).map((result) => this.dataOf(result)));
  }

  private async showMore(): Promise<void> {
    const cursor = this.cursor;
    const generation = this.generation;
    if (!cursor) return;
    this.ui.more.disabled = true;
    try {
      const page = await this.loadPage(cursor);
      if (generation !== this.generation) return;
      const items = page.map((data) => resultItem(data, this.config.baseUrl));
      this.ui.list.append(...items);
      this.updateMore(this.ui.list.children.length);
      // Keyboard and screen reader users continue where the new results start.
      items[0]?.querySelector('a')?.focus();
    } catch (error) {
      this.unavailable(error);
    } finally {
      this.ui.more.disabled = false;
    }
  }

  private updateMore(shown: number): void {
    const left = (this.cursor?.total ?? 0) - shown;
    this.ui.more.hidden = left <= 0;
    this.ui.more.textContent = `Show more results (${left} more)`;
  }

  private unavailable(error: unknown): void {
    console.warn('Search is not available:', error);
    this.ui.results.hidden = true;
    this.ui.status.textContent = 'Search is not available.';
    this.ui.unavailable.hidden = false;
  }
}

/** One result as a card, built from text nodes only. */
function resultItem(data: ResultData, base: string): HTMLLIElement {
  const { meta } = data;
  const item = element('li');
  const card = element('article', 'card search-result');
  item.append(card);

  const title = element('h3', 'card-title');
  const link = element('a');
  link.href = sitePath(data.url, base) ?? base;
  link.textContent = meta.title || data.url;
  title.append(link);
  card.append(title);

  if (meta.authors) card.append(element('p', 'authors', meta.authors));

  const runs = excerptRuns(data.excerpt);
  if (runs.length > 0) {
    const excerpt = element('p', 'card-excerpt');
    for (const run of runs) excerpt.append(run.marked ? element('mark', undefined, run.text) : run.text);
    card.append(excerpt);
  }

  const footer = element('p', 'card-footer search-facts');
  if (meta.date) {
    const time = element('time', 'card-date', isIsoDay(meta.date) ? formatDay(meta.date) : meta.date);
    time.dateTime = meta.date;
    footer.append(time);
  }
  if (meta.upvotes !== undefined) {
    const upvotes = element('span', 'stat-upvotes');
    const count = Number(meta.upvotes);
    upvotes.append(element('span', undefined, '▲ '), countText(count, 'upvote'));
    upvotes.firstElementChild?.setAttribute('aria-hidden', 'true');
    footer.append(upvotes);
  }
  if (meta.topics) footer.append(element('span', 'search-topics', meta.topics));
  card.append(footer);
  return item;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (className) created.className = className;
  if (text !== undefined) created.textContent = text;
  return created;
}

/** `url` when it is a path on this site (under the base path), else undefined. */
function sitePath(url: string | undefined, base: string): string | undefined {
  return url !== undefined && url.startsWith(base) && !url.startsWith('//') ? url : undefined;
}

const root = document.querySelector<HTMLElement>('[data-search-config]');
if (root) {
  const config = JSON.parse(root.dataset['searchConfig'] ?? '{}') as SearchClientConfig;
  new SearchPage(config, elements(root)).start();
}
