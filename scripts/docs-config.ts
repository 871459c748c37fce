/**
 * `npm run docs:config`: writes the reference tables of
 * docs/configuration.md from the settings' schemas (src/lib/config/reference.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { withReference } from '../src/lib/config/reference.ts';

const file = new URL('../docs/configuration.md', import.meta.url);
const before = readFileSync(file, 'utf8');
const after = withReference(before);
if (after !== before) writeFileSync(file, after);
process.stdout.write(
  after === before ? 'docs/configuration.md is up to date\n' : 'wrote docs/configuration.md\n',
);
