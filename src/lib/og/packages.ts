/**
 * Finding files inside installed npm packages (fonts, emoji). Font packages
 * restrict what `require.resolve` may name through `exports`, so the package
 * folder is found the way Node finds it: the nearest `node_modules/<name>`
 * above this file.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const found = new Map<string, string>();

/** The folder of an installed package; throws a readable error when it is missing. */
export function packageDir(name: string, from: string = HERE): string {
  const key = `${from}\0${name}`;
  const known = found.get(key);
  if (known) return known;
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) {
      found.set(key, candidate);
      return candidate;
    }
    if (path.dirname(dir) === dir) break;
  }
  throw new Error(`social images: the package ${name} is not installed (run npm install)`);
}

export function packageVersion(name: string): string {
  const manifest = JSON.parse(readFileSync(path.join(packageDir(name), 'package.json'), 'utf8')) as {
    version?: string;
  };
  return manifest.version ?? 'unknown';
}
