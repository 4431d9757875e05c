import type {
  ExcusableReason,
  StudyProgressList,
  StudyProgressRow,
} from '../../../shared/api/study-progress.contract';
import { DeskError } from '../../../shared/errors';
import { recordAudit } from '../../db/audit';
import type { StudyProgressExcusalTable } from '../../db/database';
import type { ServiceContext } from '../../context';
import { findProvisionProgramme } from '../../provisions/provision-programmes';
import { loadProvisions } from '../../provisions/load-provisions';
import type { Provisions } from '../../provisions/provisions.schema';
import { formatLongDate } from '../payments/calendar-dates';
import { profileOf } from '../residence/residence.service';
import { mimeTypes } from '../transfer/write-sheet';
import { indListCsv, indListFileName, renderIndListPdf } from './study-progress-ind-list';
import { loadStudyProgressRequirements } from './load-study-progress-requirements';
import { loadStudyProgressFacts, sentIndLists } from './study-progress.repo';
import type { StudyProgressRequirements } from './study-progress-requirements.schema';
import { assessStudyProgress, formatCredits, type StudyProgressEnrolment } from './study-progress.rules';

/*
 * Use cases of the study progress check (source 003 'Study progress'; Art 13.1f): the list of a year,
 * credits records, excusable reasons recorded with the study adviser's name, and the list of students
 * notified to the IND. Every mutation runs in one transaction with its audit row.
 */

const tenths = (value: number): number => Math.round(value * 10);
const ects = (tenthsValue: number | null): number | null => (tenthsValue === null ? null : tenthsValue / 10);

/** The provisions and the study progress requirements of a year; an unknown year names its field. */
function rulesOf(academicYear: string): { provisions: Provisions; requirements: StudyProgressRequirements } {
  const requirements = loadStudyProgressRequirements(academicYear);
  try {
    return { provisions: loadProvisions(academicYear), requirements };
  } catch (error) {
    throw new DeskError('validation', (error as Error).message, { field: 'academicYear' });
  }
}

const today = (ctx: ServiceContext): string => ctx.clock.now().toISOString().slice(0, 10);

function kindLabel(requirements: StudyProgressRequirements, kind: string): string {
  return requirements.excusableReasons.kinds.find((k) => k.key === kind)?.label ?? kind;
}

function toExcusableReason(
  row: Pick<
    StudyProgressExcusalTable,
    'kind' | 'adviserName' | 'decidedOn' | 'note' | 'createdAt' | 'createdBy'
  > & { id: number },
  requirements: StudyProgressRequirements,
): ExcusableReason {
  return {
    id: row.id,
    kind: row.kind,
    kindLabel: kindLabel(requirements, row.kind),
    adviserName: row.adviserName,
    decidedOn: row.decidedOn,
    note: row.note,
    recordedBy: row.createdBy,
    recordedAt: row.createdAt,
  };
}

/** Outcomes in the order the list shows them: what needs action first. */
const outcomeOrder: Record<StudyProgressRow['outcome'], number> = {
  notify: 0,
  'needs-review': 1,
  pending: 2,
  excused: 3,
  notified: 4,
  meets: 5,
  'out-of-scope': 6,
};

