import { describe, expect, it } from 'vitest';
import { SITE } from '../../src/settings.ts';
import { buildArchive } from '../../src/lib/archive/index.ts';
import { pageHead } from '../../src/lib/site/head.ts';
import { robotsTxt } from '../../src/lib/site/robots.ts';
import { urls } from '../../src/lib/site/urls.ts';
import {
  archiveView,
  dayPageView,
  homeView,
  monthPageView,
  paperCard,
  paperPageView,
  NEWEST_PAGE_LABEL,
  topicPageFrame,
  topicPages,
  topicPageView,
  topicsView,
  weekPageView,
} from '../../src/lib/site/views.ts';
import { makeDay, makePaper } from '../helpers/site-papers.ts';

describe('page heads', () => {
  it('titles pages after the site and makes the canonical URL absolute', () => {
    const head = pageHead({ title: 'Archive', path: urls.archive() });
    expect(head.title).toBe(`Archive · ${SITE.title}`);
    expect(head.canonical).toBe(urls.absolute(urls.archive()));
    expect(head.image).toMatch(/^https?:\/\/.*og-default\.png$/);
    expect(pageHead({}).title).toBe(SITE.title);
    expect(pageHead({ noindex: true }).canonical).toBeUndefined();
  });

  it('names the sitemap in robots.txt', () => {
    expect(robotsTxt('https://example.org/papers/sitemap-index.xml')).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://example.org/papers/sitemap-index.xml\n',
    );
    expect(robotsTxt()).toContain(urls.absolute(urls.asset('sitemap-index.xml')));
  });
});

describe('paper cards', () => {
  it('hold what a list shows, with safe HTML for title and excerpt', () => {
    const paper = makePaper({
      id: '2610.01092',
      title: '<script>x</script> $\\alpha$',
      authors: ['A', 'B', 'C', 'D', 'E'],
      topics: ['language-models'],
      upvotes: 3,
      body: 'An \\<img src=x> abstract.',
    });
    const card = paperCard(paper);
    expect(card.href).toBe(urls.paper('2610.01092'));
    expect(card.title).toBe('<script>x</script> $\\alpha$');
    expect(card.titleHtml).toMatch(/^&lt;script&gt;x&lt;\/script&gt; <span class="katex"><math/);
    expect(card.authors).toEqual({ shown: ['A', 'B', 'C'], hidden: 2 });
    expect(card.excerpt?.html).toBe('An &lt;img src=x&gt; abstract.');
    expect(card.topics).toEqual([
      { id: 'language-models', title: 'Language models', href: urls.topic('language-models') },
    ]);
    expect(card.dateText).toBe('3 October 2026');
    expect(card.upvotes).toBe(3);
  });
});

describe('day pages', () => {
  it('show the latest day on the home page, with links around it', () => {
    const archive = buildArchive([...makeDay('2026-10-01', 2), ...makeDay('2026-10-03', 3)]);
    const { day, head } = homeView(archive);
    expect(head.canonical).toBe(urls.absolute(urls.home()));
    expect(head.section).toBe('home');
    expect(day?.date).toBe('2026-10-03');
    expect(day?.papers).toHaveLength(3);
    expect(day?.prev).toEqual({ href: urls.day('2026-10-01'), label: '1 Oct' });
    expect(day?.next).toBeUndefined();
    expect(day?.tabs).toEqual([
      { label: 'Day', href: urls.day('2026-10-03'), current: true },
      { label: 'Week', href: urls.week('2026-W40'), current: false },
      { label: 'Month', href: urls.month(2026, 10), current: false },
    ]);
  });

  it("show at most three topics a card, and the day's topics and the week's top papers beside the list", () => {
    const day = makeDay('2026-10-03', 3).map((paper, index) => ({
      ...paper,
      data: { ...paper.data, topics: index === 0 ? ['agents', 'vision', 'audio', 'robotics'] : ['vision'] },
    }));
    const earlier = makeDay('2026-09-29', 2); // Tuesday of the same ISO week
    const archive = buildArchive([...earlier, ...day]);
    const view = dayPageView(archive, '2026-10-03');
    expect(view.papers.map((card) => card.topics.length)).toEqual(expect.arrayContaining([3]));
    expect(Math.max(...view.papers.map((card) => card.topics.length))).toBe(3);
    // The paper's own page keeps all four.
    const first = day[0]!;
    expect(paperPageView(archive, first).card.topics.map((topic) => topic.id)).toHaveLength(4);
    expect(view.side.topics[0]).toMatchObject({ id: 'vision', count: 3 });
    expect(view.side.topics.find((topic) => topic.id === 'agents')?.count).toBe(1);
    // makeDay papers have upvotes, so the week is ranked: its top papers span both days.
    expect(view.side.weekTop.length).toBe(5);
    expect(view.side.week.href).toBe(urls.week('2026-W40'));
  });

  it('has no day for an empty archive', () => {
    expect(homeView(buildArchive([])).day).toBeUndefined();
  });

  it('give each day its own canonical URL and description', () => {
    const archive = buildArchive(makeDay('2026-10-01', 1));
    const view = dayPageView(archive, '2026-10-01');
    expect(view.head.canonical).toBe(urls.absolute(urls.day('2026-10-01')));
    expect(view.head.description).toContain('1 paper listed on 1 October 2026');
    expect(() => dayPageView(archive, '2026-10-02')).toThrow();
  });
});

