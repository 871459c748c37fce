import { describe, expect, it } from 'vitest';

import { readEnvironment } from '../../src/lib/config/env.ts';
import { DEFAULT_ENDPOINTS, userAgent, resolveEndpoint } from '../../src/lib/sources/endpoints.ts';
import { InputError } from '../../src/lib/sources/types.ts';

describe('resolveEndpoint', () => {
  it('defaults to the public APIs', () => {
    expect(resolveEndpoint('hf', { value: undefined, name: '--endpoint' }, undefined)).toBe(
      'https://huggingface.co/api/daily_papers',
    );
    expect(resolveEndpoint('arxiv', { value: undefined, name: '--endpoint' }, undefined)).toBe(
      'https://export.arxiv.org/api/query',
    );
    expect(DEFAULT_ENDPOINTS.hf).toBe('https://huggingface.co/api/daily_papers');
  });

  it('prefers the environment to the default', () => {
    const { endpoints } = readEnvironment({
      PAPERS_HF_ENDPOINT: 'http://127.0.0.1:9000/hf',
      PAPERS_ARXIV_ENDPOINT: 'http://127.0.0.1:9000/ax',
    });
    expect(resolveEndpoint('hf', { value: undefined, name: '--endpoint' }, endpoints.hf)).toBe(
      'http://127.0.0.1:9000/hf',
    );
    expect(resolveEndpoint('arxiv', { value: undefined, name: '--endpoint' }, endpoints.arxiv)).toBe(
      'http://127.0.0.1:9000/ax',
    );
  });

  it('prefers the flag to the environment', () => {
    expect(
      resolveEndpoint(
        'hf',
        { value: 'https://mirror.example/api', name: '--endpoint' },
        'http://127.0.0.1:9000/hf',
      ),
    ).toBe('https://mirror.example/api');
  });

  it('treats an empty environment variable as unset', () => {
    const { endpoints } = readEnvironment({ PAPERS_HF_ENDPOINT: '' });
    expect(resolveEndpoint('hf', { value: undefined, name: '--endpoint' }, endpoints.hf)).toBe(
      DEFAULT_ENDPOINTS.hf,
    );
  });

  it('rejects what is not an http(s) URL', () => {
    expect(() =>
      resolveEndpoint('hf', { value: 'ftp://example.org/x', name: '--endpoint' }, undefined),
    ).toThrow(new InputError('--endpoint: "ftp://example.org/x" is not an http(s) URL'));
    expect(() =>
      resolveEndpoint('arxiv', { value: undefined, name: '--endpoint' }, 'localhost:8080'),
    ).toThrow(new InputError('PAPERS_ARXIV_ENDPOINT: "localhost:8080" is not an http(s) URL'));
    expect(() => resolveEndpoint('hf', { value: '', name: '--endpoint' }, undefined)).toThrow(InputError);
  });
});

describe('userAgent', () => {
  it('names the project, its version and where to find it', () => {
    expect(userAgent('0.1.0')).toBe('daily-papers/0.1.0 (+https://github.com/daily-papers/daily-papers)');
  });
});
