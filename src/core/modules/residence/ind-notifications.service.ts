import { sql } from 'kysely';
import type { IndNotificationDue } from '../../../shared/api/residence.contract';
import { DeskError } from '../../../shared/errors';
import { recordAudit } from '../../db/audit';
import type { ServiceContext } from '../../context';
import { loadProvisions } from '../../provisions/load-provisions';
import { toEnrolmentView } from '../ledger/ledger.repo';
import { addDays, formatLongDate } from '../payments/calendar-dates';
import { profileOf } from './residence.service';

/*
 * Art 33.8: when the enrolment of a student who needs a residence permit for study ends during the
 * academic year, or re-enrolment is not completed on time, UM de-registers the student with the IND
 * (Art 5.6 of the Code of Conduct for International Students) and informs the student. The term to do
 * so is data of the provisions (`procedures.indNotificationTermWeeks`).
 */

/** Statuses that end an enrolment, or end the application for it, so that the IND must be told. */
const ENDED_STATUSES = new Set(['terminated', 'cancelled', 'denied']);

/** The academic year after '2022-23': '2023-24'. */
function nextAcademicYear(academicYear: string): string {
  const start = Number(academicYear.slice(0, 4)) + 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** The first day of an academic year: 1 September (DESIGN.md §3). */
function firstDayOf(academicYear: string): string {
  return `${academicYear.slice(0, 4)}-09-01`;
}

const statusWords: Record<string, string> = {
  terminated: 'was terminated',
  cancelled: 'was cancelled',
  denied: 'was denied',
};

/** The provisions of the enrolment's year, or the latest known when that year has none yet. */
function provisionsOf(academicYear: string) {
  try {
    return loadProvisions(academicYear);
  } catch {
    return loadProvisions();
  }
}

/** The IND notifications due today: study-permit students whose enrolment ended or who did not re-enrol on time. */
export async function indNotificationsDue(ctx: ServiceContext): Promise<IndNotificationDue[]> {
  const today = ctx.clock.now().toISOString().slice(0, 10);
  // Art 13.1f, 33.8: only students on a Dutch residence permit for study; filtered in SQL for scale.
  const studyPermitStudentIds = ctx.db
    .selectFrom('students')
    .select('id')
    .where(sql<string>`json_extract(profile_json, '$.residence.permit.type')`, '=', 'study');
  const students = await ctx.db
    .selectFrom('students')
    .select(['id', 'studentNumber', 'familyName', 'givenNames', 'profileJson'])
    .where('id', 'in', studyPermitStudentIds)
    .execute();
  const onStudyPermit = students.filter((s) => profileOf(s)?.residence.permit.type === 'study');
  if (onStudyPermit.length === 0) return [];
  const enrolments = await ctx.db
    .selectFrom('enrolments')
    .selectAll()
    .where('studentId', 'in', studyPermitStudentIds)
    .orderBy('id')
    .execute();
  const transitions = await ctx.db
    .selectFrom('enrolmentTransitions')
    .select(['enrolmentId', 'toStatus', 'at'])
    .where(
      'enrolmentId',
      'in',
      ctx.db.selectFrom('enrolments').select('id').where('studentId', 'in', studyPermitStudentIds),
    )
    .orderBy('id')
    .execute();
  const notified = await ctx.db
    .selectFrom('indNotifications')
    .select(['enrolmentId', 'ground'])
    .where('studentId', 'in', studyPermitStudentIds)
    .execute();
  const enrolmentsByStudent = new Map<number, typeof enrolments>();
  for (const enrolment of enrolments) {
    const list = enrolmentsByStudent.get(enrolment.studentId) ?? [];
    list.push(enrolment);
    enrolmentsByStudent.set(enrolment.studentId, list);
  }
  const lastTransitionTo = new Map(transitions.map((t) => [`${t.enrolmentId}:${t.toStatus}`, t.at]));
  const isNotified = new Set(notified.map((n) => `${n.enrolmentId}:${n.ground}`));
  const items: IndNotificationDue[] = [];
  for (const student of onStudyPermit) {
    const name = `${student.givenNames} ${student.familyName}`.trim();
    const own = enrolmentsByStudent.get(student.id) ?? [];
    for (const enrolment of own) {
      const term = provisionsOf(enrolment.academicYear).procedures.indNotificationTermWeeks;
      const base = {
        studentId: student.id,
        studentNumber: student.studentNumber,
        name,
        enrolmentId: enrolment.id,
        academicYear: enrolment.academicYear,
        programmeName: toEnrolmentView(enrolment).programmeName,
        enrolmentStatus: enrolment.status,
        article: term.article,
      };
      const due = (arisenOn: string) => {
        const dueBy = addDays(arisenOn, term.weeks * 7);
        return { arisenOn, dueBy, isOverdue: dueBy < today };
      };
      const termReason = {
        article: term.article,
        text: `UM de-registers the student with the IND and informs the student; as the IND's sponsor it does so within ${term.weeks} weeks.`,
      };
      if (ENDED_STATUSES.has(enrolment.status)) {
        if (isNotified.has(`${enrolment.id}:enrolment-ended`)) continue;
        const arisenOn = (
          lastTransitionTo.get(`${enrolment.id}:${enrolment.status}`) ?? enrolment.updatedAt
        ).slice(0, 10);
        items.push({
          ...base,
          ground: 'enrolment-ended',
          ...due(arisenOn),
          notify: `De-register ${name} (${student.studentNumber}) with the IND: the enrolment in ${base.programmeName} ${enrolment.academicYear} ${statusWords[enrolment.status] ?? enrolment.status} on ${formatLongDate(arisenOn)}; inform the student.`,
          reasons: [
            {
              article: term.article,
              text: `The student holds a Dutch residence permit for study and the enrolment ${statusWords[enrolment.status] ?? enrolment.status}, so UM must de-register the student with the IND (Art 5.6 Code of Conduct for International Students).`,
            },
            termReason,
          ],
        });
        continue;
      }
      if (enrolment.status !== 'enrolled') continue;
      // Art 33.1: the enrolment ends by law on 31 August; re-enrolment is on time when the next year's
      // enrolment is complete by its first day.
      const next = nextAcademicYear(enrolment.academicYear);
      const nextStart = firstDayOf(next);
      if (today < nextStart) continue;
      const isReEnrolled = own.some(
        (e) => e.academicYear === next && (e.status === 'enrolled' || ENDED_STATUSES.has(e.status)),
      );
      if (isReEnrolled || isNotified.has(`${enrolment.id}:re-enrolment-not-completed`)) continue;
      items.push({
        ...base,
        ground: 're-enrolment-not-completed',
        ...due(nextStart),
        notify: `De-register ${name} (${student.studentNumber}) with the IND: re-enrolment for ${next} was not completed by ${formatLongDate(nextStart)}, after the enrolment in ${base.programmeName} ${enrolment.academicYear} ended by law; inform the student.`,
        reasons: [
          {
            article: 'Art 33.1',
            text: `The enrolment for ${enrolment.academicYear} ended by law at the end of that academic year.`,
          },
          {
            article: term.article,
            text: `The student holds a Dutch residence permit for study and has not completed re-enrolment for ${next} by ${formatLongDate(nextStart)}, so UM must de-register the student with the IND.`,
          },
          termReason,
        ],
      });
    }
  }
  return items.sort(
    (a, b) => a.dueBy.localeCompare(b.dueBy) || a.studentNumber.localeCompare(b.studentNumber),
  );
}

/**
 * Records that the IND was notified of a study-permit student's de-registration (Art 33.8): append-only,
 * with its audit row; refused when nothing is due for that enrolment.
 */
export async function recordIndNotification(
  ctx: ServiceContext,
  input: { studentId: number; enrolmentId: number; notifiedOn: string; reference: string },
) {
  const at = ctx.clock.now().toISOString();
  if (input.notifiedOn > at.slice(0, 10)) {
    throw new DeskError('validation', 'The IND cannot have been notified on a day still to come.', {
      field: 'notifiedOn',
    });
  }
  const enrolment = await ctx.db
    .selectFrom('enrolments')
    .select(['id', 'studentId'])
    .where('id', '=', input.enrolmentId)
    .executeTakeFirst();
  if (enrolment?.studentId !== input.studentId) {
    throw new DeskError(
      'validation',
      `Enrolment ${input.enrolmentId} is not an enrolment of this student; reload the worklist.`,
      { field: 'enrolmentId' },
    );
  }
  const due = (await indNotificationsDue(ctx)).find((item) => item.enrolmentId === input.enrolmentId);
  if (!due) {
    throw new DeskError(
      'refused',
      'No IND notification is due for this enrolment: it was already recorded, or the student does not hold a residence permit for study whose enrolment ended (Art 33.8).',
    );
  }
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('indNotifications')
      .values({
        studentId: input.studentId,
        enrolmentId: input.enrolmentId,
        ground: due.ground,
        notifiedOn: input.notifiedOn,
        reference: input.reference,
        createdAt: at,
        createdBy: ctx.actor.name,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.actor, at, {
      action: 'student.ind-notification',
      entity: 'student',
      entityId: due.studentNumber,
      after: {
        enrolment: row.enrolmentId,
        ground: row.ground,
        notifiedOn: row.notifiedOn,
        reference: row.reference,
      },
      reason: `${due.article}: ${due.notify}`,
    });
    return {
      id: row.id,
      studentId: row.studentId,
      enrolmentId: row.enrolmentId,
      ground: row.ground,
      notifiedOn: row.notifiedOn,
      reference: row.reference,
      recordedBy: row.createdBy,
      recordedAt: row.createdAt,
    };
  });
}
