import type { Transaction } from 'kysely';
import {
  maxAttachmentBytes,
  type DocumentLetter,
  type DocumentRecord,
  type DocumentStatus,
  type DocumentsWorklistRow,
} from '../../../shared/api/enrolments.contract';
import { DeskError } from '../../../shared/errors';
import type { AttachmentStore } from '../../attachments/attachment-store';
import { recordAudit } from '../../db/audit';
import type { Database } from '../../db/database';
import { assertCurrentVersion } from '../../db/versioning';
import type { ServiceContext } from '../../context';
import { toEnrolmentView } from '../ledger/ledger.repo';
import { finalStatuses, statusLabels } from './enrolment-lifecycle.rules';
import {
  assessEnrolmentById,
  assessEnrolmentRows,
  documentRecordById,
  documentRowById,
} from './enrolments.repo';
import { todayOf } from './enrolments.service';

/** The kinds of scan accepted, by their first bytes. */
const signatures: readonly { type: 'application/pdf' | 'image/png' | 'image/jpeg'; magic: number[] }[] = [
  { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
];

/** The type of a scan from its first bytes, or null when it is not a PDF, PNG or JPEG. */
export function detectAttachmentType(bytes: Uint8Array) {
  return signatures.find((s) => s.magic.every((byte, i) => bytes[i] === byte))?.type ?? null;
}

const transitionsOfDocument: Readonly<Record<DocumentStatus, readonly DocumentStatus[]>> = {
  requested: ['received'],
  received: ['verified', 'rejected'],
  rejected: ['requested'],
  verified: [],
};

const statusWords: Readonly<Record<DocumentStatus, string>> = {
  requested: 'requested',
  received: 'received',
  verified: 'verified',
  rejected: 'rejected',
};

/** Loads a document for a step of its review, refused when stale, out of order or on a closed enrolment. */
async function documentForStep(
  trx: Transaction<Database>,
  documentId: number,
  expectedVersion: number,
  to: DocumentStatus,
) {
  const row = await documentRowById(trx, documentId);
  assertCurrentVersion(row, expectedVersion, `Document ${row.document}`);
  const enrolment = await trx
    .selectFrom('enrolments')
    .innerJoin('students', 'students.id', 'enrolments.studentId')
    .select(['enrolments.status', 'students.studentNumber'])
    .where('enrolments.id', '=', row.enrolmentId)
    .executeTakeFirstOrThrow();
  if (finalStatuses.has(enrolment.status)) {
    throw new DeskError(
      'refused',
      `The enrolment is ${statusLabels[enrolment.status].toLowerCase()}; its documents are no longer reviewed.`,
    );
  }
  if (!transitionsOfDocument[row.status].includes(to)) {
    const hint: Record<DocumentStatus, string> = {
      requested: 'receive its scan',
      received: 'verify or reject it',
      rejected: 'request it again',
      verified: 'nothing more is needed',
    };
    throw new DeskError(
      'refused',
      `Document ${row.document} is ${statusWords[row.status]}, so it cannot be ${statusWords[to]} now: ${hint[row.status]}.`,
    );
  }
  return { row, studentNumber: enrolment.studentNumber };
}

/** Writes a step of a document's review: the row's new state, its history event and the audit row. */
async function recordDocumentStep(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  step: {
    row: {
      id: number;
      document: DocumentLetter;
      status: DocumentStatus;
      version: number;
      enrolmentId: number;
    };
    studentNumber: string;
    to: DocumentStatus;
    reason: string | null;
    attachment?: { sha256: string; fileName: string; contentType: string };
  },
) {
  const at = ctx.clock.now().toISOString();
  await trx
    .updateTable('enrolmentDocuments')
    .set({
      status: step.to,
      rejectionReason: step.to === 'rejected' ? step.reason : null,
      ...(step.attachment
        ? {
            attachmentSha256: step.attachment.sha256,
            attachmentName: step.attachment.fileName,
            attachmentType: step.attachment.contentType,
          }
        : {}),
      version: step.row.version + 1,
      updatedAt: at,
      updatedBy: ctx.actor.name,
    })
    .where('id', '=', step.row.id)
    .execute();
  await trx
    .insertInto('documentEvents')
    .values({
      documentId: step.row.id,
      status: step.to,
      reason: step.reason,
      attachmentSha256: step.attachment?.sha256 ?? null,
      at,
      by: ctx.actor.name,
    })
    .execute();
  await recordAudit(trx, ctx.actor, at, {
    action: `document.${step.to}`,
    entity: 'student',
    entityId: step.studentNumber,
    before: { enrolment: step.row.enrolmentId, document: step.row.document, status: step.row.status },
    after: {
      enrolment: step.row.enrolmentId,
      document: step.row.document,
      status: step.to,
      ...(step.attachment ? { sha256: step.attachment.sha256, fileName: step.attachment.fileName } : {}),
    },
    reason: step.reason,
  });
}

/**
 * Receives a requested document with its scan: only a PDF, JPG or PNG (by its first bytes) up to the
 * size limit, written content-addressed beside the database before the row is changed.
 */
export async function receiveDocument(
  ctx: ServiceContext,
  attachments: AttachmentStore,
  input: { documentId: number; expectedVersion: number; fileName: string; contentBase64: string },
): Promise<DocumentRecord> {
  const bytes = Buffer.from(input.contentBase64, 'base64');
  if (bytes.length === 0) throw new DeskError('validation', 'The scan is empty.', { field: 'contentBase64' });
  if (bytes.length > maxAttachmentBytes) {
    throw new DeskError(
      'validation',
      `The scan is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; the limit is ${maxAttachmentBytes / 1024 / 1024} MB.`,
      { field: 'contentBase64' },
    );
  }
  const contentType = detectAttachmentType(bytes);
  if (contentType === null) {
    throw new DeskError(
      'validation',
      `${input.fileName} is not a PDF, JPG or PNG file; scan the document to one of those.`,
      { field: 'contentBase64' },
    );
  }
  return ctx.db.transaction().execute(async (trx) => {
    const step = await documentForStep(trx, input.documentId, input.expectedVersion, 'received');
    // The file first: a row never points at a scan that is not stored.
    const { sha256 } = attachments.put(bytes);
    await recordDocumentStep(trx, ctx, {
      ...step,
      to: 'received',
      reason: null,
      attachment: { sha256, fileName: input.fileName, contentType },
    });
    return documentRecordById(trx, input.documentId);
  });
}

/** Verifies a received document (Art 13.2). */
export async function verifyDocument(
  ctx: ServiceContext,
  input: { documentId: number; expectedVersion: number },
): Promise<DocumentRecord> {
  return ctx.db.transaction().execute(async (trx) => {
    const step = await documentForStep(trx, input.documentId, input.expectedVersion, 'verified');
    await recordDocumentStep(trx, ctx, { ...step, to: 'verified', reason: null });
    return documentRecordById(trx, input.documentId);
  });
}

/** Rejects a received document with the reason the student will read. */
export async function rejectDocument(
  ctx: ServiceContext,
  input: { documentId: number; expectedVersion: number; reason: string },
): Promise<DocumentRecord> {
  return ctx.db.transaction().execute(async (trx) => {
    const step = await documentForStep(trx, input.documentId, input.expectedVersion, 'rejected');
    await recordDocumentStep(trx, ctx, { ...step, to: 'rejected', reason: input.reason });
    return documentRecordById(trx, input.documentId);
  });
}

/** Requests a document again after a rejection, or for the first time when required but never requested. */
export async function requestDocument(
  ctx: ServiceContext,
  input: {
    enrolmentId: number;
    document: DocumentLetter;
    expectedVersion: number | null;
    reason?: string | undefined;
  },
): Promise<DocumentRecord> {
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('enrolmentDocuments')
      .select(['id', 'version'])
      .where('enrolmentId', '=', input.enrolmentId)
      .where('document', '=', input.document)
      .executeTakeFirst();
    const reason = input.reason?.trim() || null;
    if (existing) {
      if (input.expectedVersion === null) {
        throw new DeskError(
          'conflict',
          `Document ${input.document} was requested meanwhile; reload the student.`,
        );
      }
      const step = await documentForStep(trx, existing.id, input.expectedVersion, 'requested');
      await recordDocumentStep(trx, ctx, { ...step, to: 'requested', reason });
      return documentRecordById(trx, existing.id);
    }
    const assessment = await assessEnrolmentById(trx, input.enrolmentId, todayOf(ctx));
    if (finalStatuses.has(assessment.row.status)) {
      throw new DeskError(
        'refused',
        `The enrolment is ${assessment.row.status}; no documents are requested for it.`,
      );
    }
    const item = assessment.checklist?.find((d) => d.document === input.document);
    if (!item?.required) {
      throw new DeskError(
        'refused',
        item
          ? `Document ${input.document} is not required of this enrolment: ${item.reasons[0]?.text ?? ''} (${item.article}).`
          : (assessment.checklistUnavailable ?? 'The checklist cannot be computed.'),
      );
    }
    const created = await trx
      .insertInto('enrolmentDocuments')
      .values({
        enrolmentId: input.enrolmentId,
        document: input.document,
        status: 'requested',
        rejectionReason: null,
        attachmentSha256: null,
        attachmentName: null,
        attachmentType: null,
        createdAt: at,
        updatedAt: at,
        updatedBy: ctx.actor.name,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('documentEvents')
      .values({
        documentId: created.id,
        status: 'requested',
        reason: reason ?? item.reasons.map((r) => `${r.text} (${r.article})`).join(' '),
        attachmentSha256: null,
        at,
        by: ctx.actor.name,
      })
      .execute();
    const student = await trx
      .selectFrom('students')
      .select('studentNumber')
      .where('id', '=', assessment.row.studentId)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.actor, at, {
      action: 'document.requested',
      entity: 'student',
      entityId: student.studentNumber,
      after: { enrolment: input.enrolmentId, document: input.document, status: 'requested' },
      reason,
    });
    return documentRecordById(trx, created.id);
  });
}

