/**
 * The search page in the browser (loaded by src/components/SearchPage.astro
 * only). Reads the search from the URL, searches the index's pieces with
 * Pagefind's JS API and renders the results with the site's own markup.
 *
 * - Pagefind loads when it is first needed: the newest piece's pagefind.js,
 *   with the other pieces (months of the newest year, earlier years) merged
 *   into it (`mergeIndex`), each marked with a piece filter (fields.ts), so
 *   a search with words ranks the whole archive by relevance in one call.
 *   Sorted searches ask each piece for its own list and merge them
 *   (src/lib/search/merge.ts).
 * - Pieces that matched a word only through Pagefind's fallback to a shorter
 *   word are left out (src/lib/search/terms.ts), so nonsense finds nothing.
 * - A query that is an arXiv id fetches that paper's page instead of
 *   searching (src/lib/search/arxiv-query.ts, search-paper.ts).
 * - Nothing from the index is inserted as HTML: text goes in text nodes,
 *   excerpts are split into text and <mark> (src/lib/search/excerpt.ts), and
 *   links must stay under the site's base path.
 * - Typing replaces the URL (so back does not step through every letter);
 *   submitting or changing a filter adds a history entry (moving through one
 *   select with the arrow keys adds one, not one per option), and the back
 *   button brings the previous search back, with as many results as were
 *   shown and the scroll position.
 */
import { countText } from '../lib/count-text.ts';
import { arxivIdOfQuery, idSummaryText, urlForId } from '../lib/search/arxiv-query.ts';
import { FILTER, META_WEIGHTS, PIECE_FILTER } from '../lib/search/fields.ts';
import { listCursor, mergeCursor, type ResultCursor } from '../lib/search/merge.ts';
import type { SearchClientConfig } from '../lib/site/search-page.ts';
import {
  effectiveSort,
  isSearching,
  pagefindFilters,
  pagefindSort,
  parseSearchState,
  piecesToSearch,
  reconcilePeriod,
  searchStateQuery,
  summaryText,
  type FilterLabels,
  type SearchState,
} from '../lib/search/query.ts';
import { resultView, type ResultData } from '../lib/search/results.ts';
import { hasTerms, isExactQuery, queryTerms, termsToCheck, type MatchedResult } from '../lib/search/terms.ts';
import { formatDay, isIsoDay } from '../lib/format/dates.ts';
import { fetchPaper } from './search-paper.ts';

/** Pause after the last key press before searching. */
const TYPING_DELAY_MS = 200;

/** The part of Pagefind's browser API used here (pagefind.js is loaded at run time, not bundled). */
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  mergeIndex(bundlePath: string, options?: Record<string, unknown>): Promise<void>;
  search(term: string | null, options?: SearchOptions): Promise<SearchResponse | null>;
}

type FilterValue = string | { any: string[] };

interface SearchOptions {
  filters?: Record<string, FilterValue>;
  sort?: Record<string, string>;
}

interface SearchResponse {
  results: PagefindResult[];
  /** Results per filter value, the piece filter included. */
  filters?: Record<string, Record<string, number>>;
}

interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindData>;
}

type PagefindData = ResultData & MatchedResult;

/** What history keeps of a search page besides its URL. */
interface SavedView {
  /** Results shown ("Show more results" adds to them). */
  shown?: number;
  scrollY?: number;
}

type SelectName = 'topic' | 'year' | 'month' | 'sort';

interface Elements {
  form: HTMLFormElement;
  q: HTMLInputElement;
  selects: Record<SelectName, HTMLSelectElement>;
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

interface RunOptions {
  /** Open the paper of an id search rather than show it (a submitted search, a link to one). */
  open?: 'assign' | 'replace' | undefined;
  /** Show at least this many results (restored from history). */
  shown?: number | undefined;
  /** Scroll here once the results are shown (restored from history). */
  scrollY?: number | undefined;
}

class SearchPage {
  private pagefind: Promise<Pagefind> | undefined;
  private readonly data = new WeakMap<PagefindResult, Promise<PagefindData>>();
  /** Bumped by every search, so an older one that finishes late shows nothing. */
  private generation = 0;
  private cursor: ResultCursor<PagefindResult> | undefined;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  /** The select whose change made the current history entry, so more changes to it replace that entry. */
  private pushedBy: SelectName | undefined;
  private readonly config: SearchClientConfig;
  private readonly ui: Elements;
  private readonly topicLabels: ReadonlyMap<string, string>;

