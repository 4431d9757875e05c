import PDFDocument from 'pdfkit';
import { resourceFilePath } from '../resource-files';
import type { PdfDocument } from './page-layout';

/**
 * The font names official documents write with; both are DejaVu Sans, embedded (DESIGN.md §5).
 *
 * DejaVu Sans covers Latin with diacritics, Greek, Cyrillic and the euro sign, so students' names are
 * printed as they are spelled; the 14 standard PDF fonts cover none of that and are never embedded,
 * which PDF/A forbids.
 */
export const pdfFonts = {
  regular: 'DeskSans',
  bold: 'DeskSans-Bold',
} as const;

/** The font files under `resources/`, copied from the dejavu-fonts-ttf package. */
export const pdfFontFiles: Readonly<Record<keyof typeof pdfFonts, string>> = {
  regular: 'fonts/DejaVuSans.ttf',
  bold: 'fonts/DejaVuSans-Bold.ttf',
};

/** What pdfkit's `registerFont` and `font` option take; a parsed fontkit font is passed where the types say path. */
export type PdfFontSource = NonNullable<Parameters<PdfDocument['registerFont']>[1]>;

/** A font as fontkit parsed it: pdfkit recognises one by its `layout` method and uses it as it is. */
interface ParsedFont {
  layout: (...args: never[]) => unknown;
  postscriptName: string;
  /** fontkit's cache of glyph objects by id, each with the code points it was first asked for. */
  _glyphs?: Record<number, unknown>;
}

/**
 * Reads and parses a TrueType file with the fontkit that pdfkit bundles, by opening it as the default font
 * of a document that is never written: pdfkit then holds the parsed font as `_font.font`.
 */
function parseFontFile(file: string): ParsedFont {
  const scratch = new PDFDocument({ autoFirstPage: false, font: resourceFilePath(file) });
  const parsed = (scratch as unknown as { _font?: { font?: Partial<ParsedFont> } })._font?.font;
  if (typeof parsed?.layout !== 'function' || typeof parsed.postscriptName !== 'string')
    throw new Error(`pdfkit did not parse ${file} as expected; check the pdfkit version.`);
  return parsed as ParsedFont;
}

let parsedFonts: Readonly<Record<keyof typeof pdfFonts, ParsedFont>> | undefined;

/**
 * The regular and bold fonts, read and parsed once per process and shared by every document.
 *
 * Registering a font by its path made pdfkit read the 700 KB file and parse it with fontkit for every
 * document, which took most of the 150–250 ms a certificate needed. pdfkit keeps each document's glyph
 * subset and layout cache in its own wrapper; the one state fontkit keeps is its glyph cache, whose
 * glyphs remember the code points they were first created with, and pdfkit writes those into the
 * document's ToUnicode map. Subsetting a composite glyph creates its components without code points
 * (Cyrillic 'р' is drawn from Latin 'p'), so a shared cache would make a later document's 'p' unreadable
 * to text extraction: each document starts with an empty glyph cache, as it did with its own parse.
 */
export function pdfFontSource(weight: keyof typeof pdfFonts): PdfFontSource {
  parsedFonts ??= { regular: parseFontFile(pdfFontFiles.regular), bold: parseFontFile(pdfFontFiles.bold) };
  const font = parsedFonts[weight];
  if (font._glyphs !== undefined) font._glyphs = {};
  return font as unknown as PdfFontSource;
}

/** A laid-out run of glyphs as pdfkit caches it per word (glyphs and positions, already scaled). */
interface LayoutRun {
  readonly glyphs: readonly unknown[];
  readonly positions: readonly unknown[];
  readonly advanceWidth: number;
}

/** pdfkit's wrapper of an opened font: its per-document cache of word layouts and its glyph subset. */
interface OpenedFont {
  /** The parsed font (fontkit). */
  font: object;
  layoutCache?: Record<string, LayoutRun>;
  subset?: TrueTypeSubset;
  layoutRun: (text: string, features?: unknown) => LayoutRun;
  layoutCached: (text: string) => LayoutRun;
  layout: (
    text: string,
    features?: unknown,
    onlyWidth?: boolean,
  ) => { glyphs: unknown[] | null; positions: unknown[] | null; advanceWidth: number };
}

