/**
 * The social cards of an archive whose run left them out (`--og off`):
 * how many the site has under its card policy (src/lib/og/policy.ts), and a
 * sample of real ones to measure. The sample is the newest days, whole,
 * until it holds `--cards` cards: their papers' own cards and their day
 * cards, rendered as the build renders them into a scratch folder. The
 * renderer's cache (`--cache`) makes a second run over the same archive fast.
 *
 *   PAPERS_CONTENT_DIR=DIR node bench/card-sample.ts --out DIR --cache DIR [--cards 2000]
 *
 * Prints one JSON line, a CardEstimate (bench/site-size.ts).
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SITE } from '../src/settings.ts';
import { buildOgImages } from '../src/lib/og/build.ts';
import type { PaperLike } from '../src/lib/og/inputs.ts';
import { OG_DIR } from '../src/lib/og/paths.ts';
import { hasOwnCard, newestDayOf, ownCardsFrom } from '../src/lib/og/policy.ts';
import { listPaperFiles, readPaperFile, type PaperFile } from '../src/lib/papers/store.ts';
import { readSiteFiles, type CardEstimate, type Tally } from './site-size.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    cache: { type: 'string' },
    cards: { type: 'string', default: '2000' },
  },
});
const contentDir = process.env['PAPERS_CONTENT_DIR'];
const target = Number(values.cards);
if (!contentDir || !values.out || !values.cache || !(target > 0))
  throw new Error(
    'usage: PAPERS_CONTENT_DIR=DIR node bench/card-sample.ts --out DIR --cache DIR [--cards N]',
  );

const files = await listPaperFiles(contentDir);
const byDay = new Map<string, PaperFile[]>();
for (const file of files) {
  const day = byDay.get(file.date);
  if (day) day.push(file);
  else byDay.set(file.date, [file]);
}
const from = ownCardsFrom(
  newestDayOf(files.map((file) => ({ data: { date: file.date } }))),
  SITE.og.paperCardDays,
);
const ownCards = (dayFiles: readonly PaperFile[]) =>
  dayFiles.filter((file) => hasOwnCard(file.date, from)).length;

const sampled: PaperFile[] = [];
let cards = 0;
for (const day of [...byDay.keys()].sort().reverse()) {
  if (cards >= target) break;
  const dayFiles = byDay.get(day) ?? [];
  sampled.push(...dayFiles);
  cards += 1 + ownCards(dayFiles);
}
const papers: (PaperLike & { body: string })[] = [];
for (const file of sampled) {
  const read = await readPaperFile(contentDir, file);
  if (!read.ok) throw new Error(read.problems.join('\n'));
  papers.push({ id: read.paper.id, data: read.paper, body: read.body });
}

await rm(values.out, { recursive: true, force: true });
await buildOgImages({
  projectRoot: PROJECT_ROOT,
  contentDir,
  outDir: values.out,
  cacheDir: values.cache,
  config: SITE.og,
  papers,
});
const sample = { paper: { files: 0, bytes: 0 }, day: { files: 0, bytes: 0 } };
for (const file of await readSiteFiles(path.join(values.out, OG_DIR))) {
  const folder = file.path.split('/')[0];
  const kind: Tally | undefined =
    folder === 'papers' ? sample.paper : folder === 'days' ? sample.day : undefined;
  if (!kind) continue;
  kind.files += 1;
  kind.bytes += file.bytes;
}
await rm(values.out, { recursive: true, force: true });
const estimate: CardEstimate = { paperCards: ownCards(files), dayCards: byDay.size, sample };
console.log(JSON.stringify(estimate));
