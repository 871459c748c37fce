import { describe, expect, it } from 'vitest';
import {
  abstractExcerpt,
  abstractRuns,
  DESCRIPTION_LENGTH,
  renderAbstract,
} from '../../src/lib/site/abstract.ts';

describe('rendering an abstract', () => {
  it('renders paragraphs and emphasis', () => {
    expect(renderAbstract('One *two*.\n\nThree.')).toEqual({
      html: '<p>One <em>two</em>.</p>\n<p>Three.</p>',
      hasMath: false,
    });
  });

  it('renders inline math with KaTeX (HTML and MathML) and says the page needs its stylesheet', () => {
    const { html, hasMath } = renderAbstract('Loss scales as $\\alpha^2$.');
    expect(hasMath).toBe(true);
    expect(html).toContain('class="katex"');
    expect(html).toContain('<math');
    expect(html).not.toContain('$');
  });

  it('displays $$...$$ formulas, on their own lines or inside one', () => {
    expect(renderAbstract('$$\nx = 1\n$$').html).toContain('katex-display');
    expect(renderAbstract('Then $$x = 1$$ holds.').html).toContain('katex-display');
  });

  it('keeps escaped HTML as text', () => {
    const { html } = renderAbstract('A \\<script>alert(1)\\</script> and &lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>');
  });

  it('drops raw HTML', () => {
    const { html } = renderAbstract(
      'Before <script>alert(1)</script> <img src=x onerror=alert(1)> after\n\n<div onclick=x>block</div>',
    );
    expect(html).not.toMatch(/<script|<img|<div|onerror|onclick/);
    expect(html).toContain('Before');
    expect(html).toContain('after');
  });

  it('keeps only http(s) links, with rel="noopener"', () => {
    const { html } = renderAbstract(
      '[a](javascript:alert(1)) [b](https://example.org "t") [c](data:text/html,x) <https://x.org>',
    );
    expect(html).toContain('<a href="https://example.org/" rel="noopener nofollow">b</a>');
    expect(html).toContain('<a href="https://x.org/" rel="noopener nofollow">https://x.org</a>');
    expect(html).not.toMatch(/javascript:|data:|title=/);
    // The refused links keep their text.
    expect(html).toMatch(/^<p>a <a /);
    expect(html).toContain('</a> c <a');
  });

  it('turns images into their alt text and headings into paragraphs', () => {
    const { html } = renderAbstract('# Heading\n\n![a chart](https://x.org/c.png) ![](https://x.org/d.png)');
    expect(html).toBe('<p>Heading</p>\n<p>a chart </p>');
  });

  it('keeps KaTeX from making links', () => {
    const { html } = renderAbstract('$\\href{javascript:alert(1)}{x}$ $\\url{https://x.org}$');
    expect(html).not.toMatch(/<a[\s>]/);
  });

  it('shows a formula KaTeX cannot parse as its source', () => {
    const { html } = renderAbstract('Broken $\\frac{a$ here.');
    expect(html).toContain('katex-error');
  });
});

describe('abstract excerpts', () => {
  it('reads the abstract as text and formulas', () => {
    expect(abstractRuns('One *two*\nthree $x^2$.\n\nNext \\_ para.')).toEqual([
      { kind: 'text', value: 'One two three ' },
      { kind: 'math', value: 'x^2' },
      { kind: 'text', value: '. Next _ para.' },
    ]);
  });

  it('gives plain text for descriptions and escaped HTML with MathML for cards', () => {
    const excerpt = abstractExcerpt('Uses $\\alpha$ and \\<b>tags\\</b>.');
    expect(excerpt.text).toBe('Uses $\\alpha$ and <b>tags</b>.');
    expect(excerpt.html).toContain('&lt;b&gt;tags&lt;/b&gt;');
    expect(excerpt.html).toContain('<math');
  });

  it('shortens long abstracts at a word boundary', () => {
    const long = Array.from({ length: 100 }, (_, index) => `word${index}`).join(' ');
    const { text } = abstractExcerpt(long, 50);
    expect(text.length).toBeLessThanOrEqual(50);
    expect(text).toMatch(/^word0 word1 .*word\d+…$/);
  });

  it('gives the same excerpts when the page rendered the abstract first', () => {
    const markdown = 'Rendered *first*, with $y$ and [a link](https://x.org).';
    renderAbstract(markdown);
    expect(abstractExcerpt(markdown, DESCRIPTION_LENGTH).text).toBe('Rendered first, with $y$ and a link.');
    expect(abstractExcerpt(markdown).html).toMatch(
      /^Rendered first, with <span class="katex"><math .*<\/span> and a link\.$/,
    );
  });

  it('is empty for an empty abstract', () => {
    expect(abstractExcerpt('')).toEqual({ text: '', html: '' });
    expect(abstractExcerpt(undefined)).toEqual({ text: '', html: '' });
  });
});