/** A glyph's position in a laid-out run, in thousandths of the font size, as pdfkit scales it. */
interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

/** Identifiers, codes and numbers: the characters a word's unshaped tail may consist of. */
const plainTail = /[0-9A-Z-]{4,} ?$/;

/**
 * Per parsed font, what shaping two adjacent characters does to the first one's advance, by the pair:
 * the advance with the kerning of the pair, or null where the pair is not simply two glyphs side by side.
 */
const pairAdvances = new WeakMap<object, Map<string, number | null>>();

const glyphIdOf = (glyph: unknown): unknown => (glyph as { id?: unknown } | undefined)?.id;

function samePlacement(a: GlyphPosition | undefined, b: GlyphPosition | undefined): boolean {
  return (
    a !== undefined &&
    b !== undefined &&
    a.xOffset === b.xOffset &&
    a.yOffset === b.yOffset &&
    a.yAdvance === b.yAdvance &&
    a.advanceWidth === b.advanceWidth
  );
}

/** The characters of an identifier's tail, and the space that may follow it. */
const tailCharacters = Array.from('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ- ', (character) => character);

/**
 * Shapes `first` before each tail character in one run ('A0A1A2…A '), rather than one pair at a time:
 * fontkit's cost is mostly per call. Each glyph of the run that is its character's own glyph, placed as
 * alone, gives the advance with the kerning of the pair it begins; any other pair is left to `pairAdvanceOf`
 * to shape on its own.
 */
function shapePairsAfter(font: OpenedFont, first: string, pairs: Map<string, number | null>): void {
  const alone = font.layoutCached(first);
  if (alone.glyphs.length !== 1 || first.length !== 1) return;
  const text = tailCharacters.map((next) => first + next).join('') + first;
  const run = font.layoutRun(text);
  if (run.glyphs.length !== text.length) return;
  const positions = run.positions as GlyphPosition[];
  tailCharacters.forEach((next, k) => {
    const single = font.layoutCached(next);
    const at = 2 * k;
    const a = positions[at];
    const b = positions[at + 1];
    if (
      single.glyphs.length === 1 &&
      glyphIdOf(run.glyphs[at]) === glyphIdOf(alone.glyphs[0]) &&
      glyphIdOf(run.glyphs[at + 1]) === glyphIdOf(single.glyphs[0]) &&
      samePlacement(a, alone.positions[0] as GlyphPosition) &&
      samePlacement(b, single.positions[0] as GlyphPosition) &&
      a !== undefined
    )
      pairs.set(first + next, a.xAdvance);
  });
}

function pairAdvanceOf(font: OpenedFont, first: string, second: string): number | null {
  let pairs = pairAdvances.get(font.font);
  if (pairs === undefined) {
    pairs = new Map();
    pairAdvances.set(font.font, pairs);
  }
  const pair = first + second;
  if (!pairs.has(pair) && !pairs.has(`${first}\u0000`)) {
    // Marks the row as shaped, whether or not it gave this pair.
    pairs.set(`${first}\u0000`, null);
    shapePairsAfter(font, first, pairs);
  }
  let advance = pairs.get(pair);
  if (advance === undefined) {
    const alone = font.layoutCached(first);
    const next = font.layoutCached(second);
    const run = font.layoutRun(pair);
    const [a, b] = run.positions as GlyphPosition[];
    const [nextPosition] = next.positions as GlyphPosition[];
    const separable =
      alone.glyphs.length === 1 &&
      next.glyphs.length === 1 &&
      run.glyphs.length === 2 &&
      glyphIdOf(run.glyphs[0]) === glyphIdOf(alone.glyphs[0]) &&
      glyphIdOf(run.glyphs[1]) === glyphIdOf(next.glyphs[0]) &&
      samePlacement(a, alone.positions[0] as GlyphPosition) &&
      samePlacement(b, nextPosition) &&
      b?.xAdvance === nextPosition?.xAdvance;
    advance = separable && a ? a.xAdvance : null;
    pairs.set(pair, advance);
  }
  return advance;
}

