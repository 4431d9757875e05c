import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../shared/errors';
import { detectSeparator, fromExcelValue, readCsv, readSheet, readXlsx, sheetFormatOf } from './read-sheet';
import {
  courseFormat,
  programmeFormat,
  registrationFormat,
  SpreadsheetError,
  studentFormat,
} from './table-formats';
import { validateSheet } from './import-file';
import { xlsxBase64 } from './transfer-test-support';
import ExcelJS from 'exceljs';

const utf8 = (text: string) => Buffer.from(text, 'utf8');

describe('choosing the reader', () => {
  it('goes by the extension, in any case, and refuses the rest naming .csv and .xlsx', () => {
    expect(sheetFormatOf('Courses 2023.CSV')).toBe('csv');
    expect(sheetFormatOf('courses.v2.xlsx')).toBe('xlsx');
    for (const name of ['courses.xls', 'courses.txt', 'courses', 'courses.xlsx.pdf']) {
      expect(() => sheetFormatOf(name)).toThrow(DeskError);
      expect(() => sheetFormatOf(name)).toThrow(/CSV \(\.csv\) and Excel workbooks \(\.xlsx\)/);
    }
    expect(() => sheetFormatOf('old.xls')).toThrow(/Save the old \.xls workbook as \.xlsx/);
  });
});

describe('reading CSV', () => {
  it('takes the separator that the header row uses most, outside quotes', () => {
    expect(detectSeparator('code,title,ects\r\nA;B;C\r\n')).toBe(',');
    expect(detectSeparator('code;title;ects\r\nA,1;B,2;C,3\r\n')).toBe(';');
    expect(detectSeparator('"a,b,c";d;e\n')).toBe(';');
    expect(detectSeparator('\r\n\r\ncode;title\n')).toBe(';');
    expect(detectSeparator('code\n')).toBe(',');
  });

  it('strips the BOM, keeps quoted separators, quotes and line breaks, and numbers rows as a spreadsheet does', () => {
    const sheet = readCsv(utf8('\uFEFFcode;title\r\n\r\nA1;"x; ""y""\r\nz"\r\nA2;plain\r\n'));
    expect(sheet.rows).toEqual([
      { number: 1, cells: ['code', 'title'] },
      { number: 3, cells: ['A1', 'x; "y"\r\nz'] },
      { number: 4, cells: ['A2', 'plain'] },
    ]);
  });

  it("undoes the export's apostrophe before = + - @, and only there", () => {
    const sheet = readCsv(utf8("a,b,c\r\n'=SUM(A1),'-x,'plain\r\n"));
    expect(sheet.rows[1]?.cells).toEqual(['=SUM(A1)', '-x', "'plain"]);
  });

  it('refuses UTF-16 text', () => {
    expect(() => readCsv(Buffer.from('\uFEFFcode\r\n', 'utf16le'))).toThrow(/UTF-16/);
  });
});

describe('reading XLSX', () => {
  it('reads the first worksheet only, with typed values, rich text, formula results and hyperlinks', async () => {
    const workbook = new ExcelJS.Workbook();
    const first = workbook.addWorksheet('Courses');
    first.addRow(['code', 'title']);
    first.addRow([]);
    first.addRow(['EBC1005', { richText: [{ text: 'Quant ' }, { text: 'Methods' }] }]);
    first.addRow([
      { formula: '"EBC"&"2011"', result: 'EBC2011' },
      { text: 'Micro', hyperlink: 'https://example.org' },
    ]);
    workbook.addWorksheet('Notes').addRow(['ignore me']);
    const bytes = Buffer.from((await workbook.xlsx.writeBuffer()) as unknown as Uint8Array);
    const sheet = await readXlsx(bytes);
    expect(sheet.rows).toEqual([
      { number: 1, cells: ['code', 'title'] },
      { number: 3, cells: ['EBC1005', 'Quant Methods'] },
      { number: 4, cells: ['EBC2011', 'Micro'] },
    ]);
  });

  it('keeps spreadsheet errors apart, and the validation names them', async () => {
    expect(fromExcelValue({ error: '#N/A' })).toEqual(new SpreadsheetError('#N/A'));
    expect(fromExcelValue({ formula: 'A1/0', result: { error: '#DIV/0!' } })).toEqual(
      new SpreadsheetError('#DIV/0!'),
    );
    const file = await xlsxBase64([
      ['code', 'title', 'ects', 'period', 'faculty'],
      ['EBC1005', 'Quant', { formula: 'NA()', result: { error: '#N/A' } }, 1, 'SBE'],
    ]);
    const sheet = await readSheet('c.xlsx', Buffer.from(file, 'base64'));
    expect(validateSheet(courseFormat, sheet).problems).toEqual([
      {
        row: 2,
        column: 'ects',
        message:
          'ects holds the spreadsheet error #N/A; it must be a number greater than 0 and at most 60, with a comma or a dot for decimals (e.g. 6,5).',
      },
    ]);
  });
});

