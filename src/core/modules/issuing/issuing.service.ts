import { createHash } from 'node:crypto';
import type { Insertable, Selectable, Transaction } from 'kysely';
import {
  issuedDocumentKindLabels,
  type IssuedDocument,
  type IssuedDocumentKind,
  type IssueOutcome,
  type RegisterDocumentKind,
  type VerificationResult,
} from '../../../shared/api/documents.contract';
import { DeskError } from '../../../shared/errors';
import { formatCents } from '../../../shared/money';
import type { AttachmentStore } from '../../attachments/attachment-store';
import type { ServiceContext } from '../../context';
import { recordAudit, type AuditFact } from '../../db/audit';
import type { Database, EnrolmentTable, IssuedDocumentTable } from '../../db/database';
import { availableAcademicYears, loadProvisions } from '../../provisions/load-provisions';
import type { Provisions } from '../../provisions/provisions.schema';
import { findProvisionProgramme } from '../../provisions/provision-programmes';
import { feeKindLabels, type FeeKind } from '../fees/tuition-fee.rules';
import { enrolmentMoney } from '../ledger/ledger.service';
import { formatLongDate } from '../payments/calendar-dates';
import {
  findIssuedDocument,
  findIssuedDocuments,
  selectIssuedDocumentsOfStudent,
  type StoredContents,
} from './issuing.repo';
import {
  currentAcademicYear,
  decideEnrolmentCertificate,
  decidePreMasterCertificate,
  decideProofOfPayment,
  type IssuingDecision,
} from './issuing.rules';
import { renderIssuedDocument, verificationUrlOf } from './issued-document.pdf';
import {
  formatVerificationCode,
  newVerificationCode,
  normaliseVerificationCode,
  verificationCodesIn,
} from './verification-code';

/** What issuing needs besides the database, clock and actor: the store the PDFs are kept in. */
export interface IssuingContext extends ServiceContext {
  readonly attachments: AttachmentStore;
}

/** What a request to issue names. */
export interface IssueRequest {
  enrolmentId: number;
  kind: IssuedDocumentKind;
  completedOn?: string | undefined;
  /** BBC: the institution it is issued for (Art 33.7). */
  receivingInstitution?: string | undefined;
}

type Trx = Transaction<Database>;

/** The provisions of an enrolment's year, or the latest known when that year has none. */
function provisionsOf(academicYear: string): Provisions {
  return availableAcademicYears().includes(academicYear)
    ? loadProvisions(academicYear)
    : loadProvisions(availableAcademicYears().at(-1));
}

function modeLabel(mode: string): string {
  return mode === 'part-time' ? 'Part-time' : 'Full-time';
}

/** The decision and, when it allows, what the document states. */
async function prepare(
  trx: Trx,
  ctx: IssuingContext,
  enrolment: Selectable<EnrolmentTable>,
  request: IssueRequest,
): Promise<
  | { decision: IssuingDecision & { outcome: 'refuse' } }
  | {
      decision: IssuingDecision & { outcome: 'issue' };
      title: string;
      declaration: string;
      contents: [string, string][];
      notes: string[];
    }