/**
 * The layout of a word that ends in an identifier ('UM-2022-000022', 'i6100021', a verification address
 * ending in its code), composed from the layouts of the part before it and of each of its characters,
 * with the kerning of each adjacent pair; undefined where the word has no such end or a pair is more
 * than kerning (a ligature, a mark), and then fontkit shapes it.
 *
 * Such words are new in every document, and shaping them took a fifth of a certificate. Capitals, digits
 * and hyphens form no ligatures or contextual forms in DejaVu Sans, only pairwise kerning, so the glyphs
 * and positions are those fontkit gives, number for number (pdf-layout.test.ts compares them); the glyphs
 * are the cached single characters' own, with their code points.
 */
function composedLayout(font: OpenedFont, word: string): LayoutRun | undefined {
  const tail = plainTail.exec(word);
  if (tail === null) return undefined;
  const prefix = word.slice(0, tail.index);
  const glyphs: unknown[] = [];
  const positions: GlyphPosition[] = [];
  // The characters of the glyphs that meet a neighbour: the prefix's last, then every one of the tail.
  const characters: string[] = [];
  const last = prefix.at(-1);
  // A prefix ending in half of a surrogate pair is left to fontkit whole.
  if (last !== undefined && last >= '\ud800' && last <= '\udfff') return undefined;
  if (last !== undefined) {
    const run = font.layoutCached(prefix);
    const single = font.layoutCached(last);
    if (
      single.glyphs.length !== 1 ||
      glyphIdOf(run.glyphs.at(-1)) !== glyphIdOf(single.glyphs[0]) ||
      !samePlacement(run.positions.at(-1) as GlyphPosition, single.positions[0] as GlyphPosition) ||
      (run.positions.at(-1) as GlyphPosition | undefined)?.xAdvance !==
        (single.positions[0] as GlyphPosition | undefined)?.xAdvance
    )
      return undefined;
    for (const glyph of run.glyphs) glyphs.push(glyph);
    for (const position of run.positions) positions.push(position as GlyphPosition);
    characters.push(last);
  }
  for (const character of tail[0]) {
    const single = font.layoutCached(character);
    if (single.glyphs.length !== 1) return undefined;
    glyphs.push(single.glyphs[0]);
    positions.push(single.positions[0] as GlyphPosition);
    characters.push(character);
  }
  const offset = glyphs.length - characters.length;
  for (let i = 0; i + 1 < characters.length; i++) {
    const advance = pairAdvanceOf(font, characters[i] ?? '', characters[i + 1] ?? '');
    const position = positions[offset + i];
    if (advance === null || position === undefined) return undefined;
    // A copy: the positions of cached layouts are shared by every document.
    positions[offset + i] = { ...position, xAdvance: advance };
  }
  let advanceWidth = 0;
  for (const position of positions) advanceWidth += position.xAdvance;
  return { glyphs, positions, advanceWidth };
}

/**
 * A word's layout from the shared cache, made on a miss (composed as above, or shaped by fontkit). The
 * cache keeps the glyphs, the positions and their sum: fontkit's run adds its positions up again each time
 * its width is asked for.
 */
function layoutCachedWord(this: OpenedFont, word: string): LayoutRun {
  const cache = this.layoutCache;
  const cached = cache?.[word];
  if (cached !== undefined) return cached;
  const run = (word.length >= 4 ? composedLayout(this, word) : undefined) ?? this.layoutRun(word);
  const laidOut: LayoutRun = {
    glyphs: run.glyphs,
    positions: run.positions,
    advanceWidth: run.advanceWidth,
  };
  if (cache) cache[word] = laidOut;
  return laidOut;
}

