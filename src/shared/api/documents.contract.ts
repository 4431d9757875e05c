import { z } from 'zod';
import { defineCall, everyRole } from './define-call';
import { otherEnrolmentSchema } from '../facts/fee-facts';
import { reasonSchema } from './fees.contract';

const id = z.number().int().positive();
const isoDate = z.iso.date('Use a date such as 2023-07-15.');

/** The kinds of official document the office issues (Art 5.1, 5.2, 8.3). */
export const issuedDocumentKinds = [
  'proof-of-payment',
  'enrolment-certificate',
  'pre-master-certificate',
] as const;
export type IssuedDocumentKind = (typeof issuedDocumentKinds)[number];

/**
 * Every kind the register holds: those issued at the desk, the SSC director's decision letters (Art 42–44)
 * and the transcripts of records of exchange students (Exchange guide), which their own modules issue.
 */
export const registerDocumentKinds = [
  ...issuedDocumentKinds,
  'ssc-decision-letter',
  'transcript-of-records',
] as const;
export type RegisterDocumentKind = (typeof registerDocumentKinds)[number];

/** English names of the document kinds, as the documents and the screens print them. */
export const issuedDocumentKindLabels: Readonly<Record<RegisterDocumentKind, string>> = {
  'proof-of-payment': 'Proof of payment of tuition fees (BBC)',
  'enrolment-certificate': 'Certificate of enrolment',
  'pre-master-certificate': "Pre-master's certificate",
  'ssc-decision-letter': 'Decision of the SSC director',
  'transcript-of-records': 'Transcript of records',
};

/** Where an issued document stands in the register. */
export const issuedDocumentStatuses = ['valid', 'revoked', 'superseded'] as const;
export type IssuedDocumentStatus = (typeof issuedDocumentStatuses)[number];

/** One entry of the document register, as staff and verifiers see it. */
export const issuedDocumentSchema = z.object({
  id,
  /** The register number printed on every page, e.g. 'UM-2022-000123'. */
  number: z.string(),
  kind: z.enum(registerDocumentKinds),
  kindLabel: z.string(),
  studentId: id,
  studentNumber: z.string(),
  studentName: z.string(),
  enrolmentId: id.nullable(),
  academicYear: z.string(),
  issuedAt: z.string(),
  issuedBy: z.string(),
  /** SHA-256 of the PDF as issued, hex. */
  sha256: z.string(),
  /** The verification code as printed, in groups of four: 'K7Q2-9MXD-4TZP-H3WA'. */
  verificationCode: z.string(),
  fileName: z.string(),
  status: z.enum(issuedDocumentStatuses),
  statusReason: z.string().nullable(),
  statusChangedAt: z.string().nullable(),
  statusChangedBy: z.string().nullable(),
  supersedesNumber: z.string().nullable(),
  supersededByNumber: z.string().nullable(),
  /** A BBC: the institution it was issued for, to inform when the UM enrolment ends (Art 33.7); null if not given. */
  receivingInstitution: z.string().nullable(),
  /** A decision letter: the reference of the request it decides, e.g. 'SSC-2022-00012'; otherwise null. */
  requestReference: z.string().nullable(),
  /** What the document states, label and value, in its order. */
  contents: z.array(z.tuple([z.string(), z.string()])),
});
export type IssuedDocument = z.infer<typeof issuedDocumentSchema>;

/** The result of asking for a document: issued with its PDF, or refused with the articles why. */
export const issueOutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('issued'),
    document: issuedDocumentSchema,
    fileName: z.string(),
    pdfBase64: z.string(),
  }),
  z.object({ outcome: z.literal('refused'), reasons: z.array(reasonSchema).min(1) }),
]);
export type IssueOutcome = z.infer<typeof issueOutcomeSchema>;

/** What verifying a code or a presented file says. */
export const verificationOutcomes = ['valid', 'revoked', 'superseded', 'unknown', 'altered'] as const;
export type VerificationOutcome = (typeof verificationOutcomes)[number];

export const verificationResultSchema = z.object({
  outcome: z.enum(verificationOutcomes),
  /** One sentence for the verifier, e.g. 'Revoked on 2022-11-02 by …: fees reversed.' */
  message: z.string(),
  /** What the register says about the document the code or file points to; null when unknown. */
  document: issuedDocumentSchema.nullable(),
  /** For a presented file: its SHA-256. */
  presentedSha256: z.string().nullable(),
});
export type VerificationResult = z.infer<typeof verificationResultSchema>;