/** A document's scan for preview, read back and checked against its hash. */
export async function documentAttachment(
  ctx: ServiceContext,
  attachments: AttachmentStore,
  documentId: number,
) {
  const row = await documentRowById(ctx.db, documentId);
  if (!row.attachmentSha256 || !row.attachmentName || !row.attachmentType) {
    throw new DeskError('not_found', `Document ${row.document} has no scan yet.`);
  }
  return {
    fileName: row.attachmentName,
    contentType: row.attachmentType as 'application/pdf' | 'image/jpeg' | 'image/png',
    contentBase64: attachments.get(row.attachmentSha256).toString('base64'),
  };
}

/** Statuses whose documents are still awaited. */
const openStatuses = ['applied', 'awaiting-documents', 'administrative-hold'] as const;

/** Enrolments with required documents missing (never requested, requested, or rejected), by the earliest deadline. */
export async function documentsWorklist(ctx: ServiceContext, today: string): Promise<DocumentsWorklistRow[]> {
  const rows = await ctx.db
    .selectFrom('enrolments')
    .selectAll()
    .where('status', 'in', openStatuses)
    .where('requestJson', 'is not', null)
    .execute();
  const students = new Map(
    (
      await ctx.db
        .selectFrom('students')
        .select(['id', 'studentNumber', 'familyName', 'givenNames'])
        .where('id', 'in', rows.length === 0 ? [0] : [...new Set(rows.map((r) => r.studentId))])
        .execute()
    ).map((s) => [s.id, s]),
  );
  const assessments = await assessEnrolmentRows(ctx.db, rows, today);
  const list: DocumentsWorklistRow[] = [];
  for (const a of assessments) {
    if (!a.checklist || !a.consequence) continue;
    const records = new Map(a.documents.map((d) => [d.document, d]));
    const missing = a.checklist
      .filter((d) => d.required)
      .flatMap((d): DocumentsWorklistRow['missing'] => {
        const record = records.get(d.document);
        const status = record?.status ?? 'not-requested';
        if (status === 'received' || status === 'verified') return [];
        return [
          {
            document: d.document,
            label: d.label,
            status,
            deadline: d.deadline,
            rejectionReason: record?.rejectionReason ?? null,
          },
        ];
      });
    if (missing.length === 0) continue;
    const student = students.get(a.row.studentId);
    if (!student) continue;
    const deadlines = missing
      .map((m) => m.deadline)
      .filter((d): d is string => d !== null)
      .sort();
    const deadline = deadlines[0] ?? null;
    list.push({
      enrolmentId: a.row.id,
      studentId: a.row.studentId,
      studentNumber: student.studentNumber,
      name: `${student.givenNames} ${student.familyName}`,
      programmeName: toEnrolmentView(a.row).programmeName,
      status: a.row.status,
      startDate: a.row.startDate,
      deadline,
      isPastDeadline: a.checklist.some(
        (d) => d.isPastDeadline && missing.some((m) => m.document === d.document),
      ),
      missing,
      consequence: { outcome: a.consequence.outcome, reasons: a.consequence.reasons },
    });
  }
  // Undated deadlines (Art 12.3 date not recorded) come last; then by start date and student number.
  return list.sort(
    (x, y) =>
      (x.deadline ?? '9999').localeCompare(y.deadline ?? '9999') ||
      x.startDate.localeCompare(y.startDate) ||
      x.studentNumber.localeCompare(y.studentNumber) ||
      x.enrolmentId - y.enrolmentId,
  );
}
