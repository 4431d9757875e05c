import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { formulaTriggers } from './read-sheet';
import type { ExportCell } from './table-formats';

/** A table ready to be written: a name, the header row and the data rows. */
export interface ExportSheet {
  /** Names the worksheet and the file, e.g. `orphanCourses`. */
  readonly name: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly ExportCell[])[];
}

/** The MIME types of the two export formats. */
export const mimeTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/**
 * Guards text against formula injection: a spreadsheet would run `=HYPERLINK(…)` or `@SUM(…)`,
 * so such text gets a leading apostrophe. Plain numbers such as -3.5 are left as they are.
 */
export function guardFormula(text: string): string {
  if (text === '' || !formulaTriggers.includes(text.charAt(0))) return text;
  return /^[-+]?\d+([.,]\d+)?$/.test(text) ? text : `'${text}`;
}

/** One CSV field per RFC 4180: quoted when it holds a quote, a separator (`,` or `;`) or a line break. */
export function csvField(cell: ExportCell): string {
  if (cell === null) return '';
  const text = typeof cell === 'number' ? String(cell) : guardFormula(cell);
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV as Excel opens it right: UTF-8 with BOM, comma-separated, CRLF line ends (RFC 4180). */
export function toCsv(sheet: ExportSheet): Buffer {
  const lines = [sheet.headers, ...sheet.rows].map((row) => row.map(csvField).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** A column width in characters that fits the header and most values, within reason. */
function columnWidth(sheet: ExportSheet, index: number): number {
  let widest = sheet.headers[index]?.length ?? 0;
  for (const row of sheet.rows) {
    const cell = row[index];
    if (cell !== null && cell !== undefined) widest = Math.max(widest, String(cell).length);
    if (widest >= 60) break;
  }
  return Math.min(Math.max(widest + 2, 8), 60);
}

/**
 * An XLSX workbook with one worksheet named after the table: bold, frozen header row, fitted column widths.
 *
 * Written through exceljs's streaming writer, row by row, so that a table of 100,000 rows stays quick and small.
 */
export async function toXlsx(sheet: ExportSheet): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Student Affairs Desk';
  const worksheet = workbook.addWorksheet(sheet.name.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  worksheet.columns = sheet.headers.map((header, index) => ({
    key: header,
    width: columnWidth(sheet, index),
  }));
  if (sheet.headers.length > 0)
    worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.headers.length } };
  const header = worksheet.addRow([...sheet.headers]);
  header.font = { bold: true };
  header.commit();
  // Text stays text in a workbook: a value starting with "=" is a string cell, never a formula.
  for (const row of sheet.rows) worksheet.addRow([...row]).commit();
  worksheet.commit();
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}