/**
 * What pdfkit's `layout` does, without its costs: the text is split after each space or tab, every word is
 * laid out from the cache, and the glyphs and positions are appended in place rather than by copying the
 * arrays for each word (which made a paragraph's layout quadratic). The result is the same, element for
 * element.
 */
function layoutByWords(
  this: OpenedFont,
  text: string,
  features?: unknown,
  onlyWidth?: boolean,
): { glyphs: unknown[] | null; positions: unknown[] | null; advanceWidth: number } {
  if (features) return this.layoutRun(text, features) as ReturnType<OpenedFont['layout']>;
  const glyphs: unknown[] | null = onlyWidth ? null : [];
  const positions: unknown[] | null = onlyWidth ? null : [];
  let advanceWidth = 0;
  let start = 0;
  const end = text.length;
  for (let i = 0; i <= end; i++) {
    if (i < end) {
      const code = text.charCodeAt(i);
      if (code !== 32 && code !== 9) continue;
    } else if (start === end) break;
    const run = this.layoutCached(text.slice(start, i + 1));
    if (glyphs && positions) {
      for (const glyph of run.glyphs) glyphs.push(glyph);
      for (const position of run.positions) positions.push(position);
    }
    advanceWidth += run.advanceWidth;
    start = i + 1;
  }
  return { glyphs, positions, advanceWidth };
}

/** The part of fontkit's TrueType subset that `_addGlyph` (one glyph into the embedded font program) uses. */
interface TrueTypeSubset {
  font: FontTables;
  /** The glyph ids of the original font, in the order of the subset. */
  glyphs: number[];
  glyf: Uint8Array[];
  loca: { offsets: number[]; version: number };
  hmtx: { metrics: { advance: number; bearing: number }[]; bearings: number[] };
  offset: number;
  includeGlyph: (glyphId: number) => number;
  _addGlyph: (glyphId: number) => number;
  encode: () => Uint8Array;
}

/** What fontkit reads a glyph's outline and metrics from. */
interface FontTables {
  _variationProcessor?: unknown;
  loca: { offsets: number[]; version: number };
  directory: { tables: Record<string, { offset: number; length: number } | undefined> };
  stream: { buffer: Uint8Array };
  _getTableStream: (tag: string) => { pos: number; readBuffer: (length: number) => Uint8Array };
  getGlyph: (glyphId: number) => {
    advanceWidth: number;
    _decode: () => { numberOfContours: number; components?: { glyphID: number; pos: number }[] } | null;
    _getMetrics: () => { leftBearing: number };
  };
}

/** One glyph as the subset writes it: its outline bytes, the components it is drawn from, its metrics. */
interface SubsetGlyph {
  bytes: Uint8Array;
  /** For a composite glyph, each component and where in `bytes` its glyph id is written. */
  components: readonly { glyphID: number; pos: number }[] | null;
  advance: number;
  bearing: number;
}

/** The tables of a subset in the order fontkit writes them; the hinting tables are copied as they are. */
const subsetTableTags = ['head', 'hhea', 'loca', 'maxp', 'cvt ', 'prep', 'glyf', 'hmtx', 'fpgm'] as const;

/**
 * Writes a document's TrueType subset as fontkit's `encode` does, byte for byte (table order, a zero
 * checksum per table, no padding), but copies the unchanged tables from the font file instead of decoding
 * and encoding them field by field, which took a fifth of a certificate.
 */
