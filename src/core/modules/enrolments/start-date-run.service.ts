import { createHash } from 'node:crypto';
import { DeskError } from '../../../shared/errors';
import { recordAudit } from '../../db/audit';
import type { ServiceContext } from '../../context';
import { toEnrolmentView } from '../ledger/ledger.repo';
import { changeEnrolmentStatus, reasonsText, todayOf } from './enrolments.service';
import { assessEnrolmentById, assessEnrolmentRows, type EnrolmentAssessment } from './enrolments.repo';
import { renderMissingDocumentsLetter } from './missing-documents-letter.pdf';

/** One change the start-date run makes (or, in a dry run, would make). */
export interface StartDateAction {
  enrolmentId: number;
  studentId: number;
  studentNumber: string;
  name: string;
  from: 'applied' | 'awaiting-documents';
  to: 'denied' | 'administrative-hold';
  missing: ('a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g')[];
  reasons: { article: string; text: string }[];
  creditedCents: number;
}

/**
 * Art 13.3 on `today`: every enrolment still applied for or awaiting documents whose required document is
 * missing is denied (prior education or legal residence missing, or a non-EU/EEA diploma past the Art 12.3
 * deadline) or placed on administrative hold. A denial credits the fee. Nothing else about the student
 * changes: the profile, documents and history are kept. All in one transaction; a dry run only lists.
 */
export async function runStartDateCheck(
  ctx: ServiceContext,
  input: { today: string; dryRun: boolean },
): Promise<{ today: string; dryRun: boolean; actions: StartDateAction[] }> {
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('enrolments')
      .selectAll()
      .where('status', 'in', ['applied', 'awaiting-documents'])
      .where('requestJson', 'is not', null)
      .orderBy('startDate')
      .orderBy('id')
      .execute();
    const assessments = await assessEnrolmentRows(trx, rows, input.today);
    const students = new Map(
      (
        await trx
          .selectFrom('students')
          .select(['id', 'studentNumber', 'givenNames', 'familyName'])
          .where('id', 'in', rows.length === 0 ? [0] : [...new Set(rows.map((r) => r.studentId))])
          .execute()
      ).map((s) => [s.id, s]),
    );
    const actions: StartDateAction[] = [];
    for (const a of assessments) {
      const outcome = a.consequence?.outcome;
      if (outcome !== 'denied' && outcome !== 'administrative-hold') continue;
      const consequence = a.consequence;
      const student = students.get(a.row.studentId);
      if (!consequence || !student) continue;
      const reason = `Start-date check of ${input.today}: ${reasonsText(consequence.reasons)}`;
      const { creditedCents } = input.dryRun
        ? { creditedCents: 0 }
        : await changeEnrolmentStatus(trx, ctx, a, outcome, reason);
      actions.push({
        enrolmentId: a.row.id,
        studentId: a.row.studentId,
        studentNumber: student.studentNumber,
        name: `${student.givenNames} ${student.familyName}`,
        from: a.row.status as StartDateAction['from'],
        to: outcome,
        missing: consequence.missing,
        reasons: consequence.reasons,
        creditedCents,
      });
    }
    if (!input.dryRun && actions.length > 0) {
      await recordAudit(trx, ctx.actor, ctx.clock.now().toISOString(), {
        action: 'enrolment.startDateRun',
        entity: 'enrolments',
        entityId: input.today,
        after: {
          denied: actions.filter((x) => x.to === 'denied').length,
          held: actions.filter((x) => x.to === 'administrative-hold').length,
        },
      });
    }
    return { today: input.today, dryRun: input.dryRun, actions };
  });
}

/** The day the letter speaks of: the day the enrolment was denied or held, else today. */
function letterDateOf(a: EnrolmentAssessment, today: string): string {
  if (a.row.status !== 'denied' && a.row.status !== 'administrative-hold') return today;
  return (
    a.transitions
      .filter((t) => t.to === a.row.status)
      .at(-1)
      ?.at.slice(0, 10) ?? today
  );
}

/**
 * The letter to the student about documents missing: before the start a reminder of what follows, and
 * after a denial or hold the decision, with the documents, the consequence and the articles (Art 13).
 */
export async function issueMissingDocumentsLetter(
  ctx: ServiceContext,
  input: { enrolmentId: number; today?: string | undefined },
): Promise<{ fileName: string; pdfBase64: string }> {
  const today = input.today ?? todayOf(ctx);
  const first = await assessEnrolmentById(ctx.db, input.enrolmentId, today);
  const letterDate = letterDateOf(first, today);
  // The documents and the consequence as they stood on the day of the decision.
  const a = letterDate === today ? first : await assessEnrolmentById(ctx.db, input.enrolmentId, letterDate);
  if (!a.checklist || !a.consequence) {
    throw new DeskError('refused', a.checklistUnavailable ?? 'The checklist cannot be computed.');
  }
  const outcome =
    a.row.status === 'denied' || a.row.status === 'administrative-hold'
      ? a.row.status
      : a.consequence.outcome === 'complete'
        ? null
        : 'awaiting-documents';
  if (outcome === null || a.consequence.missing.length === 0) {
    throw new DeskError(
      'refused',
      'No required document is missing for this enrolment, so there is nothing to write.',
    );
  }
  const student = await ctx.db
    .selectFrom('students')
    .select(['studentNumber', 'givenNames', 'familyName', 'email'])
    .where('id', '=', a.row.studentId)
    .executeTakeFirstOrThrow();
  const records = new Map(a.documents.map((d) => [d.document, d]));
  const missing = a.checklist
    .filter((d) => a.consequence?.missing.includes(d.document))
    .map((d) => ({
      document: d.document,
      label: d.label,
      article: d.article,
      deadline: d.deadline,
      status: records.get(d.document)?.status ?? 'not received',
      rejectionReason: records.get(d.document)?.rejectionReason ?? null,
    }));
  const reasons = a.consequence.reasons;
  const reference = `DOC-${student.studentNumber}-${a.row.id}-${letterDate.replaceAll('-', '')}`;
  const fileName = `missing-documents-${student.studentNumber}-${letterDate}.pdf`;
  const pdf = await renderMissingDocumentsLetter(
    {
      reference,
      letterDate,
      student,
      programmeName: toEnrolmentView(a.row).programmeName,
      startDate: a.row.startDate,
      outcome,
      missing,
      reasons,
    },
    { provisions: a.provisions, createdAt: ctx.clock.now() },
  );
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await recordAudit(trx, ctx.actor, at, {
      action: 'enrolment.missingDocumentsLetter',
      entity: 'student',
      entityId: student.studentNumber,
      after: {
        enrolment: a.row.id,
        outcome,
        missing: missing.map((m) => m.document),
        reference,
        fileName,
        sha256: createHash('sha256').update(pdf).digest('hex'),
      },
    });
  });
  return { fileName, pdfBase64: pdf.toString('base64') };
}
