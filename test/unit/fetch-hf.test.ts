import { readFileSync } from 'node:fs';

import { afterEach, describe, expect, it } from 'vitest';

import { fetchHfDay, fetchHfWeek, hfPageUrl, type FetchHfOptions } from '../../src/lib/sources/fetch-hf.ts';
import { rejectedInputError } from '../helpers/errors.ts';
import {
  jsonReply,
  startFixtureServer,
  type FixtureServer,
  type RecordedRequest,
  type Reply,
  type Script,
} from '../helpers/fixture-server.ts';

const DAY = '2026-10-03';
const corpusText = readFileSync(
  new URL('../fixtures/corpus/hf-daily-2026-10-03.json', import.meta.url),
  'utf8',
);
const corpus = JSON.parse(corpusText) as unknown[];

let server: FixtureServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(script: Script): Promise<FixtureServer> {
  server = await startFixtureServer(script);
  return server;
}

/** Answers like the Hugging Face API: the `limit` items of page `p`. */
function pagedDay(items: readonly unknown[]) {
  return (request: RecordedRequest): Reply => {
    const page = Number(request.query['p']);
    const limit = Number(request.query['limit']);
    return jsonReply(items.slice(page * limit, (page + 1) * limit));
  };
}

function testOptions(endpoint: string, overrides: Partial<FetchHfOptions> = {}) {
  const pages: Array<[number, number]> = [];
  const sleeps: number[] = [];
  const options: FetchHfOptions = {
    endpoint,
    userAgent: 'daily-papers/test',
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    onPage: (page, itemsSoFar) => pages.push([page, itemsSoFar]),
    ...overrides,
  };
  return { options, pages, sleeps };
}

function fakeItem(id: string) {
  return { paper: { id, title: `Paper ${id}` } };
}