function encodeTrueTypeSubset(subset: TrueTypeSubset): Uint8Array {
  const { font } = subset;
  subset.glyf = [];
  subset.offset = 0;
  subset.loca = { offsets: [], version: font.loca.version };
  subset.hmtx = { metrics: [], bearings: [] };
  // `glyphs` grows while composite glyphs add their components.
  for (let i = 0; i < subset.glyphs.length; i++) subset._addGlyph(subset.glyphs[i] ?? 0);
  subset.loca.offsets.push(subset.offset);

  const original = (tag: string): Uint8Array => {
    const entry = font.directory.tables[tag];
    if (!entry) throw new Error(`The font has no ${tag} table.`);
    return new Uint8Array(font.stream.buffer.subarray(entry.offset, entry.offset + entry.length));
  };
  const numGlyphs = subset.glyf.length;
  const isLongLoca = subset.loca.version === 1;
  const loca = new Uint8Array(subset.loca.offsets.length * (isLongLoca ? 4 : 2));
  const locaView = new DataView(loca.buffer);
  subset.loca.offsets.forEach((offset, i) => {
    if (isLongLoca) locaView.setUint32(i * 4, offset);
    else locaView.setUint16(i * 2, offset >>> 1);
  });
  const hmtx = new Uint8Array(subset.hmtx.metrics.length * 4);
  const hmtxView = new DataView(hmtx.buffer);
  subset.hmtx.metrics.forEach(({ advance, bearing }, i) => {
    hmtxView.setUint16(i * 4, advance);
    hmtxView.setInt16(i * 4 + 2, bearing);
  });
  const head = original('head');
  new DataView(head.buffer).setInt16(50, subset.loca.version);
  const hhea = original('hhea');
  new DataView(hhea.buffer).setUint16(34, subset.hmtx.metrics.length);
  const maxp = original('maxp');
  new DataView(maxp.buffer).setUint16(4, numGlyphs);
  const glyf = Buffer.concat(subset.glyf);
  const tables: Record<(typeof subsetTableTags)[number], Uint8Array | undefined> = {
    head,
    hhea,
    loca,
    maxp,
    'cvt ': font.directory.tables['cvt '] ? original('cvt ') : undefined,
    prep: font.directory.tables.prep ? original('prep') : undefined,
    glyf,
    hmtx,
    fpgm: font.directory.tables.fpgm ? original('fpgm') : undefined,
  };
  const present = subsetTableTags.flatMap((tag) => {
    const bytes = tables[tag];
    return bytes ? [{ tag, bytes }] : [];
  });
  const headerLength = 12 + 16 * present.length;
  const out = new Uint8Array(headerLength + present.reduce((sum, t) => sum + t.bytes.length, 0));
  const view = new DataView(out.buffer);
  const maxPowerOf2 = 2 ** Math.floor(Math.log2(present.length));
  out.set([0x74, 0x72, 0x75, 0x65]); // 'true', as fontkit writes it
  view.setUint16(4, present.length);
  view.setUint16(6, maxPowerOf2 * 16);
  view.setUint16(8, Math.log2(maxPowerOf2));
  view.setUint16(10, present.length * 16 - maxPowerOf2 * 16);
  let offset = headerLength;
  present.forEach(({ tag, bytes }, i) => {
    const entry = 12 + i * 16;
    for (let c = 0; c < 4; c++) out[entry + c] = tag.charCodeAt(c);
    view.setUint32(entry + 4, 0);
    view.setUint32(entry + 8, offset);
    view.setUint32(entry + 12, bytes.length);
    out.set(bytes, offset);
    offset += bytes.length;
  });
  return out;
}

const subsetGlyphs: Record<keyof typeof pdfFonts, Map<number, SubsetGlyph>> = {
  regular: new Map(),
  bold: new Map(),
};

/** Reads a glyph for the subset, as fontkit's `_addGlyph` does, once per process. */
function readSubsetGlyph(font: FontTables, glyphId: number): SubsetGlyph {
  const glyph = font.getGlyph(glyphId);
  const outline = glyph._decode();
  const start = font.loca.offsets[glyphId] ?? 0;
  const end = font.loca.offsets[glyphId + 1] ?? start;
  const stream = font._getTableStream('glyf');
  stream.pos += start;
  return {
    bytes: new Uint8Array(stream.readBuffer(end - start)),
    components:
      outline && outline.numberOfContours < 0
        ? (outline.components ?? []).map(({ glyphID, pos }) => ({ glyphID, pos }))
        : null,
    advance: glyph.advanceWidth,
    bearing: glyph._getMetrics().leftBearing,
  };
}

