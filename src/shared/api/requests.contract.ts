import { z } from 'zod';
import { otherEnrolmentSchema } from '../facts/fee-facts';
import { defineCall, everyRole } from './define-call';
import { maxAttachmentBytes } from './enrolments.contract';
import { reasonSchema } from './fees.contract';

const id = z.number().int().positive();
const isoDate = z.iso.date('Use a date such as 2022-10-03.');
const version = z.number().int().positive();

/** What a student may ask the SSC director to decide (Art 4.4, 15.5, 30, 30.9, 41; Art 42). */
export const sscRequestKinds = [
  'simultaneous-enrolment-exemption',
  'board-position-exemption',
  'handling-fee-exemption',
  'interim-enrolment',
  'unforeseen-circumstances',
] as const;
export type SscRequestKind = (typeof sscRequestKinds)[number];

/** English names of the kinds of request, as the screens and letters print them. */
export const sscRequestKindLabels: Readonly<Record<SscRequestKind, string>> = {
  'simultaneous-enrolment-exemption': 'Exemption for simultaneous enrolment (Art 30)',
  'board-position-exemption': 'Exemption for a board position (Art 30.9)',
  'handling-fee-exemption': 'Exemption from the handling fee (Art 15.4–15.5)',
  'interim-enrolment': 'Interim enrolment (Art 4.4)',
  'unforeseen-circumstances': 'Unforeseen or inequitable case (Art 41)',
};

/** Where a request stands. */
export const sscRequestStatuses = ['open', 'granted', 'refused'] as const;
export type SscRequestStatus = (typeof sscRequestStatuses)[number];

/** What some kinds need besides the scans: the other enrolment (Art 30.1) or the start asked for (Art 4.4). */
export const sscRequestDetailsSchema = z.strictObject({
  /** Art 30.1–30.5: the other enrolment the exemption rests on, as its BBC states it. */
  otherEnrolment: otherEnrolmentSchema.optional(),
  /** Art 4.4–4.5: the day the student asks to be enrolled from. */
  requestedStartDate: isoDate.optional(),
});
export type SscRequestDetails = z.output<typeof sscRequestDetailsSchema>;

/** One piece of evidence a kind of request needs, and whether it is there. */
export const completenessItemSchema = z.object({
  /** Key of the evidence, or of the detail, e.g. 'board-position-decision' or 'detail:otherEnrolment'. */
  key: z.string(),
  label: z.string(),
  article: z.string(),
  /** 'scan' is attached as a file; 'detail' is entered on the request. */
  source: z.enum(['scan', 'detail']),
  isPresent: z.boolean(),
  /** The day it arrived; null while missing. */
  receivedOn: z.string().nullable(),
});
export type CompletenessItem = z.infer<typeof completenessItemSchema>;

/** One scan attached to a request. */
export const sscEvidenceSchema = z.object({
  id,
  evidence: z.string(),
  label: z.string(),
  receivedOn: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  attachedAt: z.string(),
  attachedBy: z.string(),
});
export type SscEvidence = z.infer<typeof sscEvidenceSchema>;

