import { afterEach, describe, expect, it } from 'vitest';

import {
  arxivQueryUrl,
  fetchArxivIds,
  normaliseArxivIds,
  type FetchArxivOptions,
} from '../../src/lib/sources/fetch-arxiv.ts';
import { rejectedInputError } from '../helpers/errors.ts';
import {
  atomReply,
  startFixtureServer,
  type FixtureServer,
  type RecordedRequest,
  type Script,
} from '../helpers/fixture-server.ts';

let server: FixtureServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(script: Script): Promise<FixtureServer> {
  server = await startFixtureServer(script);
  return server;
}

/** A stand-in feed that names the ids it was asked for. */
function feedFor(request: RecordedRequest) {
  return atomReply(`<feed><!-- ${request.query['id_list']} --></feed>`);
}

function testOptions(endpoint: string, overrides: Partial<FetchArxivOptions> = {}) {
  const sleeps: number[] = [];
  const options: FetchArxivOptions = {
    endpoint,
    userAgent: 'daily-papers/test',
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...overrides,
  };
  return { options, sleeps };
}

describe('fetchArxivIds', () => {
  it('asks for the ids in batches, three seconds apart, and returns each feed', async () => {
    const { url, requests } = await serve(feedFor);
    const batches: Array<[number, number]> = [];
    const { options, sleeps } = testOptions(url('/api/query'), {
      batchSize: 2,
      onBatch: (batch, count) => batches.push([batch, count]),
    });
    const feeds = await fetchArxivIds(['2610.01092', '2610.01093', '2610.01094'], options);
    expect(feeds).toEqual([
      '<feed><!-- 2610.01092,2610.01093 --></feed>',
      '<feed><!-- 2610.01094 --></feed>',
    ]);
    expect(requests.map((request) => request.url)).toEqual([
      '/api/query?id_list=2610.01092,2610.01093&max_results=2',
      '/api/query?id_list=2610.01094&max_results=1',
    ]);
    expect(sleeps).toEqual([3000]);
    expect(batches).toEqual([
      [0, 2],
      [1, 2],
    ]);
  });

  it('makes one request for up to 100 ids, without waiting', async () => {
    const ids = Array.from({ length: 100 }, (_, index) => `2610.${String(index).padStart(5, '0')}`);
    const { url, requests } = await serve(feedFor);
    const { options, sleeps } = testOptions(url('/api/query'));
    await expect(fetchArxivIds(ids, options)).resolves.toHaveLength(1);
    expect(requests[0]?.query).toEqual({ id_list: ids.join(','), max_results: '100' });
    expect(sleeps).toEqual([]);
  });

  it('sends the User-Agent and asks for Atom', async () => {
    const { url, requests } = await serve(feedFor);
    await fetchArxivIds(['2610.01092'], testOptions(url('/api/query')).options);
    expect(requests[0]?.headers['user-agent']).toBe('daily-papers/test');
    expect(requests[0]?.headers['accept']).toBe('application/atom+xml');
  });

  it('reduces ids to bare ones and asks for each once', async () => {
    const { url, requests } = await serve(feedFor);
    await fetchArxivIds(
      ['arXiv:2610.01092v2', 'https://arxiv.org/abs/2610.01093v1', '2610.01092', 'hep-th/9901001'],
      testOptions(url('/api/query')).options,
    );
    expect(requests[0]?.url).toBe('/api/query?id_list=2610.01092,2610.01093,hep-th/9901001&max_results=3');
  });

  it('rejects an id that is not an arXiv id, before fetching', async () => {
    const { url, requests } = await serve(feedFor);
    const error = await rejectedInputError(
      fetchArxivIds(['2610.01092', 'xyz'], testOptions(url('/api/query')).options),
    );
    expect(error.message).toBe('ids: "xyz" is not an arXiv id such as 2610.01092');
    expect(requests).toHaveLength(0);
  });

  it('fetches nothing for no ids', async () => {
    const { url, requests } = await serve(feedFor);
    await expect(fetchArxivIds([], testOptions(url('/api/query')).options)).resolves.toEqual([]);
    expect(requests).toHaveLength(0);
  });

  it('passes HTTP errors on, after retrying', async () => {
    const { url } = await serve(() => ({ status: 503 }));
    const { options } = testOptions(url('/api/query'), { retries: 2 });
    const error = await rejectedInputError(fetchArxivIds(['2610.01092'], options));
    expect(error.message).toBe(
      `GET ${url('/api/query')}?id_list=2610.01092&max_results=1: HTTP 503 Service Unavailable after 3 attempts`,
    );
  });
});

describe('normaliseArxivIds', () => {
  it('keeps first-seen order', () => {
    expect(normaliseArxivIds(['2610.00002', '2610.00001v3', '2610.00002v1'])).toEqual([
      '2610.00002',
      '2610.00001',
    ]);
  });
});

describe('arxivQueryUrl', () => {
  it('keeps commas and slashes readable, and the endpoint’s own parameters', () => {
    expect(arxivQueryUrl('https://export.arxiv.org/api/query', ['2610.01092', 'math.AG/0601001'])).toBe(
      'https://export.arxiv.org/api/query?id_list=2610.01092,math.AG/0601001&max_results=2',
    );
    expect(arxivQueryUrl('http://127.0.0.1:8080/q?key=1&max_results=9', ['2610.01092'])).toBe(
      'http://127.0.0.1:8080/q?key=1&id_list=2610.01092&max_results=1',
    );
  });
});
