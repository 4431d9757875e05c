import { z } from 'zod';
import { feeFactsSchema } from '../facts/fee-facts';
import { defineCall, everyRole } from './define-call';
import { feeAssessmentSchema, reasonSchema, refundDecisionSchema } from './fees.contract';

const id = z.number().int().positive();
const isoDate = z.iso.date('Use a date such as 2022-09-01.');
const positiveCents = z
  .number()
  .int('Amounts are whole cents.')
  .positive('The amount must be more than zero.');

/** The statuses an enrolment passes through at the desk (Art 2–4, 13, 33), in lifecycle order. */
export const enrolmentStatuses = [
  'applied',
  'awaiting-documents',
  'enrolled',
  'denied',
  'administrative-hold',
  'terminated',
  'cancelled',
] as const;
export type EnrolmentStatus = (typeof enrolmentStatuses)[number];

/** A student as lists and search show them. */
export const studentSummarySchema = z.object({
  id,
  studentNumber: z.string(),
  familyName: z.string(),
  givenNames: z.string(),
  email: z.string().nullable(),
});
export type StudentSummary = z.infer<typeof studentSummarySchema>;

/** An enrolment with the facts its fee follows from and the fee as assessed. */
export const enrolmentViewSchema = z.object({
  id,
  studentId: id,
  academicYear: z.string(),
  programmeCode: z.string().nullable(),
  programmeName: z.string(),
  enrolmentKind: z.string(),
  mode: z.string(),
  startDate: z.string(),
  status: z.enum(enrolmentStatuses),
  /** Why the enrolment has its status, from the last transition; null when never changed. */
  statusReason: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  facts: z.record(z.string(), z.unknown()),
  fee: feeAssessmentSchema.pick({ kind: true, kindLabel: true, amountCents: true, reasons: true }),
});
export type EnrolmentView = z.infer<typeof enrolmentViewSchema>;

/** One line of a student's ledger. */
export const ledgerEntrySchema = z.object({
  id,
  enrolmentId: id.nullable(),
  entryKind: z.enum(['charge', 'adjustment', 'payment', 'reversal', 'refund', 'administration-charge']),
  amountCents: z.number().int(),
  bookedOn: z.string(),
  description: z.string(),
  reasons: z.array(reasonSchema),
  createdBy: z.string(),
});
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

/** A student's file as far as fees go: enrolments, their fees, and the ledger with its balance. */
export const studentFeeFileSchema = z.object({
  student: studentSummarySchema,
  enrolments: z.array(enrolmentViewSchema),
  ledger: z.array(ledgerEntrySchema),
  /** What the student owes now (positive) or is owed (negative), in cents. */
  balanceCents: z.number().int(),
});
export type StudentFeeFile = z.infer<typeof studentFeeFileSchema>;

/** The steps of the arrears procedure, named as the fields of `ArrearsState` that record them (Art 32, 35). */
export const arrearsStepKinds = [
  'firstReminderSentOn',
  'facilitiesBlockedOn',
  'secondReminderSentOn',
  'reversalReminderSentOn',
  'terminationDecidedOn',
  'settledOn',
] as const;
export type ArrearsStepKind = (typeof arrearsStepKinds)[number];

/** The next actions of the arrears procedure (`ArrearsAction` of the rules, or 'none'). */
export const arrearsActionIds = [
  'send-first-reminder',
  'block-facilities-and-add-administration-fee',
  'send-second-reminder',
  'block-facilities',
  'send-reversal-reminder',
  'terminate-enrolment',
  'none',
] as const;

/** One student on the arrears worklist with the next step of the procedure. */
export const arrearsWorklistRowSchema = z.object({
  studentId: id,
  studentNumber: z.string(),
  name: z.string(),
  outstandingCents: z.number().int(),
  arisenOn: z.string(),
  nextAction: z.object({
    id: z.enum(arrearsActionIds),
    label: z.string(),
    /** The step to record when the action is taken; null for 'none'. */
    step: z.enum(arrearsStepKinds).nullable(),
  }),
  dueOn: z.string().nullable(),
  isDue: z.boolean(),
  reasons: z.array(reasonSchema),
});
export type ArrearsWorklistRow = z.infer<typeof arrearsWorklistRowSchema>;