describe('counts a source did not give', () => {
  // An arXiv feed or a list fetched before anyone voted: every paper has 0 or none.
  const uncounted = makeDay('2026-10-02', 3).map((paper) => ({
    ...paper,
    data: { ...paper.data, upvotes: 0, comments: 0 },
  }));
  const counted = makeDay('2026-10-03', 3);
  const archive = buildArchive([...uncounted, ...counted]);

  it('read as unknown on the day page, which is then not said to be ranked by upvotes', () => {
    const day = dayPageView(archive, '2026-10-02');
    expect(day.counted).toBe(false);
    expect(day.head.description).not.toContain('upvotes');
    expect(day.papers.every((card) => card.upvotes === undefined && card.comments === undefined)).toBe(true);
    const other = dayPageView(archive, '2026-10-03');
    expect(other.counted).toBe(true);
    expect(other.head.description).toContain('ranked by upvotes');
    expect(other.papers[0]?.upvotes).toBe(2);
  });

  it('are left off the paper page and its search result', () => {
    const view = paperPageView(archive, uncounted[0]!);
    expect(view.card.upvotes).toBeUndefined();
    expect(view.search.filters.upvotes).toBeUndefined();
    expect(paperPageView(archive, counted[0]!).search.filters.upvotes).toEqual(['2']);
  });

  it('read as unknown in the top papers of the week and the month', () => {
    const month = archive.months[0]!;
    for (const top of [weekPageView(archive.weeks[0]!).top, monthPageView(month).top]) {
      for (const card of top) {
        const fromUncounted = uncounted.some((paper) => card.href.includes(paper.id));
        expect(card.upvotes === undefined, card.href).toBe(fromUncounted);
      }
      expect(top.some((card) => card.upvotes === undefined)).toBe(true);
    }
    expect(weekPageView(archive.weeks[0]!).counted).toBe(true);
    const alone = weekPageView(buildArchive(uncounted).weeks[0]!);
    expect(alone.counted).toBe(false);
    expect(alone.head.description).not.toContain('upvoted');
  });
});