> {
  const student = await trx
    .selectFrom('students')
    .select(['studentNumber', 'givenNames', 'familyName', 'profileJson'])
    .where('id', '=', enrolment.studentId)
    .executeTakeFirstOrThrow();
  const provisions = provisionsOf(enrolment.academicYear);
  const programme = enrolment.programmeCode
    ? findProvisionProgramme(provisions, enrolment.programmeCode)
    : undefined;
  const programmeName = programme?.name ?? enrolment.programmeCode ?? 'no programme';
  const dateOfBirth = (JSON.parse(student.profileJson ?? 'null') as { dateOfBirth?: string } | null)
    ?.dateOfBirth;
  const identity: [string, string][] = [
    ['Name', `${student.givenNames} ${student.familyName}`],
    ...(dateOfBirth ? ([['Date of birth', formatLongDate(dateOfBirth)]] as [string, string][]) : []),
    ['Student number', student.studentNumber],
  ];
  const title = issuedDocumentKindLabels[request.kind];
  const today = ctx.clock.now().toISOString().slice(0, 10);

  if (request.kind === 'proof-of-payment') {
    const money = await enrolmentMoney(trx, enrolment.studentId, enrolment.id);
    const ofYear = await trx
      .selectFrom('ledgerEntries')
      .innerJoin('enrolments', 'enrolments.id', 'ledgerEntries.enrolmentId')
      .select((eb) => eb.fn.sum<number | null>('ledgerEntries.amountCents').as('total'))
      .where('ledgerEntries.studentId', '=', enrolment.studentId)
      .where('enrolments.academicYear', '=', enrolment.academicYear)
      .executeTakeFirst();
    const feeKind = enrolment.feeKind as FeeKind;
    const decision = decideProofOfPayment({
      academicYear: enrolment.academicYear,
      currentAcademicYear: currentAcademicYear(today, availableAcademicYears()),
      programmeLevel: programme?.level ?? null,
      status: enrolment.status,
      feeKind,
      feeKindLabel: feeKindLabels[feeKind],
      chargedCents: money.chargedCents,
      paidCents: money.paidCents,
      outstandingCentsOfYear: ofYear?.total ?? 0,
    });
    if (decision.outcome === 'refuse') return { decision: { ...decision, outcome: 'refuse' } };
    return {
      decision: { ...decision, outcome: 'issue' },
      title,
      declaration:
        'Maastricht University declares that the student named below is enrolled in the programme stated and has paid the tuition fee stated for the period stated.',
      contents: [
        ...identity,
        ['Programme', programmeName],
        ['Mode of study', modeLabel(enrolment.mode)],
        ['Academic year', enrolment.academicYear],
        ['Period covered', `${formatLongDate(enrolment.startDate)} – ${formatLongDate(provisions.endDate)}`],
        ['Fee', feeKindLabels[feeKind]],
        ['Amount paid', formatCents(money.paidCents)],
        // Art 33.7: the institution it is issued for, which UM informs if this enrolment ends.
        ...(request.receivingInstitution
          ? ([['Issued for', request.receivingInstitution]] as [string, string][])
          : []),
      ],
      notes: [
        `This proof of payment of tuition fees (bewijs betaald collegegeld, BBC) is issued under Article 5 paragraph 2 of the ${provisions.title}.`,
        'Another Dutch higher education institution may rely on it for an exemption from, or reduction of, the statutory tuition fee for a simultaneous enrolment (Article 30 paragraph 1; Article 14 paragraph 6).',
        'If this enrolment ends before the end of the period covered, Maastricht University informs the institutions that received this BBC (Article 33 paragraph 7).',
      ],
    };
  }

  if (request.kind === 'enrolment-certificate') {
    const decision = decideEnrolmentCertificate({
      status: enrolment.status,
      academicYear: enrolment.academicYear,
      hasProgramme: programme !== undefined,
    });
    if (decision.outcome === 'refuse') return { decision: { ...decision, outcome: 'refuse' } };
    return {
      decision: { ...decision, outcome: 'issue' },
      title,
      declaration:
        'Maastricht University certifies that the student named below is enrolled in the programme stated for the academic year stated.',
      contents: [
        ...identity,
        ['Programme', programmeName],
        ['Mode of study', modeLabel(enrolment.mode)],
        ['Academic year', enrolment.academicYear],
        ['Enrolled from', formatLongDate(enrolment.startDate)],
        ['Until', formatLongDate(provisions.endDate)],
      ],
      notes: [
        `This certificate of enrolment is issued under Article 5 paragraph 1 of the ${provisions.title}.`,
        'Together with the UM card it proves the student’s identity at Maastricht University (Article 5 paragraph 3). It remains the property of Maastricht University (Article 5 paragraph 4).',
      ],
    };
  }

  const preMaster = provisions.preMasterProgrammes.find((p) => p.code === enrolment.programmeCode);
  const targetMaster = preMaster?.targetMasterCode
    ? (findProvisionProgramme(provisions, preMaster.targetMasterCode)?.name ?? null)
    : null;
  const decision = decidePreMasterCertificate({
    programmeLevel: programme?.level ?? null,
    status: enrolment.status,
    targetMasterName: targetMaster,
    completedOn: request.completedOn ?? null,
    startDate: enrolment.startDate,
  });
  if (decision.outcome === 'refuse') return { decision: { ...decision, outcome: 'refuse' } };
  return {
    decision: { ...decision, outcome: 'issue' },
    title,
    declaration:
      'Maastricht University certifies that the student named below has successfully completed the pre-master’s programme stated, which gives admission to the master’s programme named below.',
    contents: [
      ...identity,
      ['Pre-master’s programme', preMaster?.printedName ?? programmeName],
      ['Academic year', enrolment.academicYear],
      ['Completed on', formatLongDate(request.completedOn ?? today)],
      ['Gives admission to', targetMaster ?? ''],
    ],
    notes: [
      `This certificate is issued under Article 8 paragraph 3 of the ${provisions.title}. Completing a pre-master’s programme does not lead to a degree or certificate within the meaning of Article 7.11 of the WHW.`,
      'If the master’s programme has a limited enrolment capacity, its selection criteria and mandatory selection procedures still apply (Article 8 paragraph 3).',
    ],
  };
}

