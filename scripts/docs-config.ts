/**
 * `npm run docs:config`: writes the reference tables of
 * docs/configuration.md from the settings' schemas (src/lib/config/reference.ts).
 */
import { withReference } from '../src/lib/config/reference.ts';
import { updateDoc } from './update-doc.ts';

updateDoc('docs/configuration.md', withReference);