/** The rows of the study progress check for a year (or for one student), each with its outcome and reasons. */
async function assessRows(
  ctx: ServiceContext,
  academicYear: string,
  onlyStudentId?: number,
): Promise<{ rows: StudyProgressRow[]; requirements: StudyProgressRequirements }> {
  const { provisions, requirements } = rulesOf(academicYear);
  const facts = await loadStudyProgressFacts(ctx.db, academicYear, onlyStudentId);
  const day = today(ctx);
  const group = <T extends { studentId: number }>(rows: readonly T[]) => {
    const map = new Map<number, T[]>();
    for (const row of rows) {
      const list = map.get(row.studentId) ?? [];
      list.push(row);
      map.set(row.studentId, list);
    }
    return map;
  };
  const enrolmentsOf = group(facts.enrolments);
  const creditsOf = group(facts.credits);
  const excusalOf = new Map(facts.excusals.map((e) => [e.studentId, e]));
  const listedOf = new Map(facts.listed.map((l) => [l.studentId, l]));
  const passedOn = new Map(
    facts.certificates.flatMap((c) =>
      c.enrolmentId === null ? [] : [[c.enrolmentId, c.issuedAt.slice(0, 10)]],
    ),
  );
  const rows: StudyProgressRow[] = facts.students.map((student) => {
    const profile = profileOf(student);
    const enrolments: StudyProgressEnrolment[] = (enrolmentsOf.get(student.id) ?? []).map((e) => ({
      id: e.id,
      programmeCode: e.programmeCode,
      programmeName: e.programmeCode
        ? (findProvisionProgramme(provisions, e.programmeCode)?.name ?? e.programmeCode)
        : `${e.enrolmentKind} enrolment (no programme)`,
      kind: e.enrolmentKind,
      mode: e.mode,
      startDate: e.startDate,
      status: e.status,
      preparatoryPassedOn: passedOn.get(e.id) ?? null,
    }));
    const excusal = excusalOf.get(student.id);
    const excusableReason = excusal ? toExcusableReason(excusal, requirements) : null;
    const listed = listedOf.get(student.id);
    const assessment = assessStudyProgress(
      {
        profile,
        enrolments,
        credits: creditsOf.get(student.id) ?? [],
        excusableReason,
        notifiedOn: listed?.sentOn ?? null,
        today: day,
      },
      provisions,
      requirements,
    );
    return {
      studentId: student.id,
      studentNumber: student.studentNumber,
      name: `${student.givenNames} ${student.familyName}`.trim(),
      dateOfBirth: profile?.dateOfBirth ?? null,
      nationalities: profile?.nationalities ?? [],
      enrolmentId: assessment.enrolment?.id ?? null,
      programmeName: assessment.enrolment?.programmeName ?? null,
      startDate: assessment.enrolment?.startDate ?? null,
      isPreparatory: assessment.isPreparatory,
      monthsEnrolled: assessment.monthsEnrolled,
      creditsObtained: assessment.creditsObtainedTenths / 10,
      creditsAvailable: ects(assessment.creditsAvailableTenths),
      norm: ects(assessment.normTenths),
      outcome: assessment.outcome,
      reasons: assessment.reasons,
      excusableReason,
      notifiedOn: listed?.sentOn ?? null,
      notificationReference: listed?.reference ?? null,
    };
  });
  rows.sort(
    (a, b) =>
      outcomeOrder[a.outcome] - outcomeOrder[b.outcome] || a.studentNumber.localeCompare(b.studentNumber),
  );
  return { rows, requirements };
}

/** The study progress list of an academic year: every study-permit student enrolled in it. */
export async function studyProgressList(
  ctx: ServiceContext,
  academicYear: string,
): Promise<StudyProgressList> {
  const { rows, requirements } = await assessRows(ctx, academicYear);
  const lists = await sentIndLists(ctx.db, academicYear);
  return {
    academicYear,
    yearEndsOn: requirements.endsOn,
    isYearEnded: today(ctx) > requirements.endsOn,
    norm: {
      creditsPerYear: requirements.norm.creditsPerYear,
      requiredPercentage: requirements.norm.requiredPercentage,
      article: requirements.norm.source,
    },
    rows,
    excusableReasonKinds: requirements.excusableReasons.kinds.map((k) => ({ key: k.key, label: k.label })),
    excusableReasonGuidance: {
      text: requirements.excusableReasons.confidentiality,
      article: requirements.excusableReasons.source,
    },
    sentLists: lists.map((l) => ({
      id: l.id,
      sentOn: l.sentOn,
      reference: l.reference,
      students: l.students,
      recordedBy: l.createdBy,
      recordedAt: l.createdAt,
    })),
  };
}

