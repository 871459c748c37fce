/**
 * Formulas in titles (`$k$-Sparse`, `$\alpha$-Divergence`, `$O(n \log n)$`)
 * as plain Unicode text for a card, which cannot run KaTeX. Covers what
 * titles use: Greek letters, common relations and operators, font commands
 * (`\mathbf{x}` -> `x`), `^2` -> `²`; braces go, and an unknown command
 * keeps its name without the backslash. A card is a preview, not a
 * typesetter: `$\frac{a}{b}$` reads `a/b`.
 */
import { textRuns } from '../format/math.ts';

const GREEK = [
  'alpha',
  'beta',
  'gamma',
  'delta',
  'epsilon',
  'zeta',
  'eta',
  'theta',
  'iota',
  'kappa',
  'lambda',
  'mu',
  'nu',
  'xi',
  'omicron',
  'pi',
  'rho',
  'sigma',
  'tau',
  'upsilon',
  'phi',
  'chi',
  'psi',
  'omega',
];

function greekLetters(): Record<string, string> {
  const letters: Record<string, string> = {};
  GREEK.forEach((name, index) => {
    // α is U+03B1; U+03C2 (final sigma) sits between ρ and σ.
    const offset = index >= GREEK.indexOf('sigma') ? index + 1 : index;
    letters[name] = String.fromCodePoint(0x3b1 + offset);
    letters[name.charAt(0).toUpperCase() + name.slice(1)] = String.fromCodePoint(0x391 + offset);
  });
  return { ...letters, varepsilon: 'ε', vartheta: 'ϑ', varphi: 'φ', varpi: 'ϖ', varrho: 'ϱ', varsigma: 'ς' };
}

const SYMBOLS: Record<string, string> = {
  ...greekLetters(),
  times: '×',
  cdot: '·',
  cdots: '⋯',
  ldots: '…',
  dots: '…',
  pm: '±',
  mp: '∓',
  le: '≤',
  leq: '≤',
  ge: '≥',
  geq: '≥',
  ne: '≠',
  neq: '≠',
  approx: '≈',
  sim: '∼',
  simeq: '≃',
  equiv: '≡',
  propto: '∝',
  ll: '≪',
  gg: '≫',
  infty: '∞',
  to: '→',
  rightarrow: '→',
  leftarrow: '←',
  leftrightarrow: '↔',
  Rightarrow: '⇒',
  Leftarrow: '⇐',
  mapsto: '↦',
  in: '∈',
  notin: '∉',
  subset: '⊂',
  subseteq: '⊆',
  cup: '∪',
  cap: '∩',
  forall: '∀',
  exists: '∃',
  partial: '∂',
  nabla: '∇',
  sum: 'Σ',
  prod: 'Π',
  int: '∫',
  sqrt: '√',
  ell: 'ℓ',
  circ: '∘',
  star: '⋆',
  ast: '∗',
  oplus: '⊕',
  otimes: '⊗',
  emptyset: '∅',
  neg: '¬',
  land: '∧',
  lor: '∨',
  top: '⊤',
  bot: '⊥',
  perp: '⊥',
  dagger: '†',
  prime: '′',
  langle: '⟨',
  rangle: '⟩',
  lvert: '|',
  rvert: '|',
  vert: '|',
  mid: '|',
  '|': '‖',
  '%': '%',
  '&': '&',
  $: '$',
  '#': '#',
  _: '_',
  '{': '{',
  '}': '}',
};

/** Commands that only change the font or are invisible: `\mathbf{x}` -> `x`. */
const DROPPED = new Set([
  'mathbf',
  'mathrm',
  'mathit',
  'mathsf',
  'mathtt',
  'mathcal',
  'mathbb',
  'mathscr',
  'mathfrak',
  'boldsymbol',
  'bm',
  'text',
  'textbf',
  'textit',
  'textrm',
  'textsf',
  'texttt',
  'operatorname',
  'mathop',
  'left',
  'right',
  'big',
  'Big',
  'bigg',
  'Bigg',
  'displaystyle',
  'limits',
  'hat',
  'tilde',
  'bar',
  'vec',
  'dot',
  'overline',
  'underline',
  'widehat',
  'widetilde',
]);

const SPACES: Record<string, string> = {
  ',': ' ',
  ';': ' ',
  ':': ' ',
  ' ': ' ',
  quad: ' ',
  qquad: ' ',
  '!': '',
};

const SUPERSCRIPTS: Record<string, string> = { '1': '¹', '2': '²', '3': '³' };

/** A formula's TeX source (without dollars) as readable text. */
export function texToText(tex: string): string {
  return tex
    .replace(/\\frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, '$1/$2')
    .replace(/\\([A-Za-z]+|.)/g, (_, name: string) => {
      if (SYMBOLS[name] !== undefined) return SYMBOLS[name];
      if (SPACES[name] !== undefined) return SPACES[name];
      if (DROPPED.has(name)) return '';
      // Operators such as \log and \max read as their names; unknown macros too.
      return name;
    })
    .replace(/\^\{?([123])\}?(?![0-9])/g, (_, digit: string) => SUPERSCRIPTS[digit] ?? digit)
    .replace(/[_^]\{([^{}]*)\}/g, (match, inner: string) => (match.startsWith('^') ? `^${inner}` : inner))
    .replace(/_(\S)/g, '$1')
    .replace(/[{}]/g, '')
    .replace(/~/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\s+([)\]},.])/g, '$1')
    .replace(/([([])\s+/g, '$1')
    .trim();
}

/** A title with `$...$` formulas (found by the site's own rule) as plain text for a card. */
export function titleToText(title: string): string {
  return textRuns(title)
    .map((run) => (run.kind === 'math' ? texToText(run.value) : run.value))
    .join('');
}