const reason = z.string().trim().min(3, 'Say why, e.g. "issued with the wrong programme".').max(500);

const academicYear = z.string().regex(/^\d{4}-\d{2}$/, 'Use an academic year such as 2022-23.');

const institutionName = z.string().trim().min(2, 'Name the institution.').max(200);

/** Where a batch stands: running, or ended by completing, by cancelling, or by an unexpected failure. */
export const batchStates = ['running', 'completed', 'cancelled', 'failed'] as const;
export type BatchState = (typeof batchStates)[number];

/** What a batch did for one student: issued (with the register number), refused (with the articles) or failed. */
export const batchResultSchema = z.object({
  enrolmentId: id,
  studentId: id,
  studentNumber: z.string(),
  studentName: z.string(),
  outcome: z.enum(['issued', 'refused', 'failed']),
  /** Issued: the register entry and the file name it has in the ZIP. */
  documentId: id.nullable(),
  number: z.string().nullable(),
  fileName: z.string().nullable(),
  /** Refused: why, article by article; failed: one reason naming what went wrong. */
  reasons: z.array(reasonSchema),
});
export type BatchResult = z.infer<typeof batchResultSchema>;

/** A batch job as its screen polls it: what it covers, how far it got, and each student's result so far. */
export const batchJobSchema = z.object({
  batchId: z.string(),
  kind: z.enum(issuedDocumentKinds),
  kindLabel: z.string(),
  programmeCode: z.string(),
  programmeName: z.string(),
  academicYear: z.string(),
  state: z.enum(batchStates),
  /** Enrolments selected when the batch started. */
  total: z.number().int().nonnegative(),
  /** Enrolments handled so far (issued + refused + failed). */
  processed: z.number().int().nonnegative(),
  issued: z.number().int().nonnegative(),
  refused: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  startedAt: z.string(),
  startedBy: z.string(),
  finishedAt: z.string().nullable(),
  /** Why a batch ended early: cancelled by whom, or the unexpected error. */
  message: z.string().nullable(),
  results: z.array(batchResultSchema),
});
export type BatchJob = z.infer<typeof batchJobSchema>;

/** What a batch for a kind and year would cover: the years with enrolments and each programme's count. */
export const batchSelectionSchema = z.object({
  academicYears: z.array(z.string()),
  academicYear: z.string().nullable(),
  programmes: z.array(z.object({ code: z.string(), name: z.string(), enrolments: z.number().int() })),
});
export type BatchSelection = z.infer<typeof batchSelectionSchema>;

const batchId = z.string().min(1).max(100);

/** The kinds of institution a received BBC can come from (Art 30.1: a funded institution; not the Open University). */
export const receivedBbcInstitutionKinds = ['dutch-higher-education', 'open-university'] as const;

/** A BBC received from another institution as evidence on a UM enrolment (Art 14.6, 30.1–30.5). */
export const receivedBbcSchema = z.object({
  id,
  studentId: id,
  enrolmentId: id,
  /** As printed on the BBC by the institution that issued it. */
  number: z.string(),
  institution: z.string(),
  institutionKind: z.enum(receivedBbcInstitutionKinds),
  /** Art 30.1: the level of the programme there. */
  programmeLevel: otherEnrolmentSchema.shape.level,
  /** Art 30.1, 14.6: the fee kind paid there, as the BBC states it. */
  feeKind: otherEnrolmentSchema.shape.feeKind,
  amountCents: z.number().int().nonnegative(),
  academicYear: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  /** Art 14.6: the day the original BBC reached the SSC. */
  receivedOn: z.string(),
  recordedAt: z.string(),
  recordedBy: z.string(),
  /** What recording it did: the fee facts fed and the fee assessed again, with the articles. */
  effect: z.array(reasonSchema),
  /** Withdrawn as wrongly recorded: by whom, when, why, and the fee assessed again without it; else null. */
  withdrawn: z
    .object({
      at: z.string(),
      by: z.string(),
      reason: z.string(),
      effect: z.array(reasonSchema),
    })
    .nullable(),
});
export type ReceivedBbc = z.infer<typeof receivedBbcSchema>;

/** How an institution was informed that a UM enrolment ended (Art 33.7). */
export const informMethods = ['email', 'letter', 'phone', 'other'] as const;
export type InformMethod = (typeof informMethods)[number];

/** The record that an institution was informed (Art 33.7): when, how, by whom. */
export const institutionInformedSchema = z.object({
  informedOn: z.string(),
  method: z.enum(informMethods),
  note: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string(),
});
export type InstitutionInformed = z.infer<typeof institutionInformedSchema>;

