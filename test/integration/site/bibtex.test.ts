/**
 * The BibTeX files of days and weeks in the fixture builds, read by a real
 * BibTeX parser (@retorquere/bibtex-parser, the one Better BibTeX for Zotero
 * uses): one entry per paper listed that day or week, unique keys, each
 * entry the one the paper's own page shows, and linked from the pages.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from '@retorquere/bibtex-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPage } from '../../helpers/built-site.ts';
import { FIXTURE_CONTENT_DIR } from '../../helpers/build-site.ts';
import { isoWeek, loadFixtureArchive, sitePath, type FixtureArchive } from '../../helpers/fixture-archive.ts';
import { fixtureSite } from '../../helpers/fixture-sites.ts';
import { attr, decodeEntities } from '../../helpers/html.ts';

let archive: FixtureArchive;
beforeAll(async () => {
  archive = await loadFixtureArchive(FIXTURE_CONTENT_DIR);
});

/** New-style (`2610.01092`) and old-style (`hep-th/9901001`) arXiv ids. */
const ARXIV_ID = /^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})$/;

describe.each(['root', 'papersBase'] as const)('the BibTeX files of the %s build', (variant) => {
  const site = () => fixtureSite(variant);
  const pageUrl = (id: string) => `${site().siteUrl}${site().base}${sitePath.paper(id)}`;

  async function bundle(file: string) {
    const text = await readFile(path.join(site().outDir, file), 'utf8');
    const parsed = parse(text);
    expect(parsed.errors, file).toEqual([]);
    const keys = parsed.entries.map((entry) => entry.key);
    expect(new Set(keys).size, `${file}: repeated keys`).toBe(keys.length);
    // Which paper each entry cites: its arXiv id, or the paper page it links.
    const ids = parsed.entries.map((entry) => {
      const { eprint, url } = entry.fields as { eprint?: string; url?: string };
      return eprint ?? archive.papers.find((paper) => url === pageUrl(paper.id))?.id ?? `? ${url}`;
    });
    return { text, entries: parsed.entries, ids };
  }

  it('hold every paper of each day, once', async () => {
    for (const day of archive.days) {
      const { ids } = await bundle(`days/${day}.bib`);
      const expected = archive.papers.filter((paper) => paper.date === day).map((paper) => paper.id);
      expect(ids.toSorted(), day).toEqual(expected.toSorted());
    }
  });

  it('hold every paper of each week, once', async () => {
    for (const week of archive.weeks) {
      const { ids } = await bundle(`weeks/${week}.bib`);
      const expected = archive.papers
        .filter((paper) => isoWeek(paper.date) === week)
        .map((paper) => paper.id);
      expect(ids.toSorted(), week).toEqual(expected.toSorted());
    }
  });

  it('give each paper the entry its page shows, and papers without an arXiv id an honest one', async () => {
    let withoutArxiv = 0;
    for (const paper of archive.papers) {
      const { text } = await bundle(`days/${paper.date}.bib`);
      const page = await readPage(site(), sitePath.paper(paper.id));
      const shown = decodeEntities(page.document.querySelector('.citation code')?.textContent ?? '');
      const heading = page.document.querySelector('.citation h2')?.textContent ?? '';
      // The page's key may have gained a letter in the file, where another paper has the same one.
      const entry = shown.replace(/^@misc\{([^,]+),/, '');
      expect(text, paper.id).toContain(entry);
      if (ARXIV_ID.test(paper.id)) {
        expect(heading).toContain('as arXiv exports it');
      } else {
        withoutArxiv++;
        expect(heading, paper.id).not.toContain('arXiv');
        expect(shown).toContain(`url = {${pageUrl(paper.id)}}`);
        expect(shown).not.toContain('eprint');
      }
    }
    expect(withoutArxiv, 'the fixture should hold papers without an arXiv id').toBeGreaterThan(0);
  });

  it('are linked from the day, week and home pages', async () => {
    const day = archive.days.at(-1) as string;
    const week = isoWeek(day);
    const links = async (page: string) =>
      (await readPage(site(), page)).document.querySelectorAll('a').map((a) => attr(a, 'href'));
    expect(await links(sitePath.day(day))).toContain(`${site().base}days/${day}.bib`);
    expect(await links(sitePath.home())).toContain(`${site().base}days/${day}.bib`);
    expect(await links(sitePath.week(week))).toContain(`${site().base}weeks/${week}.bib`);
  });

  it('are served as UTF-8 text by the hosts that read _headers', async () => {
    const headers = await readFile(path.join(site().outDir, '_headers'), 'utf8');
    for (const folder of ['days', 'weeks']) {
      expect(headers).toContain(`${site().base}${folder}/*.bib\n  Content-Type: text/plain; charset=utf-8\n`);
    }
  });
});
