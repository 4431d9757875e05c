import type { Transaction } from 'kysely';
import type { ResitStanding, RetentionItem } from '../../../shared/api/resit-retention.contract';
import { DeskError } from '../../../shared/errors';
import { recordAudit } from '../../db/audit';
import type { Database } from '../../db/database';
import type { DeskDb } from '../../db/connection';
import type { ServiceContext } from '../../context';
import type { GuideReason } from './course-registration.rules';
import { parseSemesterKey } from './exchange-calendar';
import type { ExchangeGuide } from './exchange-guide.schema';
import { loadExchangeGuide } from './load-exchange-guide';
import {
  activeRegistrationsOf,
  exclusionsOf,
  latestOutcomes,
  latestStayOf,
  plagiarismFindingsOf,
  resitsOf,
  runsOf,
  stayRequestOf,
  stayRequestsOf,
} from './resit-retention.repo';
import {
  checkResitStayRequest,
  checkRetentionRun,
  decideRetention,
  endsWithFallSemester,
  registrationRefusal,
  retentionChange,
  retentionRules,
} from './resit-retention.rules';

/*
 * Use cases of re-sit retention (issue 6.6; Exchange guide, Location of the re-sit): the request of a fall
 * student to stay for the period-2 re-sits, the worklist of a fall semester, and the run that records each
 * student's removal from active registration or retention until the re-sits, with the new UM account end.
 * Every mutation runs in one transaction with its audit rows; refusals state the rule.
 */

type Db = DeskDb | Transaction<Database>;

const todayOf = (ctx: Pick<ServiceContext, 'clock'>): string => ctx.clock.now().toISOString().slice(0, 10);

const refusalMessage = (reasons: readonly GuideReason[]) =>
  reasons.map((r) => `${r.text} (${r.article})`).join(' ');

function guideOfSemester(semester: string): ExchangeGuide {
  try {
    return loadExchangeGuide(parseSemesterKey(semester).academicYear);
  } catch (error) {
    throw new DeskError('refused', (error as Error).message, { field: 'semester' });
  }
}

/** The fall semester a stay ends with, or null when it ends in spring. */
const fallSemesterOf = (semesters: readonly string[]): string | null => {
  const last = semesters.at(-1) ?? '';
  return /-fall$/.test(last) ? last : null;
};

/** A student's standing for re-sits: request to stay, whether one can be recorded, retention, plagiarism. */
export async function resitStanding(db: Db, today: string, studentId: number): Promise<ResitStanding> {
  const stay = await latestStayOf(db, studentId);
  if (!stay) throw new DeskError('not_found', 'This student has no exchange recorded.');
  const semester = fallSemesterOf(stay.semesters);
  const academicYear = parseSemesterKey(stay.semesters.at(-1) ?? '').academicYear;
  const guide = guideOfSemester(stay.semesters.at(-1) ?? '');
  const request = semester ? await stayRequestOf(db, stay.id, semester) : undefined;
  const recorded = (await latestOutcomes(db, [stay.id])).get(stay.id) ?? null;
  const resits = (await resitsOf(db, [studentId], academicYear)).get(studentId) ?? [];
  const exclusion = (await exclusionsOf(db, [studentId], academicYear)).get(studentId) ?? null;
  const canRequest = checkResitStayRequest(guide, {
    semesters: stay.semesters,
    today,
    resits,
    exclusion,
    request: request ?? null,
    recorded,
  });
  const r = guide.resitRetention;
  return {
    studentId,
    asOf: today,
    semester,
    resitPeriod: r.resitPeriod,
    removalOn: r.removalOn,
    keptUntil: r.resitWindow.lastSittingOn,
    request: request
      ? {
          status: request.status,
          requestedOn: request.requestedOn,
          withdrawnOn: request.withdrawnOn,
          note: request.note,
          updatedAt: request.updatedAt,
          updatedBy: request.updatedBy,
        }
      : null,
    canRequest,
    registration: recorded
      ? {
          state: recorded.outcome,
          on: recorded.effectiveOn,
          umAccountEndsOn: recorded.umAccountEndsOn,
          reasons: recorded.reasons,
          decidedAt: recorded.createdAt,
          decidedBy: recorded.createdBy,
        }
      : {
          state: 'active',
          on: null,
          umAccountEndsOn: stay.umAccountEndsOn,
          reasons: [],
          decidedAt: null,
          decidedBy: null,
        },
    plagiarism: {
      findings: await plagiarismFindingsOf(db, studentId),
      exclusion,
      rule: { article: guide.resits.plagiarism.source, text: guide.resits.plagiarism.text },
    },
  };
}