/** A request to the SSC as staff see it: completeness, the Art 42 term, evidence and the decision. */
export const sscRequestViewSchema = z.object({
  id,
  /** e.g. 'SSC-2022-00012', printed on the decision letter. */
  reference: z.string(),
  studentId: id,
  studentNumber: z.string(),
  studentName: z.string(),
  enrolmentId: id.nullable(),
  /** e.g. '2022-23 · Econometrics and Operations Research'; null when the request names no enrolment. */
  enrolmentLabel: z.string().nullable(),
  kind: z.enum(sscRequestKinds),
  kindLabel: z.string(),
  receivedOn: z.string(),
  grounds: z.string(),
  details: sscRequestDetailsSchema,
  status: z.enum(sscRequestStatuses),
  completeness: z.object({
    isComplete: z.boolean(),
    /** The day the last required piece arrived (Art 42); null while incomplete. */
    completedOn: z.string().nullable(),
    items: z.array(completenessItemSchema),
    /** What is still missing, each with its article. */
    missing: z.array(reasonSchema),
  }),
  /** Art 42: the term runs from the day after completion; null while incomplete. */
  term: z
    .object({
      startsOn: z.string(),
      deadline: z.string(),
      weeks: z.number().int(),
      article: z.string(),
    })
    .nullable(),
  /** An open, complete request whose deadline has passed. */
  isOverdue: z.boolean(),
  /** Days from today to the deadline (negative when overdue); null while incomplete or decided. */
  daysLeft: z.number().int().nullable(),
  evidence: z.array(sscEvidenceSchema),
  decision: z
    .object({
      outcome: z.enum(['granted', 'refused']),
      decidedOn: z.string(),
      decidedBy: z.string(),
      reasoning: z.string(),
      /** What the decision changed, e.g. the fee re-assessed with the Art 30.9 reason. */
      effects: z.array(reasonSchema),
      letterFileName: z.string().nullable(),
      /**
       * The letter's entry in the document register (number, verification code, status): the valid one, i.e.
       * the latest correction; null for a decision made before letters were registered.
       */
      letter: z
        .object({
          documentId: id,
          number: z.string(),
          verificationCode: z.string(),
          issuedAt: z.string(),
          issuedBy: z.string(),
          status: z.enum(['valid', 'revoked', 'superseded']),
          /** Letters before this one that it corrected. */
          supersedes: z.array(z.string()),
        })
        .nullable(),
    })
    .nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type SscRequestView = z.infer<typeof sscRequestViewSchema>;

const staffText = (example: string, min = 3) =>
  z.string().trim().min(min, `Say why, e.g. "${example}".`).max(4000, 'Keep it under 4,000 characters.');

/** Requests to the SSC director: register, evidence, the Art 42 worklist, the decision and its letter. */
export const requestsContract = {
  register: defineCall({
    name: 'requests:register',
    summary:
      'Register a request to the SSC director (Art 4.4, 15.5, 30, 30.9, 41) as received by the CSP, with the grounds the student gives',
    access: ['desk', 'ssc', 'admin'],
    input: z.object({
      studentId: id,
      /** The enrolment the request concerns; required except for Art 41 requests. */
      enrolmentId: id.nullable().default(null),
      kind: z.enum(sscRequestKinds),
      receivedOn: isoDate,
      grounds: staffText('student holds a full-time board position at the study association'),
      details: sscRequestDetailsSchema.prefault({}),
    }),
    output: sscRequestViewSchema,
  }),
  attachEvidence: defineCall({
    name: 'requests:attachEvidence',
    summary: 'Attach a scan (PDF, JPG or PNG) to a request as a piece of the evidence it needs (Art 42)',
    access: ['desk', 'ssc', 'admin'],
    input: z.object({
      requestId: id,
      expectedVersion: version,
      evidence: z.string().min(1, 'Choose what the scan shows.'),
      receivedOn: isoDate,
      fileName: z.string().trim().min(1).max(200),
      contentBase64: z
        .string()
        .min(1, 'Attach the scan.')
        .max(Math.ceil(maxAttachmentBytes / 3) * 4 + 4, 'The scan is larger than 10 MB.'),
    }),
    output: sscRequestViewSchema,
  }),
  evidenceFile: defineCall({
    name: 'requests:evidenceFile',
    summary: 'The scan of a piece of evidence, checked against its SHA-256',
    access: everyRole,
    input: z.object({ evidenceId: id }),
    output: z.object({ fileName: z.string(), contentType: z.string(), contentBase64: z.string() }),
  }),
  get: defineCall({
    name: 'requests:get',
    summary: 'One request with its evidence, completeness, Art 42 deadline and decision',
    access: everyRole,
    input: z.object({ requestId: id }),
    output: sscRequestViewSchema,
  }),
  ofStudent: defineCall({
    name: 'requests:ofStudent',
    summary: "A student's requests to the SSC, newest first",
    access: everyRole,
    input: z.object({ studentId: id }),
    output: z.array(sscRequestViewSchema),
  }),
  worklist: defineCall({
    name: 'requests:worklist',
    summary:
      'Open requests to the SSC by decision deadline (Art 42), overdue ones marked; incomplete ones after them',
    access: everyRole,
    input: z.object({}).prefault({}),
    output: z.object({ today: z.string(), rows: z.array(sscRequestViewSchema) }),
  }),
  decide: defineCall({
    name: 'requests:decide',
    summary:
      'The SSC director decides a request: granted or refused with reasoning; a granted exemption feeds the fee (Art 42, 44)',
    access: ['ssc'],
    input: z.object({
      requestId: id,
      expectedVersion: version,
      outcome: z.enum(['granted', 'refused']),
      reasoning: staffText('the Executive Board honoured the application for 2022-23', 10),
    }),
    output: sscRequestViewSchema,
  }),
  correctLetter: defineCall({
    name: 'requests:correctLetter',
    summary:
      'The SSC director corrects a decision letter: a new letter (new number and verification code) with the corrected reasoning supersedes the one before; the outcome stands (Art 42–44)',
    access: ['ssc'],
    input: z.object({
      requestId: id,
      /** Why the letter is corrected, e.g. 'the reasoning named the wrong academic year'. */
      reason: staffText('the reasoning named the wrong academic year'),
      /** The corrected reasoning; the letter before's when left out (e.g. only the student's name changed). */
      reasoning: staffText('the Executive Board honoured the application for 2022-23', 10).optional(),
    }),
    output: sscRequestViewSchema,
  }),
  letter: defineCall({
    name: 'requests:letter',
    summary: 'The decision letter as issued, with the objection route (Art 43–44)',
    access: everyRole,
    input: z.object({ requestId: id }),
    output: z.object({ fileName: z.string(), pdfBase64: z.string() }),
  }),
};
