import type { Kysely, Transaction } from 'kysely';
import type { ImportKind, ImportProblem, ImportRowOutcome } from '../../../shared/api/transfer.contract';
import { recordAudit } from '../../db/audit';
import type { Database } from '../../db/database';
import type { ServiceContext } from '../../context';
import { planEnrolmentApplications } from './import-enrolments';
import { batches, type ImportStamp, type ParsedRow, type Planner } from './import-plan';
import { planStudents } from './import-students';
import { decodeBase64, isBlankCell, readSheet, type Sheet } from './read-sheet';
import {
  cellText,
  columnList,
  courseFormat,
  headersOf,
  linkFormat,
  programmeFormat,
  registrationFormat,
  showCell,
  SpreadsheetError,
  studentFormat,
  enrolmentFormat,
  type CourseRecord,
  type ImportFormat,
  type ProgrammeRecord,
  type RegistrationRecord,
} from './table-formats';

/** What `transfer:importFile` receives. */
export interface ImportFileInput {
  readonly kind: ImportKind;
  readonly fileName: string;
  readonly contentBase64: string;
  readonly dryRun: boolean;
}

/** What an import (or its dry run) reports. */
export interface ImportResult {
  dryRun: boolean;
  /** Data rows in the file, blank rows not counted. */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Every problem found, by row and column; any problem means nothing was written. */
  problems: ImportProblem[];
  /** What happens to each data row, in row order: created, updated, unchanged, or held up by a problem. */
  outcomes: ImportRowOutcome[];
  /** Outcomes past `maxListedOutcomes` that the list leaves out. */
  outcomesLeftOut: number;
}

/** How many problems a result lists; one more entry then says how many there were in all. */
export const maxListedProblems = 1000;

/** How many row outcomes a result lists; a file of a registrar's size is listed whole. */
export const maxListedOutcomes = 1000;

/** A sheet checked against a format: the parsed rows and the problems of header and cells. */
export interface ValidatedSheet<R> {
  readonly rows: readonly ParsedRow<R>[];
  readonly problems: readonly ImportProblem[];
  /** Data rows (below the header) that hold anything. */
  readonly dataRows: number;
}

/** The spreadsheet letter of a 0-based column index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let letter = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letter = String.fromCharCode(65 + ((n - 1) % 26)) + letter;
  return letter;
}

function listHeaders(headers: readonly string[]): string {
  return headers.join(', ');
}

/** The natural key of a record as one string. */
function keyOf<R>(format: ImportFormat<R>, values: Partial<R>): string {
  return format.keyFields.map((field) => String(values[field])).join('\u001f');
}

/**
 * Checks a sheet against an import format: the header row (unknown, missing, repeated, unnamed
 * columns), every cell, and keys that appear twice. Collects every problem rather than stopping at one.
 */
