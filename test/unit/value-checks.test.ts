import { describe, expect, it } from 'vitest';
import { readEnvironment } from '../../src/lib/config/env.ts';
import { ConfigError } from '../../src/lib/config/errors.ts';
import { describeValue, isHttpUrl, quotedValue } from '../../src/lib/value-checks.ts';
import { messageOf } from '../helpers/errors.ts';

describe('checks shared by the schemas and the sources', () => {
  it('take only a URL written with http:// or https://', () => {
    for (const url of ['https://example.org', 'http://127.0.0.1:9000/hf', 'HTTPS://EXAMPLE.ORG/a?b'])
      expect(isHttpUrl(url), url).toBe(true);
    for (const url of [
      'http:example.org',
      'ftp://example.org',
      'example.org',
      'javascript:alert(1)',
      'https://',
    ])
      expect(isHttpUrl(url), url).toBe(false);
  });

  it('quote a value with nothing that would reorder or colour the terminal', () => {
    expect(quotedValue('a\u202Eb\u001b[31m')).toBe('"a\\u202eb\\u001b[31m"');
    expect(quotedValue('x'.repeat(2000))).toBe(`"${'x'.repeat(57)}..." (2,000 characters)`);
    expect(describeValue(['a'])).toBe('a list');
    expect(describeValue(3)).toBe('number 3');
  });

  it('are what a bad setting is reported with', () => {
    expect(messageOf(() => readEnvironment({ SITE_URL: 'http:example.org\u202E' }), ConfigError)).toBe(
      'SITE_URL: expected an absolute http(s) origin without a path, such as "https://example.org", got "http:example.org\\u202e"',
    );
  });
});
