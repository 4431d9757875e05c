import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportTable, ImportKind } from '../../../shared/api/transfer.contract';
import { exportTable, localDate } from './export-table';
import {
  csvBase64,
  openTransferTestBed,
  readXlsxBase64,
  seedCatalogue,
  type TransferTestBed,
} from './transfer-test-support';
import { csvField, guardFormula, toCsv } from './write-sheet';

let bed: TransferTestBed;

beforeEach(async () => {
  bed = await openTransferTestBed();
  await seedCatalogue(bed);
});
afterEach(async () => {
  await bed.close();
});

function csvText(contentBase64: string): string {
  return Buffer.from(contentBase64, 'base64').toString('utf8');
}

/** Adds a course whose text needs every kind of CSV care. */
async function addAwkwardCourse(): Promise<void> {
  const at = '2023-01-10T12:00:00.000Z';
  await bed.database.db
    .insertInto('courses')
    .values({
      code: 'EBC9001',
      title: 'Seminar "Money, Banking; and\r\nFinance"',
      ects: 7.5,
      period: 6,
      faculty: 'SBE',
      coordinator: '=HYPERLINK("http://evil.example","click")',
      isSkillsTraining: 0,
      createdAt: at,
      updatedAt: at,
      updatedBy: 'seed',
    })
    .execute();
}

describe('CSV export', () => {
  it('writes UTF-8 with a BOM, CRLF line ends and the import columns, named after the table and the day', async () => {
    const file = await exportTable(bed.ctx, { table: 'programmes', format: 'csv' });
    expect(file.fileName).toBe('programmes-2023-03-14.csv');
    expect(file.mimeType).toBe('text/csv; charset=utf-8');
    expect(file.rows).toBe(3);
    const bytes = Buffer.from(file.contentBase64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csvText(file.contentBase64)).toBe(
      '\uFEFFcode,name,level,faculty,has_part_time_variant,is_small_scale_intensive\r\n' +
        'b-eor,B Econometrics and Operations Research,bachelor,SBE,no,no\r\n' +
        'm-economics,M Economics,master,SBE,yes,no\r\n' +
        "pre-dsdm,Pre-master's Data Science,pre-master,,no,yes\r\n",
    );
  });

  it('quotes quotes, separators and line breaks, and guards against formulas', async () => {
    await addAwkwardCourse();
    const file = await exportTable(bed.ctx, { table: 'courses', format: 'csv' });
    const line = csvText(file.contentBase64)
      .split('\r\n')
      .find((l) => l.startsWith('EBC9001'));
    // The title's own CRLF stays inside the quotes, so split by CRLF cuts it: check the whole record instead.
    expect(line).toBe('EBC9001,"Seminar ""Money, Banking; and');
    expect(csvText(file.contentBase64)).toContain(
      'EBC9001,"Seminar ""Money, Banking; and\r\nFinance""",7.5,6,SBE,"\'=HYPERLINK(""http://evil.example"",""click"")",no,\r\n',
    );
  });

  it('puts an apostrophe before text that starts with = + - @ but leaves numbers alone', () => {
    expect(
      ['=1+1', '+31 43 388 2222', '-sum', '@SUM(A1)', '\tx', 'plain', '-3.5', '+2', '-4,5', ''].map(
        guardFormula,
      ),
    ).toEqual(["'=1+1", "'+31 43 388 2222", "'-sum", "'@SUM(A1)", "'\tx", 'plain', '-3.5', '+2', '-4,5', '']);
    expect([-3.5, 0, 12].map(csvField)).toEqual(['-3.5', '0', '12']);
    expect(csvField(null)).toBe('');
    expect(csvField('a "quoted" word')).toBe('"a ""quoted"" word"');
    expect(csvField('one;two')).toBe('"one;two"');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
  });

  it('writes a header-only file for an empty table', () => {
    expect(
      toCsv({ name: 'links', headers: ['course_code', 'programme_code'], rows: [] }).toString('utf8'),
    ).toBe('\uFEFFcourse_code,programme_code\r\n');
  });
});

describe('XLSX export', () => {
  it('writes one worksheet named after the table, with a bold frozen header, fitted widths and typed cells', async () => {
    await addAwkwardCourse();
    const file = await exportTable(bed.ctx, { table: 'courses', format: 'xlsx' });
    expect(file.fileName).toBe('courses-2023-03-14.xlsx');
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.rows).toBe(4);
    const { workbook, worksheet } = await readXlsxBase64(file.contentBase64);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['courses']);
    expect(worksheet.getRow(1).values).toEqual([
      undefined,
      'code',
      'title',
      'ects',
      'period',
      'faculty',
      'coordinator',
      'is_skills_training',
      'programme_codes',
    ]);
    expect(worksheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(worksheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // ects: the header plus room (a width of 9 is Excel's default and is not stored).
    expect(worksheet.getColumn(3).width).toBe(8);
    expect(worksheet.getColumn(2).width).toBeGreaterThan(30);
    const awkward = worksheet.getRow(4);
    expect(awkward.getCell(1).value).toBe('EBC9001');
    expect(awkward.getCell(3).value).toBe(7.5);
    // Text that looks like a formula stays text in a workbook: no apostrophe needed, none added.
    expect(awkward.getCell(6).value).toBe('=HYPERLINK("http://evil.example","click")');
  });

  it('names the file after the day in the Netherlands', async () => {
    bed.clock.set('2023-03-14T23:30:00.000Z');
    expect((await exportTable(bed.ctx, { table: 'links', format: 'xlsx' })).fileName).toBe(
      'links-2023-03-15.xlsx',
    );
    expect(localDate(new Date('2023-07-01T21:59:00.000Z'))).toBe('2023-07-01');
  });
});

