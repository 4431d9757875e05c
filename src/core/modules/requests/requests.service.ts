import type { Transaction } from 'kysely';
import { maxAttachmentBytes } from '../../../shared/api/enrolments.contract';
import {
  sscRequestKindLabels,
  type SscRequestDetails,
  type SscRequestKind,
  type SscRequestView,
} from '../../../shared/api/requests.contract';
import { DeskError } from '../../../shared/errors';
import { feeFactsSchema } from '../../../shared/facts/fee-facts';
import { enrolmentRequestSchema } from '../../../shared/facts/student-profile';
import type { AttachmentStore } from '../../attachments/attachment-store';
import type { ServiceContext } from '../../context';
import { recordAudit } from '../../db/audit';
import type { Database } from '../../db/database';
import { assertCurrentVersion } from '../../db/versioning';
import { availableAcademicYears, loadProvisions } from '../../provisions/load-provisions';
import { detectAttachmentType } from '../enrolments/document-review.service';
import { feedFeeFactsInTransaction } from '../ledger/fee-feed';
import type { ProvisionReason } from '../payments/provision-reason';
import { renderDecisionLetter } from './decision-letter.pdf';
import type { StoredContents } from '../issuing/issuing.repo';
import { registerRenderedDocument } from '../issuing/issuing.service';
import {
  findRequestRow,
  requestViews,
  type RequestRow,
  selectEvidence,
  selectRequests,
  toRequestViews,
} from './requests.repo';
import {
  articlesOfKind,
  checkCompleteness,
  compareWorklistEntries,
  decisionAllowed,
  evidenceRequirements,
  feeFeedOfGrant,
  kindNeedsEnrolment,
} from './requests.rules';

/** What the requests module needs besides the database, clock and actor: the store for scans and letters. */
export interface RequestsContext extends ServiceContext {
  readonly attachments: AttachmentStore;
}

type Trx = Transaction<Database>;

function todayOf(ctx: ServiceContext): string {
  return ctx.clock.now().toISOString().slice(0, 10);
}

async function viewOf(db: ServiceContext['db'], requestId: number, today: string): Promise<SscRequestView> {
  const row = await findRequestRow(db, requestId);
  if (!row) throw new DeskError('not_found', `Request ${requestId} does not exist; reload the worklist.`);
  const [view] = await requestViews(db, [row], today);
  if (!view) throw new Error(`Request ${requestId} has no view.`);
  return view;
}

