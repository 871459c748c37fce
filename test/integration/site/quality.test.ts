/**
 * Quality of the built fixture site: valid HTML on a sample of every page
 * type, and no broken internal link (page, asset or #fragment) anywhere.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatterFactory, HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { listFiles, readPage, resolveUrl, sitePathOfFile, type BuiltSite } from '../../helpers/built-site.ts';
import { FIXTURE_CONTENT_DIR, PROJECT_ROOT } from '../../helpers/build-site.ts';
import {
  fileForSitePath,
  isoWeek,
  loadFixtureArchive,
  sitePath,
  type FixtureArchive,
} from '../../helpers/fixture-archive.ts';
import { fixtureSite } from '../../helpers/fixture-sites.ts';
import { attr, urlReferences } from '../../helpers/html.ts';

/** The project's html-validate configuration when it has one, else the recommended rules. */
function validatorConfig(): ConfigData {
  const file = path.join(PROJECT_ROOT, '.htmlvalidate.json');
  if (existsSync(file)) return { ...(JSON.parse(readFileSync(file, 'utf8')) as ConfigData), root: true };
  return { root: true, extends: ['html-validate:recommended'] };
}

let archive: FixtureArchive;
beforeAll(async () => {
  archive = await loadFixtureArchive(FIXTURE_CONTENT_DIR);
});

/** One page of each type, plus the papers whose text is hard to get right. */
function samplePages(archive: FixtureArchive): string[] {
  const firstDay = archive.days[0] ?? '';
  const lastDay = archive.days.at(-1) ?? '';
  return [
    sitePath.home(),
    sitePath.day(firstDay),
    sitePath.day(lastDay),
    sitePath.archive(),
    sitePath.month(firstDay.slice(0, 7)),
    sitePath.week(isoWeek(lastDay)),
    sitePath.topics(),
    sitePath.topic(archive.topics[0] ?? ''),
    sitePath.about(),
    sitePath.notFound(),
    // Hostile title, math, 30 authors, right-to-left text, old-style id, slug id.
    ...['2609.10004', '2609.10003', '2609.10002', '2609.10005', 'hep-th/9901001'].map((id) =>
      sitePath.paper(id),
    ),
    ...archive.papers.filter((paper) => paper.source === 'text').map((paper) => sitePath.paper(paper.id)),
  ];
}

describe('HTML validation', () => {
  it('finds no errors on a sample of every page type', async () => {
    const site = fixtureSite('papersBase');
    const validator = new HtmlValidate(new StaticConfigLoader(validatorConfig()));
    const results = [];
    for (const page of samplePages(archive)) {
      const file = fileForSitePath(site.outDir, page);
      const source = await readFile(file, 'utf8').catch(() => {
        throw new Error(`the build has no page ${site.base}${page}`);
      });
      const report = await validator.validateString(source, path.relative(site.outDir, file));
      results.push(...report.results);
    }
    const errors = results.reduce((sum, result) => sum + result.errorCount, 0);
    const stylish = formatterFactory('stylish');
    expect(errors, stylish(results.filter((result) => result.errorCount > 0))).toBe(0);
  });
});

describe.each(['root', 'papersBase'] as const)('internal links of the %s build', (variant) => {
  it('all lead to an existing file, and every #fragment to an id on it', async () => {
    const site = fixtureSite(variant);
    const files = await listFiles(site.outDir);
    expect(files).toContain('index.html');
    expect(summarize(await brokenLinks(site, files))).toEqual([]);
  });
});

interface BrokenLink {
  /** The page it is on: `/papers/days/2026-10-05/`. */
  page: string;
  /** What is wrong, the same for every page with the same broken link. */
  problem: string;
}

/** One line per distinct broken link, naming a few of the pages that have it. */
function summarize(broken: readonly BrokenLink[]): string[] {
  const pagesOf = Map.groupBy(broken, (link) => link.problem);
  return [...pagesOf].map(([problem, links]) => {
    const pages = links.map((link) => link.page);
    const shown = pages.slice(0, 3).join(', ') + (pages.length > 3 ? `, … (${pages.length} pages)` : '');
    return `${problem} on ${shown}`;
  });
}

async function brokenLinks(site: BuiltSite, files: string[]): Promise<BrokenLink[]> {
  const existing = new Set(files);
  const idsOf = new Map<string, Promise<Set<string>>>();
  const ids = (target: string) => {
    let found = idsOf.get(target);
    if (!found) {
      found = readPage(site, target).then(({ document }) => {
        const named = document
          .querySelectorAll('[id], a[name]')
          .map((element) => attr(element, 'id') ?? attr(element, 'name'));
        return new Set(named.filter((name): name is string => name !== null));
      });
      idsOf.set(target, found);
    }
    return found;
  };

  const broken: BrokenLink[] = [];
  for (const file of files.filter((name) => name.endsWith('.html'))) {
    const from = sitePathOfFile(file);
    const { document } = await readPage(site, from);
    for (const { tag, attribute, url } of urlReferences(document)) {
      const page = `${site.base}${from}`;
      const where = `<${tag} ${attribute}="${url}">`;
      const resolved = resolveUrl(site, from, url);
      if (resolved.kind === 'external') continue;
      if (resolved.kind === 'outside-base') {
        broken.push({ page, problem: `${where} is outside the base path ${site.base}` });
        continue;
      }
      const target = resolved.sitePath;
      const targetFile = target === '' || target.endsWith('/') ? `${target}index.html` : target;
      if (!existing.has(targetFile)) {
        const hint = existing.has(`${target}/index.html`)
          ? ' (a folder: the URL needs its trailing slash)'
          : '';
        broken.push({ page, problem: `${where} -> no file ${targetFile}${hint}` });
        continue;
      }
      // `#top` and an empty fragment scroll to the top without an element.
      const fragment = resolved.fragment;
      if (fragment && fragment !== 'top' && targetFile.endsWith('.html')) {
        if (!(await ids(sitePathOfFile(targetFile))).has(fragment))
          broken.push({ page, problem: `${where} -> no id "${fragment}" on ${targetFile}` });
      }
    }
  }
  return broken;
}