/** An ended UM enrolment for which UM issued BBCs, with the institutions to inform (Art 33.7). */
export const institutionsToInformSchema = z.object({
  enrolmentId: id,
  studentId: id,
  studentNumber: z.string(),
  studentName: z.string(),
  academicYear: z.string(),
  programmeCode: z.string().nullable(),
  /** The programme's name in the catalogue (its code when the catalogue has none). */
  programmeName: z.string().nullable(),
  status: z.enum(['terminated', 'cancelled', 'denied']),
  /**
   * Each institution a UM BBC of this enrolment was issued for, with the BBC numbers (none for an institution
   * found for a BBC issued without naming one), and whether it was informed: by whom, when, how.
   */
  institutions: z.array(
    z.object({
      institution: z.string(),
      bbcNumbers: z.array(z.string()),
      informed: institutionInformedSchema.nullable(),
    }),
  ),
  /** Institutions not yet informed. */
  notYetInformed: z.number().int().nonnegative(),
  /** BBCs issued without naming the institution: find out whom they went to. */
  bbcsWithoutInstitution: z.array(z.string()),
  reasons: z.array(reasonSchema),
});
export type InstitutionsToInform = z.infer<typeof institutionsToInformSchema>;

/** What staff record of a BBC received from another institution (Art 14.6, 30.1–30.5). */
export const receivedBbcInputSchema = z.object({
  enrolmentId: id,
  number: z.string().trim().min(1, 'Enter the number printed on the BBC.').max(100),
  institution: institutionName,
  institutionKind: z.enum(receivedBbcInstitutionKinds).default('dutch-higher-education'),
  programmeLevel: otherEnrolmentSchema.shape.level,
  feeKind: otherEnrolmentSchema.shape.feeKind,
  amountCents: z.number().int('Amounts are whole cents.').nonnegative('The amount cannot be negative.'),
  academicYear,
  periodFrom: isoDate,
  periodTo: isoDate,
  receivedOn: isoDate,
});
export type ReceivedBbcInput = z.output<typeof receivedBbcInputSchema>;

/** Withdrawing a received BBC recorded by mistake (wrong student, enrolment or figures). */
export const withdrawReceivedBbcInputSchema = z.object({
  receivedBbcId: id,
  reason: z.string().trim().min(3, 'Say why it is withdrawn, e.g. "recorded on the wrong student".').max(500),
});

/** Recording that an institution was informed that the UM enrolment ended (Art 33.7). */
export const institutionInformedInputSchema = z.object({
  enrolmentId: id,
  institution: institutionName,
  informedOn: isoDate,
  method: z.enum(informMethods),
  /** e.g. the address or office it went to. */
  note: z.string().trim().max(500).optional(),
});

