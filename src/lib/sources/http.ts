/**
 * GET a text resource, patiently: per-attempt timeouts, retries with
 * exponential backoff on the failures that are worth retrying, and one-line
 * `InputError` messages the CLI can print as they are.
 */
import { STATUS_CODES } from 'node:http';
import { setTimeout as timerSleep } from 'node:timers/promises';

import { InputError } from './types.ts';
import { formatBytes } from '../count-text.ts';
import { isHttpUrl } from '../value-checks.ts';

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_RETRIES = 4;
export const DEFAULT_MAX_RETRY_AFTER_MS = 120_000;
/** The first retry waits about this long; each later one twice the one before. */
export const BACKOFF_BASE_MS = 1_000;
/** Backoff never grows past this, however many retries are asked for. */
export const BACKOFF_MAX_MS = 30_000;
/**
 * A listing larger than this is not a day's or a month's papers: reading
 * stops there rather than buffer an endless or runaway answer in memory.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

export interface RetryInfo {
  url: string;
  /** The attempt that failed, counting from 1. */
  attempt: number;
  /** Why it failed, short enough for `retrying in 2s (HTTP 503)`. */
  reason: string;
  waitMs: number;
}

// `| undefined` on every optional field so callers can forward their own
// optional settings under exactOptionalPropertyTypes.
export interface FetchOptions {
  /** Per attempt, covering the headers and the whole body. */
  timeoutMs?: number | undefined;
  /** Retries after the first attempt. */
  retries?: number | undefined;
  userAgent: string;
  accept?: string | undefined;
  sleep?: ((ms: number) => Promise<void>) | undefined;
  /** In [0, 1), for backoff jitter. */
  random?: (() => number) | undefined;
  onRetry?: ((info: RetryInfo) => void) | undefined;
  /** The longest `Retry-After` wait honoured; longer requests are cut to this. */
  maxRetryAfterMs?: number | undefined;
  /** The largest body read; a larger one fails at once, without retries. */
  maxBytes?: number | undefined;
}

type Failure =
  | {
      kind: 'http';
      status: number;
      statusText: string;
      retryAfter: string | undefined;
      nowMs: number | undefined;
    }
  | { kind: 'timeout' }
  | { kind: 'too-large'; maxBytes: number }
  | { kind: 'network'; code: string | undefined; description: string };

type Outcome = { kind: 'ok'; text: string } | Failure;

/** Statuses that say "try again later" rather than "this request is wrong". */
const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);
/** Only these statuses define `Retry-After` as a wait before retrying. */
const RETRY_AFTER_STATUSES = new Set([429, 503]);

export async function fetchText(url: string, options: FetchOptions): Promise<string> {
  if (!isHttpUrl(url)) throw new InputError(`GET ${url}: not an http(s) URL`);
  const retries = options.retries ?? DEFAULT_RETRIES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS;

  for (let attempt = 1; ; attempt++) {
    const outcome = await attemptOnce(
      url,
      requestHeaders(options),
      timeoutMs,
      options.maxBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    );
    if (outcome.kind === 'ok') return outcome.text;
    if (!isRetryable(outcome) || attempt > retries) {
      throw new InputError(failureMessage(url, outcome, attempt, timeoutMs));
    }
    const retryAfter = outcome.kind === 'http' ? outcome.retryAfter : undefined;
    const nowMs = outcome.kind === 'http' ? outcome.nowMs : undefined;
    const waitMs = backoffDelay(attempt, retryAfter, random, nowMs, maxRetryAfterMs);
    options.onRetry?.({ url, attempt, reason: failureReason(outcome), waitMs });
    await sleep(waitMs);
  }
}

/**
 * How long to wait after failed attempt number `attempt` (from 1): the
 * server's `Retry-After` when it gives a usable one (capped at
 * `maxRetryAfterMs`), else exponential backoff with ±25% jitter so that many
 * clients failing together do not retry together. `nowMs` is only needed to
 * read a `Retry-After` given as an HTTP date; without it such a header is
 * ignored.
 */
export function backoffDelay(
  attempt: number,
  retryAfterHeader: string | null | undefined,
  random: () => number,
  nowMs?: number,
  maxRetryAfterMs: number = DEFAULT_MAX_RETRY_AFTER_MS,
): number {
  const retryAfterMs = parseRetryAfter(retryAfterHeader, nowMs);
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, maxRetryAfterMs);
  const exponential = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential * (0.75 + 0.5 * random()));
}

/**
 * A `Retry-After` value in milliseconds from now, or undefined when absent or
 * unreadable. It is either delay-seconds (`120`) or an HTTP date; a date in
 * the past means "now".
 */
