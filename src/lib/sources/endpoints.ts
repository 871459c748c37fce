/**
 * Where the fetchers go by default, and how to point them elsewhere (a mirror,
 * or a local server in tests): CLI flag, then environment, then default.
 */
import { InputError } from './types.ts';

export type EndpointKind = 'hf' | 'arxiv';

export const DEFAULT_ENDPOINTS: Readonly<Record<EndpointKind, string>> = {
  hf: 'https://huggingface.co/api/daily_papers',
  arxiv: 'https://export.arxiv.org/api/query',
};

export const ENDPOINT_ENV_VARS: Readonly<Record<EndpointKind, string>> = {
  hf: 'PAPERS_HF_ENDPOINT',
  arxiv: 'PAPERS_ARXIV_ENDPOINT',
};

export const PROJECT_URL = 'https://github.com/daily-papers/daily-papers';

/**
 * The endpoint to use for `kind`: the override's value (a command-line flag,
 * named in errors as `override.name`), else the
 * kind's environment variable (`envValue`, as src/lib/config/env.ts read it:
 * undefined when empty, the usual shell idiom for "no override"), else the
 * default. An empty override is refused, since someone typed it.
 */
export function resolveEndpoint(
  kind: EndpointKind,
  override: { value: string | undefined; name: string },
  envValue: string | undefined,
): string {
  if (override.value !== undefined) return validEndpoint(override.value, override.name);
  if (envValue) return validEndpoint(envValue, ENDPOINT_ENV_VARS[kind]);
  return DEFAULT_ENDPOINTS[kind];
}

/** The User-Agent for every request; the version is a parameter so that lib code never reads package.json. */
export function userAgent(version: string): string {
  return `daily-papers/${version} (+${PROJECT_URL})`;
}

function validEndpoint(value: string, source: string): string {
  const trimmed = value.trim();
  if (!URL.canParse(trimmed)) throw new InputError(`${source}: "${value}" is not an http(s) URL`);
  const { protocol } = new URL(trimmed);
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new InputError(`${source}: "${value}" is not an http(s) URL`);
  }
  return trimmed;
}