export function validateSheet<R>(format: ImportFormat<R>, sheet: Sheet): ValidatedSheet<R> {
  const problems: ImportProblem[] = [];
  const [header, ...data] = sheet.rows;
  if (!header) {
    problems.push({
      row: 1,
      column: '',
      message: `The file is empty. A ${format.kind} file starts with a header row naming its columns: ${listHeaders(headersOf(format))}.`,
    });
    return { rows: [], problems, dataRows: 0 };
  }
  const columns = columnList(format);
  const required = columns
    .filter(({ column }) => column.whenBlank === undefined)
    .map(({ column }) => column.header);
  const byHeader = new Map(columns.map((entry) => [entry.column.header, entry]));
  const present: { index: number; field: keyof R & string; column: (typeof columns)[number]['column'] }[] =
    [];
  const seenHeaders = new Map<string, number>();
  const unnamed: number[] = [];
  header.cells.forEach((cell, index) => {
    if (cell === null || isBlankCell(cell)) {
      unnamed.push(index);
      return;
    }
    const written = cell instanceof SpreadsheetError ? cell.code : cellText(cell);
    const name = written.toLowerCase();
    const earlier = seenHeaders.get(name);
    if (earlier !== undefined) {
      problems.push({
        row: header.number,
        column: written,
        message: `The column ${name} appears twice in the header row (columns ${columnLetter(earlier)} and ${columnLetter(index)}); keep one.`,
      });
      return;
    }
    seenHeaders.set(name, index);
    const known = byHeader.get(name);
    if (known) present.push({ index, ...known });
    else if (!format.ignoredHeaders.includes(name)) {
      const ignored =
        format.ignoredHeaders.length > 0
          ? ` (${listHeaders(format.ignoredHeaders)} may be present and is ignored)`
          : '';
      problems.push({
        row: header.number,
        column: written,
        message: `Unknown column ${written}: a ${format.kind} file has the columns ${listHeaders(headersOf(format))}${ignored}.`,
      });
    }
  });
  for (const name of required) {
    if (!seenHeaders.has(name)) {
      problems.push({
        row: header.number,
        column: name,
        message: `The required column ${name} is missing: a ${format.kind} file needs ${listHeaders(required)}.`,
      });
    }
  }
  const width = header.cells.length;
  // A value under no header (an unnamed column, or past the last header) cannot be placed.
  const stray = new Map<number, number>();
  for (const { number, cells } of data) {
    cells.forEach((cell, index) => {
      if ((index >= width || unnamed.includes(index)) && !isBlankCell(cell) && !stray.has(index))
        stray.set(index, number);
    });
  }
  for (const [index, row] of [...stray].sort((a, b) => a[0] - b[0])) {
    problems.push({
      row,
      column: `column ${columnLetter(index)}`,
      message: `Column ${columnLetter(index)} has values but no name in the header row; name it (${listHeaders(headersOf(format))}) or delete it.`,
    });
  }
  if (data.length === 0) {
    problems.push({
      row: header.number,
      column: '',
      message: `The file has a header row but no data rows below it; there is nothing to import.`,
    });
  }

  const rows: ParsedRow<R>[] = [];
  const firstRowOfKey = new Map<string, number>();
  const hasKeyColumns = format.keyFields.every((field) => present.some((p) => p.field === field));
  for (const { number, cells } of data) {
    const values: Partial<R> = {};
    let isValid = true;
    for (const { index, field, column } of present) {
      const cell = cells[index] ?? null;
      if (cell === null || isBlankCell(cell)) {
        if (column.whenBlank) values[field] = column.whenBlank.value as R[typeof field];
        else {
          isValid = false;
          problems.push({
            row: number,
            column: column.header,
            message: `${column.header} is empty; it must be ${column.type.expected}.`,
          });
        }
        continue;
      }
      if (cell instanceof SpreadsheetError) {
        isValid = false;
        problems.push({
          row: number,
          column: column.header,
          message: `${column.header} holds the spreadsheet error ${cell.code}; it must be ${column.type.expected}.`,
        });
        continue;
      }
      const value = column.type.read(cell);
      if (value === undefined) {
        isValid = false;
        problems.push({
          row: number,
          column: column.header,
          message: `${column.header} must be ${column.type.expected}; found '${showCell(cell)}'.`,
        });
        continue;
      }
      values[field] = value as R[typeof field];
    }
    if (hasKeyColumns && format.keyFields.every((field) => values[field] !== undefined)) {
      const key = keyOf(format, values);
      const first = firstRowOfKey.get(key);
      if (first === undefined) firstRowOfKey.set(key, number);
      else {
        isValid = false;
        problems.push({
          row: number,
          column: format.keyFields.map((field) => format.columns[field].header).join(', '),
          message: `${capitalise(format.describeKey(values as R))} appears in rows ${first} and ${number}; it may appear only once in a file.`,
        });
      }
    }
    rows.push({ row: number, values, isValid });
  }
  return { rows, problems, dataRows: data.length };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Orders problems by row and, past the cap, lists the first ones and says how many there were. */
export function capProblems(problems: readonly ImportProblem[]): ImportProblem[] {
  const sorted = [...problems].sort((a, b) => a.row - b.row);
  if (sorted.length <= maxListedProblems) return sorted;
  const firstLeftOut = sorted[maxListedProblems];
  return [
    ...sorted.slice(0, maxListedProblems),
    {
      row: firstLeftOut?.row ?? 0,
      column: '',
      message: `There are ${sorted.length} problems in all; only the first ${maxListedProblems} are listed. Fix them and check the file again.`,
    },
  ];
}

/** The values a record gets for the optional columns a file leaves out. */
function defaultsOf<R>(format: ImportFormat<R>): Partial<R> {
  const defaults: Partial<R> = {};
  for (const { field, column } of columnList(format)) {
    if (column.whenBlank) defaults[field] = column.whenBlank.value as R[typeof field];
  }
  return defaults;
}

/** Line breaks compare alike however they are encoded: XLSX keeps LF where CSV and the database may hold CRLF. */
function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string')
    return a.replace(/\r\n?/g, '\n') === b.replace(/\r\n?/g, '\n');
  return a === b;
}

