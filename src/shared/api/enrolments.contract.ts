import { z } from 'zod';
import { feeFactsSchema } from '../facts/fee-facts';
import { enrolmentRequestSchema } from '../facts/student-profile';
import { defineCall, everyRole } from './define-call';
import { reasonSchema } from './fees.contract';
import { enrolmentStatuses, enrolmentViewSchema, studentSummarySchema } from './ledger.contract';

const id = z.number().int().positive();
const isoDate = z.iso.date('Use a date such as 2022-09-01.');
const version = z.number().int().positive();
const staffReason = (example: string) =>
  z.string().trim().min(3, `Say why, e.g. "${example}".`).max(500, 'Keep the reason under 500 characters.');

/** The letters of the documents of Art 13.1. */
export const documentLetters = ['a', 'b', 'c', 'd', 'e', 'f', 'g'] as const;
export type DocumentLetter = (typeof documentLetters)[number];

/** Where a document stands in its review (Art 13): requested → received → verified, or rejected → requested again. */
export const documentStatuses = ['requested', 'received', 'verified', 'rejected'] as const;
export type DocumentStatus = (typeof documentStatuses)[number];

/** The kinds of scan the desk accepts, recognised by their first bytes. */
export const attachmentTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
/** The largest scan the desk accepts, in bytes. */
export const maxAttachmentBytes = 10 * 1024 * 1024;

/** A check standing in the way of the enrolment (Art 2–4), with its article. */
export const blockingReasonSchema = reasonSchema.extend({
  effect: z.enum(['refusal', 'decision-required']),
});

/** One change of an enrolment's status, with its reason: who, when. */
export const enrolmentTransitionSchema = z.object({
  id,
  from: z.enum(enrolmentStatuses).nullable(),
  to: z.enum(enrolmentStatuses),
  reason: z.string(),
  at: z.string(),
  by: z.string(),
});
export type EnrolmentTransition = z.infer<typeof enrolmentTransitionSchema>;

/** One step of a document's review. */
export const documentEventSchema = z.object({
  id,
  status: z.enum(documentStatuses),
  reason: z.string().nullable(),
  attachmentSha256: z.string().nullable(),
  at: z.string(),
  by: z.string(),
});

/** A document of an enrolment as recorded: status, scan, and its history. */
export const documentRecordSchema = z.object({
  id,
  enrolmentId: id,
  document: z.enum(documentLetters),
  status: z.enum(documentStatuses),
  rejectionReason: z.string().nullable(),
  attachment: z
    .object({ sha256: z.string(), fileName: z.string(), contentType: z.enum(attachmentTypes) })
    .nullable(),
  version,
  updatedAt: z.string(),
  updatedBy: z.string(),
  history: z.array(documentEventSchema),
});
export type DocumentRecord = z.infer<typeof documentRecordSchema>;