export function parseRetryAfter(header: string | null | undefined, nowMs?: number): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // Every HTTP date format names the month; without a letter, Date.parse
  // would still read things like `-1` or `1.5` as dates.
  if (nowMs === undefined || !/[a-z]/i.test(value)) return undefined;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/** `30s`, `1.5s`, `200ms`: short, for one-line messages. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  return `${Number((ms / 1000).toFixed(1))}s`;
}

function requestHeaders(options: FetchOptions): Record<string, string> {
  const headers: Record<string, string> = { 'user-agent': options.userAgent };
  if (options.accept !== undefined) headers['accept'] = options.accept;
  return headers;
}

async function attemptOnce(
  url: string,
  headers: Record<string, string>,
  timeoutMs: number,
  maxBytes: number,
): Promise<Outcome> {
  // One signal for the headers and the body, so a server that answers and
  // then stalls mid-body times out like one that never answers.
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, { headers, signal });
    if (response.ok) return await readBody(response, maxBytes);
    // Release the connection; the body of an error page is not reported.
    await response.body?.cancel().catch(() => undefined);
    return {
      kind: 'http',
      status: response.status,
      statusText: response.statusText || STATUS_CODES[response.status] || '',
      retryAfter: RETRY_AFTER_STATUSES.has(response.status)
        ? (response.headers.get('retry-after') ?? undefined)
        : undefined,
      nowMs: serverNow(response.headers.get('date')),
    };
  } catch (error) {
    return describeError(error);
  }
}

/**
 * The body as text, or a failure as soon as it is known to pass `maxBytes`:
 * from its `Content-Length` before reading, else while it streams in.
 */
async function readBody(response: Response, maxBytes: number): Promise<Outcome> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes || !response.body) {
    await response.body?.cancel().catch(() => undefined);
    return declared > maxBytes ? { kind: 'too-large', maxBytes } : { kind: 'ok', text: '' };
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      // Leaving the loop early cancels the stream and frees the connection.
      return { kind: 'too-large', maxBytes };
    }
    chunks.push(chunk);
  }
  return { kind: 'ok', text: new TextDecoder().decode(Buffer.concat(chunks)) };
}

/**
 * "Now" for an HTTP-date `Retry-After`: the server's own `Date` header, so a
 * skewed local clock does not matter, else the local clock.
 */
function serverNow(dateHeader: string | null): number {
  const serverMs = dateHeader ? Date.parse(dateHeader) : Number.NaN;
  return Number.isNaN(serverMs) ? Date.now() : serverMs;
}

function describeError(error: unknown): Failure {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return { kind: 'timeout' };
  }
  // fetch wraps the socket error: TypeError('fetch failed', { cause }).
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code =
    cause instanceof Error && 'code' in cause && typeof cause.code === 'string' ? cause.code : undefined;
  return { kind: 'network', code, description: networkDescription(code, cause) };
}

function networkDescription(code: string | undefined, cause: unknown): string {
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ECONNRESET':
      return 'connection reset';
    case 'UND_ERR_SOCKET':
      return 'connection closed by the server';
    case 'ENOTFOUND':
      return 'host not found';
    case 'EAI_AGAIN':
      return 'host lookup failed';
    case 'ETIMEDOUT':
      return 'connection timed out';
    default:
      return cause instanceof Error ? oneLine(cause.message) : oneLine(String(cause));
  }
}

function isRetryable(failure: Failure): boolean {
  switch (failure.kind) {
    case 'http':
      return RETRYABLE_STATUSES.has(failure.status);
    case 'timeout':
      return true;
    case 'too-large':
      return false;
    case 'network':
      // An unknown host is a typo far more often than a passing DNS failure
      // (that one is EAI_AGAIN), and retrying it only delays the message.
      return failure.code !== 'ENOTFOUND';
  }
}

function failureReason(failure: Failure): string {
  switch (failure.kind) {
    case 'http':
      return `HTTP ${failure.status}`;
    case 'timeout':
      return 'timed out';
    case 'too-large':
      return 'response too large';
    case 'network':
      return failure.description;
  }
}

function failureMessage(url: string, failure: Failure, attempts: number, timeoutMs: number): string {
  const prefix = `GET ${url}:`;
  switch (failure.kind) {
    case 'http': {
      const status = [String(failure.status), failure.statusText].filter(Boolean).join(' ');
      return `${prefix} HTTP ${status}${attempts > 1 ? ` after ${attempts} attempts` : ''}`;
    }
    case 'timeout':
      return `${prefix} timed out after ${formatDuration(timeoutMs)}${attemptsNote(attempts)}`;
    case 'too-large':
      return `${prefix} the response is larger than ${formatBytes(failure.maxBytes)}, more than any listing; stopped reading it`;
    case 'network':
      return `${prefix} ${failure.description}${attemptsNote(attempts)}`;
  }
}

function attemptsNote(attempts: number): string {
  return attempts > 1 ? ` (${attempts} attempts)` : '';
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The sleep used when none is injected. */
export function defaultSleep(ms: number): Promise<void> {
  return timerSleep(ms).then(() => undefined);
}