function isSameRecord<R>(format: ImportFormat<R>, a: R, b: R): boolean {
  return columnList(format).every(({ field }) => sameValue(a[field], b[field]));
}

/** The headers of the columns whose values differ, for an update's outcome: "title, ects". */
function changedHeaders<R>(format: ImportFormat<R>, a: R, b: R): string {
  return columnList(format)
    .filter(({ field }) => !sameValue(a[field], b[field]))
    .map(({ column }) => column.header)
    .join(', ');
}

/** The record with its fields in the format's column order, so that audit rows read like the file. */
function inColumnOrder<R>(format: ImportFormat<R>, record: Partial<R>): R {
  return Object.fromEntries(columnList(format).map(({ field }) => [field, record[field]])) as R;
}

/** The bookkeeping columns of a versioned row as the import writes them. */
interface VersionStamp {
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
}

/** A versioned table keyed by one text column (programmes, courses, students) as the import sees it. */
interface EntityStore<R, Row extends { version: number; createdAt: string }> {
  readonly format: ImportFormat<R>;
  /** The entity name of the audit trail, e.g. 'course'. */
  readonly entity: string;
  selectAll(db: Kysely<Database>): Promise<Row[]>;
  toRecord(row: Row): R;
  /** Inserts new rows and overwrites existing ones (same key) in one statement per batch. */
  upsert(trx: Transaction<Database>, rows: readonly (R & VersionStamp)[]): Promise<void>;
}

/**
 * Plans an upsert by natural key: new keys are created, keys whose values differ are updated (version + 1),
 * the rest are unchanged. Optional columns the file leaves out keep their current values.
 */
function planEntities<R, Row extends { version: number; createdAt: string }>(
  store: EntityStore<R, Row>,
): Planner<R> {
  return async (db, rows, stamp) => {
    const { format } = store;
    const existing = new Map(
      (await store.selectAll(db)).map((row) => [keyOf(format, store.toRecord(row) as Partial<R>), row]),
    );
    const defaults = defaultsOf(format);
    const creates: R[] = [];
    const updates: { before: R; after: R; version: number; createdAt: string }[] = [];
    const outcomes: ImportRowOutcome[] = [];
    let unchanged = 0;
    for (const { row, values, isValid } of rows) {
      if (!isValid) continue;
      const record = format.describeKey(values as R);
      const current = existing.get(keyOf(format, values));
      if (!current) {
        creates.push(inColumnOrder(format, { ...defaults, ...values }));
        outcomes.push({ row, action: 'create', record, detail: '' });
        continue;
      }
      const before = store.toRecord(current);
      const after = { ...before, ...values };
      if (isSameRecord(format, before, after)) {
        unchanged += 1;
        outcomes.push({ row, action: 'unchanged', record, detail: '' });
      } else {
        updates.push({ before, after, version: current.version, createdAt: current.createdAt });
        outcomes.push({ row, action: 'update', record, detail: changedHeaders(format, before, after) });
      }
    }
    const entityId = (record: R) => keyOf(format, record as Partial<R>);
    const reason = `Imported from ${stamp.fileName}`;
    return {
      problems: [],
      created: creates.length,
      updated: updates.length,
      unchanged,
      outcomes,
      async apply(trx) {
        const written = { updatedAt: stamp.at, updatedBy: stamp.actor.name };
        const rowsToWrite = [
          ...creates.map((record) => ({ ...record, version: 1, createdAt: stamp.at, ...written })),
          ...updates.map(({ after, version, createdAt }) => ({
            ...after,
            version: version + 1,
            createdAt,
            ...written,
          })),
        ];
        for (const batch of batches(rowsToWrite)) await store.upsert(trx, batch);
        return [
          ...creates.map((record) => ({
            action: `${store.entity}.import-create`,
            entity: store.entity,
            entityId: entityId(record),
            after: { ...record, version: 1 },
            reason,
          })),
          ...updates.map(({ before, after, version }) => ({
            action: `${store.entity}.import-update`,
            entity: store.entity,
            entityId: entityId(after),
            before: { ...before, version },
            after: { ...after, version: version + 1 },
            reason,
          })),
        ];
      },
    };
  };
}