/** Official documents: the register, issuing (Art 5, 8.3), reissuing, revoking and verifying. */
export const documentsContract = {
  issue: defineCall({
    name: 'documents:issue',
    summary:
      "Issue a BBC (Art 5.2), a certificate of enrolment (Art 5.1) or a pre-master's certificate (Art 8.3) for an enrolment, or say why not",
    access: ['desk', 'ssc', 'admin'],
    input: z.object({
      enrolmentId: id,
      kind: z.enum(issuedDocumentKinds),
      /** Pre-master's certificate: the day the pre-master's was completed successfully (Art 8.3). */
      completedOn: isoDate.optional(),
      /** BBC: the institution it is issued for, informed when the UM enrolment ends (Art 33.7). */
      receivingInstitution: institutionName.optional(),
    }),
    output: issueOutcomeSchema,
  }),
  ofStudent: defineCall({
    name: 'documents:ofStudent',
    summary: 'The documents issued to a student, newest first, with their status',
    access: everyRole,
    input: z.object({ studentId: id }),
    output: z.array(issuedDocumentSchema),
  }),
  pdf: defineCall({
    name: 'documents:pdf',
    summary: 'The PDF of an issued document exactly as issued (checked against its SHA-256)',
    access: everyRole,
    input: z.object({ documentId: id }),
    output: z.object({ fileName: z.string(), pdfBase64: z.string() }),
  }),
  reissue: defineCall({
    name: 'documents:reissue',
    summary: 'Issue a valid document again from the current records; the old one is superseded',
    access: ['desk', 'ssc', 'admin'],
    input: z.object({ documentId: id, reason }),
    output: issueOutcomeSchema,
  }),
  revoke: defineCall({
    name: 'documents:revoke',
    summary: 'Revoke a valid document with a reason; verifying it then says revoked',
    access: ['desk', 'ssc', 'admin'],
    input: z.object({ documentId: id, reason }),
    output: issuedDocumentSchema,
  }),
  batchSelection: defineCall({
    name: 'documents:batchSelection',
    summary:
      'What a batch of one document kind would cover: the academic years, and per programme how many enrolments',
    access: ['desk', 'ssc', 'admin'],
    input: z.object({ kind: z.enum(issuedDocumentKinds), academicYear: academicYear.optional() }),
    output: batchSelectionSchema,
  }),
  startBatch: defineCall({
    name: 'documents:startBatch',
    summary:
      'Start issuing one document kind for every enrolment of a programme in an academic year; poll documents:batchStatus',
    access: ['desk', 'ssc', 'admin'],
    input: z.object({
      kind: z.enum(issuedDocumentKinds),
      programmeCode: z.string().trim().min(1, 'Choose the programme.'),
      academicYear,
      /** Pre-master's certificates: the day the pre-master's was completed (Art 8.3). */
      completedOn: isoDate.optional(),
    }),
    output: batchJobSchema,
  }),
  batchStatus: defineCall({
    name: 'documents:batchStatus',
    summary:
      'Where a batch stands: progress and each student’s result (issued with number, or refused with why)',
    access: ['desk', 'ssc', 'admin'],
    input: z.object({ batchId }),
    output: batchJobSchema,
  }),
  cancelBatch: defineCall({
    name: 'documents:cancelBatch',
    summary:
      'Cancel a running batch after the document in hand; the documents issued so far stay fully registered',
    access: ['desk', 'ssc', 'admin'],
    input: z.object({ batchId }),
    output: batchJobSchema,
  }),
  batchZip: defineCall({
    name: 'documents:batchZip',
    summary: 'The PDFs a finished or cancelled batch issued, in one ZIP with a CSV of every student’s result',
    access: ['desk', 'ssc', 'admin'],
    input: z.object({ batchId }),
    output: z.object({ fileName: z.string(), zipBase64: z.string(), files: z.number().int() }),
  }),
  recordReceivedBbc: defineCall({
    name: 'documents:recordReceivedBbc',
    summary:
      'Record a BBC received from another institution on a UM enrolment; it feeds the fee facts and the fee is assessed again (Art 14.6, 30.1–30.5)',
    access: ['desk', 'admin'],
    input: receivedBbcInputSchema,
    output: z.object({ bbc: receivedBbcSchema, reasons: z.array(reasonSchema) }),
  }),
  receivedBbcs: defineCall({
    name: 'documents:receivedBbcs',
    summary:
      'The BBCs of other institutions recorded for a student, newest first, with what they did to the fee',
    access: everyRole,
    input: z.object({ studentId: id }),
    output: z.array(receivedBbcSchema),
  }),
  institutionsToInform: defineCall({
    name: 'documents:institutionsToInform',
    summary:
      'Ended UM enrolments (terminated, cancelled, denied) with the institutions that received a UM BBC for them, to inform (Art 33.7)',
    access: everyRole,
    input: z.object({ studentId: id.optional() }),
    output: z.array(institutionsToInformSchema),
  }),
  withdrawReceivedBbc: defineCall({
    name: 'documents:withdrawReceivedBbc',
    summary:
      'Withdraw a received BBC recorded by mistake, with a reason: it stops feeding the fee, which is assessed again (Art 14.6, 30.1, 31.2–31.3); the record is kept',
    access: ['desk', 'admin'],
    input: withdrawReceivedBbcInputSchema,
    output: z.object({ bbc: receivedBbcSchema, reasons: z.array(reasonSchema) }),
  }),
  recordInstitutionInformed: defineCall({
    name: 'documents:recordInstitutionInformed',
    summary:
      'Record that an institution holding a UM BBC was informed that the UM enrolment ended: when and how (Art 33.7)',
    access: ['desk', 'ssc', 'admin'],
    input: institutionInformedInputSchema,
    output: institutionsToInformSchema,
  }),
  verify: defineCall({
    name: 'documents:verify',
    summary: 'Verify a verification code or a presented PDF: valid, revoked, superseded, unknown or altered',
    access: everyRole,
    input: z.union([
      z.object({ code: z.string().trim().min(1, 'Enter the verification code.').max(2000) }),
      z.object({ pdfBase64: z.string().min(1, 'Choose the PDF to verify.') }),
    ]),
    output: verificationResultSchema,
  }),
};
