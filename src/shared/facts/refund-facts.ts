import { z } from 'zod';

/*
 * The facts of a refund calculation as a JSON document, for `desk fee refund --facts FILE.json`
 * and for the refund screen. The fields are documented in docs/refund-facts/README.md.
 */

const isoDate = z.iso.date();
const cents = z.number().int().nonnegative();
/** ECTS credits, which may be fractional, to at most two decimals (e.g. 7.5). */
const ects = z
  .number()
  .nonnegative()
  .refine((x) => Math.abs(x * 100 - Math.round(x * 100)) < 1e-9, 'ECTS credits have at most two decimals');

/** A debt the student owes UM, deducted from a refund before it is paid (Art 34.5). */
export const refundDebtSchema = z.strictObject({
  description: z.string().min(1),
  amountCents: cents,
  kind: z.enum(['tuition-fee', 'examination-fee', 'study-fee', 'administration-fee', 'other']).optional(),
});

/** Why the enrolment ends, with the dates that decide when (Art 33, 35, 38, 39). */
export const refundEndingSchema = z.discriminatedUnion('reason', [
  z.strictObject({
    /** Termination at the student's request via Studielink (Art 33.2, 33.4), or a dated and signed statement of an external student (Art 37.2); before the start of the programme it is a cancellation (Art 39). */
    reason: z.literal('student-request'),
    requestDate: isoDate,
    /** The date the student asked the termination to take effect, if any; it cannot be earlier than Art 33.2 allows. */
    requestedEffectiveDate: isoDate.nullable().optional(),
  }),
  z.strictObject({
    /** Graduation (Art 33.3, 33.5). */
    reason: z.literal('graduation'),
    /** The graduation date as determined by the Board of Examiners. */
    graduationDate: isoDate,
    /** Whether all examination requirements had been completed when termination was requested (Art 33.5). */
    examinationRequirementsCompleted: z.boolean(),
    /** When the student requested termination via Studielink; null if not requested (Art 33.3). */
    terminationRequestDate: isoDate.nullable(),
  }),
  z.strictObject({
    /** Death of the student (Art 38). */
    reason: z.literal('death'),
    dateOfDeath: isoDate,
  }),
  z.strictObject({
    /** Termination by UM for payment arrears (Art 35). */
    reason: z.literal('arrears'),
    /** The date of the (second) reminder, the warning notice of Art 35. */
    warningNoticeDate: isoDate,
    /** The date the termination takes effect as decided, if later than the earliest Art 35 allows. */
    effectiveDate: isoDate.nullable().optional(),
  }),
]);

/** The facts of a refund after an enrolment ends: what was charged and paid, the dates, the level, the kind of student and why it ended. */
export const refundFactsSchema = z
  .strictObject({
    academicYear: z.string().regex(/^\d{4}-\d{2}$/, 'expected an academic year such as "2022-23"'),
    level: z.enum(['bachelor', 'initial-master', 'pre-master', 'professional-master']),
    /** 'external-student': enrolled to sit exams only, paying an examination fee (Art 1k, 27). */
    studentKind: z.enum(['student', 'external-student']),
    /** The first day of the enrolment: 1 September, 1 February, or the start of an interim or pre-master's enrolment. */
    enrolmentStartDate: isoDate,
    fee: z.strictObject({
      /** The fee that applies to the programme for a whole academic year (tuition, examination or study fee). */
      applicableCents: cents,
      /** What was charged for this enrolment when less than a whole year's fee (e.g. an interim enrolment, Art 29.1); defaults to applicableCents. */
      chargedCents: cents.optional(),
      /** What UM has received towards the charge. */
      paidCents: cents,
    }),
    /** Pre-master's and professional master's only (Art 34.3): the ECTS credits to be obtained in the programme and those remaining after termination. */
    ects: z.strictObject({ programmeTotal: ects, remaining: ects }).nullable().optional(),
    ending: refundEndingSchema,
    /** The refund was requested via Studielink (Art 33.4), by the student at cancellation (Art 39.2), or desired by the heirs (Art 38.2). */
    refundRequested: z.boolean(),
    /** An adult student's fee was paid by a third party (Art 14.3); a refund goes to that party's account (Art 34.4). */
    paidByThirdParty: z.boolean().default(false),
    /** Everything else the student owes UM, deducted in this order before a refund is paid (Art 34.5). */
    outstandingDebts: z.array(refundDebtSchema).default([]),
  })
  .superRefine((facts, ctx) => {
    if (facts.studentKind === 'external-student' && !['bachelor', 'initial-master'].includes(facts.level)) {
      ctx.addIssue({
        code: 'custom',
        path: ['studentKind'],
        message:
          'enrolment as an external student is possible only for a bachelor’s or initial master’s programme (Art 2.4)',
      });
    }
    const charged = facts.fee.chargedCents ?? facts.fee.applicableCents;
    if (charged > facts.fee.applicableCents) {
      ctx.addIssue({
        code: 'custom',
        path: ['fee', 'chargedCents'],
        message: 'the amount charged cannot exceed the fee for the whole academic year',
      });
    }
    if (facts.fee.paidCents > charged) {
      ctx.addIssue({
        code: 'custom',
        path: ['fee', 'paidCents'],
        message: 'more was paid than was charged; settle the overpayment first (Art 31.3)',
      });
    }
    const paysStudyFee = facts.level === 'pre-master' || facts.level === 'professional-master';
    if (paysStudyFee && !facts.ects) {
      ctx.addIssue({
        code: 'custom',
        path: ['ects'],
        message:
          'a study fee is refunded in proportion to the ECTS remaining (Art 34.3); give programmeTotal and remaining',
      });
    }
    if (facts.ects) {
      if (facts.ects.programmeTotal <= 0) {
        ctx.addIssue({ code: 'custom', path: ['ects', 'programmeTotal'], message: 'must be more than 0' });
      }
      if (facts.ects.remaining > facts.ects.programmeTotal) {
        ctx.addIssue({
          code: 'custom',
          path: ['ects', 'remaining'],
          message: 'cannot exceed the ECTS of the programme',
        });
      }
    }
  });

/** The facts of a refund calculation, as parsed (defaults applied). */
export type RefundFacts = z.infer<typeof refundFactsSchema>;

/** The facts of a refund calculation as written in a JSON file (defaults may be left out). */
export type RefundFactsInput = z.input<typeof refundFactsSchema>;

/** Parses the facts of a refund from a decoded JSON value, or says field by field what is wrong. */
export function parseRefundFacts(
  value: unknown,
): { ok: true; facts: RefundFacts } | { ok: false; message: string } {
  const result = refundFactsSchema.safeParse(value);
  return result.success
    ? { ok: true, facts: result.data }
    : { ok: false, message: z.prettifyError(result.error) };
}