/** Records a fall student's request to stay for the period-2 re-sits; refused with the rule. */
export async function recordResitStay(
  ctx: ServiceContext,
  input: { studentId: number; requestedOn: string; note: string | null },
): Promise<ResitStanding> {
  const today = todayOf(ctx);
  if (input.requestedOn > today) {
    throw new DeskError('validation', `The request cannot be dated after today (${today}).`, {
      field: 'requestedOn',
    });
  }
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const standing = await resitStanding(trx, today, input.studentId);
    if (standing.canRequest.outcome === 'refused' || standing.semester === null) {
      throw new DeskError('refused', refusalMessage(standing.canRequest.reasons));
    }
    const stay = await latestStayOf(trx, input.studentId);
    if (!stay) throw new DeskError('not_found', 'This student has no exchange recorded.');
    const before = await stayRequestOf(trx, stay.id, standing.semester);
    const values = {
      status: 'requested' as const,
      requestedOn: input.requestedOn,
      withdrawnOn: null,
      note: input.note,
      updatedAt: at,
      updatedBy: ctx.actor.name,
    };
    if (before) {
      await trx
        .updateTable('exchangeResitStayRequests')
        .set({ ...values, version: before.version + 1 })
        .where('id', '=', before.id)
        .execute();
    } else {
      await trx
        .insertInto('exchangeResitStayRequests')
        .values({
          ...values,
          stayId: stay.id,
          studentId: input.studentId,
          semester: standing.semester,
          createdAt: at,
        })
        .execute();
    }
    await recordAudit(trx, ctx.actor, at, {
      action: 'exchange.recordResitStay',
      entity: 'student',
      entityId: input.studentId,
      before: before ? { status: before.status, requestedOn: before.requestedOn } : null,
      after: { semester: standing.semester, status: 'requested', requestedOn: input.requestedOn },
      reason: refusalMessage(standing.canRequest.reasons),
    });
  });
  return resitStanding(ctx.db, today, input.studentId);
}

/** Withdraws a request to stay; the next run removes the student. */
export async function withdrawResitStay(
  ctx: ServiceContext,
  input: { studentId: number; withdrawnOn: string },
): Promise<ResitStanding> {
  const today = todayOf(ctx);
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const stay = await latestStayOf(trx, input.studentId);
    if (!stay) throw new DeskError('not_found', 'This student has no exchange recorded.');
    const semester = fallSemesterOf(stay.semesters);
    const request = semester ? await stayRequestOf(trx, stay.id, semester) : undefined;
    if (request?.status !== 'requested') {
      throw new DeskError('refused', 'No request to stay for the re-sits is recorded for this student.');
    }
    if (input.withdrawnOn < request.requestedOn || input.withdrawnOn > today) {
      throw new DeskError(
        'validation',
        `The withdrawal must be dated between the request (${request.requestedOn}) and today (${today}).`,
        { field: 'withdrawnOn' },
      );
    }
    await trx
      .updateTable('exchangeResitStayRequests')
      .set({
        status: 'withdrawn',
        withdrawnOn: input.withdrawnOn,
        version: request.version + 1,
        updatedAt: at,
        updatedBy: ctx.actor.name,
      })
      .where('id', '=', request.id)
      .execute();
    await recordAudit(trx, ctx.actor, at, {
      action: 'exchange.withdrawResitStay',
      entity: 'student',
      entityId: input.studentId,
      before: { status: 'requested', requestedOn: request.requestedOn },
      after: { status: 'withdrawn', withdrawnOn: input.withdrawnOn },
    });
  });
  return resitStanding(ctx.db, today, input.studentId);
}