const programmeStore: EntityStore<ProgrammeRecord, Awaited<ReturnType<typeof selectProgrammeRows>>[number]> =
  {
    format: programmeFormat,
    entity: 'programme',
    selectAll: selectProgrammeRows,
    toRecord: (row) => ({
      code: row.code,
      name: row.name,
      level: row.level,
      faculty: row.faculty,
      hasPartTimeVariant: row.hasPartTimeVariant === 1,
      isSmallScaleIntensive: row.isSmallScaleIntensive === 1,
    }),
    async upsert(trx, rows) {
      await trx
        .insertInto('programmes')
        .values(
          rows.map((r) => ({
            ...r,
            hasPartTimeVariant: r.hasPartTimeVariant ? 1 : 0,
            isSmallScaleIntensive: r.isSmallScaleIntensive ? 1 : 0,
          })),
        )
        .onConflict((oc) =>
          oc.column('code').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            level: eb.ref('excluded.level'),
            faculty: eb.ref('excluded.faculty'),
            hasPartTimeVariant: eb.ref('excluded.hasPartTimeVariant'),
            isSmallScaleIntensive: eb.ref('excluded.isSmallScaleIntensive'),
            version: eb.ref('excluded.version'),
            updatedAt: eb.ref('excluded.updatedAt'),
            updatedBy: eb.ref('excluded.updatedBy'),
          })),
        )
        .execute();
    },
  };

function selectProgrammeRows(db: Kysely<Database>) {
  return db.selectFrom('programmes').selectAll().execute();
}

function selectCourseRows(db: Kysely<Database>) {
  return db.selectFrom('courses').selectAll().execute();
}

const courseStore: EntityStore<CourseRecord, Awaited<ReturnType<typeof selectCourseRows>>[number]> = {
  format: courseFormat,
  entity: 'course',
  selectAll: selectCourseRows,
  toRecord: (row) => ({
    code: row.code,
    title: row.title,
    ects: row.ects,
    period: row.period,
    faculty: row.faculty,
    coordinator: row.coordinator,
    isSkillsTraining: row.isSkillsTraining === 1,
  }),
  async upsert(trx, rows) {
    await trx
      .insertInto('courses')
      .values(rows.map((r) => ({ ...r, isSkillsTraining: r.isSkillsTraining ? 1 : 0 })))
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          title: eb.ref('excluded.title'),
          ects: eb.ref('excluded.ects'),
          period: eb.ref('excluded.period'),
          faculty: eb.ref('excluded.faculty'),
          coordinator: eb.ref('excluded.coordinator'),
          isSkillsTraining: eb.ref('excluded.isSkillsTraining'),
          version: eb.ref('excluded.version'),
          updatedAt: eb.ref('excluded.updatedAt'),
          updatedBy: eb.ref('excluded.updatedBy'),
        })),
      )
      .execute();
  },
};

/** The message for a code that names nothing in the catalogue. */
function unknownCode(header: string, code: string, what: string): string {
  return `${header} ${code} is not a ${what} in the catalogue; add or import the ${what} first.`;
}

