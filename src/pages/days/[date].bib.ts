import { siteArchive } from '../../site-archive.ts';
import type { APIContext, GetStaticPaths } from 'astro';
import type { PaperEntry } from '../../lib/papers/entry.ts';
import { bibtexFile, dayBibtexPapers } from '../../lib/site/bibtex-files.ts';
import { BIBTEX_TYPE } from '../../lib/publish/headers.ts';
import { citedFingerprint, pageKey } from '../../lib/site/cache-keys.ts';

export const getStaticPaths = (async () => {
  const archive = (await siteArchive()).archive;
  return archive.days.map((day) => {
    const papers = dayBibtexPapers(day);
    return {
      params: { date: day.date },
      props: { papers },
      cacheKey: pageKey(['day.bib'], papers, citedFingerprint),
    };
  });
}) satisfies GetStaticPaths;

export function GET({ props }: APIContext<{ papers: PaperEntry[] }>) {
  return new Response(bibtexFile(props.papers), { headers: { 'Content-Type': BIBTEX_TYPE } });
}