/** Every fall student of the semester with the outcome of a run today, and the facts a run writes. */
async function evaluateSemester(db: Db, semester: string, today: string) {
  const guide = guideOfSemester(semester);
  const { academicYear } = parseSemesterKey(semester);
  const stays = await db
    .selectFrom('exchangeStays as s')
    .innerJoin('students as st', 'st.id', 's.studentId')
    .select([
      's.id',
      's.studentId',
      's.semestersJson',
      's.homeUniversity',
      's.umAccountEndsOn',
      's.version',
      'st.studentNumber',
      'st.givenNames',
      'st.familyName',
    ])
    .where('s.semestersJson', 'like', `%"${semester}"%`)
    .orderBy('st.studentNumber')
    .execute();
  const ofSemester = stays.map((s) => ({ ...s, semesters: JSON.parse(s.semestersJson) as string[] }));
  const fall = ofSemester.filter((s) => endsWithFallSemester(s.semesters, semester));
  const stayIds = fall.map((s) => s.id);
  const studentIds = fall.map((s) => s.studentId);
  const [outcomes, requests, resits, exclusions] = await Promise.all([
    latestOutcomes(db, stayIds),
    stayRequestsOf(db, stayIds, semester),
    resitsOf(db, studentIds, academicYear),
    exclusionsOf(db, studentIds, academicYear),
  ]);
  const items = fall.map((stay) => {
    const recorded = outcomes.get(stay.id) ?? null;
    const request = requests.get(stay.id) ?? null;
    const attempts = resits.get(stay.studentId) ?? [];
    const decision = decideRetention(guide, {
      semesters: stay.semesters,
      semester,
      today,
      resits: attempts,
      exclusion: exclusions.get(stay.studentId) ?? null,
      request,
      recorded,
      umAccountEndsOn: stay.umAccountEndsOn,
    });
    const item: RetentionItem = {
      studentId: stay.studentId,
      studentNumber: stay.studentNumber,
      name: `${stay.givenNames} ${stay.familyName}`,
      homeUniversity: stay.homeUniversity,
      outcome: decision.outcome,
      effectiveOn: decision.effectiveOn,
      umAccountEndsOnBefore: stay.umAccountEndsOn,
      umAccountEndsOn: decision.umAccountEndsOn,
      request: request?.status ?? 'none',
      resits: [...decision.resits],
      withdrawsResits: [...decision.withdrawsResits],
      needsAttention: decision.needsAttention,
      change: retentionChange(decision, recorded),
      recorded: recorded
        ? {
            outcome: recorded.outcome,
            effectiveOn: recorded.effectiveOn,
            decidedAt: recorded.createdAt,
            decidedBy: recorded.createdBy,
          }
        : null,
      reasons: decision.reasons,
    };
    const withdrawn = attempts.filter(
      (a) => a.status === 'registered' && decision.withdrawsResits.includes(a.code),
    );
    return { item, stay, withdrawn };
  });
  return { guide, items, continuing: ofSemester.length - fall.length };
}

/** The worklist of a fall semester before the run: each student's outcome with reasons, and the runs so far. */
export async function retentionWorklist(ctx: Pick<ServiceContext, 'db' | 'clock'>, semester: string) {
  const today = todayOf(ctx);
  const { guide, items, continuing } = await evaluateSemester(ctx.db, semester, today);
  const r = guide.resitRetention;
  return {
    semester,
    asOf: today,
    removalOn: r.removalOn,
    resitPeriod: r.resitPeriod,
    resitWindow: r.resitWindow,
    canRun: checkRetentionRun(guide, today),
    rules: retentionRules(guide),
    continuing,
    items: items.map((i) => i.item),
    runs: await runsOf(ctx.db, semester),
  };
}

/**
 * Runs the retention of a fall semester: a dry run shows what would change; the real run (from the removal
 * day on) records each change with its audit row, moves the UM account's end and withdraws the open re-sit
 * registrations of removed students. Running again with the same facts changes nothing.
 */
