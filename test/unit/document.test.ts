import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  paperDocumentBody,
  parsePaperDocument,
  serializePaperDocument,
} from '../../src/lib/papers/document.ts';
import { paperSchema } from '../../src/lib/papers/schema.ts';

const paper = paperSchema.parse({
  id: '2610.01090',
  title: 'A title: with "quotes" and # hash',
  authors: ['Ada Lovelace', 'yes', 'null'],
  date: '2026-10-03',
  published: '2026-09-30',
  upvotes: 3,
  source: 'hf',
});

describe('paper documents', () => {
  it('round-trips every value through YAML, quoting ids and days', () => {
    const text = serializePaperDocument(paper, 'The abstract.');
    expect(text).toContain('id: "2610.01090"');
    expect(text).toContain('date: "2026-10-03"');
    const { data, body } = parsePaperDocument(text);
    expect(paperSchema.parse(data)).toEqual(paper);
    expect(body).toBe('The abstract.');
  });

  it('writes fields in a fixed order and leaves out empty ones', () => {
    const text = serializePaperDocument(paper, 'x');
    const keys = [...text.matchAll(/^(\w+):/gm)].map((m) => m[1]);
    expect(keys).toEqual(['id', 'title', 'authors', 'date', 'published', 'upvotes', 'source']);
  });

  it.each([
    '---js\n{ x: require("fs") }\n---\nbody',
    '---javascript\nmodule.exports = {}\n---\n',
    '--- js\n1\n---\n',
  ])('refuses front matter that would run code: %j', (text) => {
    expect(() => parsePaperDocument(text)).toThrow(/not allowed; use YAML/);
  });

  it('never evaluates a js engine', () => {
    (globalThis as Record<string, unknown>)['pwned'] = false;
    expect(() => parsePaperDocument('---js\nglobalThis.pwned = true\n---\n')).toThrow();
    expect((globalThis as Record<string, unknown>)['pwned']).toBe(false);
  });

  it('names broken YAML', () => {
    expect(() => parsePaperDocument('---\ntitle: [unclosed\n---\nx')).toThrow(
      /front matter is not valid YAML/,
    );
  });

  it('requires front matter', () => {
    expect(() => parsePaperDocument('just text')).toThrow(/expected YAML front matter/);
  });

  it('reads a file saved with a byte order mark as one without, as Astro does (issue 20)', () => {
    const text = serializePaperDocument(paper, 'The abstract.');
    expect(parsePaperDocument(`\uFEFF${text}`)).toEqual(parsePaperDocument(text));
    // Only at the start: anywhere else it is the file's text.
    expect(() => parsePaperDocument(`\n\uFEFF${text}`)).toThrow(/expected YAML front matter/);
  });

  describe('the abstract alone', () => {
    const samples = readdirSync('content/papers', { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.md'))
      .map((file) => readFileSync(path.join('content/papers', file), 'utf8'));

    it.each([
      ...samples,
      serializePaperDocument(paper, 'Line one.\r\n\r\n--- a rule-like line\n\n  indented'),
      '---\ntitle: x\n---',
      '---\r\ntitle: x\r\n---\r\n\r\nCRLF body\r\n',
      '---\ntitle: "a\\n---"\nnote: |\n  ---\n---\nbody after a block with --- inside',
      '---\n---\nempty front matter',
      `\uFEFF${serializePaperDocument(paper, 'Saved with a byte order mark.')}`,
    ])('is what parsing the whole file gives: %#', (text) => {
      expect(paperDocumentBody(text)).toBe(parsePaperDocument(text).body);
    });

    it('requires front matter', () => {
      expect(() => paperDocumentBody('just text')).toThrow(/expected YAML front matter/);
      expect(() => paperDocumentBody('---js\nx\n---\nbody')).toThrow(/not allowed; use YAML/);
    });
  });
});
