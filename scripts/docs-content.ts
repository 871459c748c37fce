/**
 * `npm run docs:content`: writes the field table of docs/content.md from the
 * paper schema (src/lib/papers/reference.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { withContentReference } from '../src/lib/papers/reference.ts';

const file = new URL('../docs/content.md', import.meta.url);
const before = readFileSync(file, 'utf8');
const after = withContentReference(before);
if (after !== before) writeFileSync(file, after);
process.stdout.write(after === before ? 'docs/content.md is up to date\n' : 'wrote docs/content.md\n');
