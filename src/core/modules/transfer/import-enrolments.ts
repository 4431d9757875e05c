import type { ImportProblem, ImportRowOutcome } from '../../../shared/api/transfer.contract';
import { DeskError } from '../../../shared/errors';
import { feeFactsSchema } from '../../../shared/facts/fee-facts';
import { enrolmentRequestSchema } from '../../../shared/facts/student-profile';
import { formatCents } from '../../../shared/money';
import { findProvisionProgramme } from '../../provisions/provision-programmes';
import { availableAcademicYears, loadProvisions } from '../../provisions/load-provisions';
import { feeFactsFromProfile } from '../enrolments/enrolment-fee-facts';
import { parseProfile } from '../enrolments/enrolments.repo';
import { recordApplication } from '../enrolments/enrolments.service';
import type { Planner } from './import-plan';
import { columnList, enrolmentFormat, type EnrolmentRecord } from './table-formats';

/*
 * The enrolments import (issue 4 point 7): each row is an application recorded by the same use case as
 * `enrolments:apply` (`recordApplication`), with the fee facts prefilled from the student's profile
 * (`feeFactsFromProfile`) and completed by the row: re-enrolment (Art 1n) and the first enrolment in
 * Dutch higher education (Art 17.1). The planner records every row inside the import's transaction to
 * learn its outcome (fee, documents, or the refusal with its article); a dry run or any problem rolls
 * the whole file back.
 */

/** Statuses of an enrolment that no longer stand in the way of a new application for the same programme. */
const endedStatuses = new Set(['denied', 'cancelled']);

/** The values of the optional columns a file leaves out. */
const defaults: Partial<EnrolmentRecord> = Object.fromEntries(
  columnList(enrolmentFormat).flatMap(({ field, column }) =>
    column.whenBlank ? [[field, column.whenBlank.value]] : [],
  ),
);

const header = (field: keyof EnrolmentRecord) => enrolmentFormat.columns[field].header;

/** Where a request issue of zod belongs in the file. */
const columnOfRequestPath: Readonly<Record<string, keyof EnrolmentRecord>> = {
  academicYear: 'academicYear',
  programmeCode: 'programmeCode',
  kind: 'kind',
  mode: 'mode',
  startDate: 'startDate',
  'admission.status': 'admissionStatus',
  'interimStartDecision.decidedOn': 'interimDecisionDate',
  'interimStartDecision.reference': 'interimDecisionReference',
};

/** The request of `enrolments:apply` that a row describes. */
function requestOfRow(record: EnrolmentRecord) {
  return enrolmentRequestSchema.safeParse({
    academicYear: record.academicYear,
    programmeCode: record.programmeCode,
    kind: record.kind,
    mode: record.mode,
    startDate: record.startDate,
    admission: { status: record.admissionStatus },
    interimStartDecision:
      record.interimDecisionDate === null
        ? null
        : { decidedOn: record.interimDecisionDate, reference: record.interimDecisionReference },
  });
}

/**
 * Enrolments: the student must be on file with a profile, the programme must be one of the academic
 * year's provisions, and Art 2–3 must not refuse the enrolment; an application that already stands for
 * the same student, year and programme is unchanged.
 */
