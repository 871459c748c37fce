import { describe, expect, it } from 'vitest';

import { readEnvironment } from '../../src/lib/config/env.ts';
import { DEFAULT_ENDPOINTS, userAgent, resolveEndpoint } from '../../src/lib/sources/endpoints.ts';
import { InputError } from '../../src/lib/sources/types.ts';

describe('resolveEndpoint', () => {
  it('defaults to the public APIs', () => {
    expect(resolveEndpoint('hf', undefined, undefined)).toBe('https://huggingface.co/api/daily_papers');
    expect(resolveEndpoint('arxiv', undefined, undefined)).toBe('https://export.arxiv.org/api/query');
    expect(DEFAULT_ENDPOINTS.hf).toBe('https://huggingface.co/api/daily_papers');
  });

  it('prefers the environment to the default', () => {
    const { endpoints } = readEnvironment({
      PAPERS_HF_ENDPOINT: 'http://127.0.0.1:9000/hf',
      PAPERS_ARXIV_ENDPOINT: 'http://127.0.0.1:9000/ax',
    });
    expect(resolveEndpoint('hf', undefined, endpoints.hf)).toBe('http://127.0.0.1:9000/hf');
    expect(resolveEndpoint('arxiv', undefined, endpoints.arxiv)).toBe('http://127.0.0.1:9000/ax');
  });

  it('prefers the flag to the environment', () => {
    expect(resolveEndpoint('hf', 'https://mirror.example/api', 'http://127.0.0.1:9000/hf')).toBe(
      'https://mirror.example/api',
    );
  });

  it('treats an empty environment variable as unset', () => {
    const { endpoints } = readEnvironment({ PAPERS_HF_ENDPOINT: '' });
    expect(resolveEndpoint('hf', undefined, endpoints.hf)).toBe(DEFAULT_ENDPOINTS.hf);
  });

  it('rejects what is not an http(s) URL', () => {
    expect(() => resolveEndpoint('hf', 'ftp://example.org/x', undefined)).toThrow(
      new InputError('--endpoint: "ftp://example.org/x" is not an http(s) URL'),
    );
    expect(() => resolveEndpoint('arxiv', undefined, 'localhost:8080')).toThrow(
      new InputError('PAPERS_ARXIV_ENDPOINT: "localhost:8080" is not an http(s) URL'),
    );
    expect(() => resolveEndpoint('hf', '', undefined)).toThrow(InputError);
  });
});

describe('userAgent', () => {
  it('names the project, its version and where to find it', () => {
    expect(userAgent('0.1.0')).toBe('daily-papers/0.1.0 (+https://github.com/daily-papers/daily-papers)');
  });
});
