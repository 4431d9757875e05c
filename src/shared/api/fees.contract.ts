import { z } from 'zod';
import { feeFactsSchema } from '../facts/fee-facts';
import { refundFactsSchema } from '../facts/refund-facts';
import { defineCall, everyRole } from './define-call';

/** A reason of a decision: the article it rests on and one sentence of why (DESIGN.md §3). */
export const reasonSchema = z.object({ article: z.string(), text: z.string() });

/** The kinds of fee an assessment can result in; 'partial-institutional-at-partial-statutory' is Art 26.1 (part-time Art 25). */
export const feeKinds = [
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
] as const;

const feeKind = z.enum(feeKinds);

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

const paymentMethod = z.enum(['lump-sum-transfer', 'lump-sum-direct-debit', 'direct-debit-instalments']);

/** The facts of a payment plan: the fee, the intake, who enrols, the way of paying chosen and the account (Art 14, 28.4, 31). */
export const paymentPlanInputSchema = z.object({
  academicYear: z.string().default('2022-23'),
  feeKind: z.enum(['tuition-fee', 'study-fee', 'examination-fee']).default('tuition-fee'),
  /** The fee owed for the enrolment, without the administration charge of instalments. */
  feeCents: z.number().int().nonnegative(),
  intake: z.enum(['september', 'february']),
  round: z.enum(['first-enrolment', 're-enrolment']).default('first-enrolment'),
  /** The nationality registered for the student (Art 14.4 asks non-EU/EEA nationals to pay early). */
  nationalityCountryCode: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'expected a two-letter country code such as "NL"'),
  /** The programme's latest enrolment deadline for non-EU/EEA applicants (Art 12.3), when known. */
  latestEnrolmentDeadline: z.iso.date().nullable().default(null),
  /** UM is obliged to apply for a residence permit for the purposes of study (Art 31.6–31.7). */
  universityAppliesForStudyResidencePermit: z.boolean().default(false),
  /** Study fee only: the faculty board offers instalments (Art 28.4). */
  facultyOffersInstalments: z.boolean().default(false),
  /** The way of paying the student chose (Art 31.4a–c). */
  method: paymentMethod,
  /** The IBAN of the account to be debited; null or blank when not given. */
  iban: z.string().nullable().default(null),
  /** The direct-debit dates published on the UM website (Art 31.4c), earliest first; null when not known. */
  debitDates: z.array(z.iso.date()).nullable().default(null),
});

/** The deadline, the ways of paying open or refused, the IBAN check and the instalment schedule (Art 14, 31). */
export const paymentPlanSchema = z.object({
  deadline: z.object({
    date: z.string().nullable(),
    relation: z.enum(['by', 'before']),
    satisfiedBy: z.enum(['payment-or-direct-debit-authorisation', 'payment']),
    feeMonthsBeforeVisaApplication: z.number().int().nullable(),
    reasons: z.array(reasonSchema),
  }),
  methods: z.array(
    z.object({
      method: paymentMethod,
      allowed: z.boolean(),
      instalmentCount: z.number().int().nullable(),
      reasons: z.array(reasonSchema),
    }),
  ),
  isChosenMethodAllowed: z.boolean(),
  /** The check of the IBAN given; null when none was given. */
  ibanCheck: z
    .object({ isValid: z.boolean(), iban: z.string(), message: z.string(), reasons: z.array(reasonSchema) })
    .nullable(),
  instalmentPlan: z.discriminatedUnion('outcome', [
    z.object({
      outcome: z.literal('scheduled'),
      instalments: z.array(
        z.object({
          number: z.number().int(),
          debitDate: z.string().nullable(),
          feeCents: z.number().int(),
          administrationChargeCents: z.number().int(),
          amountCents: z.number().int(),
        }),
      ),
      feeCents: z.number().int(),
      administrationChargeCents: z.number().int(),
      totalCents: z.number().int(),
      reasons: z.array(reasonSchema),
    }),
    z.object({ outcome: z.literal('refused'), reasons: z.array(reasonSchema) }),
  ]),
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
  paymentPlan: defineCall({
    name: 'fees:paymentPlan',
    summary:
      'The payment deadline, the ways of paying allowed or refused, the IBAN check and the instalment schedule, with the articles',
    access: everyRole,
    input: paymentPlanInputSchema,
    output: paymentPlanSchema,
  }),
  programmes: defineCall({
    name: 'fees:programmes',
    summary: 'The programmes of the provisions that fee facts can name (App I, IV, VI)',
    access: everyRole,
    input: z.object({ academicYear: z.string().default('2022-23') }),
    output: z.array(z.object({ code: z.string(), name: z.string(), level: z.string() })),
  }),
};
