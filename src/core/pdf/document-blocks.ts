import { a4Layout, contentWidth, type PdfDocument } from './page-layout';
import { pdfFonts } from './pdf-fonts';

/** A stretch of text in one weight; a paragraph or value is a string or a list of runs. */
export interface TextRun {
  text: string;
  /** Set in bold, for the amount and date a reader must not miss; regular by default. */
  strong?: boolean;
}

/** Plain text, or runs that mix regular and bold. */
export type RichText = string | readonly TextRun[];

/** How a paragraph is set. */
export interface ParagraphStyle {
  /** Font size in points; `a4Layout.fontSize.body` (10) by default. */
  fontSize?: number;
  /** Text colour; `a4Layout.colours.text` by default. */
  colour?: string;
  /** Space after the paragraph in points; half the font size plus 3 by default. */
  gapAfter?: number;
  /** Distance from the left margin in points, e.g. for a quoted article; 0 by default. */
  indent?: number;
}

/** One column of a table. */
export interface TableColumn {
  header: string;
  /** A relative width: the columns share the content width in proportion, e.g. 4, 1.2, 1.2. */
  width: number;
  /** 'right' for money, so that amounts line up on the cents; 'left' by default. */
  align?: 'left' | 'right';
}

/** A table: the header is repeated at the top of every page the rows run onto. */
export interface TableSpec {
  columns: readonly TableColumn[];
  /** One string per column; cells wrap within their column. */
  rows: readonly (readonly string[])[];
  /** A closing row set in bold below a rule, e.g. the total. */
  totalRow?: readonly string[];
}

const left = a4Layout.margins.left;
const cellPaddingX = 5;
const cellPaddingY = 3.5;

function runsOf(text: RichText): readonly TextRun[] {
  return typeof text === 'string' ? [{ text }] : text;
}

function plainTextOf(text: RichText): string {
  return runsOf(text)
    .map((r) => r.text)
    .join('');
}

/** Starts a new page unless `height` points still fit above the bottom margin. */
export function ensureSpace(doc: PdfDocument, height: number): void {
  if (doc.y + height > doc.page.maxY()) doc.addPage();
}

/** Writes rich text at (x, y) within `width`; leaves doc.y below it. */
function writeRuns(
  doc: PdfDocument,
  text: RichText,
  x: number,
  y: number,
  width: number,
  style: { fontSize: number; colour: string; align?: 'left' | 'right' },
): void {
  const runs = runsOf(text).filter((r) => r.text !== '');
  if (runs.length === 0) return;
  doc.fontSize(style.fontSize).fillColor(style.colour);
  runs.forEach((run, i) => {
    doc.font(run.strong ? pdfFonts.bold : pdfFonts.regular);
    const options = { width, align: style.align ?? 'left', continued: i < runs.length - 1 };
    // Only the first run is placed; the others continue where the previous one ended.
    if (i === 0) doc.text(run.text, x, y, options);
    else doc.text(run.text, options);
  });
}

/** Per document, the height of one line of the regular font by font size: the same for any one-line text. */
const oneLineHeights = new WeakMap<PdfDocument, Map<number, number>>();

/**
 * The height `text` takes in the regular font at `fontSize` within `width`.
 *
 * Text narrower than `width` by a point, without line breaks, takes one line; its width comes from the
 * shared word layouts, so only longer text is wrapped to be measured (wrapping every label and value of a
 * certificate twice took a tenth of it).
 */
function heightOf(doc: PdfDocument, text: RichText, fontSize: number, width: number): number {
  doc.font(pdfFonts.regular).fontSize(fontSize);
  const plain = plainTextOf(text);
  if (plain.includes('\n') || doc.widthOfString(plain) >= width - 1)
    return doc.heightOfString(plain, { width });
  let heights = oneLineHeights.get(doc);
  if (heights === undefined) {
    heights = new Map();
    oneLineHeights.set(doc, heights);
  }
  let height = heights.get(fontSize);
  if (height === undefined) {
    height = doc.heightOfString('X', { width });
    heights.set(fontSize, height);
  }
  return height;
}

/** Writes a heading; it moves to the next page rather than stand alone at the foot of a page. */
export function writeHeading(doc: PdfDocument, text: string, options: { level?: 1 | 2 } = {}): void {
  const level = options.level ?? 1;
  const fontSize = level === 1 ? a4Layout.fontSize.heading : a4Layout.fontSize.subheading;
  doc.font(pdfFonts.bold).fontSize(fontSize);
  const height = doc.heightOfString(text, { width: contentWidth });
  ensureSpace(doc, height + 3 * a4Layout.fontSize.body * 1.2);
  doc
    .fillColor(a4Layout.colours.brand)
    .text(text, left, doc.y + (level === 1 ? 2 : 4), { width: contentWidth });
  doc.y += level === 1 ? 6 : 3;
  doc.x = left;
}

/** Writes a paragraph across the content width; long paragraphs flow onto the next page. */
export function writeParagraph(doc: PdfDocument, text: RichText, style: ParagraphStyle = {}): void {
  const fontSize = style.fontSize ?? a4Layout.fontSize.body;
  const indent = style.indent ?? 0;
  const width = contentWidth - indent;
  // Keep at least two lines together at the foot of a page. Where 2.6 lines fit, no paragraph needs a new
  // page, so it is not measured (wrapping it once more took a tenth of a certificate).
  if (doc.y + fontSize * 2.6 > doc.page.maxY())
    ensureSpace(doc, Math.min(heightOf(doc, text, fontSize, width), fontSize * 2.6));
  writeRuns(doc, text, left + indent, doc.y, width, {
    fontSize,
    colour: style.colour ?? a4Layout.colours.text,
  });
  doc.y += style.gapAfter ?? fontSize / 2 + 3;
  doc.x = left;
}

