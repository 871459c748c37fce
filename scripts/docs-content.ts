/**
 * `npm run docs:content`: writes the field table of docs/content.md from the
 * paper schema (src/lib/papers/reference.ts).
 */
import { withContentReference } from '../src/lib/papers/reference.ts';
import { updateDoc } from './update-doc.ts';

updateDoc('docs/content.md', withContentReference);