describe('reading cells', () => {
  const columns = {
    ects: courseFormat.columns.ects.type,
    period: courseFormat.columns.period.type,
    yesNo: courseFormat.columns.isSkillsTraining.type,
    level: programmeFormat.columns.level.type,
    studentNumber: studentFormat.columns.studentNumber.type,
    year: registrationFormat.columns.academicYear.type,
    date: registrationFormat.columns.registeredAt.type,
  };

  it('reads ECTS with a comma or a dot, more than 0 and at most 60', () => {
    expect(['6,5', '6.5', '4', ' 60 ', '0,5'].map((v) => columns.ects.read(v))).toEqual([
      6.5, 6.5, 4, 60, 0.5,
    ]);
    expect(['abc', '0', '60,5', '-3', '1.000,5', '6,5,1', '1e3'].map((v) => columns.ects.read(v))).toEqual(
      Array(7).fill(undefined),
    );
    expect([7.5, 0, 61].map((v) => columns.ects.read(v))).toEqual([7.5, undefined, undefined]);
  });

  it('reads a period as a whole number from 1 to 6', () => {
    expect(['1', '6', 3].map((v) => columns.period.read(v))).toEqual([1, 6, 3]);
    expect(['0', '7', '2.5', 'two', 2.5].map((v) => columns.period.read(v))).toEqual(
      Array(5).fill(undefined),
    );
  });

  it('reads yes/no, true/false and 1/0 in any case', () => {
    expect(['yes', 'YES', 'True', '1', true, 1].map((v) => columns.yesNo.read(v))).toEqual(
      Array(6).fill(true),
    );
    expect(['no', 'No', 'FALSE', '0', false, 0].map((v) => columns.yesNo.read(v))).toEqual(
      Array(6).fill(false),
    );
    expect(['ja', 'y', '2'].map((v) => columns.yesNo.read(v))).toEqual(Array(3).fill(undefined));
  });

  it('reads levels in any case', () => {
    expect(['Bachelor', 'PRE-MASTER', 'professional-master'].map((v) => columns.level.read(v))).toEqual([
      'bachelor',
      'pre-master',
      'professional-master',
    ]);
    expect(columns.level.read('phd')).toBeUndefined();
  });

  it('reads student numbers of 5 to 12 letters or digits', () => {
    expect(['i6000001', '12345', 6012345, 'ABCDEF123456'].map((v) => columns.studentNumber.read(v))).toEqual([
      'i6000001',
      '12345',
      '6012345',
      'ABCDEF123456',
    ]);
    expect(
      ['1234', 'ABCDEF1234567', 'i600-001', 'i6 00001'].map((v) => columns.studentNumber.read(v)),
    ).toEqual(Array(4).fill(undefined));
  });

  it('reads academic years whose second part is the next year, across the century too', () => {
    expect(['2022-23', '1999-00', '2009-10'].map((v) => columns.year.read(v))).toEqual([
      '2022-23',
      '1999-00',
      '2009-10',
    ]);
    expect(['2022-24', '2022-2023', '2022/23', '22-23'].map((v) => columns.year.read(v))).toEqual(
      Array(4).fill(undefined),
    );
  });

  it('reads real dates only, written YYYY-MM-DD or as a date cell', () => {
    expect(
      ['2023-02-28', '2024-02-29', new Date(Date.UTC(2023, 0, 31))].map((v) => columns.date.read(v)),
    ).toEqual(['2023-02-28', '2024-02-29', '2023-01-31']);
    expect(
      ['2023-02-30', '2023-02-29', '2023-13-01', '31-01-2023', '2023-1-5', 45000].map((v) =>
        columns.date.read(v),
      ),
    ).toEqual(Array(6).fill(undefined));
  });
});