/** Links: both codes must name a course and a programme in the database; a link that exists is unchanged. */
const planLinks: Planner<{ courseCode: string; programmeCode: string }> = async (db, rows, stamp) => {
  const courses = new Map(
    (await db.selectFrom('courses').select(['id', 'code', 'title']).execute()).map((c) => [c.code, c]),
  );
  const programmes = new Map(
    (await db.selectFrom('programmes').select(['id', 'code', 'name']).execute()).map((p) => [p.code, p]),
  );
  const linked = new Set(
    (await db.selectFrom('courseProgrammes').select(['courseId', 'programmeId']).execute()).map(
      (l) => `${l.courseId}:${l.programmeId}`,
    ),
  );
  const problems: ImportProblem[] = [];
  const creates: {
    course: { id: number; code: string; title: string };
    programme: { id: number; code: string; name: string };
  }[] = [];
  const outcomes: ImportRowOutcome[] = [];
  let unchanged = 0;
  for (const { row, values, isValid } of rows) {
    const course = values.courseCode === undefined ? undefined : courses.get(values.courseCode);
    const programme = values.programmeCode === undefined ? undefined : programmes.get(values.programmeCode);
    if (values.courseCode !== undefined && !course)
      problems.push({
        row,
        column: 'course_code',
        message: unknownCode('course_code', values.courseCode, 'course'),
      });
    if (values.programmeCode !== undefined && !programme) {
      problems.push({
        row,
        column: 'programme_code',
        message: unknownCode('programme_code', values.programmeCode, 'programme'),
      });
    }
    if (!isValid || !course || !programme) continue;
    const record = linkFormat.describeKey({ courseCode: course.code, programmeCode: programme.code });
    if (linked.has(`${course.id}:${programme.id}`)) {
      unchanged += 1;
      outcomes.push({ row, action: 'unchanged', record, detail: '' });
    } else {
      creates.push({ course, programme });
      outcomes.push({ row, action: 'create', record, detail: '' });
    }
  }
  return {
    problems,
    created: creates.length,
    updated: 0,
    unchanged,
    outcomes,
    async apply(trx) {
      const links = creates.map(({ course, programme }) => ({
        courseId: course.id,
        programmeId: programme.id,
        linkedAt: stamp.at,
        linkedBy: stamp.actor.name,
      }));
      for (const batch of batches(links)) await trx.insertInto('courseProgrammes').values(batch).execute();
      // The same fact as linking by hand (catalogue.service.ts), so the course's history reads the same.
      return creates.map(({ course, programme }) => ({
        action: 'course.link',
        entity: 'course',
        entityId: course.code,
        after: {
          course: `${course.code} ${course.title}`,
          programme: programme.name,
          programmeCode: programme.code,
        },
        reason: `Imported from ${stamp.fileName}`,
      }));
    },
  };
};

/**
 * Registrations: student and course must exist; a registration that exists is updated only when the
 * file gives another registration date, and a new one without a date is registered at the import's time.
 */