/** The next reference of the calendar year the request was received in: 'SSC-2022-00012'. */
async function nextReference(trx: Trx, receivedOn: string): Promise<string> {
  const prefix = `SSC-${receivedOn.slice(0, 4)}-`;
  const last = await trx
    .selectFrom('sscRequests')
    .select((eb) => eb.fn.max('reference').as('reference'))
    .where('reference', 'like', `${prefix}%`)
    .executeTakeFirst();
  const sequence = last?.reference ? Number(last.reference.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(sequence).padStart(5, '0')}`;
}

/** Registers a request as the CSP received it (Art 42); the evidence follows with `attachEvidence`. */
export async function registerRequest(
  ctx: ServiceContext,
  input: {
    studentId: number;
    enrolmentId: number | null;
    kind: SscRequestKind;
    receivedOn: string;
    grounds: string;
    details: SscRequestDetails;
  },
): Promise<SscRequestView> {
  const today = todayOf(ctx);
  if (input.receivedOn > today)
    throw new DeskError('validation', 'The request cannot have been received after today.', {
      field: 'receivedOn',
    });
  if (kindNeedsEnrolment(input.kind) && input.enrolmentId === null)
    throw new DeskError(
      'validation',
      `Choose the enrolment the request concerns: a decision on it changes that enrolment (${articlesOfKind[input.kind].join(', ')}).`,
      { field: 'enrolmentId' },
    );
  const id = await ctx.db.transaction().execute(async (trx) => {
    const student = await trx
      .selectFrom('students')
      .select(['id', 'studentNumber'])
      .where('id', '=', input.studentId)
      .executeTakeFirst();
    if (!student)
      throw new DeskError(
        'not_found',
        `No student with id ${input.studentId}; search for the student again.`,
      );
    if (input.enrolmentId !== null) {
      const enrolment = await trx
        .selectFrom('enrolments')
        .select(['id', 'studentId'])
        .where('id', '=', input.enrolmentId)
        .executeTakeFirst();
      if (enrolment?.studentId !== input.studentId)
        throw new DeskError(
          'validation',
          'That enrolment is not one of this student’s; reload the student.',
          {
            field: 'enrolmentId',
          },
        );
    }
    const at = ctx.clock.now().toISOString();
    const reference = await nextReference(trx, input.receivedOn);
    const { id } = await trx
      .insertInto('sscRequests')
      .values({
        reference,
        studentId: input.studentId,
        enrolmentId: input.enrolmentId,
        kind: input.kind,
        receivedOn: input.receivedOn,
        grounds: input.grounds,
        detailsJson: JSON.stringify(input.details),
        createdAt: at,
        createdBy: ctx.actor.name,
        updatedAt: at,
        updatedBy: ctx.actor.name,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.actor, at, {
      action: 'requests.register',
      entity: 'ssc_request',
      entityId: reference,
      after: {
        student: student.studentNumber,
        enrolment: input.enrolmentId,
        kind: input.kind,
        receivedOn: input.receivedOn,
        details: input.details,
      },
      reason: input.grounds,
    });
    return id;
  });
  return viewOf(ctx.db, id, today);
}

/** The open request as it is now, refused when missing, decided or changed since it was read. */
async function openRequest(trx: Trx, requestId: number, expectedVersion: number) {
  const row = await findRequestRow(trx, requestId);
  if (!row) throw new DeskError('not_found', `Request ${requestId} does not exist; reload the worklist.`);
  if (row.status !== 'open')
    throw new DeskError(
      'conflict',
      `${row.reference} was already ${row.status} on ${row.decidedOn ?? '?'} by ${row.decidedBy ?? '?'}; an objection goes to the Executive Board (Art 43).`,
    );
  assertCurrentVersion(row, expectedVersion, `Request ${row.reference}`);
  return row;
}

/** Attaches a scan as evidence: a PDF, JPG or PNG (by its first bytes) of a kind the request needs. */
export async function attachEvidence(
  ctx: RequestsContext,
  input: {
    requestId: number;
    expectedVersion: number;
    evidence: string;
    receivedOn: string;
    fileName: string;
    contentBase64: string;
  },
): Promise<SscRequestView> {
  const bytes = Buffer.from(input.contentBase64, 'base64');
  if (bytes.length === 0) throw new DeskError('validation', 'The scan is empty.', { field: 'contentBase64' });
  if (bytes.length > maxAttachmentBytes)
    throw new DeskError('validation', 'The scan is larger than 10 MB.', { field: 'contentBase64' });
  const contentType = detectAttachmentType(bytes);
  if (contentType === null)
    throw new DeskError(
      'validation',
      `${input.fileName} is not a PDF, JPG or PNG file; scan the document to one of those.`,
      { field: 'contentBase64' },
    );
  const today = todayOf(ctx);
  if (input.receivedOn > today)
    throw new DeskError('validation', 'The evidence cannot have been received after today.', {
      field: 'receivedOn',
    });
  await ctx.db.transaction().execute(async (trx) => {
    const row = await openRequest(trx, input.requestId, input.expectedVersion);
    const requirement = evidenceRequirements[row.kind].find(
      (r) => r.key === input.evidence && r.source === 'scan',
    );
    if (!requirement)
      throw new DeskError(
        'validation',
        `A ${sscRequestKindLabels[row.kind].toLowerCase()} needs: ${evidenceRequirements[row.kind]
          .filter((r) => r.source === 'scan')
          .map((r) => r.key)
          .join(', ')}.`,
        { field: 'evidence' },
      );
    if (input.receivedOn < row.receivedOn)
      throw new DeskError(
        'validation',
        `Evidence for this request cannot have arrived before the request itself (${row.receivedOn}).`,
        { field: 'receivedOn' },
      );
    // The file first: a row never points at a scan that is not stored.
    const { sha256 } = ctx.attachments.put(bytes);
    const at = ctx.clock.now().toISOString();
    await trx
      .insertInto('sscRequestEvidence')
      .values({
        requestId: row.id,
        evidence: input.evidence,
        receivedOn: input.receivedOn,
        fileName: input.fileName,
        contentType,
        sha256,
        createdAt: at,
        createdBy: ctx.actor.name,
      })
      .execute();
    await trx
      .updateTable('sscRequests')
      .set({ version: row.version + 1, updatedAt: at, updatedBy: ctx.actor.name })
      .where('id', '=', row.id)
      .execute();
    await recordAudit(trx, ctx.actor, at, {
      action: 'requests.attachEvidence',
      entity: 'ssc_request',
      entityId: row.reference,
      after: { evidence: input.evidence, fileName: input.fileName, sha256, receivedOn: input.receivedOn },
      reason: `${requirement.label} (${requirement.article})`,
    });
  });
  return viewOf(ctx.db, input.requestId, today);
}

/** A piece of evidence's scan, read back and checked against its hash. */
export async function evidenceFile(ctx: RequestsContext, evidenceId: number) {
  const row = await ctx.db
    .selectFrom('sscRequestEvidence')
    .selectAll()
    .where('id', '=', evidenceId)
    .executeTakeFirst();
  if (!row) throw new DeskError('not_found', `Evidence ${evidenceId} does not exist.`);
  return {
    fileName: row.fileName,
    contentType: row.contentType,
    contentBase64: ctx.attachments.get(row.sha256).toString('base64'),
  };
}

/** One request as staff see it. */
export function requestById(ctx: ServiceContext, requestId: number): Promise<SscRequestView> {
  return viewOf(ctx.db, requestId, todayOf(ctx));
}

/** A student's requests, newest first. */
export async function requestsOfStudent(ctx: ServiceContext, studentId: number): Promise<SscRequestView[]> {
  const rows = await selectRequests(ctx.db)
    .where('sscRequests.studentId', '=', studentId)
    .orderBy('sscRequests.id', 'desc')
    .execute();
  return requestViews(ctx.db, rows, todayOf(ctx));
}

/** Open requests by their Art 42 deadline, overdue first; incomplete ones (no term yet) after them. */
export async function requestsWorklist(
  ctx: ServiceContext,
): Promise<{ today: string; rows: SscRequestView[] }> {
  const today = todayOf(ctx);
  const rows = await selectRequests(ctx.db).where('sscRequests.status', '=', 'open').execute();
  const views = toRequestViews(
    rows,
    await selectEvidence(
      ctx.db,
      rows.map((r) => r.id),
    ),
    today,
  );
  views.sort((a, b) =>
    compareWorklistEntries(
      { deadline: a.term?.deadline ?? null, receivedOn: a.receivedOn, id: a.id },
      { deadline: b.term?.deadline ?? null, receivedOn: b.receivedOn, id: b.id },
    ),
  );
  return { today, rows: views };
}

/** The provisions of an enrolment's year, or the latest known when that year has none. */
function provisionsOf(academicYear: string | null) {
  return academicYear && availableAcademicYears().includes(academicYear)
    ? loadProvisions(academicYear)
    : loadProvisions(availableAcademicYears().at(-1));
}

/**
 * The SSC director's decision (Art 42, 44): granted or refused with reasoning. A grant needs a complete
 * request; a granted exemption feeds the enrolment's fee facts, which are assessed again with the difference
 * booked (Art 31.2–31.3). The decision letter with the objection route (Art 43) is stored by its hash.
 */
export async function decideRequest(
  ctx: RequestsContext,
  input: { requestId: number; expectedVersion: number; outcome: 'granted' | 'refused'; reasoning: string },
): Promise<SscRequestView> {
  const today = todayOf(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await openRequest(trx, input.requestId, input.expectedVersion);
    const evidence = await selectEvidence(trx, [row.id]);
    const [view] = toRequestViews([row], evidence, today);
    if (!view) throw new Error(`Request ${row.id} has no view.`);
    const completeness = checkCompleteness({
      kind: row.kind,
      receivedOn: row.receivedOn,
      details: view.details,
      evidence,
    });
    const allowed = decisionAllowed(input.outcome, completeness);
    if (allowed.outcome === 'refuse')
      throw new DeskError('conflict', allowed.reasons.map((r) => `${r.text} (${r.article})`).join(' '));

    const at = ctx.clock.now().toISOString();
    const effects: ProvisionReason[] = [];
    if (input.outcome === 'granted' && row.enrolmentId !== null) {
      const enrolment = await trx
        .selectFrom('enrolments')
        .selectAll()
        .where('id', '=', row.enrolmentId)
        .executeTakeFirstOrThrow();
      const feed = feeFeedOfGrant({
        kind: row.kind,
        facts: feeFactsSchema.parse(JSON.parse(enrolment.feeFactsJson)),
        details: view.details,
        decidedOn: today,
        reference: row.reference,
      });
      if (feed) {
        // The fee's own reasons for the articles the request rests on, e.g. the Art 30.9 exemption.
        const fed = await feedFeeFactsInTransaction(trx, ctx, enrolment, {
          facts: feed.facts,
          reason: `${row.reference}: ${sscRequestKindLabels[row.kind]} granted by the SSC director`,
          feedReasons: feed.reasons,
          grounds: articlesOfKind[row.kind],
        });
        effects.push(...fed.reasons);
        if (feed.interimStartDecision && enrolment.requestJson !== null) {
          // Art 4.4–4.5: the enrolment request records the SSC director's decision permitting the start.
          const request = enrolmentRequestSchema.parse(JSON.parse(enrolment.requestJson));
          await trx
            .updateTable('enrolments')
            .set({
              requestJson: JSON.stringify({
                ...request,
                ...(view.details.requestedStartDate ? { startDate: view.details.requestedStartDate } : {}),
                interimStartDecision: feed.interimStartDecision,
              }),
            })
            .where('id', '=', enrolment.id)
            .execute();
        }
      }
    }

    // The letter is registered (number, verification code, QR, SHA-256) and stored before the row is written.
    const letter = await registerDecisionLetter(trx, ctx, row, {
      letterDate: today,
      kindLabel: view.kindLabel,
      enrolmentLabel: view.enrolmentLabel,
      completedOn: completeness.completedOn,
      outcome: input.outcome,
      reasoning: input.reasoning,
      effects,
      decidedBy: ctx.actor.name,
      decidedOn: today,
    });
    const { sha256 } = letter.document;
    const letterFileName = letter.fileName;
    await trx
      .updateTable('sscRequests')
      .set({
        status: input.outcome,
        decidedOn: today,
        decidedBy: ctx.actor.name,
        decidedById: ctx.actor.id,
        decisionReasoning: input.reasoning,
        decisionEffectsJson: JSON.stringify(effects),
        letterSha256: sha256,
        letterFileName,
        version: row.version + 1,
        updatedAt: at,
        updatedBy: ctx.actor.name,
      })
      .where('id', '=', row.id)
      .execute();
    await recordAudit(trx, ctx.actor, at, {
      action: 'requests.decide',
      entity: 'ssc_request',
      entityId: row.reference,
      before: { status: 'open', version: row.version },
      after: { status: input.outcome, effects, letter: letterFileName, letterSha256: sha256 },
      reason: input.reasoning,
    });
  });
  return viewOf(ctx.db, input.requestId, today);
}

/** What a decision letter states besides the request itself. */
interface LetterFacts {
  letterDate: string;
  kindLabel: string;
  enrolmentLabel: string | null;
  completedOn: string | null;
  outcome: 'granted' | 'refused';
  reasoning: string;
  effects: readonly ProvisionReason[];
  decidedBy: string;
  decidedOn: string;
  corrects?: { id: number; number: string; issuedOn: string; reason: string };
}

/**
 * Renders a decision letter with its register number, verification code and QR code, and enters it in the
 * document register as an 'ssc-decision-letter' of the request (Art 42–44); a correction supersedes the
 * letter before. Returns the entry and the file name.
 */
async function registerDecisionLetter(trx: Trx, ctx: RequestsContext, row: RequestRow, facts: LetterFacts) {
  const student = await trx
    .selectFrom('students')
    .select(['studentNumber', 'givenNames', 'familyName', 'email'])
    .where('id', '=', row.studentId)
    .executeTakeFirstOrThrow();
  const name = `${student.givenNames} ${student.familyName}`;
  const provisions = provisionsOf(row.academicYear);
  const outcomeLabel = facts.outcome === 'granted' ? 'Granted' : 'Refused';
  return registerRenderedDocument(trx, ctx, {
    kind: 'ssc-decision-letter',
    studentId: row.studentId,
    enrolmentId: row.enrolmentId,
    academicYear: row.academicYear ?? provisions.academicYear,
    sscRequestId: row.id,
    fileSlug: (number) =>
      facts.corrects
        ? `${row.reference}-decision-${student.studentNumber}-corrected-${number}.pdf`
        : `${row.reference}-decision-${student.studentNumber}.pdf`,
    contents: [
      ['Name', name],
      ['Student number', student.studentNumber],
      ['Our reference', row.reference],
      ['Request', facts.kindLabel],
      ...(facts.enrolmentLabel ? ([['Enrolment', facts.enrolmentLabel]] as [string, string][]) : []),
      ['Decision', `${outcomeLabel} on ${facts.decidedOn} by ${facts.decidedBy}`],
    ],
    stored: { reasoning: facts.reasoning },
    reason: `${row.reference}: ${outcomeLabel.toLowerCase()} by the SSC director (Art 42, 44); objection route Art 43.`,
    supersedes: facts.corrects
      ? { id: facts.corrects.id, reason: `Corrected: ${facts.corrects.reason}` }
      : undefined,
    render: (registration) =>
      renderDecisionLetter(
        {
          reference: row.reference,
          letterDate: facts.letterDate,
          student: { studentNumber: student.studentNumber, name, email: student.email },
          kindLabel: facts.kindLabel,
          enrolmentLabel: facts.enrolmentLabel,
          receivedOn: row.receivedOn,
          completedOn: facts.completedOn,
          outcome: facts.outcome,
          reasoning: facts.reasoning,
          effects: facts.effects,
          articles: articlesOfKind[row.kind],
          decidedBy: facts.decidedBy,
          corrects: facts.corrects,
        },
        { provisions, createdAt: ctx.clock.now(), registration },
      ),
  });
}

/** The valid register entry of a request's decision letter, if its letter was registered. */
async function currentLetterEntry(db: ServiceContext['db'], requestId: number) {
  return db
    .selectFrom('issuedDocuments')
    .selectAll()
    .where('sscRequestId', '=', requestId)
    .where('kind', '=', 'ssc-decision-letter')
    .where('status', '=', 'valid')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/**
 * The SSC director corrects a decision letter (Art 42, 44): a new letter, with a new number and verification
 * code and the corrected reasoning (or the same, e.g. after the student's name was corrected), supersedes the
 * letter before, so that verifying the old one says so. The decision, its date and its effects stand; the
 * request itself is not changed (an objection goes to the Executive Board, Art 43).
 */
export async function correctDecisionLetter(
  ctx: RequestsContext,
  input: { requestId: number; reason: string; reasoning?: string | undefined },
): Promise<SscRequestView> {
  const today = todayOf(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findRequestRow(trx, input.requestId);
    if (!row)
      throw new DeskError('not_found', `Request ${input.requestId} does not exist; reload the worklist.`);
    if (row.status === 'open' || row.decidedOn === null)
      throw new DeskError(
        'conflict',
        `${row.reference} has not been decided yet, so there is no letter to correct; decide it first.`,
      );
    const current = await currentLetterEntry(trx, row.id);
    if (!current)
      throw new DeskError(
        'conflict',
        `${row.reference} has no valid decision letter in the register (it was revoked, or decided before letters were registered); a correction needs the letter it replaces.`,
      );
    const stored = JSON.parse(current.contentsJson) as StoredContents;
    const reasoning = input.reasoning ?? stored.reasoning ?? row.decisionReasoning ?? '';
    const [view] = await requestViews(trx, [row], today);
    if (!view) throw new Error(`Request ${row.id} has no view.`);
    const letter = await registerDecisionLetter(trx, ctx, row, {
      letterDate: today,
      kindLabel: view.kindLabel,
      enrolmentLabel: view.enrolmentLabel,
      completedOn: view.completeness.completedOn,
      outcome: row.status,
      reasoning,
      effects: JSON.parse(row.decisionEffectsJson ?? '[]') as ProvisionReason[],
      decidedBy: row.decidedBy ?? ctx.actor.name,
      decidedOn: row.decidedOn,
      corrects: {
        id: current.id,
        number: current.number,
        issuedOn: current.issuedAt.slice(0, 10),
        reason: input.reason,
      },
    });
    await recordAudit(trx, ctx.actor, ctx.clock.now().toISOString(), {
      action: 'requests.correctLetter',
      entity: 'ssc_request',
      entityId: row.reference,
      before: { letter: current.number, reasoning: stored.reasoning ?? row.decisionReasoning },
      after: { letter: letter.document.number, reasoning, sha256: letter.document.sha256 },
      reason: input.reason,
    });
  });
  return viewOf(ctx.db, input.requestId, today);
}

/** The decision letter as issued (the valid one, after any correction), read from the store and checked against its hash. */
export async function decisionLetter(
  ctx: RequestsContext,
  requestId: number,
): Promise<{ fileName: string; pdfBase64: string }> {
  const row = await findRequestRow(ctx.db, requestId);
  if (!row) throw new DeskError('not_found', `Request ${requestId} does not exist.`);
  if (!row.letterSha256 || !row.letterFileName)
    throw new DeskError('not_found', `${row.reference} has not been decided yet, so there is no letter.`);
  const current = await currentLetterEntry(ctx.db, row.id);
  const file = current
    ? { fileName: current.fileName, sha256: current.sha256 }
    : { fileName: row.letterFileName, sha256: row.letterSha256 };
  return {
    fileName: file.fileName,
    pdfBase64: ctx.attachments.get(file.sha256).toString('base64'),
  };
}
