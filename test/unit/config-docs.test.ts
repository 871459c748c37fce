import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { environmentSchema } from '../../src/lib/config/env.ts';
import { configurationReference, withReference } from '../../src/lib/config/reference.ts';

const PAGE = new URL('../../docs/configuration.md', import.meta.url);

describe('docs/configuration.md', () => {
  const page = readFileSync(PAGE, 'utf8');

  it('holds the reference the schemas give (run npm run docs:config when this fails)', () => {
    expect(withReference(page)).toBe(page);
  });

  it('lists every environment variable and every field, each described', () => {
    const reference = configurationReference();
    for (const name of Object.keys(environmentSchema.shape)) expect(reference).toContain(`| \`${name}\``);
    for (const field of ['feeds.itemLimit', 'og.colors.accent', 'og.paperCardDays', 'base'])
      expect(reference).toContain(`| \`${field}\``);
    // A field without a description would leave an empty cell after its name.
    expect(reference).not.toMatch(/^\| `[^`]+`\s+\|\s+\|/m);
  });
});
