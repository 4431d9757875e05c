import type { ExportTable } from '../../../shared/api/transfer.contract';
import type { DeskDb } from '../../db/connection';
import type { ServiceContext } from '../../context';
import { studentContactSchema } from '../../../shared/api/students.contract';
import { studentProfileSchema } from '../../../shared/facts/student-profile';
import { selectOrphanCourses } from '../catalogue/catalogue.repo';
import { studentToRecord } from './import-students';
import {
  courseFormat,
  headersOf,
  linkFormat,
  programmeCodesHeader,
  programmeFormat,
  registrationFormat,
  studentFormat,
  writeRecord,
  type ExportCell,
} from './table-formats';
import { mimeTypes, toCsv, toXlsx, type ExportSheet } from './write-sheet';

/** What `transfer:exportTable` returns: the file, base64-encoded, and how many data rows it has. */
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  contentBase64: string;
  rows: number;
}

/** The columns of the audit export; before and after are JSON text. */
export const auditHeaders = [
  'id',
  'at',
  'actor',
  'role',
  'action',
  'entity',
  'entity_id',
  'before',
  'after',
  'reason',
] as const;

async function programmesSheet(db: DeskDb): Promise<ExportSheet> {
  const rows = await db.selectFrom('programmes').selectAll().orderBy('code').execute();
  return {
    name: 'programmes',
    headers: headersOf(programmeFormat),
    rows: rows.map((row) =>
      writeRecord(programmeFormat, {
        ...row,
        hasPartTimeVariant: row.hasPartTimeVariant === 1,
        isSmallScaleIntensive: row.isSmallScaleIntensive === 1,
      }),
    ),
  };
}

/** The codes of the programmes each course belongs to, sorted, by course id. */
async function programmeCodesByCourse(db: DeskDb): Promise<Map<number, string[]>> {
  const links = await db
    .selectFrom('courseProgrammes as cp')
    .innerJoin('programmes as p', 'p.id', 'cp.programmeId')
    .select(['cp.courseId', 'p.code'])
    .orderBy('p.code')
    .execute();
  const byCourse = new Map<number, string[]>();
  for (const { courseId, code } of links) byCourse.set(courseId, [...(byCourse.get(courseId) ?? []), code]);
  return byCourse;
}

/** Courses in the import format plus `programme_codes` (joined by ";"), which a course import reads past. */
async function coursesSheet(db: DeskDb): Promise<ExportSheet> {
  const rows = await db.selectFrom('courses').selectAll().orderBy('code').execute();
  const codes = await programmeCodesByCourse(db);
  return {
    name: 'courses',
    headers: [...headersOf(courseFormat), programmeCodesHeader],
    rows: rows.map((row) => [
      ...writeRecord(courseFormat, { ...row, isSkillsTraining: row.isSkillsTraining === 1 }),
      (codes.get(row.id) ?? []).join(';'),
    ]),
  };
}

/** Courses without any programme, with their registered students. */
async function orphanCoursesSheet(db: DeskDb): Promise<ExportSheet> {
  const rows = await selectOrphanCourses(db);
  return {
    name: 'orphanCourses',
    headers: [...headersOf(courseFormat), 'registered_students'],
    rows: rows.map((row) => [...writeRecord(courseFormat, row), row.registeredStudents]),
  };
}

async function linksSheet(db: DeskDb): Promise<ExportSheet> {
  const rows = await db
    .selectFrom('courseProgrammes as cp')
    .innerJoin('courses as c', 'c.id', 'cp.courseId')
    .innerJoin('programmes as p', 'p.id', 'cp.programmeId')
    .select(['c.code as courseCode', 'p.code as programmeCode'])
    .orderBy('c.code')
    .orderBy('p.code')
    .execute();
  return {
    name: 'links',
    headers: headersOf(linkFormat),
    rows: rows.map((row) => writeRecord(linkFormat, row)),
  };
}

/** Students with their profile columns and home address, which import back unchanged. */
async function studentsSheet(db: DeskDb): Promise<ExportSheet> {
  const rows = await db
    .selectFrom('students')
    .select(['studentNumber', 'familyName', 'givenNames', 'email', 'contactJson', 'profileJson'])
    .orderBy('studentNumber')
    .execute();
  return {
    name: 'students',
    headers: headersOf(studentFormat),
    rows: rows.map((row) =>
      writeRecord(
        studentFormat,
        studentToRecord({
          ...row,
          contact: studentContactSchema.parse(JSON.parse(row.contactJson)),
          profile: row.profileJson === null ? null : studentProfileSchema.parse(JSON.parse(row.profileJson)),
        }),
      ),
    ),
  };
}

/** Registrations with the day they were made (YYYY-MM-DD), which imports back unchanged. */
async function registrationsSheet(db: DeskDb): Promise<ExportSheet> {
  const rows = await db
    .selectFrom('courseRegistrations as r')
    .innerJoin('students as s', 's.id', 'r.studentId')
    .innerJoin('courses as c', 'c.id', 'r.courseId')
    .select(['s.studentNumber', 'c.code as courseCode', 'r.academicYear', 'r.registeredAt'])
    .orderBy('r.academicYear')
    .orderBy('s.studentNumber')
    .orderBy('c.code')
    .execute();
  return {
    name: 'registrations',
    headers: headersOf(registrationFormat),
    rows: rows.map((row) => writeRecord(registrationFormat, row)),
  };
}

/** The whole audit trail, oldest first; before and after as the JSON they were recorded as. */
async function auditSheet(db: DeskDb): Promise<ExportSheet> {
  const rows = await db.selectFrom('auditLog').selectAll().orderBy('id').execute();
  return {
    name: 'audit',
    headers: [...auditHeaders],
    rows: rows.map((row): ExportCell[] => [
      row.id,
      row.at,
      row.actorName,
      row.actorRole,
      row.action,
      row.entity,
      row.entityId,
      row.beforeJson,
      row.afterJson,
      row.reason,
    ]),
  };
}

const sheetBuilders: Record<ExportTable, (db: DeskDb) => Promise<ExportSheet>> = {
  programmes: programmesSheet,
  courses: coursesSheet,
  orphanCourses: orphanCoursesSheet,
  links: linksSheet,
  students: studentsSheet,
  registrations: registrationsSheet,
  audit: auditSheet,
};

/** Reads one table into rows and columns, as both export formats write it. */
export function selectExportSheet(db: DeskDb, table: ExportTable): Promise<ExportSheet> {
  return sheetBuilders[table](db);
}

/** Today's date in the Netherlands as YYYY-MM-DD, for file names. */
export function localDate(date: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}

/**
 * Exports a table as CSV (UTF-8 with BOM, CRLF, formula-guarded) or XLSX (one worksheet, bold frozen header).
 *
 * The file is named `<table>-YYYY-MM-DD.<format>` after the clock's day; the columns of programmes, courses,
 * links, students and registrations are those of the import, so an exported file imports back unchanged.
 */
export async function exportTable(
  ctx: ServiceContext,
  input: { table: ExportTable; format: 'csv' | 'xlsx' },
): Promise<ExportedFile> {
  const sheet = await selectExportSheet(ctx.db, input.table);
  const content = input.format === 'csv' ? toCsv(sheet) : await toXlsx(sheet);
  return {
    fileName: `${input.table}-${localDate(ctx.clock.now())}.${input.format}`,
    mimeType: mimeTypes[input.format],
    contentBase64: content.toString('base64'),
    rows: sheet.rows.length,
  };
}
