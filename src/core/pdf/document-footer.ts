import { create as createQrCode, type QRCodeMaskPattern, type QRCodeSegment } from 'qrcode';
import { a4Layout, contentWidth, type PdfDocument } from './page-layout';
import { pdfFonts } from './pdf-fonts';

/** What the footer of every page of an issued document shows. */
export interface DocumentFooter {
  /** The document's reference or register number, e.g. 'ARR-RD-i6123456-20221110'. */
  reference: string;
  /** How a reader checks the document is genuine: the code, and where to enter it (drawn as a QR code too). */
  verification?: { code: string; url?: string };
}

const qrSize = 52;
const footerLineHeight = 10;

/** What QR alphanumeric mode encodes: digits, capitals, space and $%*+-./: (11 bits per two characters). */
const qrAlphanumeric = /^[0-9A-Z $%*+\-./:]+$/;

/**
 * A verification address as QR segments: the address in byte mode and the code after its last '=' in the
 * denser alphanumeric mode, which is the split qrcode's own search finds for these addresses. Naming the
 * segments spares that search (a shortest-path over every character), which took half of the QR code.
 */
function qrSegmentsOf(text: string): QRCodeSegment[] {
  const split = text.lastIndexOf('=') + 1;
  const tail = text.slice(split);
  return split > 0 && tail.length >= 8 && qrAlphanumeric.test(tail)
    ? [
        { data: Buffer.from(text.slice(0, split), 'utf8'), mode: 'byte' },
        { data: tail, mode: 'alphanumeric' },
      ]
    : [{ data: Buffer.from(text, 'utf8'), mode: 'byte' }];
}