/** Students, their enrolments' fees and their ledgers (Art 14, 16–31). */
export const ledgerContract = {
  studentFile: defineCall({
    name: 'ledger:studentFile',
    summary: "A student's enrolments with their fees, and the ledger with its balance",
    access: everyRole,
    input: z.object({ studentId: id }),
    output: studentFeeFileSchema,
  }),
  enrol: defineCall({
    name: 'ledger:enrol',
    summary: 'Record an enrolment with its fee facts, assess the fee and book the charge',
    access: ['desk', 'admin'],
    input: z.object({
      studentId: id,
      academicYear: z
        .string()
        .regex(/^\d{4}-\d{2}$/)
        .default('2022-23'),
      facts: feeFactsSchema,
    }),
    output: enrolmentViewSchema,
  }),
  reassess: defineCall({
    name: 'ledger:reassess',
    summary:
      'Change the facts of an enrolment; the fee is assessed again and the difference booked (Art 31.2–31.3)',
    access: ['desk', 'ssc', 'admin'],
    input: z.object({
      enrolmentId: id,
      version: z.number().int(),
      facts: feeFactsSchema,
      reason: z
        .string()
        .trim()
        .min(3, 'Say why the facts changed, e.g. "BRP nationality corrected".')
        .max(500),
    }),
    output: z.object({
      enrolment: enrolmentViewSchema,
      differenceCents: z.number().int(),
      dueImmediatelyCents: z.number().int(),
      refundCents: z.number().int(),
      reasons: z.array(reasonSchema),
    }),
  }),
  terminate: defineCall({
    name: 'ledger:terminate',
    summary:
      "End an enrolment at the student's request and book the refund (Art 33–34); a dry run only calculates",
    access: ['desk', 'admin'],
    input: z.object({
      enrolmentId: id,
      version: z.number().int(),
      requestDate: isoDate,
      refundRequested: z.boolean().default(true),
      /** Pre-master's and professional master's: the ECTS still to be obtained after termination (Art 34.3). */
      remainingEcts: z.number().nonnegative().optional(),
      dryRun: z.boolean(),
    }),
    output: z.object({ enrolment: enrolmentViewSchema, refund: refundDecisionSchema }),
  }),
  recordPayment: defineCall({
    name: 'ledger:recordPayment',
    summary: 'Book a payment received from (or for) the student',
    access: ['desk', 'admin'],
    input: z.object({
      studentId: id,
      enrolmentId: id.optional(),
      amountCents: positiveCents,
      paidOn: isoDate,
      description: z.string().trim().min(1).max(200).default('Payment received'),
    }),
    output: ledgerEntrySchema,
  }),
  recordReversal: defineCall({
    name: 'ledger:recordReversal',
    summary: 'Book a reversed direct debit: the amount is owed again (Art 32)',
    access: ['desk', 'admin'],
    input: z.object({
      studentId: id,
      enrolmentId: id.optional(),
      amountCents: positiveCents,
      reversedOn: isoDate,
    }),
    output: ledgerEntrySchema,
  }),
  arrearsWorklist: defineCall({
    name: 'ledger:arrearsWorklist',
    summary:
      'Students in arrears (a reversed direct debit or a missed instalment) with the next step due (Art 32, 35)',
    access: everyRole,
    input: z.object({ today: isoDate.optional() }),
    output: z.array(arrearsWorklistRowSchema),
  }),
  recordArrearsStep: defineCall({
    name: 'ledger:recordArrearsStep',
    summary:
      'Record a step of the arrears procedure; blocking the facilities books the administration charge (Art 32)',
    access: ['desk', 'admin'],
    input: z.object({ studentId: id, step: z.enum(arrearsStepKinds), takenOn: isoDate }),
    output: arrearsWorklistRowSchema.nullable(),
  }),
  arrearsReminderLetter: defineCall({
    name: 'ledger:arrearsReminderLetter',
    summary:
      "The PDF reminder letter of a student's arrears procedure: the reminder due today or the one recorded (Art 32, 35)",
    access: ['desk', 'admin'],
    input: z.object({ studentId: id, today: isoDate.optional() }),
    output: z.object({ fileName: z.string(), pdfBase64: z.string() }),
  }),
};
