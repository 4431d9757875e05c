import { z } from 'zod';
import { defineCall, everyRole } from './define-call';
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

/** English names of the document kinds, as the documents and the screens print them. */
export const issuedDocumentKindLabels: Readonly<Record<IssuedDocumentKind, string>> = {
  'proof-of-payment': 'Proof of payment of tuition fees (BBC)',
  'enrolment-certificate': 'Certificate of enrolment',
  'pre-master-certificate': "Pre-master's certificate",
};

/** Where an issued document stands in the register. */
export const issuedDocumentStatuses = ['valid', 'revoked', 'superseded'] as const;
export type IssuedDocumentStatus = (typeof issuedDocumentStatuses)[number];

/** One entry of the document register, as staff and verifiers see it. */
export const issuedDocumentSchema = z.object({
  id,
  /** The register number printed on every page, e.g. 'UM-2022-000123'. */
  number: z.string(),
  kind: z.enum(issuedDocumentKinds),
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