export const planEnrolmentApplications: Planner<EnrolmentRecord> = async (trx, rows, stamp) => {
  const students = new Map(
    (await trx.selectFrom('students').select(['id', 'studentNumber', 'profileJson']).execute()).map((s) => [
      s.studentNumber,
      s,
    ]),
  );
  const standing = new Map(
    (
      await trx
        .selectFrom('enrolments')
        .select(['id', 'studentId', 'academicYear', 'programmeCode', 'status'])
        .execute()
    )
      .filter((e) => !endedStatuses.has(e.status))
      .map((e) => [`${e.studentId}:${e.academicYear}:${e.programmeCode ?? ''}`, e]),
  );
  const years = new Set(availableAcademicYears());
  // The use case runs in the import's transaction, so that a rollback takes every row back.
  const ctx = { ...stamp.ctx, db: trx };
  const problems: ImportProblem[] = [];
  const outcomes: ImportRowOutcome[] = [];
  let created = 0;
  let unchanged = 0;
  for (const { row, values: given, isValid } of rows) {
    const values = { ...defaults, ...given };
    const rowProblems: Omit<ImportProblem, 'row'>[] = [];
    const student = values.studentNumber === undefined ? undefined : students.get(values.studentNumber);
    if (values.studentNumber !== undefined && !student) {
      rowProblems.push({
        column: header('studentNumber'),
        message: `student_number ${values.studentNumber} is not a student in the database; import the student (with date_of_birth, nationalities and country_of_residence) first.`,
      });
    }
    if (values.academicYear !== undefined && !years.has(values.academicYear)) {
      rowProblems.push({
        column: header('academicYear'),
        message: `academic_year ${values.academicYear} has no enrolment provisions; write one of ${[...years].join(', ')}.`,
      });
    } else if (values.academicYear !== undefined && values.programmeCode !== undefined) {
      if (!findProvisionProgramme(loadProvisions(values.academicYear), values.programmeCode)) {
        rowProblems.push({
          column: header('programmeCode'),
          message: `programme_code ${values.programmeCode} is not a programme of the ${values.academicYear} provisions (App I, IV, VI); write a code such as b-psychology or m-economics.`,
        });
      }
    }
    if (values.interimDecisionReference && !values.interimDecisionDate) {
      rowProblems.push({
        column: header('interimDecisionDate'),
        message:
          'interim_decision_date is empty but interim_decision_reference is given; write the day of the SSC director’s decision (Art 4.4), e.g. 2022-10-03.',
      });
    }
    const problemsOfRow = (list: readonly Omit<ImportProblem, 'row'>[]) => {
      problems.push(...list.map((p) => ({ row, ...p })));
    };
    if (!isValid || !student || rowProblems.length > 0) {
      problemsOfRow(rowProblems);
      continue;
    }
    const record = values as EnrolmentRecord;
    const described = enrolmentFormat.describeKey(record);
    const { profile, problem } = parseProfile(student.profileJson);
    if (!profile) {
      problemsOfRow([
        {
          column: header('studentNumber'),
          message: `Student ${record.studentNumber} has no usable profile, so the fee facts and the Art 2–3 checks cannot be made: ${problem ?? ''} Import the student's profile columns first.`,
        },
      ]);
      continue;
    }
    const request = requestOfRow(record);
    if (!request.success) {
      problemsOfRow(
        request.error.issues.map((issue) => {
          const field = columnOfRequestPath[issue.path.join('.')] ?? 'programmeCode';
          return { column: header(field), message: `${header(field)}: ${issue.message}` };
        }),
      );
      continue;
    }
    const key = `${student.id}:${record.academicYear}:${record.programmeCode}`;
    const existing = standing.get(key);
    if (existing) {
      unchanged += 1;
      outcomes.push({
        row,
        action: 'unchanged',
        record: described,
        detail: `already applied (enrolment ${existing.id}, ${existing.status})`,
      });
      continue;
    }
    const prefilled = feeFactsFromProfile(profile, request.data);
    const facts = feeFactsSchema.parse({
      ...prefilled,
      isReEnrolment: record.isReEnrolment,
      rodHo: {
        ...prefilled.rodHo,
        firstEnrolment:
          record.firstDutchHeEnrolmentDate === null
            ? prefilled.rodHo.firstEnrolment
            : { startedOn: record.firstDutchHeEnrolmentDate },
      },
    });
    try {
      const recorded = await recordApplication(trx, ctx, {
        studentId: student.id,
        request: request.data,
        facts,
      });
      created += 1;
      const documents = recorded.documentsRequested;
      outcomes.push({
        row,
        action: 'create',
        record: described,
        detail: `applied from ${record.startDate}; fee ${formatCents(recorded.feeCents)}; ${documents.length > 0 ? `documents ${documents.join(', ')} requested` : 'no documents requested'}`,
      });
    } catch (error) {
      if (!(error instanceof DeskError)) throw error;
      // Art 2–3 refusals name their articles in the message; the student's file is what refuses.
      problemsOfRow([{ column: header('studentNumber'), message: error.message }]);
    }
  }
  return {
    problems,
    created,
    updated: 0,
    unchanged,
    outcomes,
    // Each application was recorded with its own audit row while planning; only the file's summary remains.
    apply: () => Promise.resolve([]),
  };
};
