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
import { defineCommand, HELP_OPTION, parseScriptArgs, usageFailure } from '../scripts/cli/args.ts';
import { OPERATOR, SITE } from '../src/settings.ts';
import { buildOgImages } from '../src/lib/og/build.ts';
import type { PaperLike } from '../src/lib/og/inputs.ts';
import { OG_DIR } from '../src/lib/og/paths.ts';
import { hasOwnCard, newestDayOf, ownCardsFrom } from '../src/lib/og/policy.ts';
import { listPaperFiles, readPaperFile, type PaperFile } from '../src/lib/papers/store.ts';
import { readSiteFiles, type CardEstimate, type Tally } from './site-size.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));

export const CARD_SAMPLE_COMMAND = defineCommand({
  name: 'node bench/card-sample.ts',
  usage: 'PAPERS_CONTENT_DIR=DIR node bench/card-sample.ts --out DIR --cache DIR [options]',
  summary: "render the newest days' social cards to estimate all of them",
  description: `Renders the social cards of the archive's newest days (about --cards of them) and prints one
JSON line: how many cards the whole archive has and what the sample cost (bench/site-size.ts). The
bench runs it in a process of its own.`,
  options: {
    out: {
      type: 'string',
      value: 'DIR',
      description: 'where the sample is rendered (emptied, then removed)',
    },
    cache: { type: 'string', value: 'DIR', description: 'the social images cache' },
    cards: { type: 'string', value: 'N', default: '2000', description: 'about how many cards to render' },
    ...HELP_OPTION,
  },
});

async function main(): Promise<void> {
  const { values } = parseScriptArgs(CARD_SAMPLE_COMMAND, process.argv.slice(2));
  // The archive to sample is named on purpose: the project's own content is not a bench archive.
  if (!process.env['PAPERS_CONTENT_DIR'])
    usageFailure(CARD_SAMPLE_COMMAND, 'set PAPERS_CONTENT_DIR to the archive to sample');
  const contentDir = OPERATOR.contentDir;
  const target = Number(values.cards);
  if (!(Number.isInteger(target) && target > 0))
    usageFailure(CARD_SAMPLE_COMMAND, `--cards: expected a whole number of 1 or more, got "${values.cards}"`);
  if (!values.out || !values.cache) usageFailure(CARD_SAMPLE_COMMAND, 'expected --out DIR and --cache DIR');

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

  // Imported here, not at the top: the module reads the site's taxonomy when it loads, which --help need not.
  const { topicTitlesOf } = await import('../src/lib/site/topics.ts');
  await rm(values.out, { recursive: true, force: true });
  await buildOgImages({
    projectRoot: PROJECT_ROOT,
    contentDir,
    outDir: values.out,
    cacheDir: values.cache,
    config: SITE.og,
    topics: topicTitlesOf,
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
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
