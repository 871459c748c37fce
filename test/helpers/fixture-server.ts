/**
 * A local HTTP server for tests that fetch: it answers each request from a
 * script and records what it was sent. It listens on 127.0.0.1 on a free
 * port, so tests need no network and can run in parallel.
 *
 *   const server = await startFixtureServer([{ status: 503 }, jsonReply([])]);
 *   await fetchText(server.url('/api/daily_papers?date=2026-10-03'), ...);
 *   expect(server.requests[1]?.query).toEqual({ date: '2026-10-03' });
 *   await server.close();
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenLocally } from './local-server.ts';

/** An ordinary answer. Everything has a default: `{}` is `200 OK` with an empty body. */
export interface AnswerReply {
  kind?: 'answer';
  status?: number;
  /** The reason phrase; Node's standard one for the status when absent. */
  statusText?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** Accept the request and never answer: for timeouts. */
export interface HangReply {
  kind: 'hang';
}

/** Send the status, headers and `body` (a first part), then never finish: a stalled body. */
export interface StallReply {
  kind: 'stall';
  status?: number;
  headers?: Record<string, string>;
  body?: string;
}

/** Close the connection without answering: a network error on the client. */
export interface ResetReply {
  kind: 'reset';
}

export type Reply = AnswerReply | HangReply | StallReply | ResetReply;

export interface RecordedRequest {
  method: string;
  /** The path as sent, query included: `/api/query?id_list=a,b&max_results=2`. */
  url: string;
  /** The path without the query. */
  path: string;
  /** Decoded query parameters; for a repeated name the last value wins. */
  query: Record<string, string>;
  /** Lower-case header names, as Node gives them. */
  headers: IncomingHttpHeaders;
}

/**
 * Replies in request order, or a function of the request and its index (from
 * 0) for servers that answer by path or query, or forever the same way.
 */
export type Script = readonly Reply[] | ((request: RecordedRequest, index: number) => Reply);

export interface FixtureServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** An absolute URL on this server: `server.url('/api/query')`. */
  url(pathAndQuery?: string): string;
  /** Every request received so far, in order. */
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * Past the end of a reply list the server answers `418`, which no client
 * retries, so a test that makes one request too many fails with a message
 * that says so rather than hanging or retrying.
 */
export const SCRIPT_EXHAUSTED_STATUS = 418;

export async function startFixtureServer(script: Script): Promise<FixtureServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((request, response) => {
    const recorded = recordRequest(request);
    const index = requests.length;
    requests.push(recorded);
    respond(request, response, replyFor(script, recorded, index));
  });
  const { origin, close } = await listenLocally(server);
  return {
    origin,
    url: (pathAndQuery = '/') => new URL(pathAndQuery, origin).toString(),
    requests,
    close,
  };
}

/** A URL on a port where nothing listens, for "connection refused". */
export async function refusedUrl(pathAndQuery = '/'): Promise<string> {
  const server = await startFixtureServer([]);
  const url = server.url(pathAndQuery);
  await server.close();
  return url;
}

export function jsonReply(value: unknown, init: Omit<AnswerReply, 'kind' | 'body'> = {}): AnswerReply {
  return {
    ...init,
    headers: { 'content-type': 'application/json; charset=utf-8', ...init.headers },
    body: JSON.stringify(value),
  };
}

export function atomReply(text: string, init: Omit<AnswerReply, 'kind' | 'body'> = {}): AnswerReply {
  return {
    ...init,
    headers: { 'content-type': 'application/atom+xml; charset=utf-8', ...init.headers },
    body: text,
  };
}

function recordRequest(request: IncomingMessage): RecordedRequest {
  const url = request.url ?? '/';
  const parsed = new URL(url, 'http://fixture.invalid');
  return {
    method: request.method ?? 'GET',
    url,
    path: parsed.pathname,
    query: Object.fromEntries(parsed.searchParams),
    headers: request.headers,
  };
}

function replyFor(script: Script, request: RecordedRequest, index: number): Reply {
  if (typeof script === 'function') return script(request, index);
  return (
    script[index] ?? {
      status: SCRIPT_EXHAUSTED_STATUS,
      statusText: `No Scripted Reply For Request ${index + 1}`,
    }
  );
}

function respond(request: IncomingMessage, response: ServerResponse, reply: Reply): void {
  switch (reply.kind) {
    case 'hang':
      return;
    case 'reset':
      request.socket.destroy();
      return;
    case 'stall':
      response.writeHead(reply.status ?? 200, reply.headers);
      response.flushHeaders();
      if (reply.body) response.write(reply.body);
      return;
    case undefined:
    case 'answer': {
      const status = reply.status ?? 200;
      if (reply.statusText === undefined) response.writeHead(status, reply.headers);
      else response.writeHead(status, reply.statusText, reply.headers);
      response.end(reply.body ?? '');
      return;
    }
  }
}
