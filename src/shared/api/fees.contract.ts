import { z } from 'zod';
import { feeFactsSchema } from '../facts/fee-facts';
import { refundFactsSchema } from '../facts/refund-facts';
import { defineCall, everyRole } from './define-call';

/** A reason of a decision: the article it rests on and one sentence of why (DESIGN.md §3). */
export const reasonSchema = z.object({ article: z.string(), text: z.string() });

const feeKind = z.enum([
  'low-statutory',
  'statutory',
  'high-statutory',
  'institutional-at-statutory',
  'institutional',
  'partial-statutory',
  'partial-institutional',
  'partial-institutional-at-partial-statutory',
  'examination-fee',
  'study-fee',
  'none',
]);

/** The fee of one enrolment for the academic year (Art 16–30, App I–III). */
export const feeAssessmentSchema = z.object({
  kind: feeKind,
  kindLabel: z.string(),
  amountCents: z.number().int(),
  annualAmountCents: z.number().int(),
  months: z.number().int().optional(),
  periods: z
    .array(
      z.object({
        from: z.string(),
        months: z.number().int(),
        kind: feeKind,
        annualAmountCents: z.number().int(),
      }),
    )
    .optional(),
  reasons: z.array(reasonSchema),
});

/** The handling fee of Art 15. */
export const handlingFeeAssessmentSchema = z.object({
  isDue: z.boolean(),
  amountCents: z.number().int(),
  isRefundableOnEnrolment: z.boolean(),
  reasons: z.array(reasonSchema),
});

/** The refund after an enrolment ends (Art 33–39). */
export const refundDecisionSchema = z.object({
  outcome: z.enum([
    'cancelled-before-start',
    'terminated',
    'continued-enrolment',
    'request-not-processed',
    'ends-by-law',
  ]),
  feeKind: z.enum(['tuition-fee', 'study-fee', 'examination-fee']),
  effectiveDate: z.string().nullable(),
  monthsRemaining: z.number().int(),
  refundBasis: z.enum(['remaining-months', 'remaining-ects', 'full-amount-paid', 'none']),
  refundCents: z.number().int(),
  deductions: z.array(
    z.object({ description: z.string(), amountCents: z.number().int(), article: z.string() }),
  ),
  netRefundCents: z.number().int(),
  stillOwedCents: z.number().int(),
  refundDueBy: z.string().nullable(),
  refundTo: z.enum(['account-paid-from', 'third-party-account-on-record', 'heirs']).nullable(),
  reasons: z.array(reasonSchema),
});

/** Fees: what a student owes and why, and what is refunded when an enrolment ends. */
export const feesContract = {
  quote: defineCall({
    name: 'fees:quote',
    summary:
      'The tuition, examination or study fee and the handling fee for a set of facts, with the articles',
    access: everyRole,
    input: z.object({ facts: feeFactsSchema }),
    output: z.object({ tuition: feeAssessmentSchema, handlingFee: handlingFeeAssessmentSchema }),
  }),
  refund: defineCall({
    name: 'fees:refund',
    summary: 'The refund when an enrolment ends, with deductions and the articles',
    access: everyRole,
    input: z.object({ facts: refundFactsSchema }),
    output: refundDecisionSchema,
  }),
  programmes: defineCall({
    name: 'fees:programmes',
    summary: 'The programmes of the provisions that fee facts can name (App I, IV, VI)',
    access: everyRole,
    input: z.object({ academicYear: z.string().default('2022-23') }),
    output: z.array(z.object({ code: z.string(), name: z.string(), level: z.string() })),
  }),
};