/** The students to notify to the IND for a year: below the requirement, not excused, not yet notified. */
export async function studentsToNotify(
  ctx: ServiceContext,
  academicYear: string,
): Promise<{ rows: StudyProgressRow[]; requirements: StudyProgressRequirements }> {
  const { rows, requirements } = await assessRows(ctx, academicYear);
  return { rows: rows.filter((r) => r.outcome === 'notify'), requirements };
}

async function studentNumberOf(ctx: ServiceContext, studentId: number): Promise<string> {
  const student = await ctx.db
    .selectFrom('students')
    .select('studentNumber')
    .where('id', '=', studentId)
    .executeTakeFirst();
  if (!student)
    throw new DeskError('not_found', `There is no student with id ${studentId}.`, { field: 'studentId' });
  return student.studentNumber;
}

function refuseFutureDay(ctx: ServiceContext, day: string, field: string, what: string): void {
  if (day > today(ctx))
    throw new DeskError('validation', `${what} cannot be a day still to come (${formatLongDate(day)}).`, {
      field,
    });
}

/** Records credits a student obtained, with its source (append-only, audited). */
export async function recordCredits(
  ctx: ServiceContext,
  input: {
    studentId: number;
    academicYear: string;
    courseCode: string | null;
    description: string;
    ects: number;
    obtainedOn: string;
    source: string;
  },
) {
  const { requirements } = rulesOf(input.academicYear);
  const studentNumber = await studentNumberOf(ctx, input.studentId);
  if (input.obtainedOn < requirements.startsOn || input.obtainedOn > requirements.endsOn)
    throw new DeskError(
      'validation',
      `Credits of ${input.academicYear} are obtained between ${formatLongDate(requirements.startsOn)} and ${formatLongDate(requirements.endsOn)}; ${formatLongDate(input.obtainedOn)} is outside that year.`,
      { field: 'obtainedOn' },
    );
  refuseFutureDay(ctx, input.obtainedOn, 'obtainedOn', 'The day the credits were obtained');
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('studyProgressCredits')
      .values({
        studentId: input.studentId,
        academicYear: input.academicYear,
        courseCode: input.courseCode === '' ? null : input.courseCode,
        description: input.description,
        creditsTenths: tenths(input.ects),
        obtainedOn: input.obtainedOn,
        source: input.source,
        createdAt: at,
        createdBy: ctx.actor.name,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.actor, at, {
      action: 'study-progress.credits',
      entity: 'student',
      entityId: studentNumber,
      after: {
        academicYear: row.academicYear,
        courseCode: row.courseCode,
        description: row.description,
        ects: row.creditsTenths / 10,
        obtainedOn: row.obtainedOn,
        source: row.source,
      },
    });
    return {
      id: row.id,
      studentId: row.studentId,
      academicYear: row.academicYear,
      ects: row.creditsTenths / 10,
      obtainedOn: row.obtainedOn,
    };
  });
}

/**
 * Records the excusable reason a study adviser found (Study progress, Extenuating circumstances): the
 * student is then not notified to the IND. Refused for a student the requirement does not apply to, one
 * already notified, or one with a standing reason for the year.
 */
