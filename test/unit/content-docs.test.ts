import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentReference, withContentReference } from '../../src/lib/papers/reference.ts';
import { paperSchema } from '../../src/lib/papers/schema.ts';

const PAGE = new URL('../../docs/content.md', import.meta.url);

describe('docs/content.md', () => {
  const page = readFileSync(PAGE, 'utf8');

  it('holds the field table the paper schema gives (run npm run docs:content when this fails)', () => {
    expect(withContentReference(page)).toBe(page);
  });

  it('lists every field of the schema, each described, and says which are required', () => {
    const reference = contentReference();
    for (const name of Object.keys(paperSchema.shape))
      expect(reference).toMatch(new RegExp(`^\\| \`${name}\` +\\| (yes|   ) +\\| \\S`, 'm'));
    expect(reference).toMatch(/^\| `title` +\| yes +\|/m);
    expect(reference).toMatch(/^\| `authors` +\| +\|/m);
    expect(reference).toMatch(/^\| `aiSummary` .*\| 5,000 characters +\|$/m);
  });
});
