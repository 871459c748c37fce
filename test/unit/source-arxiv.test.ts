import { readFileSync } from 'node:fs';

import { inputErrorOf } from '../helpers/errors.ts';
import { describe, expect, it } from 'vitest';

import { markdownToPlainText } from '../../src/lib/papers/normalize.ts';
import { decodeXmlEntities, parseArxivAtom } from '../../src/lib/sources/arxiv.ts';

const atomText = readFileSync(new URL('../fixtures/corpus/arxiv-2026-10-03.atom', import.meta.url), 'utf8');

function feed(entries: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">
  <title type="html">arXiv Query</title>
  <id>http://arxiv.org/api/abc</id>
${entries}
</feed>`;
}

function entry(id: string, fields: string, options: { title?: string; summary?: string } = {}): string {
  return `<entry>
    <id>${id}</id>
    <published>2026-10-01T17:59:59Z</published>
    <updated>2026-10-02T10:00:00Z</updated>
    <title>${options.title ?? 'A Title'}</title>
    <summary>${options.summary ?? 'An abstract.'}</summary>
    ${fields}
  </entry>`;
}

describe('parseArxivAtom on the corpus', () => {
  const result = parseArxivAtom(atomText, 'arxiv-2026-10-03.atom');

  it('reads all 50 entries without problems', () => {
    expect(result.problems).toEqual([]);
    expect(result.papers).toHaveLength(50);
  });

  it('maps the first entry, unwrapping the title and abstract', () => {
    const [first] = result.papers;
    expect(first).toMatchObject({
      id: '2609.22753',
      title:
        'Replacing Large Language Models with Jev Decision Models for Low-Latency Edge Service Orchestration',
      authors: ['Delong Li', 'Xu Wang', 'Haochen Gong', 'Rui Lang', 'Guangsheng Yu'],
      published: '2026-09-26',
      updated: '2026-09-26',
      categories: ['cs.LG'],
      primaryCategory: 'cs.LG',
    });
    expect(first).not.toHaveProperty('listedOn');
    expect(first?.abstract).toContain("consuming part of the request's latency budget. We integrate Jev");
    expect(first?.abstract).not.toContain('\n');
  });

  it('decodes entities in the text and escapes them again in the Markdown', () => {
    const paper = result.papers.find((candidate) => candidate.id === '2610.02142');
    expect(markdownToPlainText(paper?.abstract ?? '')).toContain('10^{-4}--10^{-5} on <|tool_call|>)');
    expect(
      result.papers.some((candidate) =>
        markdownToPlainText(candidate.abstract).includes('Perception & Grounding'),
      ),
    ).toBe(true);
  });
});

describe('parseArxivAtom on small feeds', () => {
  it('reads a single entry with every field', () => {
    const xml = feed(
      entry(
        'http://arxiv.org/abs/2610.01092v3',
        `<author><name>Ada\n   Lovelace</name></author>
    <author><name>Alan Turing</name><arxiv:affiliation>Bletchley</arxiv:affiliation></author>
    <arxiv:comment>12 pages</arxiv:comment>
    <link href="http://arxiv.org/abs/2610.01092v3" rel="alternate" type="text/html"/>
    <arxiv:primary_category term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
    <category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
    <category term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>`,
        { title: 'Attention\n  Is All You Need', summary: '  Hard\n  wrapped  $x$ text.\n' },
      ),
    );
    expect(parseArxivAtom(xml, 'feed.atom')).toEqual({
      papers: [
        {
          id: '2610.01092',
          title: 'Attention Is All You Need',
          authors: ['Ada Lovelace', 'Alan Turing'],
          abstract: 'Hard wrapped $x$ text.',
          published: '2026-10-01',
          updated: '2026-10-02',
          categories: ['cs.CL', 'cs.LG'],
          primaryCategory: 'cs.CL',
        },
      ],
      problems: [],
    });
  });

  it('reads a feed without entries as no papers', () => {
    expect(parseArxivAtom(feed(''), 'feed.atom')).toEqual({ papers: [], problems: [] });
    expect(parseArxivAtom('<feed xmlns="http://www.w3.org/2005/Atom"/>', 'feed.atom')).toEqual({
      papers: [],
      problems: [],
    });
  });

  it('reads old-style ids', () => {
    const xml = feed(entry('http://arxiv.org/abs/hep-th/9901001v2', ''));
    expect(parseArxivAtom(xml, 'feed.atom').papers[0]?.id).toBe('hep-th/9901001');
  });

  it('keeps escaped markup as text and escapes it in the Markdown', () => {
    const xml = feed(
      entry('http://arxiv.org/abs/2610.01092v1', '', {
        title: '&lt;script&gt;alert(1)&lt;/script&gt; &amp;lt;b&amp;gt;',
        summary:
          '&lt;img src=x onerror=alert(1)&gt; [x](javascript:alert(1)) &#60;&#x3C; <![CDATA[<b>bold</b>]]>',
      }),
    );
    const [paper] = parseArxivAtom(xml, 'feed.atom').papers;
    expect(paper?.title).toBe('<script>alert(1)</script> &lt;b&gt;');
    expect(paper?.abstract).toBe(
      '\\<img src=x onerror=alert(1)> \\[x]\\(javascript:alert(1)) << \\<b>bold\\</b>',
    );
    expect(markdownToPlainText(paper?.abstract ?? '')).toBe(
      '<img src=x onerror=alert(1)> [x](javascript:alert(1)) << <b>bold</b>',
    );
  });

  it('reports bad entries and keeps the others', () => {
    const xml = feed(
      [
        entry('http://arxiv.org/abs/2610.00001v1', ''),
        entry('http://arxiv.org/abs/../../etc/passwd', ''),
        entry('http://arxiv.org/abs/2610.00003v1', '', { title: '' }),
        entry('http://arxiv.org/abs/2610.00004v1', '', { summary: '  \n  ' }),
        '<entry><title>No id</title></entry>',
        entry('http://arxiv.org/abs/2610.00001v2', '', { title: 'Again' }),
        entry('http://arxiv.org/abs/2610.00007v1', ''),
      ].join('\n'),
    );
    const result = parseArxivAtom(xml, 'feed.atom');
    expect(result.papers.map((paper) => paper.id)).toEqual(['2610.00001', '2610.00007']);
    expect(result.problems).toEqual([
      {
        item: 'entry 2',
        message:
          'field "id": expected an arXiv abstract URL such as http://arxiv.org/abs/2610.01092v1, got "http://arxiv.org/abs/../../etc/passwd"',
      },
      { item: 'entry 3 (2610.00003)', message: 'field "title": expected non-empty text, got ""' },
      { item: 'entry 4 (2610.00004)', message: 'field "summary": expected non-empty text, got "  \\n  "' },
      {
        item: 'entry 5',
        message:
          'field "id": expected an arXiv abstract URL such as http://arxiv.org/abs/2610.01092v1, got nothing',
      },
      { item: 'entry 6 (2610.00001)', message: 'the same paper as entry 1; kept entry 1' },
    ]);
  });
});

describe('parseArxivAtom input errors', () => {
  it('reports an arXiv API error feed with its message', () => {
    const xml = feed(`<entry>
    <id>http://arxiv.org/api/errors#incorrect_id_format_for_2610.0109</id>
    <title>Error</title>
    <summary>incorrect id format for 2610.0109</summary>
    <updated>2026-10-03T00:00:00-04:00</updated>
    <author><name>arXiv api core</name></author>
  </entry>`);
    expect(inputErrorOf(() => parseArxivAtom(xml, 'feed.atom'))).toBe(
      'feed.atom: the arXiv API answered with an error: incorrect id format for 2610.0109',
    );
  });

  it('names the line and column of malformed XML', () => {
    expect(
      inputErrorOf(() => parseArxivAtom('<feed>\n  <entry><title>x</titl></entry>\n</feed>', 'feed.atom')),
    ).toBe(
      "feed.atom: not well-formed XML at line 2, column 18 (Expected closing tag 'title' (opened in line 2, col 10) instead of closing tag 'titl'.)",
    );
    expect(
      inputErrorOf(() => parseArxivAtom('<feed><entry><title>R&D</title></entry></feed>', 'feed.atom')),
    ).toBe("feed.atom: not well-formed XML at line 1, column 22 (char '&' is not expected.)");
  });

  it('refuses what is not an Atom feed', () => {
    expect(inputErrorOf(() => parseArxivAtom('', 'feed.atom'))).toBe(
      'feed.atom: expected an arXiv Atom feed, got empty text',
    );
    expect(
      inputErrorOf(() =>
        parseArxivAtom('<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head></html>', 'feed.atom'),
      ),
    ).toBe('feed.atom: expected an arXiv Atom feed, got an HTML page');
    expect(
      inputErrorOf(() => parseArxivAtom('<html><body><p>Service unavailable</p></body></html>', 'feed.atom')),
    ).toBe('feed.atom: expected an arXiv Atom feed, got an HTML page');
    expect(inputErrorOf(() => parseArxivAtom('<rss><channel/></rss>', 'feed.atom'))).toBe(
      'feed.atom: expected an arXiv Atom feed (a <feed> element), got a <rss> document',
    );
    expect(inputErrorOf(() => parseArxivAtom('{"papers": []}', 'feed.atom'))).toBe(
      "feed.atom: not well-formed XML at line 1, column 1 (char '{' is not expected.)",
    );
  });

  it('refuses entity declarations, so nothing can expand', () => {
    const laughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<feed><entry><id>http://arxiv.org/abs/2610.01092v1</id><title>&lol2;</title><summary>s</summary></entry></feed>`;
    expect(inputErrorOf(() => parseArxivAtom(laughs, 'feed.atom'))).toBe(
      'feed.atom: expected an arXiv Atom feed, got a document with a DOCTYPE (not accepted)',
    );
    const external = `<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><feed/>`;
    expect(inputErrorOf(() => parseArxivAtom(external, 'feed.atom'))).toBe(
      'feed.atom: expected an arXiv Atom feed, got a document with a DOCTYPE (not accepted)',
    );
  });

  it('leaves undeclared entities as text', () => {
    const xml = feed(entry('http://arxiv.org/abs/2610.01092v1', '', { title: 'a &nbsp; b &LT; c' }));
    expect(parseArxivAtom(xml, 'feed.atom').papers[0]?.title).toBe('a &nbsp; b &LT; c');
  });
});

describe('decodeXmlEntities', () => {
  it('decodes the five XML entities and character references once', () => {
    expect(decodeXmlEntities('&lt;&gt;&amp;&quot;&apos; &#233;&#xE9;&#x1F600; &amp;lt;')).toBe(
      '<>&"\' éé😀 &lt;',
    );
  });

  it('turns references to impossible code points into U+FFFD', () => {
    expect(decodeXmlEntities('&#0;&#xD800;&#x110000;')).toBe('\uFFFD\uFFFD\uFFFD');
  });
});