describe('fetchHfDay', () => {
  it('pages through a day and returns its items as one JSON array', async () => {
    const { url, requests } = await serve(pagedDay(corpus));
    const { options, pages } = testOptions(url('/api/daily_papers'), { pageSize: 20 });
    const text = await fetchHfDay(DAY, options);
    expect(JSON.parse(text)).toEqual(corpus);
    expect(text).toBe(JSON.stringify(corpus, null, 2));
    expect(requests.map((request) => request.path)).toEqual(Array(4).fill('/api/daily_papers'));
    expect(requests.map((request) => request.query)).toEqual([
      { date: DAY, p: '0', limit: '20' },
      { date: DAY, p: '1', limit: '20' },
      { date: DAY, p: '2', limit: '20' },
      { date: DAY, p: '3', limit: '20' },
    ]);
    expect(pages).toEqual([
      [0, 20],
      [1, 40],
      [2, 50],
      [3, 50],
    ]);
  });

  it('asks for 100 a page by default, so a usual day is one page and the empty one after it', async () => {
    const { url, requests } = await serve(pagedDay(corpus));
    const text = await fetchHfDay(DAY, testOptions(url('/api/daily_papers')).options);
    expect(JSON.parse(text)).toHaveLength(50);
    expect(requests.map((request) => request.query)).toEqual([
      { date: DAY, p: '0', limit: '100' },
      { date: DAY, p: '1', limit: '100' },
    ]);
  });

  it('pages on past a page shorter than the limit when the server caps its pages lower', async () => {
    const cap = 15;
    const { url, requests } = await serve((request) => {
      const page = Number(request.query['p']);
      return jsonReply(corpus.slice(page * cap, (page + 1) * cap));
    });
    const text = await fetchHfDay(DAY, testOptions(url('/api'), { pageSize: 20 }).options);
    expect(JSON.parse(text)).toEqual(corpus);
    expect(requests.map((request) => request.query['p'])).toEqual(['0', '1', '2', '3', '4']);
  });

  it('sends the User-Agent and asks for JSON', async () => {
    const { url, requests } = await serve(pagedDay(corpus));
    await fetchHfDay(DAY, testOptions(url('/api/daily_papers')).options);
    expect(requests[0]?.headers['user-agent']).toBe('daily-papers/test');
    expect(requests[0]?.headers['accept']).toBe('application/json');
  });

  it('stops at an empty page when the day fills its last page exactly', async () => {
    const { url, requests } = await serve(pagedDay(corpus.slice(0, 40)));
    const text = await fetchHfDay(DAY, testOptions(url('/api'), { pageSize: 20 }).options);
    expect(JSON.parse(text)).toEqual(corpus.slice(0, 40));
    expect(requests).toHaveLength(3);
  });

  it('returns an empty array for a day without papers', async () => {
    const { url, requests } = await serve([jsonReply([])]);
    await expect(fetchHfDay(DAY, testOptions(url('/api')).options)).resolves.toBe('[]');
    expect(requests).toHaveLength(1);
  });

  it('stops when the server ignores the page number and repeats itself', async () => {
    const { url, requests } = await serve(() => jsonReply(corpus.slice(0, 20)));
    const text = await fetchHfDay(DAY, testOptions(url('/api'), { pageSize: 20 }).options);
    expect(JSON.parse(text)).toEqual(corpus.slice(0, 20));
    expect(requests).toHaveLength(2);
  });

  it('keeps a paper listed on two pages once', async () => {
    const pagesOfIds = [['a', 'b'], ['b', 'c'], ['d']];
    const { url } = await serve((request) =>
      jsonReply((pagesOfIds[Number(request.query['p'])] ?? []).map(fakeItem)),
    );
    const text = await fetchHfDay(DAY, testOptions(url('/api'), { pageSize: 2 }).options);
    expect(JSON.parse(text)).toEqual(['a', 'b', 'c', 'd'].map(fakeItem));
  });

  it('reports reaching maxPages with new papers on every page as an error naming the cap', async () => {
    const { url, requests } = await serve((request) =>
      jsonReply([fakeItem(`${request.query['p']}-1`), fakeItem(`${request.query['p']}-2`)]),
    );
    const error = await rejectedInputError(
      fetchHfDay(DAY, testOptions(url('/api'), { pageSize: 2, maxPages: 3 }).options),
    );
    expect(error.message).toBe(
      `GET ${hfPageUrl(url('/api'), DAY, 2, 2)}: still new papers after 3 pages ` +
        '(the page cap, maxPages 3); stopped with 6 papers rather than follow a server that never ends its list',
    );
    expect(requests).toHaveLength(3);
  });

  it('reports the default page cap for an endless server that caps its pages', async () => {
    const { url, requests } = await serve((request) => jsonReply([fakeItem(`${request.query['p']}-only`)]));
    const error = await rejectedInputError(fetchHfDay(DAY, testOptions(url('/api')).options));
    expect(error.message).toContain('still new papers after 20 pages (the page cap, maxPages 20)');
    expect(requests).toHaveLength(20);
  });

  it('retries a failed page', async () => {
    const { url, requests } = await serve([
      jsonReply(corpus.slice(0, 20)),
      { status: 503, headers: { 'retry-after': '2' } },
      jsonReply(corpus.slice(20, 40)),
      jsonReply(corpus.slice(40)),
      jsonReply([]),
    ]);
    const { options, sleeps } = testOptions(url('/api'), { pageSize: 20 });
    expect(JSON.parse(await fetchHfDay(DAY, options))).toEqual(corpus);
    expect(requests.map((request) => request.query['p'])).toEqual(['0', '1', '1', '2', '3']);
    expect(sleeps).toEqual([2000]);
  });

  it('keeps the endpoint’s own query parameters', async () => {
    const { url, requests } = await serve([jsonReply([])]);
    await fetchHfDay(DAY, testOptions(url('/api?token=x')).options);
    expect(requests[0]?.query).toEqual({ token: 'x', date: DAY, p: '0', limit: '100' });
  });

  it('reports a page that is not JSON', async () => {
    const { url } = await serve([{ body: '<!DOCTYPE html><title>Down</title>' }]);
    const pageUrl = hfPageUrl(url('/api'), DAY, 0, 100);
    const error = await rejectedInputError(fetchHfDay(DAY, testOptions(url('/api')).options));
    expect(error.message).toMatch(
      new RegExp(`^GET ${escape(pageUrl)}: expected a JSON array, got invalid JSON \\(.+\\)$`),
    );
    expect(error.message).not.toContain('\n');
  });

  it('reports a page that is JSON but not an array', async () => {
    const { url } = await serve([jsonReply({ error: 'Invalid date' })]);
    const pageUrl = hfPageUrl(url('/api'), DAY, 0, 100);
    const error = await rejectedInputError(fetchHfDay(DAY, testOptions(url('/api')).options));
    expect(error.message).toBe(`GET ${pageUrl}: expected a JSON array, got an object`);
  });

  it('passes HTTP errors on', async () => {
    const { url } = await serve([{ status: 404 }]);
    const pageUrl = hfPageUrl(url('/api'), DAY, 0, 100);
    const error = await rejectedInputError(fetchHfDay(DAY, testOptions(url('/api')).options));
    expect(error.message).toBe(`GET ${pageUrl}: HTTP 404 Not Found`);
  });

  it('rejects a date that is not a day, without fetching', async () => {
    const { url, requests } = await serve([]);
    const error = await rejectedInputError(fetchHfDay('2026-02-30', testOptions(url('/api')).options));
    expect(error.message).toBe('date: "2026-02-30" is not a day such as 2026-10-03');
    expect(requests).toHaveLength(0);
  });
});

describe('hfPageUrl', () => {
  it('adds date, page and limit', () => {
    expect(hfPageUrl('https://huggingface.co/api/daily_papers', DAY, 2, 100)).toBe(
      'https://huggingface.co/api/daily_papers?date=2026-10-03&p=2&limit=100',
    );
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('fetchHfWeek', () => {
  it('pages through an ISO week with the API’s own range', async () => {
    const { url, requests } = await serve(pagedDay(corpus));
    const text = await fetchHfWeek(
      '2026-W40',
      testOptions(url('/api/daily_papers'), { pageSize: 30 }).options,
    );
    expect(JSON.parse(text)).toEqual(corpus);
    expect(requests.map((request) => request.query)).toEqual([
      { week: '2026-W40', p: '0', limit: '30' },
      { week: '2026-W40', p: '1', limit: '30' },
      { week: '2026-W40', p: '2', limit: '30' },
    ]);
  });

  it('refuses what is not an ISO week before asking', async () => {
    await expect(fetchHfWeek('2026-W54', testOptions('http://127.0.0.1:9/').options)).rejects.toThrow(
      /not an ISO week/,
    );
  });
});
