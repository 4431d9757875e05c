import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { DeskError } from '../../../shared/errors';
import { SpreadsheetError, type SheetCell } from './table-formats';

/** One non-blank row of a file, with its spreadsheet row number (1 = the first row). */
export interface SheetRow {
  readonly number: number;
  readonly cells: readonly SheetCell[];
}

/** The rows of a file that hold something, in order; blank rows are left out but keep their numbers. */
export interface Sheet {
  readonly format: 'csv' | 'xlsx';
  readonly rows: readonly SheetRow[];
}

/** Picks the reader by the file name's extension; anything else is refused with the formats that work. */
export function sheetFormatOf(fileName: string): 'csv' | 'xlsx' {
  const extension = /\.[^.]*$/.exec(fileName.trim())?.[0]?.toLowerCase();
  if (extension === '.csv') return 'csv';
  if (extension === '.xlsx') return 'xlsx';
  throw new DeskError(
    'validation',
    `${fileName} is not a file the import reads: it accepts CSV (.csv) and Excel workbooks (.xlsx). ` +
      (extension === '.xls'
        ? 'Save the old .xls workbook as .xlsx first.'
        : 'Save the file in one of those formats first.'),
    { field: 'fileName' },
  );
}

/** Decodes the base64 of a file, refusing text that is not base64 at all. */
export function decodeBase64(contentBase64: string): Buffer {
  const compact = contentBase64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) {
    throw new DeskError(
      'validation',
      'The file did not arrive intact (its content is not valid base64); choose it again.',
      { field: 'contentBase64' },
    );
  }
  return Buffer.from(compact, 'base64');
}

function refuse(message: string, details?: { row: number; message: string }[]): never {
  throw new DeskError('validation', message, { field: 'contentBase64', ...(details ? { details } : {}) });
}

/** Whether a cell holds nothing: null, or text of only spaces. */
export function isBlankCell(cell: SheetCell): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

/** The characters a CSV export guards against formula injection with a leading apostrophe. */
export const formulaTriggers = ['=', '+', '-', '@', '\t', '\r'];

/** Undoes the export's guard: `'=SUM(A1)` in a CSV cell is the text `=SUM(A1)`. */
function unguardCsvCell(text: string): string {
  return text.length > 1 && text.startsWith("'") && formulaTriggers.includes(text.charAt(1))
    ? text.slice(1)
    : text;
}

/** Counts `,` and `;` outside quotes on the first line that holds anything, and takes the more frequent. */
export function detectSeparator(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let isQuoted = false;
  let hasContent = false;
  for (const char of text) {
    if (char === '"') isQuoted = !isQuoted;
    else if (!isQuoted && (char === '\n' || char === '\r')) {
      if (hasContent) break;
    } else if (!isQuoted && char === ',') commas += 1;
    else if (!isQuoted && char === ';') semicolons += 1;
    if (char.trim() !== '') hasContent = true;
  }
  return semicolons > commas ? ';' : ',';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads CSV: UTF-8 with or without BOM, separated by `,` or `;`, fields quoted RFC 4180 style. */
export function readCsv(bytes: Uint8Array): Sheet {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    refuse(
      'This file is an Excel workbook (or another zip file), not CSV text. If it is a workbook, give it the .xlsx extension.',
    );
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    refuse('This CSV file is UTF-16 text; save it as "CSV UTF-8 (comma delimited)" and import that.');
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    refuse(
      'This CSV file is not UTF-8 text (it may be saved as ANSI or Latin-1); save it as "CSV UTF-8 (comma delimited)" and import that.',
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\u0000'))
    refuse('This file holds binary data, not CSV text; export the data as CSV or XLSX and import that.');
  const parsed = Papa.parse<string[]>(text, {
    delimiter: detectSeparator(text),
    quoteChar: '"',
    skipEmptyLines: false,
  });
  if (parsed.errors.length > 0) {
    const details = parsed.errors.slice(0, 20).map((error) => ({
      row: (error.row ?? 0) + 1,
      message:
        error.code === 'MissingQuotes'
          ? 'a quoted field starts here but its closing quote (") is missing'
          : error.code === 'InvalidQuotes'
            ? 'a quoted field is followed by more text before the next separator; write a quote inside a quoted field as ""'
            : error.message,
    }));
    const first = details[0];
    refuse(
      `The CSV file cannot be read: in row ${first?.row}, ${first?.message}. Nothing was imported.`,
      details,
    );
  }
  const rows: SheetRow[] = [];
  parsed.data.forEach((fields, index) => {
    const cells = fields.map((field) => (field.trim() === '' ? null : unguardCsvCell(field)));
    if (cells.some((cell) => !isBlankCell(cell))) rows.push({ number: index + 1, cells });
  });
  return { format: 'csv', rows };
}

/** An exceljs cell value as a plain cell: rich text joined, formulas by their result, errors kept apart. */
export function fromExcelValue(value: ExcelJS.CellValue): SheetCell {
  if (value === null || value === undefined) return null;
  if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value instanceof Date
  )
    return value;
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return new SpreadsheetError(value.error);
  if ('formula' in value || 'sharedFormula' in value) return fromExcelValue(value.result ?? null);
  if ('hyperlink' in value) return fromExcelValue(value.text);
  return null;
}

/** Reads the first worksheet of an XLSX workbook. */
export async function readXlsx(bytes: Uint8Array): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    refuse(
      'This file is not an Excel workbook that can be read (.xlsx). If it is an old .xls workbook or CSV text, save it as .xlsx or as CSV UTF-8.',
    );
  }
  const worksheet = workbook.worksheets[0];
  const rows: SheetRow[] = [];
  if (!worksheet) return { format: 'xlsx', rows };
  worksheet.eachRow({ includeEmpty: false }, (row, number) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells: SheetCell[] = [];
    // row.values is 1-based and sparse: index 0 is unused, missing cells are holes.
    for (let index = 1; index < values.length; index += 1) {
      const cell = fromExcelValue(values[index]);
      cells.push(typeof cell === 'string' && cell.trim() === '' ? null : cell);
    }
    if (cells.some((cell) => !isBlankCell(cell))) rows.push({ number, cells });
  });
  return { format: 'xlsx', rows };
}

/** Reads a CSV or XLSX file (by its name) into rows; content that does not parse is refused with a clear message. */
export async function readSheet(fileName: string, bytes: Uint8Array): Promise<Sheet> {
  const format = sheetFormatOf(fileName);
  if (bytes.length === 0) return { format, rows: [] };
  return format === 'csv' ? readCsv(bytes) : readXlsx(bytes);
}