describe('paper pages', () => {
  const day = makeDay('2026-10-03', 15);
  const paper = makePaper({
    id: '2610.09999',
    date: '2026-10-03',
    published: '2026-10-01',
    updated: '2026-10-01',
    title: 'A </script> Title',
    authors: ['Ada', 'Alan'],
    body: 'Uses $x^2$. ' + 'word '.repeat(100),
    upvotes: 1,
  });
  const archive = buildArchive([...day, paper]);
  const view = paperPageView(archive, paper);

  it('has the article head: canonical, description, citation meta and JSON-LD', () => {
    expect(view.head.type).toBe('article');
    expect(view.head.canonical).toBe(urls.absolute(urls.paper('2610.09999')));
    expect(view.head.description.length).toBeLessThanOrEqual(160);
    expect(view.head.description.startsWith('Uses $x^2$.')).toBe(true);
    expect(view.head.meta.filter((tag) => tag.name === 'citation_author').map((tag) => tag.content)).toEqual([
      'Ada',
      'Alan',
    ]);
    expect(view.head.jsonLd).toBeDefined();
    expect(view.head.jsonLd).not.toContain('</script>');
    expect(JSON.parse(view.head.jsonLd ?? '')).toMatchObject({
      '@type': 'ScholarlyArticle',
      headline: 'A </script> Title',
    });
  });

  it('needs the KaTeX stylesheet only when the abstract has math', () => {
    expect(view.head.math).toBe(true);
    expect(paperPageView(archive, day[0]!).head.math).toBe(false);
  });

  it('shows the arXiv date once, when it differs from the listing day', () => {
    expect(view.published).toEqual({ date: '2026-10-01', text: '1 October 2026' });
    expect(view.updated).toBeUndefined();
  });

  it('links its day and the papers before and after it there, not the rest of the day', () => {
    expect(view.day.href).toBe(urls.day('2026-10-03'));
    expect(view.dayTotal).toBe(16);
    // Its one upvote ties with day[13]'s, and its smaller id ranks it first of the two.
    expect(view.prevInDay).toBe(urls.paper(day[12]!.id));
    expect(view.nextInDay).toBe(urls.paper(day[13]!.id));
    const first = paperPageView(archive, day[0]!);
    expect(first.prevInDay).toBeUndefined();
    expect(first.nextInDay).toBe(urls.paper(day[1]!.id));
  });

  it('offers BibTeX', () => {
    expect(view.bibtex).toMatch(/^@misc\{ada2026script,/);
  });
});

describe('archive, month and week pages', () => {
  const archive = buildArchive([
    ...makeDay('2026-09-30', 2),
    ...makeDay('2026-10-01', 3),
    ...makeDay('2025-01-05', 1),
  ]);

  it('list years newest first with twelve bars and their months', () => {
    const view = archiveView(archive);
    expect(view.total).toBe(6);
    expect(view.years.map((year) => [year.year, year.count])).toEqual([
      [2026, 5],
      [2025, 1],
    ]);
    expect(view.years[0]?.bars).toHaveLength(12);
    expect(view.years[0]?.bars[8]?.href).toBe(urls.month(2026, 9));
    expect(view.years[0]?.bars[0]?.href).toBeUndefined();
    expect(view.years[0]?.months.map((month) => month.link.label)).toEqual([
      'October 2026',
      'September 2026',
    ]);
  });

  it('give a month its calendar, day list and top papers', () => {
    const view = monthPageView(archive.monthGroup(2026, 10)!);
    expect(view.heading).toBe('October 2026');
    expect(view.count).toBe(3);
    expect(view.days.map((day) => [day.date, day.count, day.top.length])).toEqual([['2026-10-01', 3, 3]]);
    expect(view.calendar[0]?.href).toBe(urls.week('2026-W40'));
    expect(view.calendar[0]?.days[3]).toMatchObject({
      date: '2026-10-01',
      count: 3,
      href: urls.day('2026-10-01'),
    });
    expect(view.prev?.href).toBe(urls.month(2026, 9));
    expect(view.next).toBeUndefined();
  });

  it('give a week its days and top papers across them', () => {
    const week = archive.weeks.find((group) => group.week === '2026-W40')!;
    const view = weekPageView(week);
    expect(view.heading).toBe('Top papers of week 40, 2026');
    expect(view.rangeText).toBe('28 September – 4 October 2026');
    expect(view.top).toHaveLength(5);
    expect(view.days.map((day) => day.count)).toEqual([2, 3]);
    expect(view.prev?.href).toBe(urls.week('2025-W01'));
  });
});

describe('topic pages', () => {
  const papers = Array.from({ length: 120 }, (_, index) =>
    makePaper({ date: `2026-10-${String(1 + (index % 28)).padStart(2, '0')}`, topics: ['vision'] }),
  );
  const archive = buildArchive([...papers, makePaper({ topics: ['robotics'] })]);

  it('list every topic with its count', () => {
    // Sorted by title, as the topics index shows them (Computer vision, Robotics and embodied AI).
    expect(topicsView(archive).topics.map((topic) => [topic.id, topic.count])).toEqual([
      ['vision', 120],
      ['robotics', 1],
    ]);
  });

  it('paginate a topic from its oldest paper: numbered pages of 50 and the newest at the topic URL', () => {
    const pages = topicPages(archive).filter((page) => page.topic === 'vision');
    expect(pages.map((page) => [page.page.number, page.page.items.length])).toEqual([
      [1, 50],
      [2, 70],
    ]);
    const newest = topicPageView(pages[1]!);
    expect(newest.head.canonical).toBe(urls.absolute(urls.topic('vision')));
    expect(newest.papers[0]?.date).toBe('2026-10-28');
    expect(newest.start).toBe(120);
    expect(newest.rangeText).toBe('Papers 51–120 of 120, newest first');
    expect(newest.prev).toBeUndefined();
    expect(newest.next?.href).toBe(urls.topic('vision', 1));
    expect(newest.pages?.map((page) => [page.label, page.current])).toEqual([
      ['1', false],
      [NEWEST_PAGE_LABEL, true],
    ]);
    const oldest = topicPageView(pages[0]!);
    expect(oldest.head.canonical).toBe(urls.absolute(urls.topic('vision', 1)));
    expect(oldest.start).toBe(50);
    expect(oldest.rangeText).toBe('Papers 1–50, newest first');
    expect(oldest.head.title).toContain('Computer vision, page 1');
    expect(oldest.prev?.href).toBe(urls.topic('vision'));
    expect(oldest.next).toBeUndefined();
    expect(oldest.papers.at(-1)?.date).toBe(papers.map((paper) => paper.data.date).sort()[0]);
  });

  it('keep a numbered page far from the newest as it was when newer papers arrive', () => {
    const vision = (count: number, date: string) =>
      Array.from({ length: count }, () => makePaper({ date, topics: ['vision'] }));
    const older = [...papers, ...vision(200, '2026-09-01')];
    const before = topicPages(buildArchive(older)).filter((page) => page.topic === 'vision');
    const after = topicPages(buildArchive([...older, ...vision(60, '2026-11-02')])).filter(
      (page) => page.topic === 'vision',
    );
    expect(before.map((page) => page.page.items.length)).toEqual([50, 50, 50, 50, 50, 70]);
    expect(after.map((page) => page.page.items.length)).toEqual([50, 50, 50, 50, 50, 50, 80]);
    expect(topicPageFrame(after[0]!)).toEqual(topicPageFrame(before[0]!));
    expect(after[0]!.page.items).toEqual(before[0]!.page.items);
  });

  it('show no page numbers for a one-page topic', () => {
    const robotics = topicPages(archive).find((page) => page.topic === 'robotics')!;
    expect(topicPageView(robotics).pages).toBeUndefined();
  });
});
