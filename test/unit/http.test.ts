import { afterEach, describe, expect, it } from 'vitest';

import {
  BACKOFF_MAX_MS,
  DEFAULT_MAX_RETRY_AFTER_MS,
  backoffDelay,
  fetchText,
  formatDuration,
  parseRetryAfter,
  type FetchOptions,
  type RetryInfo,
} from '../../src/lib/sources/http.ts';
import { rejectedInputError } from '../helpers/errors.ts';
import {
  refusedUrl,
  startFixtureServer,
  type FixtureServer,
  type Script,
} from '../helpers/fixture-server.ts';

const USER_AGENT = 'daily-papers/0.0.0-test (+https://github.com/daily-papers/daily-papers)';

let server: FixtureServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(script: Script): Promise<FixtureServer> {
  server = await startFixtureServer(script);
  return server;
}

/** Options whose sleeps return at once and are recorded, with jitter fixed at its midpoint. */
function testOptions(overrides: Partial<FetchOptions> = {}) {
  const sleeps: number[] = [];
  const retries: RetryInfo[] = [];
  const options: FetchOptions = {
    userAgent: USER_AGENT,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    onRetry: (info) => retries.push(info),
    ...overrides,
  };
  return { options, sleeps, retries };
}

describe('fetchText', () => {
  it('returns the body and sends User-Agent and Accept', async () => {
    const { url, requests } = await serve([{ body: 'hello' }]);
    const { options, sleeps } = testOptions({ accept: 'application/json' });
    await expect(fetchText(url('/x?a=1'), options)).resolves.toBe('hello');
    expect(requests).toHaveLength(1);
    expect(requests[0]?.method).toBe('GET');
    expect(requests[0]?.url).toBe('/x?a=1');
    expect(requests[0]?.headers['user-agent']).toBe(USER_AGENT);
    expect(requests[0]?.headers['accept']).toBe('application/json');
    expect(sleeps).toEqual([]);
  });

  it('decodes the body as UTF-8', async () => {
    const { url } = await serve([{ body: 'Schrödinger – “λ”' }]);
    await expect(fetchText(url(), testOptions().options)).resolves.toBe('Schrödinger – “λ”');
  });

  it('does not retry a 404', async () => {
    const { url, requests } = await serve([{ status: 404 }, { body: 'never' }]);
    const { options, sleeps } = testOptions();
    const error = await rejectedInputError(fetchText(url('/missing'), options));
    expect(error.message).toBe(`GET ${url('/missing')}: HTTP 404 Not Found`);
    expect(requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('does not retry other 4xx or a 501', async () => {
    const { url, requests } = await serve([{ status: 403 }, { status: 501 }]);
    const { options } = testOptions();
    expect((await rejectedInputError(fetchText(url('/a'), options))).message).toBe(
      `GET ${url('/a')}: HTTP 403 Forbidden`,
    );
    expect((await rejectedInputError(fetchText(url('/b'), options))).message).toBe(
      `GET ${url('/b')}: HTTP 501 Not Implemented`,
    );
    expect(requests).toHaveLength(2);
  });

  it('retries a 500, then succeeds', async () => {
    const { url, requests } = await serve([{ status: 500 }, { body: 'ok' }]);
    const { options, sleeps, retries } = testOptions();
    await expect(fetchText(url(), options)).resolves.toBe('ok');
    expect(requests).toHaveLength(2);
    expect(sleeps).toEqual([1000]);
    expect(retries).toEqual([{ url: url(), attempt: 1, reason: 'HTTP 500', waitMs: 1000 }]);
  });

  it('retries 502, 503 and 504', async () => {
    const { url, requests } = await serve([
      { status: 502 },
      { status: 503 },
      { status: 504 },
      { body: 'ok' },
    ]);
    const { options, retries } = testOptions();
    await expect(fetchText(url(), options)).resolves.toBe('ok');
    expect(requests).toHaveLength(4);
    expect(retries.map((retry) => retry.reason)).toEqual(['HTTP 502', 'HTTP 503', 'HTTP 504']);
  });

  it('gives up on a 500 that never ends, after 5 attempts with growing waits', async () => {
    const { url, requests } = await serve(() => ({ status: 500 }));
    const { options, sleeps, retries } = testOptions();
    const error = await rejectedInputError(fetchText(url('/api'), options));
    expect(error.message).toBe(`GET ${url('/api')}: HTTP 500 Internal Server Error after 5 attempts`);
    expect(requests).toHaveLength(5);
    expect(sleeps).toEqual([1000, 2000, 4000, 8000]);
    expect(retries.map((retry) => retry.attempt)).toEqual([1, 2, 3, 4]);
  });

  it('makes retries + 1 attempts', async () => {
    const { url, requests } = await serve(() => ({ status: 503 }));
    const error = await rejectedInputError(fetchText(url(), testOptions({ retries: 1 }).options));
    expect(error.message).toBe(`GET ${url()}: HTTP 503 Service Unavailable after 2 attempts`);
    expect(requests).toHaveLength(2);
  });

  it('with no retries, makes one attempt and does not count it', async () => {
    const { url, requests } = await serve(() => ({ status: 500 }));
    const error = await rejectedInputError(fetchText(url(), testOptions({ retries: 0 }).options));
    expect(error.message).toBe(`GET ${url()}: HTTP 500 Internal Server Error`);
    expect(requests).toHaveLength(1);
  });

  it('uses the reason phrase the server sends', async () => {
    const { url } = await serve([{ status: 400, statusText: 'Invalid Date Parameter' }]);
    const error = await rejectedInputError(fetchText(url(), testOptions().options));
    expect(error.message).toBe(`GET ${url()}: HTTP 400 Invalid Date Parameter`);
  });

  it('waits as long as Retry-After says on a 429', async () => {
    const { url, requests } = await serve([{ status: 429, headers: { 'retry-after': '1' } }, { body: 'ok' }]);
    const { options, sleeps, retries } = testOptions();
    await expect(fetchText(url(), options)).resolves.toBe('ok');
    expect(requests).toHaveLength(2);
    expect(sleeps).toEqual([1000]);
    expect(retries[0]?.reason).toBe('HTTP 429');
  });

  it('reads a Retry-After date against the server Date header', async () => {
    const { url } = await serve([
      {
        status: 503,
        headers: { date: 'Sat, 03 Oct 2026 00:00:00 GMT', 'retry-after': 'Sat, 03 Oct 2026 00:00:07 GMT' },
      },
      { body: 'ok' },
    ]);
    const { options, sleeps } = testOptions();
    await expect(fetchText(url(), options)).resolves.toBe('ok');
    expect(sleeps).toEqual([7000]);
  });

  it('caps a long Retry-After', async () => {
    const { url } = await serve([{ status: 429, headers: { 'retry-after': '3600' } }, { body: 'ok' }]);
    const { options, sleeps } = testOptions({ maxRetryAfterMs: 5000 });
    await expect(fetchText(url(), options)).resolves.toBe('ok');
    expect(sleeps).toEqual([5000]);
  });

  it('ignores Retry-After on a 500, where it has no meaning', async () => {
    const { url } = await serve([{ status: 500, headers: { 'retry-after': '60' } }, { body: 'ok' }]);
    const { options, sleeps } = testOptions();
    await expect(fetchText(url(), options)).resolves.toBe('ok');
    expect(sleeps).toEqual([1000]);
  });

  it('times out a server that never answers, and retries it', async () => {
    const { url, requests } = await serve(() => ({ kind: 'hang' }));
    const { options, retries } = testOptions({ timeoutMs: 200, retries: 1 });
    const error = await rejectedInputError(fetchText(url('/slow'), options));
    expect(error.message).toBe(`GET ${url('/slow')}: timed out after 200ms (2 attempts)`);
    expect(requests).toHaveLength(2);
    expect(retries[0]?.reason).toBe('timed out');
  });

  it('times out a body that stalls after the headers', async () => {
    const { url } = await serve(() => ({
      kind: 'stall',
      headers: { 'content-length': '100' },
      body: '[{"a"',
    }));
    const { options } = testOptions({ timeoutMs: 200, retries: 0 });
    const error = await rejectedInputError(fetchText(url(), options));
    expect(error.message).toBe(`GET ${url()}: timed out after 200ms`);
  });

  it('recovers when a stalled body is followed by a good answer', async () => {
    const { url } = await serve([{ kind: 'stall', body: 'part' }, { body: 'whole' }]);
    const { options, sleeps } = testOptions({ timeoutMs: 200 });
    await expect(fetchText(url(), options)).resolves.toBe('whole');
    expect(sleeps).toHaveLength(1);
  });

  it('retries a refused connection, then says so', async () => {
    const url = await refusedUrl('/api/daily_papers');
    const { options, sleeps, retries } = testOptions();
    const error = await rejectedInputError(fetchText(url, options));
    expect(error.message).toBe(`GET ${url}: connection refused (5 attempts)`);
    expect(sleeps).toHaveLength(4);
    expect(retries[0]?.reason).toBe('connection refused');
  });

  it('retries a connection closed without an answer', async () => {
    const { url, requests } = await serve([{ kind: 'reset' }, { body: 'ok' }]);
    const { options, retries } = testOptions();
    await expect(fetchText(url(), options)).resolves.toBe('ok');
    expect(requests).toHaveLength(2);
    // Which one depends on when the socket closes; either is a retryable network error.
    expect(retries[0]?.reason).toMatch(/^connection (closed by the server|reset)$/);
  });

  it('refuses a body larger than maxBytes from its Content-Length, without retrying', async () => {
    // The body stalls after one byte: only the header can stop the request at once.
    const { url, requests } = await serve(() => ({
      kind: 'stall',
      headers: { 'content-length': '2000' },
      body: 'x',
    }));
    const { options, sleeps } = testOptions({ maxBytes: 1000 });
    const error = await rejectedInputError(fetchText(url(), options));
    expect(error.message).toBe(
      `GET ${url()}: the response is larger than 1,000 bytes, more than any listing; stopped reading it`,
    );
    expect(requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('stops reading a body without Content-Length once it passes maxBytes', async () => {
    // A body that never ends would time out ("timed out after …"); it fails on its size instead.
    const { url } = await serve(() => ({ kind: 'stall', body: 'y'.repeat(5000) }));
    const { options } = testOptions({ maxBytes: 1000, timeoutMs: 10_000 });
    const error = await rejectedInputError(fetchText(url(), options));
    expect(error.message).toMatch(/the response is larger than 1,000 bytes/);
  });

  it('reads a body of exactly maxBytes', async () => {
    const { url } = await serve([{ body: 'z'.repeat(1000) }]);
    await expect(fetchText(url(), testOptions({ maxBytes: 1000 }).options)).resolves.toHaveLength(1000);
  });

  it('rejects a URL that is not http(s) without fetching', async () => {
    const error = await rejectedInputError(fetchText('file:///etc/passwd', testOptions().options));
    expect(error.message).toBe('GET file:///etc/passwd: not an http(s) URL');
    expect((await rejectedInputError(fetchText('not a url', testOptions().options))).message).toBe(
      'GET not a url: not an http(s) URL',
    );
  });
});

describe('backoffDelay', () => {
  it('doubles from one second, with ±25% jitter', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(attempt, undefined, () => 0.5))).toEqual([
      1000, 2000, 4000, 8000,
    ]);
    expect(backoffDelay(1, undefined, () => 0)).toBe(750);
    expect(backoffDelay(3, null, () => 0.999999)).toBe(5000);
  });

  it('stops growing at the cap', () => {
    expect(backoffDelay(10, undefined, () => 0.5)).toBe(BACKOFF_MAX_MS);
    expect(backoffDelay(100, undefined, () => 0.5)).toBe(BACKOFF_MAX_MS);
  });

  it('uses Retry-After seconds as they are, without jitter', () => {
    expect(backoffDelay(1, '1', () => 0)).toBe(1000);
    expect(backoffDelay(4, '2', () => 0.9)).toBe(2000);
    expect(backoffDelay(1, '0', () => 0.5)).toBe(0);
  });

  it('caps Retry-After', () => {
    expect(backoffDelay(1, '86400', () => 0.5)).toBe(DEFAULT_MAX_RETRY_AFTER_MS);
    expect(backoffDelay(1, '86400', () => 0.5, undefined, 10_000)).toBe(10_000);
  });

  it('reads a Retry-After date only when it knows the time', () => {
    const now = Date.parse('2026-10-03T00:00:00Z');
    expect(backoffDelay(1, 'Sat, 03 Oct 2026 00:00:30 GMT', () => 0.5, now)).toBe(30_000);
    expect(backoffDelay(1, 'Sat, 03 Oct 2026 00:00:30 GMT', () => 0.5)).toBe(1000);
  });

  it('falls back to backoff when Retry-After is unreadable', () => {
    expect(backoffDelay(2, 'soon', () => 0.5, 0)).toBe(2000);
    expect(backoffDelay(2, '1.5', () => 0.5, 0)).toBe(2000);
    expect(backoffDelay(2, '', () => 0.5, 0)).toBe(2000);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-10-03T12:00:00Z');

  it('reads seconds and dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 5 ', now)).toBe(5000);
    expect(parseRetryAfter('Sat, 03 Oct 2026 12:01:00 GMT', now)).toBe(60_000);
  });

  it('treats a date in the past as now', () => {
    expect(parseRetryAfter('Sat, 03 Oct 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('gives undefined for nothing usable', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('-1', now)).toBeUndefined();
    expect(parseRetryAfter('later', now)).toBeUndefined();
  });
});

describe('formatDuration', () => {
  it('uses seconds from one second up, and milliseconds below', () => {
    expect(formatDuration(30_000)).toBe('30s');
    expect(formatDuration(1500)).toBe('1.5s');
    expect(formatDuration(200)).toBe('200ms');
  });
});
