/**
 * Which characters a font file can draw, read from its `cmap` table. Font
 * packages describe their subsets with a `unicode-range`, but a range says
 * which characters a subset was cut for, not which glyphs survived the cut;
 * satori draws a missing glyph as a box, so the cards check the font itself.
 *
 * Reads TrueType/OpenType (`.ttf`, `.otf`) and WOFF 1 (`.woff`, zlib tables),
 * the formats satori reads. Only the Unicode subtables are used: format 12
 * (full Unicode) when present, else format 4 (the Basic Multilingual Plane).
 */
import { inflateSync } from 'node:zlib';

const WOFF = 0x774f4646; // 'wOFF'
const WOFF2 = 0x774f4632; // 'wOF2'
const CMAP = 0x636d6170; // 'cmap'

/** The code points the font maps to a real glyph (not glyph 0, `.notdef`). */
export function fontCoverage(font: Uint8Array): Set<number> {
  const cmap = cmapTable(font);
  const subtable = unicodeSubtable(cmap);
  if (!subtable) return new Set();
  const format = cmap.getUint16(subtable);
  if (format === 12) return format12(cmap, subtable);
  return format4(cmap, subtable);
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function cmapTable(font: Uint8Array): DataView {
  const data = view(font);
  const signature = data.getUint32(0);
  if (signature === WOFF2) throw new Error('WOFF2 fonts are not supported (satori cannot read them either)');
  const woff = signature === WOFF;
  const numTables = data.getUint16(woff ? 12 : 4);
  const recordSize = woff ? 20 : 16;
  for (let index = 0; index < numTables; index++) {
    const record = (woff ? 44 : 12) + index * recordSize;
    if (data.getUint32(record) !== CMAP) continue;
    if (!woff) {
      const offset = data.getUint32(record + 8);
      const length = data.getUint32(record + 12);
      return view(font.subarray(offset, offset + length));
    }
    const offset = data.getUint32(record + 4);
    const compressed = data.getUint32(record + 8);
    const length = data.getUint32(record + 12);
    const stored = font.subarray(offset, offset + compressed);
    return view(compressed < length ? inflateSync(stored) : stored);
  }
  throw new Error('the font has no cmap table');
}

/** Offset of the best Unicode subtable: format 12 first, then format 4. */
function unicodeSubtable(cmap: DataView): number | undefined {
  const count = cmap.getUint16(2);
  let format4Offset: number | undefined;
  for (let index = 0; index < count; index++) {
    const record = 4 + index * 8;
    const platform = cmap.getUint16(record);
    const encoding = cmap.getUint16(record + 2);
    const offset = cmap.getUint32(record + 4);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    const format = cmap.getUint16(offset);
    if (format === 12) return offset;
    if (format === 4) format4Offset ??= offset;
  }
  return format4Offset;
}

function format12(cmap: DataView, offset: number): Set<number> {
  const covered = new Set<number>();
  const groups = cmap.getUint32(offset + 12);
  for (let index = 0; index < groups; index++) {
    const group = offset + 16 + index * 12;
    const start = cmap.getUint32(group);
    const end = cmap.getUint32(group + 4);
    const startGlyph = cmap.getUint32(group + 8);
    for (let code = start; code <= end; code++) if (startGlyph + (code - start) !== 0) covered.add(code);
  }
  return covered;
}

function format4(cmap: DataView, offset: number): Set<number> {
  const covered = new Set<number>();
  const segments = cmap.getUint16(offset + 6) / 2;
  const ends = offset + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let index = 0; index < segments; index++) {
    const end = cmap.getUint16(ends + index * 2);
    const start = cmap.getUint16(starts + index * 2);
    const delta = cmap.getInt16(deltas + index * 2);
    const rangeOffsetAt = rangeOffsets + index * 2;
    const rangeOffset = cmap.getUint16(rangeOffsetAt);
    for (let code = start; code <= end && code !== 0xffff; code++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (code + delta) & 0xffff;
      else {
        const raw = cmap.getUint16(rangeOffsetAt + rangeOffset + (code - start) * 2);
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) covered.add(code);
    }
  }
  return covered;
}