export async function recordExcusableReason(
  ctx: ServiceContext,
  input: {
    studentId: number;
    academicYear: string;
    kind: string;
    adviserName: string;
    decidedOn: string;
    note: string | null;
  },
): Promise<ExcusableReason> {
  const { requirements } = rulesOf(input.academicYear);
  const source = requirements.excusableReasons.source;
  if (!requirements.excusableReasons.kinds.some((k) => k.key === input.kind))
    throw new DeskError(
      'validation',
      `"${input.kind}" is not a kind of excusable reason; choose one of: ${requirements.excusableReasons.kinds.map((k) => k.label).join('; ')} (${source}).`,
      { field: 'kind' },
    );
  refuseFutureDay(ctx, input.decidedOn, 'decidedOn', 'The day of the study adviser’s finding');
  const studentNumber = await studentNumberOf(ctx, input.studentId);
  const { rows } = await assessRows(ctx, input.academicYear, input.studentId);
  const row = rows[0];
  if (!row || row.outcome === 'out-of-scope' || (row.outcome === 'needs-review' && row.enrolmentId === null))
    throw new DeskError(
      'refused',
      `The study progress requirement does not apply to student ${studentNumber} in ${input.academicYear}, so there is nothing to excuse: ${row?.reasons.map((r) => `${r.text} (${r.article})`).join(' ') ?? ''}`.trim(),
    );
  if (row.outcome === 'meets')
    throw new DeskError(
      'refused',
      `Student ${studentNumber} meets the study progress requirement of ${input.academicYear}, so there is nothing to excuse.`,
    );
  if (row.notifiedOn !== null)
    throw new DeskError(
      'refused',
      `Student ${studentNumber} was already notified to the IND on ${formatLongDate(row.notifiedOn)} (reference ${row.notificationReference ?? '–'}); an excusable reason recorded now does not undo that notification.`,
    );
  if (row.excusableReason !== null)
    throw new DeskError(
      'conflict',
      `An excusable reason is already recorded for student ${studentNumber} in ${input.academicYear} (${row.excusableReason.kindLabel}, study adviser ${row.excusableReason.adviserName}); withdraw it first to record another.`,
    );
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('studyProgressExcusals')
      .values({
        studentId: input.studentId,
        academicYear: input.academicYear,
        kind: input.kind,
        adviserName: input.adviserName,
        decidedOn: input.decidedOn,
        note: input.note === '' ? null : input.note,
        createdAt: at,
        createdBy: ctx.actor.name,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const reason = toExcusableReason(inserted, requirements);
    await recordAudit(trx, ctx.actor, at, {
      action: 'study-progress.excusable-reason',
      entity: 'student',
      entityId: studentNumber,
      before: { outcome: row.outcome },
      after: {
        academicYear: input.academicYear,
        kind: reason.kind,
        adviserName: reason.adviserName,
        decidedOn: reason.decidedOn,
        note: reason.note,
      },
      reason: `${source}: study adviser ${reason.adviserName} found an excusable reason (${reason.kindLabel}).`,
    });
    return reason;
  });
}

/** Withdraws an excusable reason recorded by mistake, once, with why (audited); the student's outcome follows. */
export async function withdrawExcusableReason(
  ctx: ServiceContext,
  input: { excusableReasonId: number; reason: string },
): Promise<{ id: number; withdrawnAt: string }> {
  const row = await ctx.db
    .selectFrom('studyProgressExcusals')
    .innerJoin('students', 'students.id', 'studyProgressExcusals.studentId')
    .selectAll('studyProgressExcusals')
    .select('students.studentNumber')
    .where('studyProgressExcusals.id', '=', input.excusableReasonId)
    .executeTakeFirst();
  if (!row)
    throw new DeskError(
      'not_found',
      `There is no excusable reason ${input.excusableReasonId}; reload the list.`,
      {
        field: 'excusableReasonId',
      },
    );
  if (row.withdrawnAt !== null)
    throw new DeskError(
      'conflict',
      `This excusable reason was already withdrawn by ${row.withdrawnBy ?? '–'} at ${row.withdrawnAt}; reload the list.`,
    );
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('studyProgressExcusals')
      .set({ withdrawnAt: at, withdrawnBy: ctx.actor.name, withdrawnReason: input.reason })
      .where('id', '=', row.id)
      .where('withdrawnAt', 'is', null)
      .execute();
    await recordAudit(trx, ctx.actor, at, {
      action: 'study-progress.excusable-reason-withdrawn',
      entity: 'student',
      entityId: row.studentNumber,
      before: {
        academicYear: row.academicYear,
        kind: row.kind,
        adviserName: row.adviserName,
        decidedOn: row.decidedOn,
      },
      reason: input.reason,
    });
    return { id: row.id, withdrawnAt: at };
  });
}