/** The eight mask patterns of ISO/IEC 18004 (7.8.2), by the row and column of a module. */
const maskPatterns: readonly ((i: number, j: number) => boolean)[] = [
  (i, j) => (i + j) % 2 === 0,
  (i) => i % 2 === 0,
  (_, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0,
  (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
  (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
  (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
  (i, j) => (((i * j) % 3) + ((i + j) % 2)) % 2 === 0,
];

/** Where the 15 format bits go (both copies) and the dark module, as qrcode's setupFormatInfo places them. */
function formatModules(size: number): { bit: number; index: number }[] {
  const at: { bit: number; index: number }[] = [];
  for (let bit = 0; bit < 15; bit++) {
    const row = bit < 6 ? bit : bit < 8 ? bit + 1 : size - 15 + bit;
    at.push({ bit, index: row * size + 8 });
    const col = bit < 8 ? size - bit - 1 : bit < 9 ? 15 - bit : 15 - bit - 1;
    at.push({ bit, index: 8 * size + col });
  }
  return at;
}

/** The format bits of error correction level M per mask pattern, read off small symbols qrcode makes. */
let formatBitsOfM: readonly number[] | undefined;
function formatBitsOf(mask: number): number {
  formatBitsOfM ??= maskPatterns.map((_, pattern) => {
    const { modules } = createQrCode('M', {
      errorCorrectionLevel: 'M',
      maskPattern: pattern as QRCodeMaskPattern,
    });
    let bits = 0;
    for (const { bit, index } of formatModules(modules.size).filter((_, i) => i % 2 === 0))
      bits |= (modules.data[index] ?? 0) << bit;
    return bits;
  });
  return formatBitsOfM[mask] ?? 0;
}

/**
 * The mask penalty of ISO/IEC 18004 7.8.3 over a symbol's modules (0 or 1, row by row), computed as qrcode's
 * getPenaltyN1–N4 compute it, on a typed array rather than through BitMatrix.get.
 */
function maskPenalty(m: Uint8Array, size: number): number {
  let points = 0;
  // N1 (runs of five or more) and N3 (1:1:3:1:1 with four light modules), along rows and along columns.
  for (let along = 0; along < 2; along++) {
    const step = along === 0 ? 1 : size;
    const lineStep = along === 0 ? size : 1;
    for (let line = 0; line < size; line++) {
      let index = line * lineStep;
      let last = -1;
      let run = 0;
      let bits = 0;
      for (let k = 0; k < size; k++, index += step) {
        const module = m[index];
        if (module === last) run++;
        else {
          if (run >= 5) points += run - 2;
          last = module;
          run = 1;
        }
        bits = ((bits << 1) & 0x7ff) | module;
        if (k >= 10 && (bits === 0x5d0 || bits === 0x05d)) points += 40;
      }
      if (run >= 5) points += run - 2;
    }
  }
  // N2 (2×2 blocks of one colour) and N4 (the share of dark modules).
  let dark = 0;
  for (let row = 0; row < size; row++) {
    const top = row * size;
    for (let col = 0; col < size; col++) {
      const module = m[top + col];
      dark += module;
      if (row < size - 1 && col < size - 1) {
        const block = module + m[top + col + 1] + m[top + size + col] + m[top + size + col + 1];
        if (block === 4 || block === 0) points += 3;
      }
    }
  }
  return points + Math.abs(Math.ceil((dark * 100) / m.length / 5) - 10) * 10;
}

/**
 * The modules of a QR code of `text` at level M, with the mask of lowest penalty, as qrcode's `create`
 * chooses it (the first of equal penalties), in a fraction of the time: qrcode applies and scores each mask
 * through BitMatrix calls, which took two thirds of the QR code. The symbol is made once with mask 0; its
 * data modules are unmasked and each pattern is applied and scored on a typed array.
 */
export function qrCodeModules(text: string): { size: number; modules: Uint8Array; maskPattern: number } {
  const { modules: matrix } = createQrCode(qrSegmentsOf(text), { errorCorrectionLevel: 'M', maskPattern: 0 });
  const { size, data } = matrix;
  const layers = maskLayersOf(size, matrix.reservedBit);
  const count = size * size;
  const unmasked = new Uint8Array(count);
  const first = layers[0] ?? new Uint8Array(count);
  for (let i = 0; i < count; i++) unmasked[i] = data[i] ^ first[i];
  const format = formatModules(size);
  let best = { modules: data, maskPattern: 0, penalty: Infinity };
  for (let maskPattern = 0; maskPattern < layers.length; maskPattern++) {
    const layer = layers[maskPattern] ?? first;
    const masked = new Uint8Array(count);
    for (let i = 0; i < count; i++) masked[i] = unmasked[i] ^ layer[i];
    const bits = formatBitsOf(maskPattern);
    for (const { bit, index } of format) masked[index] = (bits >> bit) & 1;
    const penalty = maskPenalty(masked, size);
    if (penalty < best.penalty) best = { modules: masked, maskPattern, penalty };
  }
  return { size, modules: best.modules, maskPattern: best.maskPattern };
}

/** Per symbol size, which modules each mask pattern inverts: the data modules where the pattern holds. */
const maskLayers = new Map<number, readonly Uint8Array[]>();
function maskLayersOf(size: number, reserved: Uint8Array): readonly Uint8Array[] {
  let layers = maskLayers.get(size);
  if (layers === undefined) {
    layers = maskPatterns.map((pattern) => {
      const layer = new Uint8Array(size * size);
      for (let row = 0; row < size; row++)
        for (let col = 0; col < size; col++)
          if (!reserved[row * size + col] && pattern(row, col)) layer[row * size + col] = 1;
      return layer;
    });
    // A size is one QR version, whose function patterns (the reserved modules) are always the same.
    maskLayers.set(size, layers);
  }
  return layers;
}

/**
 * The dark modules of a QR code of `text` as PDF path operators in module units, one rectangle per run of
 * dark modules in a row: '4 0 3 1 re' is three modules from column 4 of row 0.
 */
function qrCodePath(text: string): { size: number; path: string } {
  const { size, modules } = qrCodeModules(text);
  const rectangles: string[] = [];
  for (let row = 0; row < size; row++) {
    let runStart = -1;
    for (let col = 0; col <= size; col++) {
      const isDark = col < size && modules[row * size + col] === 1;
      if (isDark && runStart < 0) runStart = col;
      if (!isDark && runStart >= 0) {
        rectangles.push(`${runStart} ${row} ${col - runStart} 1 re`);
        runStart = -1;
      }
    }
  }
  return { size, path: rectangles.join('\n') };
}

/**
 * Draws a QR code of `text` as one vector path, `size` points wide, with its top-left corner at (x, y).
 *
 * The path is written in module units under a scaling matrix: integer coordinates keep the page content a
 * third of what rectangles in points with six decimals took, which is less to build and to compress.
 */
function drawQrCode(doc: PdfDocument, text: string, x: number, y: number, size: number): void {
  const qr = qrCodePath(text);
  const cell = size / qr.size;
  doc.save().fillColor('#000000');
  doc.transform(cell, 0, 0, cell, x, y);
  doc.addContent(qr.path);
  doc.fill();
  doc.restore();
}

/**
 * Draws the footer of the current page, below the bottom margin: the reference, the verification
 * code and address when given, the page number and, for a verification address, its QR code.
 */
export function drawDocumentFooter(
  doc: PdfDocument,
  footer: DocumentFooter,
  page: { number: number; count: number },
): void {
  const { margins, colours, height } = a4Layout;
  const left = margins.left;
  const top = height - margins.bottom + 22;
  const qrUrl = footer.verification?.url;
  const textWidth = contentWidth - (qrUrl ? qrSize + 12 : 0);

  // pdfkit starts a new page when text passes the bottom margin; the footer is meant to be there.
  const bottomMargin = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  doc.save();
  doc
    .moveTo(left, top)
    .lineTo(left + contentWidth, top)
    .lineWidth(0.5)
    .strokeColor(colours.rule)
    .stroke();

  const lines: [label: string, value: string][] = [['Reference', footer.reference]];
  if (footer.verification) {
    lines.push(['Verification code', footer.verification.code]);
    if (footer.verification.url) lines.push(['Verify at', footer.verification.url]);
  }
  lines.forEach(([label, value], i) => {
    const y = top + 8 + i * footerLineHeight;
    doc.font(pdfFonts.bold).fontSize(7.5).fillColor(colours.muted).text(label, left, y, { lineBreak: false });
    doc
      .font(pdfFonts.regular)
      .fontSize(7.5)
      .fillColor(colours.text)
      .text(value, left + 78, y, { lineBreak: false });
  });
  doc
    .font(pdfFonts.regular)
    .fontSize(7.5)
    .fillColor(colours.muted)
    .text(`Page ${page.number} of ${page.count}`, left, top + 8, {
      width: textWidth,
      height: footerLineHeight,
      align: 'right',
    });
  if (qrUrl) drawQrCode(doc, qrUrl, left + contentWidth - qrSize, top + 6, qrSize);
  doc.restore();
  doc.page.margins.bottom = bottomMargin;
}
