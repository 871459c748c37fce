import { describe, expect, it } from 'vitest';
import { jsonParseModule, storeModuleText } from '../../src/lib/site/json-module.ts';

/** The default export of a module made by jsonParseModule. */
function evaluate(code: string): unknown {
  const expression = code.replace(/^export default /, '');
  return new Function(`return ${expression}`)() as unknown;
}

describe('the content store as a module in pieces', () => {
  const store = JSON.stringify([{ title: 'Attention 🚀 "quoted" \\ é', ids: [1, 2, 3] }, 'x'.repeat(50)]);

  it('exports what JSON.parse of the text gives, written as literals of at most the piece length', () => {
    const code = jsonParseModule(store, 7);
    expect(evaluate(code)).toEqual(JSON.parse(store));
    const literals = code.slice(code.indexOf('[') + 1, code.lastIndexOf(']')).split(',\n');
    expect(literals.length).toBe(Math.ceil(store.length / 7));
    for (const literal of literals) expect((JSON.parse(literal) as string).length).toBeLessThanOrEqual(7);
  });

  it('keeps a character cut in two at a piece boundary', () => {
    const text = JSON.stringify('a🚀b');
    // '"a' then the rocket's first half end the first piece.
    expect(evaluate(jsonParseModule(text, 3))).toBe('a🚀b');
  });

  it('reads back the text of the module Astro writes, and nothing else', () => {
    const astroModule = `export default JSON.parse(${JSON.stringify(store)})`;
    expect(storeModuleText(astroModule)).toBe(store);
    expect(evaluate(jsonParseModule(storeModuleText(astroModule)!))).toEqual(JSON.parse(store));
    expect(storeModuleText('export default new Map()')).toBeUndefined();
    expect(storeModuleText('export default JSON.parse(notJson)')).toBeUndefined();
    expect(storeModuleText('export default JSON.parse(42)')).toBeUndefined();
  });
});