/**
 * Makes a document's subset take each glyph's outline and metrics from a per-process cache rather than
 * decode it again: decoding every glyph of every document took a quarter of a certificate. The bytes
 * written are those fontkit writes; a composite glyph's components get their ids in this subset, as there.
 */
function useCachedSubsetGlyphs(subset: TrueTypeSubset, weight: keyof typeof pdfFonts): void {
  // A variable font re-encodes its outlines per instance; DejaVu Sans is not one.
  if (subset.font._variationProcessor) return;
  const cache = subsetGlyphs[weight];
  subset._addGlyph = function addCachedGlyph(this: TrueTypeSubset, glyphId: number): number {
    let glyph = cache.get(glyphId);
    if (glyph === undefined) {
      glyph = readSubsetGlyph(this.font, glyphId);
      cache.set(glyphId, glyph);
    }
    let bytes = glyph.bytes;
    if (glyph.components) {
      bytes = new Uint8Array(glyph.bytes);
      const view = new DataView(bytes.buffer);
      for (const component of glyph.components)
        view.setUint16(component.pos, this.includeGlyph(component.glyphID));
    }
    this.glyf.push(bytes);
    this.loca.offsets.push(this.offset);
    this.hmtx.metrics.push({ advance: glyph.advance, bearing: glyph.bearing });
    this.offset += bytes.length;
    return this.glyf.length - 1;
  };
  subset.encode = function encodeCachedSubset(this: TrueTypeSubset): Uint8Array {
    return encodeTrueTypeSubset(this);
  };
}

/** How many distinct words a shared layout cache holds before it starts afresh (names, numbers, codes). */
const maxSharedLayouts = 20_000;
/** How many documents open a shared cache between two checks of its size. */
const documentsBetweenSizeChecks = 200;

const sharedLayouts: Record<keyof typeof pdfFonts, { runs: Record<string, LayoutRun>; opened: number }> = {
  regular: { runs: Object.create(null) as Record<string, LayoutRun>, opened: 0 },
  bold: { runs: Object.create(null) as Record<string, LayoutRun>, opened: 0 },
};

/**
 * A word-layout cache shared by every document that writes in `weight`.
 *
 * Shaping a word with fontkit (kerning, ligatures, marks) took about 40% of a certificate, and pdfkit
 * keeps its per-word cache in each document's own font wrapper, so the letterhead, labels and notes were
 * shaped anew for every document. A layout depends only on the word and the font, and pdfkit copies the
 * positions it adjusts, so documents can share it: the bytes written stay the same. The glyphs a cached
 * layout holds were created by shaping, with their code points, which keeps the ToUnicode map whole.
 */
function sharedLayoutCache(weight: keyof typeof pdfFonts): Record<string, LayoutRun> {
  const shared = sharedLayouts[weight];
  if (
    ++shared.opened % documentsBetweenSizeChecks === 0 &&
    Object.keys(shared.runs).length > maxSharedLayouts
  )
    shared.runs = Object.create(null) as Record<string, LayoutRun>;
  return shared.runs;
}

/**
 * Registers the regular and bold fonts under the names of `pdfFonts` and opens both (regular first), with
 * the word layouts shared across documents; only glyphs used are embedded, and a font never written with
 * is not embedded at all.
 */
export function registerPdfFonts(doc: PdfDocument): void {
  doc.registerFont(pdfFonts.regular, pdfFontSource('regular'));
  doc.registerFont(pdfFonts.bold, pdfFontSource('bold'));
  for (const weight of ['regular', 'bold'] as const) {
    doc.font(pdfFonts[weight]);
    const opened = (doc as unknown as { _font?: OpenedFont })._font;
    if (opened?.layoutCache === undefined)
      throw new Error(
        'pdfkit did not open the font with a layout cache as expected; check the pdfkit version.',
      );
    opened.layoutCache = sharedLayoutCache(weight);
    opened.layoutCached = layoutCachedWord;
    opened.layout = layoutByWords;
    if (opened.subset) useCachedSubsetGlyphs(opened.subset, weight);
  }
  doc.font(pdfFonts.regular);
}
