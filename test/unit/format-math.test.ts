import { describe, expect, it } from 'vitest';
import { escapeHtml, renderTitle, runsToText, textRuns, truncateRuns } from '../../src/lib/format/math.ts';

describe('text with formulas', () => {
  it('escapes HTML', () => {
    expect(escapeHtml(`<img src=x onerror="a('b')"> & co`)).toBe(
      '&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt; &amp; co',
    );
  });

  it('finds $...$ formulas in plain text', () => {
    expect(textRuns('Scaling $\\alpha^2$ Laws')).toEqual([
      { kind: 'text', value: 'Scaling ' },
      { kind: 'math', value: '\\alpha^2' },
      { kind: 'text', value: ' Laws' },
    ]);
    expect(textRuns('$\\pi_0$: a model')[0]).toEqual({ kind: 'math', value: '\\pi_0' });
  });

  it('leaves prices and lone dollars as text', () => {
    expect(textRuns('From $5 to $10 a day')).toEqual([{ kind: 'text', value: 'From $5 to $10 a day' }]);
    expect(textRuns('A $ sign')).toEqual([{ kind: 'text', value: 'A $ sign' }]);
  });

  it('renders titles as escaped text and MathML', () => {
    const html = renderTitle('<script>alert(1)</script> and $x^2$');
    expect(html.startsWith('&lt;script&gt;alert(1)&lt;/script&gt; and ')).toBe(true);
    expect(html).toContain('<math');
    expect(html).not.toContain('<script');
  });

  it('keeps KaTeX from producing links or HTML from a formula', () => {
    const html = renderTitle('$\\href{javascript:alert(1)}{x}$ $\\htmlClass{a}{b}$ $\\url{https://x}$');
    expect(html).not.toMatch(/<a[\s>]/);
    expect(html).not.toContain('href=');
  });

  it('shows a broken formula as its source', () => {
    const html = renderTitle('A $\\frac{a$ formula');
    expect(html).toContain('katex-error');
    expect(html).toContain('\\frac{a');
  });

  it('truncates at a word boundary and never inside a formula', () => {
    const runs = textRuns('one two three $\\alpha + \\beta$ four');
    expect(runsToText(truncateRuns(runs, 100))).toBe('one two three $\\alpha + \\beta$ four');
    expect(runsToText(truncateRuns(runs, 12))).toBe('one two…');
    expect(runsToText(truncateRuns(runs, 20))).toBe('one two three…');
    expect(runsToText(truncateRuns(runs, 30))).toBe('one two three…');
    expect(runsToText(truncateRuns(runs, 31))).toBe('one two three $\\alpha + \\beta$…');
    for (let length = 5; length < 40; length++) {
      expect(runsToText(truncateRuns(runs, length)).length).toBeLessThanOrEqual(length);
    }
    expect(runsToText(truncateRuns(textRuns('Supercalifragilistic'), 6))).toBe('Super…');
  });

  it('does not change the runs it truncates', () => {
    const runs = textRuns('one two three four five');
    truncateRuns(runs, 10);
    expect(runsToText(runs)).toBe('one two three four five');
  });
});