/**
 * Writes label–value pairs in two columns, e.g. 'Student number' – 'i6123456'. A pair is never split
 * across pages.
 */
export function writeKeyValues(
  doc: PdfDocument,
  pairs: readonly (readonly [label: string, value: RichText])[],
  options: { labelWidth?: number; fontSize?: number } = {},
): void {
  const labelWidth = options.labelWidth ?? 130;
  const fontSize = options.fontSize ?? a4Layout.fontSize.body;
  const valueWidth = contentWidth - labelWidth;
  for (const [label, value] of pairs) {
    const height = Math.max(
      heightOf(doc, label, fontSize, labelWidth - 8),
      heightOf(doc, value, fontSize, valueWidth),
    );
    ensureSpace(doc, height);
    const y = doc.y;
    doc
      .font(pdfFonts.regular)
      .fontSize(fontSize)
      .fillColor(a4Layout.colours.muted)
      .text(label, left, y, { width: labelWidth - 8 });
    const labelBottom = doc.y;
    writeRuns(doc, value, left + labelWidth, y, valueWidth, { fontSize, colour: a4Layout.colours.text });
    doc.y = Math.max(labelBottom, doc.y) + 2;
  }
  doc.y += 4;
  doc.x = left;
}

/**
 * Writes a table with the given column widths and alignment. Rows that do not fit move to the next
 * page, where the header is drawn again; a row is never split.
 */
export function writeTable(doc: PdfDocument, table: TableSpec): void {
  const { columns } = table;
  for (const row of [...table.rows, ...(table.totalRow ? [table.totalRow] : [])]) {
    if (row.length !== columns.length) {
      throw new Error(
        `A table row has ${row.length} cells for ${columns.length} columns: ${row.join(' | ')}`,
      );
    }
  }
  const totalWeight = columns.reduce((sum, c) => sum + c.width, 0);
  const widths = columns.map((c) => (c.width / totalWeight) * contentWidth);
  const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((sum, w) => sum + w, 0));
  const fontSize = a4Layout.fontSize.body - 0.5;
  const { colours } = a4Layout;

  // One line's height per font: a cell narrower than its column, without line breaks, takes one line, so
  // only longer cells are wrapped to be measured (measuring every cell of a transcript's tables wrapped
  // each of them twice).
  const oneLine = new Map<string, number>();
  const cellHeight = (cell: string, font: string, width: number): number => {
    if (cell === '' || cell.includes('\n') || doc.widthOfString(cell) >= width - 1)
      return doc.heightOfString(cell, { width });
    let height = oneLine.get(font);
    if (height === undefined) {
      height = doc.heightOfString('X', { width });
      oneLine.set(font, height);
    }
    return height;
  };
  const rowHeight = (cells: readonly string[], font: string): number => {
    doc.font(font).fontSize(fontSize);
    return (
      Math.max(...cells.map((cell, i) => cellHeight(cell, font, widths[i] - 2 * cellPaddingX))) +
      2 * cellPaddingY
    );
  };

  const drawCells = (cells: readonly string[], y: number, font: string, colour: string): void => {
    doc.font(font).fontSize(fontSize).fillColor(colour);
    cells.forEach((cell, i) => {
      doc.text(cell, xs[i] + cellPaddingX, y + cellPaddingY, {
        width: widths[i] - 2 * cellPaddingX,
        align: columns[i].align ?? 'left',
      });
    });
  };

  const rule = (y: number, colour: string, width: number): void => {
    doc
      .moveTo(left, y)
      .lineTo(left + contentWidth, y)
      .lineWidth(width)
      .strokeColor(colour)
      .stroke();
  };

  const headers = columns.map((c) => c.header);
  const headerHeight = rowHeight(headers, pdfFonts.bold);
  const drawHeader = (): void => {
    const y = doc.y;
    doc.rect(left, y, contentWidth, headerHeight).fillColor(colours.shade).fill();
    drawCells(headers, y, pdfFonts.bold, colours.brand);
    doc.y = y + headerHeight;
    rule(doc.y, colours.brand, 0.8);
  };

  // The header and the first row start on the same page.
  ensureSpace(doc, headerHeight + (table.rows[0] ? rowHeight(table.rows[0], pdfFonts.regular) : 0));
  drawHeader();
  for (const row of table.rows) {
    const height = rowHeight(row, pdfFonts.regular);
    if (doc.y + height > doc.page.maxY()) {
      doc.addPage();
      drawHeader();
    }
    const y = doc.y;
    drawCells(row, y, pdfFonts.regular, colours.text);
    doc.y = y + height;
    rule(doc.y, colours.rule, 0.5);
  }
  if (table.totalRow) {
    const height = rowHeight(table.totalRow, pdfFonts.bold);
    if (doc.y + height > doc.page.maxY()) {
      doc.addPage();
      drawHeader();
    }
    const y = doc.y;
    rule(y, colours.text, 0.8);
    drawCells(table.totalRow, y, pdfFonts.bold, colours.text);
    doc.y = y + height;
  }
  doc.y += 8;
  doc.x = left;
}
