import { describe, expect, it } from 'vitest';
import { texToText, titleToText } from '../../src/lib/og/tex.ts';

describe('titles with formulas as plain text', () => {
  it.each([
    ['Tight Bounds for $k$-Sparse Attention', 'Tight Bounds for k-Sparse Attention'],
    ['$\\alpha$-Divergences in $O(n \\log n)$ Time', 'α-Divergences in O(n log n) Time'],
    ['$\\ell_1$ Norms over $\\mathbb{R}^d$ and $x^2$', 'ℓ1 Norms over R^d and x²'],
    ['$\\epsilon \\to 0$ and $\\mathrm{KL}(p \\| q)$', 'ε → 0 and KL(p ‖ q)'],
    ['$\\Sigma\\sigma\\Omega\\omega$', 'ΣσΩω'],
    ['A $\\frac{1}{2}$-Approximation', 'A 1/2-Approximation'],
    // Dollars that are not a formula (the site's rule) stay.
    ['Costs $5 and $10', 'Costs $5 and $10'],
  ])('%s', (title, text) => {
    expect(titleToText(title)).toBe(text);
  });

  it('keeps an unknown macro readable, without its backslash', () => {
    expect(texToText('\\ours + \\textbf{x}')).toBe('ours + x');
  });
});
