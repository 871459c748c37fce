/**
 * The boundaries of src/lib (docs/development.md, "Layers of src/lib"): each
 * folder imports only folders of lower layers, so no two folders import each
 * other and the domain never reaches the site or publish layers. Imports are
 * read with TypeScript's own scanner, so `import type`, `export ... from` and
 * `import()` count too, and commented-out imports do not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');
const LIB = path.join(SRC, 'lib');

/** src/lib's own files (cache-file.ts, build-record.ts, ...), shared by every folder. */
const ROOT = 'src/lib/*.ts';

/**
 * Lowest first. A folder may import only from folders of lower layers, never
 * from its own layer or a higher one. A new folder needs a place here and in
 * docs/development.md.
 */
const LAYERS: readonly (readonly string[])[] = [
  [ROOT],
  ['config', 'papers'],
  ['format', 'related', 'run-lock', 'sources', 'topics'],
  ['archive', 'feeds', 'og', 'search'],
  ['publish', 'site'],
];

/** What the archive is about, whoever presents it: it imports nothing of these. */
const DOMAIN = ['papers', 'topics', 'related', 'archive'];
const PRESENTERS = ['site', 'publish'];

/**
 * The one file outside src/lib that src/lib may import: the settings as the
 * build reads them, made by config/ (so it counts as config).
 */
const SETTINGS = path.join(SRC, 'settings.ts');

interface Import {
  /** Relative to the project, `/`-separated. */
  file: string;
  folder: string;
  /** As written. */
  specifier: string;
  /** Relative to the project; undefined for a package. */
  target: string | undefined;
  /** The target's folder of src/lib; undefined outside src/lib. */
  targetFolder: string | undefined;
}

const project = (absolute: string) =>
  path.relative(path.resolve(SRC, '..'), absolute).split(path.sep).join('/');

function folderOf(absolute: string): string | undefined {
  if (absolute === SETTINGS) return 'config';
  const relative = path.relative(LIB, absolute);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  const parts = relative.split(path.sep);
  return parts.length === 1 ? ROOT : parts[0];
}

function libFiles(): string[] {
  return readdirSync(LIB, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.[cm]?[jt]s$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** Every import of a file of src/lib. */
function importsOf(absolute: string): Import[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(absolute, 'utf8'), true, true);
  return importedFiles.map(({ fileName: specifier }) => {
    const target = specifier.startsWith('.') ? path.resolve(path.dirname(absolute), specifier) : undefined;
    return {
      file: project(absolute),
      folder: folderOf(absolute) ?? '',
      specifier,
      target: target && project(target),
      targetFolder: target && folderOf(target),
    };
  });
}

const IMPORTS = libFiles().flatMap(importsOf);

/** Imports from one folder of src/lib into another. */
const CROSSING = IMPORTS.filter(
  (entry) => entry.targetFolder !== undefined && entry.targetFolder !== entry.folder,
);

function layerOf(folder: string): number {
  return LAYERS.findIndex((layer) => layer.includes(folder));
}

const describeImport = (entry: Import) => `${entry.file} imports ${entry.target ?? entry.specifier}`;

describe('the boundaries of src/lib', () => {
  it('gives every folder a layer', () => {
    // A scanner that read nothing would let every other test pass.
    expect(CROSSING.length).toBeGreaterThan(0);
    const folders = [...new Set(libFiles().map((file) => folderOf(file) ?? ''))].sort();
    expect(folders.filter((folder) => layerOf(folder) < 0)).toEqual([]);
    expect(LAYERS.flat().filter((folder) => !folders.includes(folder))).toEqual([]);
  });

  it('has no two folders that import each other', () => {
    const mutual: string[] = [];
    for (const entry of CROSSING) {
      const back = CROSSING.find(
        (other) => other.folder === entry.targetFolder && other.targetFolder === entry.folder,
      );
      // Each pair once: from the folder that sorts first.
      if (back && entry.folder < back.folder)
        mutual.push(`${describeImport(entry)}, and ${describeImport(back)}`);
    }
    expect(mutual).toEqual([]);
  });

  it('keeps the domain (papers, topics, related, archive) free of the site and publish layers', () => {
    const reaching = CROSSING.filter(
      (entry) => DOMAIN.includes(entry.folder) && PRESENTERS.includes(entry.targetFolder ?? ''),
    );
    expect(reaching.map(describeImport)).toEqual([]);
  });

  it('imports only from lower layers', () => {
    const upward = CROSSING.filter((entry) => layerOf(entry.targetFolder ?? '') >= layerOf(entry.folder));
    expect(
      upward.map(
        (entry) =>
          `${describeImport(entry)}: ${entry.folder} is in layer ${layerOf(entry.folder) + 1}, ` +
          `${entry.targetFolder} in layer ${layerOf(entry.targetFolder ?? '') + 1}`,
      ),
    ).toEqual([]);
  });

  it('imports nothing outside src/lib but the settings, and no astro:* module', () => {
    const outside = IMPORTS.filter(
      (entry) =>
        (entry.target !== undefined && entry.targetFolder === undefined) ||
        entry.specifier.startsWith('astro:'),
    );
    expect(outside.map(describeImport)).toEqual([]);
  });

  it('is the order docs/development.md gives', () => {
    const docs = readFileSync(path.resolve(SRC, '../docs/development.md'), 'utf8');
    const order = LAYERS.map(
      (layer, index) => `${index + 1}. ${layer.map((name) => `\`${name}\``).join(', ')}`,
    ).join('\n');
    expect(docs.includes(order), `docs/development.md lists the layers as\n${order}`).toBe(true);
  });
});
