import { describe, expect, it } from 'vitest';
import { buildArchive, dayNeighbours, TOP_LIMIT } from '../../src/lib/archive/index.ts';
import { makeDay, makePaper } from '../helpers/site-papers.ts';

const ids = (papers: readonly { id: string }[]) => papers.map((paper) => paper.id);

describe('the archive index', () => {
  it('is empty for no papers', () => {
    const archive = buildArchive([]);
    expect(archive.total).toBe(0);
    expect(archive.latest).toBeUndefined();
    expect([archive.days, archive.months, archive.years, archive.weeks, archive.topics]).toEqual([
      [],
      [],
      [],
      [],
      [],
    ]);
  });

  it('groups papers by day, newest day first, ranked within each day', () => {
    const low = makePaper({ date: '2026-10-02', upvotes: 1 });
    const high = makePaper({ date: '2026-10-02', upvotes: 9 });
    const older = makePaper({ date: '2026-09-30', upvotes: 4 });
    const archive = buildArchive([low, older, high]);
    expect(archive.days.map((day) => day.date)).toEqual(['2026-10-02', '2026-09-30']);
    expect(ids(archive.days[0]?.papers ?? [])).toEqual([high.id, low.id]);
    expect(archive.latest?.date).toBe('2026-10-02');
    expect(archive.dayGroup('2026-09-30')?.papers).toEqual([older]);
    expect(archive.dayGroup('2026-10-01')).toBeUndefined();
    expect(archive.paper(low.id)).toBe(low);
  });

  it('links each day to the nearest days with papers, skipping empty days', () => {
    const archive = buildArchive([
      makePaper({ date: '2026-09-28' }),
      makePaper({ date: '2026-10-02' }),
      makePaper({ date: '2026-10-05' }),
    ]);
    const links = archive.days.map((day) => [day.prev, day.date, day.next]);
    expect(links).toEqual([
      ['2026-10-02', '2026-10-05', undefined],
      ['2026-09-28', '2026-10-02', '2026-10-05'],
      [undefined, '2026-09-28', '2026-10-02'],
    ]);
  });

  it('groups days into months and years with counts', () => {
    const archive = buildArchive([
      ...makeDay('2025-12-31', 2),
      ...makeDay('2026-01-02', 3),
      ...makeDay('2026-01-20', 1),
      ...makeDay('2026-03-01', 4),
    ]);
    expect(archive.months.map((month) => [month.key, month.count])).toEqual([
      ['2026-03', 4],
      ['2026-01', 4],
      ['2025-12', 2],
    ]);
    const january = archive.monthGroup(2026, 1);
    expect(january?.days.map((day) => day.date)).toEqual(['2026-01-02', '2026-01-20']);
    expect(january?.prev?.key).toBe('2025-12');
    expect(january?.next?.key).toBe('2026-03');
    expect(
      archive.years.map((year) => [year.year, year.count, year.months.map((month) => month.month)]),
    ).toEqual([
      [2026, 8, [1, 3]],
      [2025, 2, [12]],
    ]);
  });

  it('groups days into ISO weeks, across a year boundary', () => {
    const archive = buildArchive([
      ...makeDay('2025-12-29', 1),
      ...makeDay('2026-01-04', 2),
      ...makeDay('2026-01-05', 1),
    ]);
    expect(archive.weeks.map((week) => [week.week, week.start, week.end, week.count])).toEqual([
      ['2026-W02', '2026-01-05', '2026-01-11', 1],
      ['2026-W01', '2025-12-29', '2026-01-04', 3],
    ]);
    expect(archive.weeks[0]?.prev).toBe('2026-W01');
    expect(archive.weeks[1]?.next).toBe('2026-W02');
    expect(archive.dayGroup('2025-12-29')?.week).toBe('2026-W01');
  });

  it('ranks the top papers of a week and a month across days, at most TOP_LIMIT', () => {
    const monday = makeDay('2026-09-28', TOP_LIMIT + 5);
    const star = makePaper({ date: '2026-09-30', upvotes: 1000 });
    const archive = buildArchive([...monday, star]);
    const week = archive.weeks[0];
    expect(week?.top).toHaveLength(TOP_LIMIT);
    expect(week?.top[0]).toBe(star);
    expect(ids(week?.top.slice(1) ?? [])).toEqual(ids(monday.slice(0, TOP_LIMIT - 1)));
    expect(archive.monthGroup(2026, 9)?.top).toEqual(week?.top);
  });

  it('lists each topic newest first, topics by id, a paper once per topic', () => {
    const old = makePaper({ date: '2026-09-01', topics: ['vision', 'language-models'] });
    const fresh = makePaper({ date: '2026-10-01', topics: ['vision'] });
    const none = makePaper({ date: '2026-10-01' });
    const archive = buildArchive([old, none, fresh], { topicsOf: (paper) => paper.data.topics });
    expect(archive.topics.map((group) => [group.topic, ids(group.papers)])).toEqual([
      ['language-models', [old.id]],
      ['vision', [fresh.id, old.id]],
    ]);
  });

  it('asks the topic function it is given', () => {
    const paper = makePaper({ topics: ['vision'] });
    const archive = buildArchive([paper], { topicsOf: () => ['robotics', 'robotics'] });
    expect(archive.topics).toEqual([{ topic: 'robotics', papers: [paper] }]);
  });

  it('refuses two papers with one id', () => {
    expect(() => buildArchive([makePaper({ id: '2610.00001' }), makePaper({ id: '2610.00001' })])).toThrow(
      /2610\.00001/,
    );
  });

  it('finds a paper’s neighbours in its day’s ranked list', () => {
    const day = makeDay('2026-10-03', 5);
    const archive = buildArchive(day);
    const [first, second, third, , fifth] = day;
    expect(dayNeighbours(archive, second!)).toEqual({ prev: first, next: third });
    expect(dayNeighbours(archive, first!)).toEqual({ prev: undefined, next: second });
    expect(dayNeighbours(archive, fifth!).next).toBeUndefined();
    const elsewhere = { prev: undefined, next: undefined };
    expect(dayNeighbours(archive, makePaper({ date: '2020-01-01' }))).toEqual(elsewhere);
    expect(dayNeighbours(archive, makePaper({ date: '2026-10-03' }))).toEqual(elsewhere);
  });

  it('indexes 50,000 papers completely (its speed is measured by npm run bench, not here)', () => {
    const papers = Array.from({ length: 50_000 }, (_, index) => {
      const day = new Date(Date.UTC(2024, 0, 1 + Math.floor(index / 50))).toISOString().slice(0, 10);
      return makePaper({ date: day, upvotes: (index * 7919) % 500, topics: [`topic-${index % 40}`] });
    });
    const archive = buildArchive(papers);
    expect(archive.days).toHaveLength(1000);
    expect(archive.topics).toHaveLength(40);
    expect(archive.months.reduce((sum, month) => sum + month.count, 0)).toBe(50_000);
  });
});