export async function runRetention(ctx: ServiceContext, input: { semester: string; dryRun: boolean }) {
  const today = todayOf(ctx);
  const at = ctx.clock.now().toISOString();
  const summarise = (items: readonly RetentionItem[], runId: number | null) => ({
    dryRun: input.dryRun,
    runId,
    runOn: today,
    removed: items.filter((i) => i.change === 'remove').length,
    kept: items.filter((i) => i.change === 'keep').length,
    unchanged: items.filter((i) => i.change === 'unchanged').length,
    items: [...items],
  });
  if (input.dryRun) {
    const { items } = await evaluateSemester(ctx.db, input.semester, today);
    return summarise(
      items.map((i) => i.item),
      null,
    );
  }
  const check = checkRetentionRun(guideOfSemester(input.semester), today);
  if (check.outcome === 'refused') throw new DeskError('refused', refusalMessage(check.reasons));
  return ctx.db.transaction().execute(async (trx) => {
    const { items } = await evaluateSemester(trx, input.semester, today);
    const summary = summarise(
      items.map((i) => i.item),
      null,
    );
    const run = await trx
      .insertInto('exchangeRetentionRuns')
      .values({
        semester: input.semester,
        runOn: today,
        removedCount: summary.removed,
        keptCount: summary.kept,
        unchangedCount: summary.unchanged,
        createdAt: at,
        createdBy: ctx.actor.name,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const { item, stay, withdrawn } of items) {
      if (item.change === 'unchanged') continue;
      await trx
        .insertInto('exchangeRetentionOutcomes')
        .values({
          runId: run.id,
          stayId: stay.id,
          studentId: stay.studentId,
          semester: input.semester,
          outcome: item.outcome,
          effectiveOn: item.effectiveOn,
          umAccountEndsOnBefore: stay.umAccountEndsOn,
          umAccountEndsOnAfter: item.umAccountEndsOn,
          withdrawnResitsJson: JSON.stringify(withdrawn.map((w) => w.code)),
          reasonsJson: JSON.stringify(item.reasons),
          createdAt: at,
          createdBy: ctx.actor.name,
        })
        .execute();
      if (item.umAccountEndsOn !== stay.umAccountEndsOn) {
        await trx
          .updateTable('exchangeStays')
          .set({
            umAccountEndsOn: item.umAccountEndsOn,
            version: stay.version + 1,
            updatedAt: at,
            updatedBy: ctx.actor.name,
          })
          .where('id', '=', stay.id)
          .where('version', '=', stay.version)
          .execute();
      }
      for (const attempt of withdrawn) {
        await trx
          .updateTable('examAttempts')
          .set({
            status: 'deregistered',
            version: attempt.version + 1,
            updatedAt: at,
            updatedBy: ctx.actor.name,
          })
          .where('id', '=', attempt.id)
          .execute();
      }
      await recordAudit(trx, ctx.actor, at, {
        action: item.outcome === 'removed' ? 'exchange.removeFromRegistration' : 'exchange.keepForResits',
        entity: 'student',
        entityId: stay.studentId,
        before: {
          state: item.recorded?.outcome ?? 'active',
          umAccountEndsOn: stay.umAccountEndsOn,
        },
        after: {
          state: item.outcome,
          effectiveOn: item.effectiveOn,
          umAccountEndsOn: item.umAccountEndsOn,
          withdrawnResits: withdrawn.map((w) => w.code),
          runId: run.id,
        },
        reason: refusalMessage(item.reasons),
      });
    }
    await recordAudit(trx, ctx.actor, at, {
      action: 'exchange.retentionRun',
      entity: 'exchange-retention-run',
      entityId: run.id,
      after: {
        semester: input.semester,
        runOn: today,
        removed: summary.removed,
        kept: summary.kept,
        unchanged: summary.unchanged,
      },
      reason: refusalMessage(check.reasons),
    });
    return { ...summary, runId: run.id };
  });
}

/**
 * Refuses an operation a student's retention no longer allows: nothing after removal, only re-sits while
 * kept (Exchange guide, Location of the re-sit). Called inside the operation's transaction.
 */
export async function refuseUnlessRegistrationAllows(
  db: Db,
  studentId: number,
  operation: 'course' | 'resit',
): Promise<void> {
  const stay = await latestStayOf(db, studentId);
  if (!stay) return;
  const recorded = (await latestOutcomes(db, [stay.id])).get(stay.id);
  if (!recorded) return;
  const refusal = registrationRefusal(guideOfSemester(stay.semesters.at(-1) ?? ''), recorded, operation);
  if (refusal) throw new DeskError('refused', refusalMessage([refusal]));
}

/** The state of active registration per student for the overview (absent: active). */
export async function activeRegistrationStates(db: Db, studentIds: readonly number[]) {
  const states = await activeRegistrationsOf(db, studentIds);
  return (studentId: number) => states.get(studentId) ?? { state: 'active' as const, on: null };
}