const planRegistrations: Planner<RegistrationRecord> = async (db, rows, stamp) => {
  const students = new Map(
    (await db.selectFrom('students').select(['id', 'studentNumber']).execute()).map((s) => [
      s.studentNumber,
      s.id,
    ]),
  );
  const courses = new Map(
    (await db.selectFrom('courses').select(['id', 'code']).execute()).map((c) => [c.code, c.id]),
  );
  const years = [
    ...new Set(
      rows.flatMap(({ values }) => (values.academicYear === undefined ? [] : [values.academicYear])),
    ),
  ];
  const existing =
    years.length === 0
      ? []
      : await db
          .selectFrom('courseRegistrations')
          .select(['studentId', 'courseId', 'academicYear', 'registeredAt'])
          .where('academicYear', 'in', years)
          .execute();
  const registeredAt = new Map(
    existing.map((r) => [`${r.studentId}:${r.courseId}:${r.academicYear}`, r.registeredAt]),
  );
  const problems: ImportProblem[] = [];
  type Registration = {
    studentId: number;
    courseId: number;
    record: RegistrationRecord & { registeredAt: string };
  };
  const creates: Registration[] = [];
  const updates: (Registration & { before: string })[] = [];
  const outcomes: ImportRowOutcome[] = [];
  let unchanged = 0;
  for (const { row, values, isValid } of rows) {
    const studentId = values.studentNumber === undefined ? undefined : students.get(values.studentNumber);
    const courseId = values.courseCode === undefined ? undefined : courses.get(values.courseCode);
    if (values.studentNumber !== undefined && studentId === undefined) {
      problems.push({
        row,
        column: 'student_number',
        message: `student_number ${values.studentNumber} is not a student in the database; import the student first.`,
      });
    }
    if (values.courseCode !== undefined && courseId === undefined)
      problems.push({
        row,
        column: 'course_code',
        message: unknownCode('course_code', values.courseCode, 'course'),
      });
    if (!isValid || studentId === undefined || courseId === undefined) continue;
    const record = values as RegistrationRecord;
    const described = registrationFormat.describeKey(record);
    const current = registeredAt.get(`${studentId}:${courseId}:${record.academicYear}`);
    if (current === undefined) {
      creates.push({
        studentId,
        courseId,
        record: { ...record, registeredAt: record.registeredAt ?? stamp.at },
      });
      outcomes.push({ row, action: 'create', record: described, detail: '' });
    }
    // The file gives a day; a stored time on that same day is the same registration date.
    else if (
      record.registeredAt === null ||
      record.registeredAt === undefined ||
      current.slice(0, 10) === record.registeredAt
    ) {
      unchanged += 1;
      outcomes.push({ row, action: 'unchanged', record: described, detail: '' });
    } else {
      updates.push({
        studentId,
        courseId,
        record: { ...record, registeredAt: record.registeredAt },
        before: current,
      });
      outcomes.push({
        row,
        action: 'update',
        record: described,
        detail: `registered_at ${current.slice(0, 10)} → ${record.registeredAt}`,
      });
    }
  }
  return {
    problems,
    created: creates.length,
    updated: updates.length,
    unchanged,
    outcomes,
    async apply(trx) {
      const all = [...creates, ...updates].map(({ studentId, courseId, record }) => ({
        studentId,
        courseId,
        academicYear: record.academicYear,
        registeredAt: record.registeredAt,
      }));
      for (const batch of batches(all)) {
        await trx
          .insertInto('courseRegistrations')
          .values(batch)
          .onConflict((oc) =>
            oc
              .columns(['studentId', 'courseId', 'academicYear'])
              .doUpdateSet((eb) => ({ registeredAt: eb.ref('excluded.registeredAt') })),
          )
          .execute();
      }
      const reason = `Imported from ${stamp.fileName}`;
      const entityId = (r: RegistrationRecord) => `${r.studentNumber}/${r.courseCode}/${r.academicYear}`;
      return [
        ...creates.map(({ record }) => ({
          action: 'registration.import-create',
          entity: 'registration',
          entityId: entityId(record),
          after: record,
          reason,
        })),
        ...updates.map(({ record, before }) => ({
          action: 'registration.import-update',
          entity: 'registration',
          entityId: entityId(record),
          before: { ...record, registeredAt: before },
          after: record,
          reason,
        })),
      ];
    },
  };
};

/** Thrown inside the import's transaction to roll it back (a dry run, or a file with problems) with the result. */
class RolledBackImport extends Error {
  constructor(readonly result: ImportResult) {
    super('The import was rolled back.');
    this.name = 'RolledBackImport';
  }
}

/** Every row's outcome in row order: the planner's, and a `problem` outcome for each row with problems. */
function rowOutcomes<R>(
  format: ImportFormat<R>,
  rows: readonly ParsedRow<R>[],
  planned: readonly ImportRowOutcome[],
  problems: readonly ImportProblem[],
): { outcomes: ImportRowOutcome[]; outcomesLeftOut: number } {
  const byRow = new Map<number, ImportProblem[]>();
  for (const problem of problems) byRow.set(problem.row, [...(byRow.get(problem.row) ?? []), problem]);
  const plannedByRow = new Map(planned.map((outcome) => [outcome.row, outcome]));
  const outcomes: ImportRowOutcome[] = [];
  for (const { row, values } of rows) {
    const rowProblems = byRow.get(row);
    if (rowProblems) {
      const hasKey = format.keyFields.every((field) => values[field] !== undefined);
      const columns = [...new Set(rowProblems.map((p) => p.column).filter((c) => c !== ''))];
      outcomes.push({
        row,
        action: 'problem',
        record: hasKey ? format.describeKey(values as R) : `row ${row}`,
        detail: `${rowProblems.length} problem${rowProblems.length === 1 ? '' : 's'}${columns.length > 0 ? ` (${columns.join(', ')})` : ''}`,
      });
      continue;
    }
    const outcome = plannedByRow.get(row);
    if (outcome) outcomes.push(outcome);
  }
  return {
    outcomes: outcomes.slice(0, maxListedOutcomes),
    outcomesLeftOut: Math.max(0, outcomes.length - maxListedOutcomes),
  };
}