describe('export then import', () => {
  const roundTrips: { table: ExportTable & ImportKind; format: 'csv' | 'xlsx' }[] = [
    { table: 'courses', format: 'csv' },
    { table: 'courses', format: 'xlsx' },
    { table: 'programmes', format: 'csv' },
    { table: 'programmes', format: 'xlsx' },
    { table: 'students', format: 'csv' },
    { table: 'links', format: 'xlsx' },
    { table: 'registrations', format: 'csv' },
  ];

  it.each(roundTrips)(
    'imports an exported $table $format file back with every row unchanged',
    async ({ table, format }) => {
      await addAwkwardCourse();
      await bed.importFile(
        'links',
        'links.csv',
        csvBase64(['course_code,programme_code', 'EBC1005,b-eor', 'EBC1005,m-economics', 'EBC9001,b-eor']),
      );
      await bed.importFile(
        'registrations',
        'r.csv',
        csvBase64([
          'student_number,course_code,academic_year',
          'i6000001,EBC9001,2022-23',
          'i6000002,EBC1005,2022-23',
        ]),
      );
      const exported = await exportTable(bed.ctx, { table, format });
      expect(exported.rows).toBeGreaterThan(1);
      const before = await bed.counts();
      const result = await bed.importFile(table, exported.fileName, exported.contentBase64);
      expect(result).toMatchObject({
        dryRun: false,
        rows: exported.rows,
        created: 0,
        updated: 0,
        unchanged: exported.rows,
        problems: [],
      });
      expect(await bed.counts()).toEqual({ ...before, audit: before.audit + 1 });
    },
  );

  it('lists programme codes in the course export, which the course import reads past', async () => {
    await bed.importFile(
      'links',
      'links.csv',
      csvBase64(['course_code,programme_code', 'EBC1005,m-economics', 'EBC1005,b-eor']),
    );
    const text = csvText((await exportTable(bed.ctx, { table: 'courses', format: 'csv' })).contentBase64);
    expect(text).toContain(
      '\r\nEBC1005,Quantitative Methods I,6.5,1,SBE,Dr. M. Hendriks,no,"b-eor;m-economics"\r\n',
    );
    expect(text).toContain('\r\nEBC2011,Microeconomics,6.5,2,SBE,,no,\r\n');
  });
});

describe('the other tables', () => {
  it('exports courses without programme with their registered students', async () => {
    await bed.importFile('links', 'links.csv', csvBase64(['course_code,programme_code', 'EBC1005,b-eor']));
    await bed.importFile(
      'registrations',
      'r.csv',
      csvBase64([
        'student_number,course_code,academic_year',
        'i6000001,EBS1001,2022-23',
        'i6000002,EBS1001,2022-23',
      ]),
    );
    const file = await exportTable(bed.ctx, { table: 'orphanCourses', format: 'xlsx' });
    expect(file.rows).toBe(2);
    const { worksheet } = await readXlsxBase64(file.contentBase64);
    expect(worksheet.name).toBe('orphanCourses');
    expect(worksheet.getRow(1).getCell(8).value).toBe('registered_students');
    expect(
      [2, 3].map((r) => [worksheet.getRow(r).getCell(1).value, worksheet.getRow(r).getCell(8).value]),
    ).toEqual([
      ['EBC2011', 0],
      ['EBS1001', 2],
    ]);
  });

  it('exports registrations with the day they were made', async () => {
    await bed.importFile(
      'registrations',
      'r.csv',
      csvBase64(['student_number,course_code,academic_year', 'i6000001,EBS1001,2022-23']),
    );
    const text = csvText(
      (await exportTable(bed.ctx, { table: 'registrations', format: 'csv' })).contentBase64,
    );
    expect(text).toBe(
      '\uFEFFstudent_number,course_code,academic_year,registered_at\r\ni6000001,EBS1001,2022-23,2023-03-14\r\n',
    );
  });

  it('exports the audit trail with before and after as JSON text', async () => {
    const file = await exportTable(bed.ctx, { table: 'audit', format: 'csv' });
    const lines = csvText(file.contentBase64).split('\r\n');
    expect(lines[0]).toBe('\uFEFFid,at,actor,role,action,entity,entity_id,before,after,reason');
    expect(lines[1]).toBe(
      '1,2023-03-14T10:00:00.000Z,Petra Desk,desk,programme.import-create,programme,b-eor,,' +
        '"{""code"":""b-eor"",""name"":""B Econometrics and Operations Research"",""level"":""bachelor"",""faculty"":""SBE"",""hasPartTimeVariant"":false,""isSmallScaleIntensive"":false,""version"":1}",' +
        'Imported from programmes.csv',
    );
    expect(file.rows).toBe(3 + 1 + 3 + 1 + 2 + 1);
  });
});