/** One document of Art 13.1 for an enrolment: required or not and why, by when, merged with its record. */
export const checklistItemSchema = z.object({
  document: z.enum(documentLetters),
  label: z.string(),
  article: z.string(),
  required: z.boolean(),
  deadline: z.string().nullable(),
  deadlineRelation: z.enum(['before', 'by']).nullable(),
  isPastDeadline: z.boolean(),
  renewEveryAcademicYear: z.boolean(),
  reasons: z.array(reasonSchema),
  /** The document as recorded; null when it was never requested for this enrolment. */
  record: documentRecordSchema.nullable(),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

/** A status change the desk may make now, or why not. */
export const transitionOptionSchema = z.object({
  to: z.enum(enrolmentStatuses),
  label: z.string(),
  isAllowed: z.boolean(),
  /** Why the change is not possible now; null when allowed. */
  refusal: z.string().nullable(),
  /** Denial and cancellation cannot be undone. */
  isIrreversible: z.boolean(),
});
export type TransitionOption = z.infer<typeof transitionOptionSchema>;

/** An enrolment at the desk: status with its history, the Art 2–4 checks and the Art 13 documents. */
export const deskEnrolmentSchema = z.object({
  enrolment: enrolmentViewSchema,
  transitions: z.array(enrolmentTransitionSchema),
  /** The status an administrative hold returns to when lifted; null when not on hold. */
  statusBeforeHold: z.enum(enrolmentStatuses).nullable(),
  /** Art 2–4; null when the checks cannot be made (no profile, or a fee-only enrolment). */
  eligibility: z
    .object({
      outcome: z.enum(['eligible', 'decision-required', 'refused']),
      blockingReasons: z.array(blockingReasonSchema),
    })
    .nullable(),
  /** Art 13; null when it cannot be computed, with the reason in `checklistUnavailable`. */
  checklist: z.array(checklistItemSchema).nullable(),
  checklistUnavailable: z.string().nullable(),
  /** Art 13.3: what the documents still missing mean today; null without a checklist. */
  consequence: z
    .object({
      outcome: z.enum(['complete', 'awaiting-documents', 'administrative-hold', 'denied']),
      missing: z.array(z.enum(documentLetters)),
      reasons: z.array(reasonSchema),
    })
    .nullable(),
  options: z.array(transitionOptionSchema),
});
export type DeskEnrolment = z.infer<typeof deskEnrolmentSchema>;

/** One enrolment on the documents worklist, with what is missing. */
export const documentsWorklistRowSchema = z.object({
  enrolmentId: id,
  studentId: id,
  studentNumber: z.string(),
  name: z.string(),
  programmeName: z.string(),
  status: z.enum(enrolmentStatuses),
  startDate: z.string(),
  /** The earliest deadline of the missing documents; null when none is dated. */
  deadline: z.string().nullable(),
  isPastDeadline: z.boolean(),
  missing: z.array(
    z.object({
      document: z.enum(documentLetters),
      label: z.string(),
      /** 'not-requested' when required but never requested for this enrolment. */
      status: z.enum(['requested', 'rejected', 'not-requested']),
      deadline: z.string().nullable(),
      rejectionReason: z.string().nullable(),
    }),
  ),
  consequence: z.object({
    outcome: z.enum(['complete', 'awaiting-documents', 'administrative-hold', 'denied']),
    reasons: z.array(reasonSchema),
  }),
});
export type DocumentsWorklistRow = z.infer<typeof documentsWorklistRowSchema>;

/** The change the start-date run makes (or would make) to one enrolment (Art 13.3). */
export const startDateActionSchema = z.object({
  enrolmentId: id,
  studentId: id,
  studentNumber: z.string(),
  name: z.string(),
  from: z.enum(enrolmentStatuses),
  to: z.enum(['denied', 'administrative-hold']),
  missing: z.array(z.enum(documentLetters)),
  reasons: z.array(reasonSchema),
  /** The fee credited on denial, in cents (0 when nothing was charged). */
  creditedCents: z.number().int(),
});

const documentMutationInput = z.object({ documentId: id, expectedVersion: version });

/** The enrolment desk: lifecycle of an enrolment, holds and the documents of Art 13 (Art 2–4, 13, 33, 39). */
export const enrolmentsContract = {
  ofStudent: defineCall({
    name: 'enrolments:ofStudent',
    summary:
      "A student's enrolments with status history, blocking reasons (Art 2–4) and the Art 13 checklist with the documents' review",
    access: everyRole,
    input: z.object({ studentId: id, today: isoDate.optional() }),
    output: z.object({
      student: studentSummarySchema,
      hasProfile: z.boolean(),
      enrolments: z.array(deskEnrolmentSchema),
    }),
  }),
  apply: defineCall({
    name: 'enrolments:apply',
    summary:
      'Record an application: the enrolment in status applied with its fee assessed and the Art 13 documents requested; refused with its articles (Art 2–3)',
    access: ['desk', 'admin'],
    input: z.object({ studentId: id, request: enrolmentRequestSchema, facts: feeFactsSchema }),
    output: deskEnrolmentSchema,
  }),
  feeFactsFromProfile: defineCall({
    name: 'enrolments:feeFactsFromProfile',
    summary:
      "The fee facts of an application prefilled from the student's profile and the request (residence, ROD HO, prior education), for staff to complete before applying",
    access: ['desk', 'admin'],
    input: z.object({ studentId: id, request: enrolmentRequestSchema }),
    output: feeFactsSchema,
  }),
  transition: defineCall({
    name: 'enrolments:transition',
    summary:
      'Move an enrolment through its lifecycle (awaiting documents, enrolled, denied, administrative hold and back, cancelled) with the reason',
    access: ['desk', 'admin'],
    input: z.object({
      enrolmentId: id,
      expectedVersion: version,
      to: z.enum(enrolmentStatuses),
      reason: staffReason('all documents verified'),
    }),
    output: deskEnrolmentSchema,
  }),
  receiveDocument: defineCall({
    name: 'enrolments:receiveDocument',
    summary:
      'Receive a requested document with its scan (PDF, JPG or PNG), stored by SHA-256 beside the database',
    access: ['desk', 'admin'],
    input: documentMutationInput.extend({
      fileName: z.string().trim().min(1).max(200),
      contentBase64: z
        .string()
        .min(1, 'Attach the scan.')
        .max(Math.ceil(maxAttachmentBytes / 3) * 4 + 4, 'The scan is larger than 10 MB.'),
    }),
    output: documentRecordSchema,
  }),
  verifyDocument: defineCall({
    name: 'enrolments:verifyDocument',
    summary: 'Mark a received document as verified (Art 13.2)',
    access: ['desk', 'admin'],
    input: documentMutationInput,
    output: documentRecordSchema,
  }),
  rejectDocument: defineCall({
    name: 'enrolments:rejectDocument',
    summary: 'Reject a received document with the reason',
    access: ['desk', 'admin'],
    input: documentMutationInput.extend({ reason: staffReason('copy not certified') }),
    output: documentRecordSchema,
  }),
  requestDocument: defineCall({
    name: 'enrolments:requestDocument',
    summary: 'Request a document (again): after a rejection, or one required but never requested',
    access: ['desk', 'admin'],
    input: z.object({
      enrolmentId: id,
      document: z.enum(documentLetters),
      /** The version of the document's record; null when it was never requested. */
      expectedVersion: version.nullable(),
      reason: z.string().trim().max(500).optional(),
    }),
    output: documentRecordSchema,
  }),
  attachment: defineCall({
    name: 'enrolments:attachment',
    summary: "A document's scan for preview: base64 with its type",
    access: everyRole,
    input: z.object({ documentId: id }),
    output: z.object({
      fileName: z.string(),
      contentType: z.enum(attachmentTypes),
      contentBase64: z.string(),
    }),
  }),
  documentsWorklist: defineCall({
    name: 'enrolments:documentsWorklist',
    summary: 'Enrolments with missing or rejected documents, ordered by deadline, with what is missing',
    access: everyRole,
    input: z.object({ today: isoDate.optional() }),
    output: z.array(documentsWorklistRowSchema),
  }),
  startDateRun: defineCall({
    name: 'enrolments:startDateRun',
    summary:
      'On the start date: an enrolment with a document missing is denied or placed on administrative hold (Art 13.3); a dry run only lists',
    access: ['desk', 'admin'],
    input: z.object({ today: isoDate.optional(), dryRun: z.boolean() }),
    output: z.object({ today: z.string(), dryRun: z.boolean(), actions: z.array(startDateActionSchema) }),
  }),
  missingDocumentsLetter: defineCall({
    name: 'enrolments:missingDocumentsLetter',
    summary:
      'The PDF letter to the student naming the missing documents, the consequence and the articles (Art 13.1, 13.3)',
    access: ['desk', 'admin'],
    input: z.object({ enrolmentId: id, today: isoDate.optional() }),
    output: z.object({ fileName: z.string(), pdfBase64: z.string() }),
  }),
};
