import ExcelJS from 'exceljs';
import type { ImportKind } from '../../../shared/api/transfer.contract';
import type { ServiceContext } from '../../context';
import type { Actor } from '../../db/audit';
import { openDatabase, type OpenDatabase } from '../../db/connection';
import { FixedClock } from '../../testing/test-desk';
import { importFile, type ImportResult } from './import-file';

/** The member of staff the transfer tests act as. */
export const testActor: Actor = { id: 7, name: 'Petra Desk', role: 'desk' };

/** A fresh migrated database with a fixed clock and an actor, for the transfer tests. */
export interface TransferTestBed {
  readonly database: OpenDatabase;
  readonly clock: FixedClock;
  readonly ctx: ServiceContext;
  /** Imports a file (not a dry run unless asked) and returns the result. */
  importFile(
    kind: ImportKind,
    fileName: string,
    contentBase64: string,
    options?: { dryRun?: boolean },
  ): Promise<ImportResult>;
  /** Row counts of every table the import writes, audit trail included. */
  counts(): Promise<
    Record<'programmes' | 'courses' | 'links' | 'students' | 'registrations' | 'audit', number>
  >;
  close(): Promise<void>;
}

/** Opens a test bed on a fresh in-memory database. */
export async function openTransferTestBed(): Promise<TransferTestBed> {
  const clock = new FixedClock('2023-03-14T10:00:00.000Z');
  const database = await openDatabase(':memory:', clock);
  const ctx: ServiceContext = { db: database.db, clock, actor: testActor };
  const count = async (
    table: 'programmes' | 'courses' | 'courseProgrammes' | 'students' | 'courseRegistrations' | 'auditLog',
  ) => {
    const row = await database.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return row.n;
  };
  return {
    database,
    clock,
    ctx,
    importFile: (kind, fileName, contentBase64, options = {}) =>
      importFile(ctx, { kind, fileName, contentBase64, dryRun: options.dryRun ?? false }),
    counts: async () => ({
      programmes: await count('programmes'),
      courses: await count('courses'),
      links: await count('courseProgrammes'),
      students: await count('students'),
      registrations: await count('courseRegistrations'),
      audit: await count('auditLog'),
    }),
    close: () => database.close(),
  };
}

/** CSV text from lines, base64-encoded as the API carries it; CRLF line ends and an optional BOM. */
export function csvBase64(lines: readonly string[], options: { bom?: boolean } = {}): string {
  return Buffer.from(`${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`, 'utf8').toString('base64');
}

/** An XLSX workbook whose first worksheet holds the rows, base64-encoded. */
export async function xlsxBase64(
  rows: readonly (readonly ExcelJS.CellValue[])[],
  sheetName = 'Sheet1',
): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet(sheetName);
  for (const row of rows) worksheet.addRow([...row]);
  const written = await workbook.xlsx.writeBuffer();
  return Buffer.from(written as unknown as Uint8Array).toString('base64');
}

/** The rows of the first worksheet of a base64 XLSX file, as plain values. */
export async function readXlsxBase64(
  contentBase64: string,
): Promise<{ workbook: ExcelJS.Workbook; worksheet: ExcelJS.Worksheet }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(contentBase64, 'base64') as unknown as ArrayBuffer);
  const worksheet = workbook.worksheets[0];
  if (!worksheet) throw new Error('The workbook has no worksheet.');
  return { workbook, worksheet };
}

/** Three programmes as CSV lines. */
export const programmeLines = [
  'code,name,level,faculty,has_part_time_variant,is_small_scale_intensive',
  'b-eor,B Econometrics and Operations Research,bachelor,SBE,no,no',
  'm-economics,M Economics,master,SBE,yes,no',
  "pre-dsdm,Pre-master's Data Science,pre-master,,0,1",
];

/** Three courses as CSV lines: a decimal comma, a blank coordinator, a quoted comma. */
export const courseLines = [
  'code,title,ects,period,faculty,coordinator,is_skills_training',
  'EBC1005,Quantitative Methods I,"6,5",1,SBE,Dr. M. Hendriks,no',
  'EBC2011,Microeconomics,6.5,2,SBE,,false',
  'EBS1001,Academic Writing Skills,4,3,SBE,"Jansen, P.",yes',
];

/** Two students as CSV lines. */
export const studentLines = [
  'student_number,family_name,given_names,email',
  'i6000001,Müller,Anna,a.muller@student.example.nl',
  'i6000002,de Vries,Jan Pieter,',
];

/** Imports the programmes, courses and students above, checking that each import went through. */
export async function seedCatalogue(bed: TransferTestBed): Promise<void> {
  for (const [kind, lines] of [
    ['programmes', programmeLines],
    ['courses', courseLines],
    ['students', studentLines],
  ] as const) {
    const result = await bed.importFile(kind, `${kind}.csv`, csvBase64(lines));
    if (result.problems.length > 0)
      throw new Error(`Seeding ${kind} failed: ${JSON.stringify(result.problems)}`);
  }
}