/** The next register number of the calendar year of issue: 'UM-2022-000123'. */
async function nextDocumentNumber(trx: Trx, issuedAt: Date): Promise<string> {
  const prefix = `UM-${issuedAt.getUTCFullYear()}-`;
  // A range rather than LIKE, so that SQLite reads the last number from the unique index of `number`.
  const last = await trx
    .selectFrom('issuedDocuments')
    .select((eb) => eb.fn.max('number').as('number'))
    .where('number', '>=', prefix)
    .where('number', '<', `${prefix}:`)
    .executeTakeFirst();
  const sequence = last?.number ? Number(last.number.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(sequence).padStart(6, '0')}`;
}

/** The register number after `number` in the same year: 'UM-2022-000124' after 'UM-2022-000123'. */
function followingDocumentNumber(number: string): string {
  const prefix = number.slice(0, number.lastIndexOf('-') + 1);
  return `${prefix}${String(Number(number.slice(prefix.length)) + 1).padStart(6, '0')}`;
}

const fileSlugs: Readonly<Record<IssuedDocumentKind, string>> = {
  'proof-of-payment': 'BBC',
  'enrolment-certificate': 'certificate-of-enrolment',
  'pre-master-certificate': 'pre-master-certificate',
};

/** A document rendered and stored under its hash, whose register and audit rows are still to be written. */
interface DraftedDocument {
  request: IssueRequest;
  values: Insertable<IssuedDocumentTable>;
  fileName: string;
  pdf: Buffer;
  /** The reasons of the rule that allowed it, for the audit row. */
  reason: string;
}

/**
 * Decides a request and, when its rule allows, renders the PDF with the number `allocateNumber` gives and
 * stores it under its SHA-256; a refusal writes nothing and says why. The register row is the caller's.
 */
async function draftDocument(
  trx: Trx,
  ctx: IssuingContext,
  request: IssueRequest,
  allocateNumber: (issuedAt: Date) => Promise<string>,
  supersedes?: { row: Selectable<IssuedDocumentTable> },
): Promise<
  { outcome: 'refused'; reasons: IssuingDecision['reasons'] } | { outcome: 'drafted'; draft: DraftedDocument }
> {
  const enrolment = await trx
    .selectFrom('enrolments')
    .selectAll()
    .where('id', '=', request.enrolmentId)
    .executeTakeFirst();
  if (!enrolment)
    throw new DeskError('not_found', `Enrolment ${request.enrolmentId} does not exist; reload the student.`, {
      field: 'enrolmentId',
    });
  const prepared = await prepare(trx, ctx, enrolment, request);
  if (prepared.decision.outcome === 'refuse' || !('title' in prepared))
    return { outcome: 'refused', reasons: prepared.decision.reasons };

  const now = ctx.clock.now();
  const issuedAt = now.toISOString();
  const number = await allocateNumber(now);
  const code = newVerificationCode();
  const studentNumber = prepared.contents.find(([label]) => label === 'Student number')?.[1] ?? '';
  const pdf = await renderIssuedDocument(
    {
      title: prepared.title,
      number,
      verificationCode: code,
      verificationUrl: verificationUrlOf(code),
      studentName: prepared.contents[0]?.[1] ?? '',
      studentNumber,
      declaration: prepared.declaration,
      contents: prepared.contents,
      notes: prepared.notes,
      issuedOnText: formatLongDate(issuedAt.slice(0, 10)),
    },
    now,
  );
  // Written before the row: a rolled-back transaction leaves at most an unreferenced file, never a row without its file.
  const { sha256 } = ctx.attachments.put(pdf);
  const fileName = `${number}-${fileSlugs[request.kind]}-${studentNumber}.pdf`;
  const stored: StoredContents = {
    contents: prepared.contents,
    ...(request.kind === 'pre-master-certificate' && request.completedOn
      ? { completedOn: request.completedOn }
      : {}),
  };
  return {
    outcome: 'drafted',
    draft: {
      request,
      fileName,
      pdf,
      reason: prepared.decision.reasons.map((r) => `${r.article}: ${r.text}`).join(' '),
      values: {
        number,
        kind: request.kind,
        studentId: enrolment.studentId,
        enrolmentId: enrolment.id,
        academicYear: enrolment.academicYear,
        issuedAt,
        issuedBy: ctx.actor.name,
        issuedById: ctx.actor.id,
        sha256,
        verificationCode: code,
        fileName,
        contentsJson: JSON.stringify(stored),
        supersedesId: supersedes?.row.id ?? null,
        receivingInstitution:
          request.kind === 'proof-of-payment' ? (request.receivingInstitution ?? null) : null,
      },
    },
  };
}

/** The audit row of an issued document. */
function issueAuditFact(draft: DraftedDocument, id: number, supersedesNumber?: string): AuditFact {
  const { request, values } = draft;
  return {
    action: 'documents.issue',
    entity: 'issued_document',
    entityId: id,
    after: {
      number: values.number,
      kind: request.kind,
      enrolmentId: values.enrolmentId,
      sha256: values.sha256,
      supersedes: supersedesNumber,
      receivingInstitution: request.kind === 'proof-of-payment' ? request.receivingInstitution : undefined,
    },
    reason: draft.reason,
  };
}

/**
 * Issues a document in the caller's transaction when its rule allows: renders the PDF, stores it under its
 * SHA-256, registers number, code and hash, and audits it; a refusal writes nothing and says why.
 */
async function issueInTransaction(
  trx: Trx,
  ctx: IssuingContext,
  request: IssueRequest,
  supersedes?: { row: Selectable<IssuedDocumentTable>; reason: string },
): Promise<IssueOutcome> {
  const drafted = await draftDocument(trx, ctx, request, (now) => nextDocumentNumber(trx, now), supersedes);
  if (drafted.outcome === 'refused') return drafted;
  const { draft } = drafted;
  const { issuedAt, number } = draft.values;
  const { id } = await trx
    .insertInto('issuedDocuments')
    .values(draft.values)
    .returning('id')
    .executeTakeFirstOrThrow();
  if (supersedes) {
    await trx
      .updateTable('issuedDocuments')
      .set({
        status: 'superseded',
        statusReason: supersedes.reason,
        statusChangedAt: issuedAt,
        statusChangedBy: ctx.actor.name,
        supersededById: id,
      })
      .where('id', '=', supersedes.row.id)
      .execute();
  }
  await recordAudit(trx, ctx.actor, issuedAt, [
    issueAuditFact(draft, id, supersedes?.row.number),
    ...(supersedes
      ? [
          {
            action: 'documents.supersede',
            entity: 'issued_document',
            entityId: supersedes.row.id,
            before: { status: 'valid' },
            after: { status: 'superseded', supersededBy: number },
            reason: supersedes.reason,
          },
        ]
      : []),
  ]);
  const found = await findIssuedDocument(trx, { id });
  if (!found) throw new Error(`Issued document ${id} vanished within its transaction.`);
  return {
    outcome: 'issued',
    document: found.view,
    fileName: draft.fileName,
    pdfBase64: draft.pdf.toString('base64'),
  };
}

/** What registering a document rendered by another module needs: the store, the clock and the issuer. */
export type RegisteringContext = Pick<IssuingContext, 'clock' | 'actor' | 'attachments'>;

/** The identity a registered document prints: register number, verification code (grouped) and address. */
export interface RegisterIdentity {
  number: string;
  verificationCode: string;
  verificationUrl: string;
}

/** A document rendered by another module (a decision letter, a transcript) to enter in the register. */
export interface RenderedDocumentRequest {
  kind: Exclude<RegisterDocumentKind, IssuedDocumentKind>;
  studentId: number;
  enrolmentId: number | null;
  academicYear: string;
  /** A decision letter: the request it decides. */
  sscRequestId?: number | null;
  /** The file name after the number, e.g. 'TOR-i6100001-2022-23', or the whole name given the number. */
  fileSlug: string | ((number: string) => string);
  /** What the document states, label and value, for the verifier. */
  contents: [string, string][];
  /** Facts kept with the entry to issue it again, e.g. a corrected reasoning. */
  stored?: Record<string, unknown>;
  /** Why it is issued, for the audit row (the rule or decision, with the article). */
  reason: string;
  /** The valid entry this one replaces, which becomes superseded, and why. */
  supersedes?: { id: number; reason: string } | undefined;
  /** Renders the PDF with the identity printed on it (footer with QR code). */
  render: (identity: RegisterIdentity) => Promise<Buffer>;
}

/**
 * Registers a document another module renders, in the caller's transaction: allocates the number and an
 * 80-bit verification code, lets the module render the PDF with them, stores it under its SHA-256 before
 * the row is written, supersedes the entry it replaces, and audits both. Returns the entry and the bytes
 * exactly as registered.
 */
export async function registerRenderedDocument(
  trx: Trx,
  ctx: RegisteringContext,
  request: RenderedDocumentRequest,
): Promise<{ document: IssuedDocument; pdf: Buffer; fileName: string }> {
  const now = ctx.clock.now();
  const issuedAt = now.toISOString();
  const number = await nextDocumentNumber(trx, now);
  const code = newVerificationCode();
  const pdf = await request.render({
    number,
    verificationCode: formatVerificationCode(code),
    verificationUrl: verificationUrlOf(code),
  });
  const { sha256 } = ctx.attachments.put(pdf);
  const fileName =
    typeof request.fileSlug === 'string' ? `${number}-${request.fileSlug}.pdf` : request.fileSlug(number);
  const previous = request.supersedes
    ? await trx
        .selectFrom('issuedDocuments')
        .select(['id', 'number', 'status'])
        .where('id', '=', request.supersedes.id)
        .executeTakeFirst()
    : undefined;
  if (request.supersedes && previous?.status !== 'valid')
    throw new DeskError(
      'conflict',
      `${previous?.number ?? `Document ${request.supersedes.id}`} is no longer valid, so it cannot be superseded; reload.`,
    );
  const { id } = await trx
    .insertInto('issuedDocuments')
    .values({
      number,
      kind: request.kind,
      studentId: request.studentId,
      enrolmentId: request.enrolmentId,
      academicYear: request.academicYear,
      issuedAt,
      issuedBy: ctx.actor.name,
      issuedById: ctx.actor.id,
      sha256,
      verificationCode: code,
      fileName,
      contentsJson: JSON.stringify({ contents: request.contents, ...request.stored }),
      supersedesId: previous?.id ?? null,
      sscRequestId: request.sscRequestId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (request.supersedes && previous)
    await trx
      .updateTable('issuedDocuments')
      .set({
        status: 'superseded',
        statusReason: request.supersedes.reason,
        statusChangedAt: issuedAt,
        statusChangedBy: ctx.actor.name,
        supersededById: id,
      })
      .where('id', '=', previous.id)
      .execute();
  await recordAudit(trx, ctx.actor, issuedAt, [
    {
      action: 'documents.issue',
      entity: 'issued_document',
      entityId: id,
      after: {
        number,
        kind: request.kind,
        enrolmentId: request.enrolmentId,
        sha256,
        supersedes: previous?.number,
      },
      reason: request.reason,
    },
    ...(request.supersedes && previous
      ? [
          {
            action: 'documents.supersede',
            entity: 'issued_document',
            entityId: previous.id,
            before: { status: 'valid' },
            after: { status: 'superseded', supersededBy: number },
            reason: request.supersedes.reason,
          },
        ]
      : []),
  ]);
  const found = await findIssuedDocument(trx, { id });
  if (!found) throw new Error(`Issued document ${id} vanished within its transaction.`);
  return { document: found.view, pdf, fileName };
}

/** What issuing one request of a group came to: its outcome, or the error that kept it from being issued. */
export type GroupOutcome = { outcome: IssueOutcome } | { error: DeskError };

/** A group's outcomes, one per request handled, and the unexpected error that stopped it, if any. */
export interface IssuedGroup {
  outcomes: GroupOutcome[];
  stoppedBy: Error | null;
}

/**
 * Issues a group of documents in one transaction (a batch, Art 5, 8.3): each is decided, rendered and
 * stored in turn, then the register rows and audit rows of all of them are written by one statement each.
 * The register numbers follow one another from a single look-up, since the transaction holds the
 * connection and no other number can be taken meanwhile.
 *
 * Every document's file is stored before its row, and the rows commit together, so a document is either
 * registered with its file or not at all. `shouldContinue` is asked before each document (cancelling);
 * when storing or rendering fails, the documents drafted before it are registered and the error is returned
 * as `stoppedBy`. A request the register cannot serve (a DeskError) is that request's outcome.
 */
export async function issueDocumentGroup(
  ctx: IssuingContext,
  requests: readonly IssueRequest[],
  shouldContinue: () => boolean,
): Promise<IssuedGroup> {
  let stoppedBy: Error | null = null;
  const outcomes = await ctx.db.transaction().execute(async (trx) => {
    let lastNumber: string | undefined;
    const allocateNumber = async (now: Date): Promise<string> => {
      lastNumber =
        lastNumber === undefined ? await nextDocumentNumber(trx, now) : followingDocumentNumber(lastNumber);
      return lastNumber;
    };
    const decided: ({ drafted: DraftedDocument } | { outcome: IssueOutcome } | { error: DeskError })[] = [];
    for (const request of requests) {
      if (!shouldContinue()) break;
      try {
        const drafted = await draftDocument(trx, ctx, request, allocateNumber);
        decided.push(drafted.outcome === 'refused' ? { outcome: drafted } : { drafted: drafted.draft });
      } catch (error) {
        if (error instanceof DeskError) {
          decided.push({ error });
          continue;
        }
        stoppedBy = error instanceof Error ? error : new Error(`Issuing stopped: ${JSON.stringify(error)}`);
        break;
      }
    }
    const drafts = decided.flatMap((d) => ('drafted' in d ? [d.drafted] : []));
    if (drafts.length === 0) return decided as GroupOutcome[];
    const inserted = await trx
      .insertInto('issuedDocuments')
      .values(drafts.map((d) => d.values))
      .returning(['id', 'number'])
      .execute();
    const idOf = new Map(inserted.map((row) => [row.number, row.id]));
    const ids = drafts.map((d) => idOf.get(d.values.number) ?? -1);
    // One statement for the group's audit rows, stamped when they are written, i.e. committed.
    await recordAudit(
      trx,
      ctx.actor,
      ctx.clock.now().toISOString(),
      drafts.map((d, i) => issueAuditFact(d, ids[i] ?? -1)),
    );
    const views = new Map((await findIssuedDocuments(trx, ids)).map((view) => [view.id, view]));
    return decided.map((d): GroupOutcome => {
      if (!('drafted' in d)) return d;
      const view = views.get(idOf.get(d.drafted.values.number) ?? -1);
      if (!view)
        throw new Error(`Issued document ${d.drafted.values.number} vanished within its transaction.`);
      return {
        outcome: {
          outcome: 'issued',
          document: view,
          fileName: d.drafted.fileName,
          pdfBase64: d.drafted.pdf.toString('base64'),
        },
      };
    });
  });
  return { outcomes, stoppedBy };
}

/** Issues a BBC, certificate of enrolment or pre-master's certificate, or says why not (Art 5.1, 5.2, 8.3). */
export function issueDocument(ctx: IssuingContext, request: IssueRequest): Promise<IssueOutcome> {
  return ctx.db.transaction().execute((trx) => issueInTransaction(trx, ctx, request));
}

/** A valid register entry, refused when missing or no longer valid. */
async function validEntry(trx: Trx, documentId: number, action: string) {
  const row = await trx
    .selectFrom('issuedDocuments')
    .selectAll()
    .where('id', '=', documentId)
    .executeTakeFirst();
  if (!row)
    throw new DeskError('not_found', `Document ${documentId} is not in the register; reload the student.`);
  if (row.status !== 'valid')
    throw new DeskError(
      'conflict',
      `${row.number} is already ${row.status} (${row.statusChangedAt?.slice(0, 10) ?? ''}, ${row.statusChangedBy ?? ''}); only a valid document can be ${action}.`,
    );
  return row;
}

/** Issues a valid document again from today's records; the old one becomes superseded, in one transaction. */
export function reissueDocument(
  ctx: IssuingContext,
  input: { documentId: number; reason: string },
): Promise<IssueOutcome> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await validEntry(trx, input.documentId, 'reissued');
    const issuedElsewhere = reissuedElsewhere(row.kind);
    if (issuedElsewhere)
      throw new DeskError('conflict', `${row.number} is not issued again here: ${issuedElsewhere}`);
    if (row.enrolmentId === null)
      throw new DeskError('conflict', `${row.number} names no enrolment and cannot be issued again.`);
    const stored = JSON.parse(row.contentsJson) as StoredContents;
    return issueInTransaction(
      trx,
      ctx,
      {
        enrolmentId: row.enrolmentId,
        kind: row.kind as IssuedDocumentKind,
        completedOn: stored.completedOn,
        receivingInstitution: row.receivingInstitution ?? undefined,
      },
      { row, reason: input.reason },
    );
  });
}

/** Why a kind is not issued again through the register but where it is; null for the desk's own kinds. */
function reissuedElsewhere(kind: RegisterDocumentKind): string | null {
  if (kind === 'ssc-decision-letter')
    return 'the SSC director corrects a decision letter on the request (SSC requests, "Correct letter…"), and the corrected letter supersedes it.';
  if (kind === 'transcript-of-records')
    return 'produce the transcript again (Exchange screen or desk transcript); the new transcript supersedes it.';
  return null;
}

/** Revokes a valid document with a reason; a verifier is told it is revoked, by whom and why. */
export function revokeDocument(
  ctx: ServiceContext,
  input: { documentId: number; reason: string },
): Promise<IssuedDocument> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await validEntry(trx, input.documentId, 'revoked');
    // Art 44: a decision of the SSC director is withdrawn by the SSC, not at the desk.
    if (row.kind === 'ssc-decision-letter' && ctx.actor.role !== 'ssc')
      throw new DeskError(
        'forbidden',
        `${row.number} is a decision of the SSC director (Art 44); only the SSC can revoke it.`,
      );
    const at = ctx.clock.now().toISOString();
    await trx
      .updateTable('issuedDocuments')
      .set({
        status: 'revoked',
        statusReason: input.reason,
        statusChangedAt: at,
        statusChangedBy: ctx.actor.name,
      })
      .where('id', '=', row.id)
      .execute();
    await recordAudit(trx, ctx.actor, at, {
      action: 'documents.revoke',
      entity: 'issued_document',
      entityId: row.id,
      before: { number: row.number, status: 'valid' },
      after: { number: row.number, status: 'revoked' },
      reason: input.reason,
    });
    const found = await findIssuedDocument(trx, { id: row.id });
    if (!found) throw new Error(`Document ${row.id} vanished within its transaction.`);
    return found.view;
  });
}

/** The documents issued to a student, newest first. */
export async function issuedDocumentsOfStudent(
  ctx: ServiceContext,
  studentId: number,
): Promise<IssuedDocument[]> {
  const student = await ctx.db
    .selectFrom('students')
    .select('id')
    .where('id', '=', studentId)
    .executeTakeFirst();
  if (!student)
    throw new DeskError('not_found', `No student with id ${studentId}; search for the student again.`);
  return selectIssuedDocumentsOfStudent(ctx.db, studentId);
}

/** The PDF exactly as issued, read from the store and checked against the registered hash. */
export async function issuedDocumentPdf(
  ctx: IssuingContext,
  documentId: number,
): Promise<{ fileName: string; pdfBase64: string }> {
  const found = await findIssuedDocument(ctx.db, { id: documentId });
  if (!found) throw new DeskError('not_found', `Document ${documentId} is not in the register.`);
  return {
    fileName: found.row.fileName,
    pdfBase64: ctx.attachments.get(found.row.sha256).toString('base64'),
  };
}

/** What the register says of an entry, in one sentence. */
function statusMessage(document: IssuedDocument, subject: string): string {
  switch (document.status) {
    case 'valid':
      return `${subject} ${document.number}, a ${document.kindLabel.toLowerCase()} for ${document.studentName} (${document.studentNumber}), issued on ${document.issuedAt.slice(0, 10)} by ${document.issuedBy}, and it is valid.`;
    case 'revoked':
      return `${subject} ${document.number}, which was REVOKED on ${document.statusChangedAt?.slice(0, 10) ?? '?'} by ${document.statusChangedBy ?? '?'}: ${document.statusReason ?? 'no reason recorded'}. It is not valid.`;
    case 'superseded':
      return `${subject} ${document.number}, which was SUPERSEDED by ${document.supersededByNumber ?? '?'} on ${document.statusChangedAt?.slice(0, 10) ?? '?'} (${document.statusReason ?? 'no reason recorded'}). Only the newer document is valid.`;
  }
}

/**
 * Verifies a verification code (or an address with one) or a presented PDF against the register: valid,
 * revoked or superseded with what the register says; a file whose hash is unknown but which carries a
 * registered code is 'altered'; anything else is 'unknown'.
 */
export async function verifyDocument(
  ctx: ServiceContext,
  input: { code: string } | { pdfBase64: string },
): Promise<VerificationResult> {
  if ('code' in input) {
    const code = normaliseVerificationCode(input.code);
    const found = code ? await findIssuedDocument(ctx.db, { verificationCode: code }) : undefined;
    if (!found)
      return {
        outcome: 'unknown',
        message: code
          ? `No document with the verification code ${formatVerificationCode(code)} is in the register. It was not issued by this office.`
          : 'This is not a verification code: a code has 16 letters and digits, printed as four groups of four.',
        document: null,
        presentedSha256: null,
      };
    return {
      outcome: found.view.status,
      message: statusMessage(found.view, 'The code belongs to'),
      document: found.view,
      presentedSha256: null,
    };
  }
  const bytes = Buffer.from(input.pdfBase64, 'base64');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const exact = await findIssuedDocument(ctx.db, { sha256 });
  if (exact)
    return {
      outcome: exact.view.status,
      message: statusMessage(exact.view, 'The file is exactly'),
      document: exact.view,
      presentedSha256: sha256,
    };
  for (const code of verificationCodesIn(bytes)) {
    const found = await findIssuedDocument(ctx.db, { verificationCode: code });
    if (found)
      return {
        outcome: 'altered',
        message: `The file is NOT the document as issued: it carries the verification code of ${found.view.number} (${found.view.status}), but its contents differ from the file in the register (SHA-256 ${sha256.slice(0, 12)}… instead of ${found.view.sha256.slice(0, 12)}…). Do not rely on it.`,
        document: found.view,
        presentedSha256: sha256,
      };
  }
  return {
    outcome: 'unknown',
    message: `The file is not in the register (SHA-256 ${sha256.slice(0, 12)}…) and carries no registered verification code.`,
    document: null,
    presentedSha256: sha256,
  };
}