  constructor(config: SearchClientConfig, ui: Elements) {
    this.config = config;
    this.ui = ui;
    this.topicLabels = new Map([...ui.selects.topic.options].map((option) => [option.value, option.text]));
  }

  start(): void {
    const { form, q, selects, more } = this.ui;
    // The page puts the scroll back itself, once the results it scrolled through are there again.
    window.history.scrollRestoration = 'manual';
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(this.typingTimer);
      this.pushedBy = undefined;
      this.update('push', { open: 'assign' });
    });
    q.addEventListener('input', () => {
      clearTimeout(this.typingTimer);
      this.pushedBy = undefined;
      this.typingTimer = setTimeout(() => this.update('replace'), TYPING_DELAY_MS);
    });
    // Start loading the index as soon as the reader shows interest.
    q.addEventListener('focus', () => void this.load().catch(() => undefined), { once: true });
    for (const [name, select] of Object.entries(selects) as [SelectName, HTMLSelectElement][])
      select.addEventListener('change', () => this.changed(name));
    more.addEventListener('click', () => void this.showMore());
    window.addEventListener('popstate', () => this.restore(false));
    window.addEventListener('pagehide', () => this.save({ scrollY: window.scrollY }));
    this.restore(true);
  }

  /** Shows the search the URL holds (on load and on back/forward), as history left it. */
  private restore(onLoad: boolean): void {
    const state = parseSearchState(window.location.search);
    this.fill(state);
    const saved = savedView(window.history.state);
    // A link to an id search opens the paper; coming back to one does not.
    const open = onLoad && navigationType() !== 'back_forward' ? 'replace' : undefined;
    void this.run(state, { open, shown: saved.shown, scrollY: saved.scrollY });
  }

  /** A select changed: a year and month that contradict each other cannot both stay. */
  private changed(name: SelectName): void {
    clearTimeout(this.typingTimer);
    const { year, month } = this.ui.selects;
    if (name === 'year' || name === 'month') {
      const period = reconcilePeriod({ year: year.value, month: month.value }, name);
      year.value = period.year;
      month.value = period.month;
    }
    // Arrow keys in a closed select change it once per option: one history entry for them all.
    const history = this.pushedBy === name ? 'replace' : 'push';
    this.pushedBy = name;
    this.update(history);
  }

  private update(history: 'push' | 'replace', options: RunOptions = {}): void {
    const state = this.read();
    const url = `${window.location.pathname}${searchStateQuery(state)}`;
    if (url !== `${window.location.pathname}${window.location.search}`) {
      if (history === 'push') window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
    }
    void this.run(state, options);
  }

  /** Keeps `view` with the current history entry. */
  private save(view: SavedView): void {
    window.history.replaceState({ ...savedView(window.history.state), ...view }, '');
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
    if (this.pagefind) return this.pagefind;
    const loading = (this.pagefind = (async () => {
      const [newest, ...older] = this.config.bundles;
      if (!newest) throw new Error('the archive has no papers to search');
      const pagefind = (await import(/* @vite-ignore */ `${newest.url}pagefind.js`)) as Pagefind;
      const options = (piece: string) => ({
        baseUrl: this.config.baseUrl,
        excerptLength: 30,
        ranking: { metaWeights: META_WEIGHTS },
        mergeFilter: { [PIECE_FILTER]: piece },
      });
      await pagefind.options(options(newest.piece));
      // Each merged index takes its own options; merged in the order asked, so
      // relevance ties go to the newer year.
      await Promise.all(older.map((bundle) => pagefind.mergeIndex(bundle.url, options(bundle.piece))));
      return pagefind;
    })());
    // A failed load is tried again by the next search.
    loading.catch(() => {
      if (this.pagefind === loading) this.pagefind = undefined;
    });
    return loading;
  }

  private dataOf(result: PagefindResult): Promise<PagefindData> {
    let data = this.data.get(result);
    if (!data) {
      data = result.data();
      this.data.set(result, data);
    }
    return data;
  }

  private async run(state: SearchState, options: RunOptions = {}): Promise<void> {
    const generation = ++this.generation;
    this.ui.unavailable.hidden = true;
    if (!isSearching(state)) {
      this.cursor = undefined;
      this.show([], '', 0);
      return;
    }
    this.ui.results.setAttribute('aria-busy', 'true');
    try {
      const id = arxivIdOfQuery(state.q);
      if (id !== undefined) {
        await this.findId(id, generation, options);
        return;
      }
      const cursor = await this.search(await this.load(), state);
      const page = await this.loadPage(cursor, Math.max(this.config.pageSize, options.shown ?? 0));
      if (generation !== this.generation) return;
      this.cursor = cursor;
      this.show(page, summaryText(cursor.total, state, this.labels(state)), cursor.total);
      // At once: the site scrolls smoothly otherwise, and the reader should not watch the page travel.
      if (options.scrollY !== undefined) window.scrollTo({ top: options.scrollY, behavior: 'instant' });
    } catch (error) {
      if (generation === this.generation) this.unavailable(error);
    } finally {
      if (generation === this.generation) this.ui.results.removeAttribute('aria-busy');
    }
  }

  /** An id search: the paper's page if the archive has it, else a line that says so. */
  private async findId(id: string, generation: number, options: RunOptions): Promise<void> {
    const url = urlForId(this.config.paperUrl, id);
    const paper = await fetchPaper(url);
    if (generation !== this.generation) return;
    this.cursor = undefined;
    if (paper && options.open) {
      window.location[options.open](url);
      return;
    }
    this.show(paper ? [paper] : [], idSummaryText(id, paper !== undefined), paper ? 1 : 0);
    if (!paper && this.config.arxivUrl) {
      const link = element('a', undefined, 'Look it up on arXiv');
      link.href = urlForId(this.config.arxivUrl, id);
      link.rel = 'noopener';
      this.ui.status.append(' ', link, '.');
    }
  }

  private show(page: readonly ResultData[], status: string, total: number): void {
    const options = { base: this.config.baseUrl, topicLabels: this.topicLabels };
    this.ui.list.replaceChildren(...page.map((data) => resultItem(data, options)));
    this.ui.results.hidden = page.length === 0;
    this.ui.status.textContent = status;
    this.updateMore(page.length, total);
  }

  /** The names of the chosen topic and month, as the selects show them. */
  private labels(state: SearchState): FilterLabels {
    const { topic, month } = this.ui.selects;
    return {
      ...(state.topic ? { topic: topic.selectedOptions[0]?.text } : {}),
      ...(state.month ? { month: month.selectedOptions[0]?.text } : {}),
    };
  }

  /** All results of a search, in the order asked for, without the pieces that only had junk. */
  private async search(pagefind: Pagefind, state: SearchState): Promise<ResultCursor<PagefindResult>> {
    const order = effectiveSort(state);
    const term = state.q || null;
    const filters: Record<string, FilterValue> = pagefindFilters(state);
    const ranked = term === null ? undefined : await pagefind.search(term, { filters });
    const kept = ranked ? await this.keptPieces(pagefind, state.q, ranked, filters) : undefined;
    const sort = pagefindSort(order);
    if (!sort) {
      if (!ranked || !kept) return listCursor(ranked?.results ?? []);
      if (kept.length === 0) return listCursor([]);
      const keptFilters = { ...filters, [PIECE_FILTER]: { any: kept } };
      return listCursor((await pagefind.search(term, { filters: keptFilters }))?.results ?? []);
    }
    const pieces = piecesToSearch(
      state,
      this.config.bundles.map((bundle) => bundle.piece),
    ).filter((piece) => kept === undefined || kept.includes(piece.piece));
    const lists = await Promise.all(
      pieces.map(
        async (piece) =>
          (await pagefind.search(term, { filters: { ...filters, ...piece.filters }, sort }))?.results ?? [],
      ),
    );
    if (order === 'newest') return listCursor(lists.flat());
    return mergeCursor(lists, async (result) =>
      Number((await this.dataOf(result)).filters[FILTER.upvotes]?.[0] ?? 0),
    );
  }

  /**
   * The pieces whose results really have the query's words (terms.ts), or
   * undefined when all of them do.
   */
  private async keptPieces(
    pagefind: Pagefind,
    query: string,
    ranked: SearchResponse,
    filters: Record<string, FilterValue>,
  ): Promise<string[] | undefined> {
    const terms = queryTerms(query);
    const answered = piecesWithResults(ranked);
    if (isExactQuery(query) || terms.length === 0 || answered.length === 0) return undefined;
    const exact = await Promise.all(
      terms.map(async (term) => {
        const found = await pagefind.search(`"${term}"`, { filters });
        return [term, new Set(found ? piecesWithResults(found) : [])] as const;
      }),
    );
    const checks = termsToCheck(answered, terms, new Map(exact));
    if (checks.size === 0) return undefined;
    const failed = await Promise.all(
      [...checks].map(async ([piece, missing]) => {
        const best = (await pagefind.search(query, { filters: { ...filters, [PIECE_FILTER]: piece } }))
          ?.results[0];
        return best && hasTerms(await this.dataOf(best), missing) ? undefined : piece;
      }),
    );
    if (failed.every((piece) => piece === undefined)) return undefined;
    return answered.filter((piece) => !failed.includes(piece));
  }

  private async loadPage(cursor: ResultCursor<PagefindResult>, count: number): Promise<PagefindData[]> {
    return Promise.all((await cursor.take(count)).map((result) => this.dataOf(result)));
  }

  private async showMore(): Promise<void> {
    const cursor = this.cursor;
    const generation = this.generation;
    if (!cursor) return;
    this.ui.more.disabled = true;
    try {
      const page = await this.loadPage(cursor, this.config.pageSize);
      if (generation !== this.generation) return;
      const options = { base: this.config.baseUrl, topicLabels: this.topicLabels };
      const items = page.map((data) => resultItem(data, options));
      this.ui.list.append(...items);
      this.updateMore(this.ui.list.children.length, cursor.total);
      this.save({ shown: this.ui.list.children.length });
      // Keyboard and screen reader users continue where the new results start.
      items[0]?.querySelector('a')?.focus();
    } catch (error) {
      this.unavailable(error);
    } finally {
      this.ui.more.disabled = false;
    }
  }

  private updateMore(shown: number, total: number): void {
    const left = total - shown;
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

/** The pieces a search found something in, from the counts of the piece filter. */
function piecesWithResults(response: SearchResponse): string[] {
  return Object.entries(response.filters?.[PIECE_FILTER] ?? {})
    .filter(([, count]) => count > 0)
    .map(([piece]) => piece);
}

/** What history keeps for this page, if it is ours. */
function savedView(state: unknown): SavedView {
  if (typeof state !== 'object' || state === null) return {};
  const { shown, scrollY } = state as Record<string, unknown>;
  return {
    ...(typeof shown === 'number' && shown > 0 ? { shown } : {}),
    ...(typeof scrollY === 'number' && scrollY >= 0 ? { scrollY } : {}),
  };
}

function navigationType(): string | undefined {
  return (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.type;
}

/** One result as a card, built from text nodes only. */
function resultItem(
  data: ResultData,
  options: { base: string; topicLabels: ReadonlyMap<string, string> },
): HTMLLIElement {
  const view = resultView(data, options);
  const item = element('li');
  const card = element('article', 'card search-result');
  item.append(card);

  const title = element('h3', 'card-title');
  const link = element('a', undefined, view.title);
  link.href = view.href ?? options.base;
  title.append(link);
  card.append(title);

  if (view.authors) card.append(element('p', 'authors', view.authors));

  if (view.excerpt.length > 0) {
    const excerpt = element('p', 'card-excerpt');
    for (const run of view.excerpt)
      excerpt.append(run.marked ? element('mark', undefined, run.text) : run.text);
    card.append(excerpt);
  }

  const footer = element('p', 'card-footer search-facts');
  if (view.day) {
    const time = element('time', 'card-date', isIsoDay(view.day) ? formatDay(view.day) : view.day);
    time.dateTime = view.day;
    footer.append(time);
  }
  if (view.upvotes !== undefined) {
    const upvotes = element('span', 'stat-upvotes');
    upvotes.append(element('span', undefined, '▲ '), countText(view.upvotes, 'upvote'));
    upvotes.firstElementChild?.setAttribute('aria-hidden', 'true');
    footer.append(upvotes);
  }
  if (view.topics.length > 0) footer.append(element('span', 'search-topics', view.topics.join(', ')));
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

const root = document.querySelector<HTMLElement>('[data-search-config]');
if (root) {
  const config = JSON.parse(root.dataset['searchConfig'] ?? '{}') as SearchClientConfig;
  new SearchPage(config, elements(root)).start();
}