/**
 * Records that the list of students below the requirement was sent to the IND (Study progress, IND): the
 * students to notify now are put on it, each once per year. Refused before the year has ended and when
 * nobody is to be notified.
 */
export async function recordIndListSent(
  ctx: ServiceContext,
  input: { academicYear: string; sentOn: string; reference: string },
) {
  const { rows, requirements } = await studentsToNotify(ctx, input.academicYear);
  if (today(ctx) <= requirements.endsOn)
    throw new DeskError(
      'refused',
      `The study progress of ${input.academicYear} is checked once the year ends on ${formatLongDate(requirements.endsOn)}; no list can be sent before (${requirements.scope.source}).`,
    );
  if (input.sentOn <= requirements.endsOn)
    throw new DeskError(
      'validation',
      `The list of ${input.academicYear} can only be sent after the year ended on ${formatLongDate(requirements.endsOn)}.`,
      { field: 'sentOn' },
    );
  refuseFutureDay(ctx, input.sentOn, 'sentOn', 'The day the list was sent');
  if (rows.length === 0)
    throw new DeskError(
      'refused',
      `Nobody is to be notified to the IND for ${input.academicYear}: every student in scope met the requirement, is excused, or was notified already.`,
    );
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const list = await trx
      .insertInto('studyProgressIndLists')
      .values({
        academicYear: input.academicYear,
        sentOn: input.sentOn,
        reference: input.reference,
        createdAt: at,
        createdBy: ctx.actor.name,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('studyProgressIndListStudents')
      .values(
        rows.map((r) => ({
          listId: list.id,
          studentId: r.studentId,
          academicYear: input.academicYear,
          creditsTenths: tenths(r.creditsObtained),
          normTenths: r.norm === null ? null : tenths(r.norm),
        })),
      )
      .execute();
    await recordAudit(
      trx,
      ctx.actor,
      at,
      rows.map((r) => ({
        action: 'study-progress.ind-notified',
        entity: 'student',
        entityId: r.studentNumber,
        after: {
          academicYear: input.academicYear,
          sentOn: input.sentOn,
          reference: input.reference,
          creditsObtained: r.creditsObtained,
          norm: r.norm,
        },
        reason: `${requirements.ind.source}: ${r.norm === null ? 'preparatory programme not passed' : `${formatCredits(tenths(r.creditsObtained))} of ${formatCredits(tenths(r.norm))} ECTS required`}, no excusable reason.`,
      })),
    );
    return {
      id: list.id,
      sentOn: list.sentOn,
      reference: list.reference,
      students: rows.length,
      recordedBy: list.createdBy,
      recordedAt: list.createdAt,
    };
  });
}

/** The students to notify to the IND as PDF or CSV; refused before the year has ended. */
export async function exportIndList(
  ctx: ServiceContext,
  input: { academicYear: string; format: 'pdf' | 'csv' },
): Promise<{ fileName: string; contentType: string; contentBase64: string; students: number }> {
  const { rows, requirements } = await studentsToNotify(ctx, input.academicYear);
  if (today(ctx) <= requirements.endsOn)
    throw new DeskError(
      'refused',
      `The study progress of ${input.academicYear} is checked once the year ends on ${formatLongDate(requirements.endsOn)}; there is no list for the IND before (${requirements.scope.source}).`,
    );
  const bytes =
    input.format === 'pdf'
      ? await renderIndListPdf(rows, requirements, ctx.clock.now())
      : indListCsv(rows, requirements);
  return {
    fileName: indListFileName(input.academicYear, input.format),
    contentType: input.format === 'pdf' ? 'application/pdf' : mimeTypes.csv,
    contentBase64: bytes.toString('base64'),
    students: rows.length,
  };
}