/**
 * Validates the rows, plans against the database and, unless it is a dry run or there is any problem,
 * writes everything with its audit trail in one transaction (all-or-nothing). The plan runs in that same
 * transaction, which a dry run or a problem rolls back, so nothing a planner wrote survives either.
 */
async function runImport<R>(
  ctx: ServiceContext,
  input: { fileName: string; dryRun: boolean; sheet: Sheet },
  format: ImportFormat<R>,
  plan: Planner<R>,
): Promise<ImportResult> {
  const validated = validateSheet(format, input.sheet);
  const stamp: ImportStamp = {
    at: ctx.clock.now().toISOString(),
    actor: ctx.actor,
    fileName: input.fileName,
    ctx,
  };
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const planned = await plan(trx, validated.rows, stamp);
      const allProblems = [...validated.problems, ...planned.problems];
      const problems = capProblems(allProblems);
      const listed = rowOutcomes(format, validated.rows, planned.outcomes, allProblems);
      const result = { dryRun: input.dryRun, rows: validated.dataRows, ...listed };
      if (problems.length > 0)
        throw new RolledBackImport({ ...result, created: 0, updated: 0, unchanged: 0, problems });
      const counts = { created: planned.created, updated: planned.updated, unchanged: planned.unchanged };
      if (input.dryRun) throw new RolledBackImport({ ...result, ...counts, problems: [] });
      const facts = await planned.apply(trx);
      facts.push({
        action: 'import.file',
        entity: 'import',
        entityId: input.fileName,
        after: { kind: format.kind, rows: validated.dataRows, ...counts },
      });
      await recordAudit(trx, ctx.actor, stamp.at, facts);
      return { ...result, ...counts, problems: [] };
    });
  } catch (error) {
    if (error instanceof RolledBackImport) return error.result;
    throw error;
  }
}

/** Imports an already-read sheet of one kind; see `importFile`. */
export function importSheet(
  ctx: ServiceContext,
  input: { kind: ImportKind; fileName: string; dryRun: boolean; sheet: Sheet },
): Promise<ImportResult> {
  switch (input.kind) {
    case 'programmes':
      return runImport(ctx, input, programmeFormat, planEntities(programmeStore));
    case 'courses':
      return runImport(ctx, input, courseFormat, planEntities(courseStore));
    case 'links':
      return runImport(ctx, input, linkFormat, planLinks);
    case 'students':
      return runImport(ctx, input, studentFormat, planStudents);
    case 'registrations':
      return runImport(ctx, input, registrationFormat, planRegistrations);
    case 'enrolments':
      return runImport(ctx, input, enrolmentFormat, planEnrolmentApplications);
  }
}

/**
 * Checks (dry run) or imports a CSV or XLSX file of programmes, courses, links, students, registrations
 * or enrolment applications.
 *
 * Every problem is reported by row and column; the real import writes nothing unless the whole file is
 * valid, and then writes it in one transaction with an audit row per created or updated record and one
 * for the file. A file whose name or content cannot be read at all is refused with a validation error.
 */
export async function importFile(ctx: ServiceContext, input: ImportFileInput): Promise<ImportResult> {
  const sheet = await readSheet(input.fileName, decodeBase64(input.contentBase64));
  return importSheet(ctx, { kind: input.kind, fileName: input.fileName, dryRun: input.dryRun, sheet });
}
