/**
 * Outside links for a paper: arXiv and Hugging Face pages derived from the
 * id, and the source's own links, which are only kept when they are http(s).
 * Templates add rel="noopener" to every one of them.
 */
import { idKind, isArxivId } from '../papers/ids.ts';
import type { Paper } from '../papers/schema.ts';

export type PaperLinkKind = 'arxiv' | 'pdf' | 'hf' | 'code' | 'project';

export interface PaperLink {
  kind: PaperLinkKind;
  /** What the link says. */
  label: string;
  href: string;
}

export function arxivAbsUrl(id: string): string | undefined {
  return isArxivId(id) ? `https://arxiv.org/abs/${id}` : undefined;
}

export function arxivPdfUrl(id: string): string | undefined {
  return isArxivId(id) ? `https://arxiv.org/pdf/${id}` : undefined;
}

/** Hugging Face has paper pages for new-style arXiv ids only. */
export function hfPaperUrl(id: string): string | undefined {
  return idKind(id) === 'arxiv' ? `https://huggingface.co/papers/${id}` : undefined;
}

/** The URL if it is an absolute http(s) URL, normalised; otherwise undefined. */
export function safeHttpUrl(value: string | undefined): string | undefined {
  if (!value || !/^https?:\/\//i.test(value.trim())) return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The links that exist for a paper, in a fixed order. */
export function paperLinks(paper: { id: string; data: Pick<Paper, 'github' | 'projectPage'> }): PaperLink[] {
  const candidates: [PaperLinkKind, string, string | undefined][] = [
    ['arxiv', 'arXiv', arxivAbsUrl(paper.id)],
    ['pdf', 'PDF', arxivPdfUrl(paper.id)],
    ['hf', 'Hugging Face', hfPaperUrl(paper.id)],
    ['code', 'Code', safeHttpUrl(paper.data.github)],
    ['project', 'Project page', safeHttpUrl(paper.data.projectPage)],
  ];
  return candidates.flatMap(([kind, label, href]) => (href ? [{ kind, label, href }] : []));
}
