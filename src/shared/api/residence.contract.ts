import { z } from 'zod';
import { defineCall, everyRole } from './define-call';
import { reasonSchema } from './fees.contract';

/** A term of Appendix III: the Member State (ISO 3166-1 alpha-2) and the term as printed there. */
export const longTermResidentTermRefSchema = z.object({
  /** The Member State whose list has the term, e.g. 'DE'. */
  state: z.string(),
  /** The state's name as Appendix III prints it, e.g. 'Germany'. */
  stateName: z.string(),
  /** The term as printed in Appendix III, e.g. 'Daueraufenthalt – EG'. */
  term: z.string(),
  /** True for a term Appendix III prints as former ('formerly …', or dated before a change). */
  former: z.boolean(),
});

/** The outcome of checking the wording on a residence document against Appendix III (App II k). */
export const longTermResidentCheckSchema = z.object({
  outcome: z.enum(['match', 'no-match', 'needs-review']),
  /** The term of the chosen Member State that the wording contains; only for 'match'. */
  matchedTerm: longTermResidentTermRefSchema.optional(),
  /** The term staff should compare the document with (another state's, or the nearest); only for 'needs-review'. */
  nearestTerm: longTermResidentTermRefSchema.optional(),
  reasons: z.array(reasonSchema),
});

/** What `residence:checkLongTermResidentWording` answers. */
export type LongTermResidentCheck = z.infer<typeof longTermResidentCheckSchema>;

/** The wording a member of staff typed or pasted, and the Member State that issued the document. */
export const longTermResidentWordingSchema = z.object({
  academicYear: z.string().default('2022-23'),
  /** ISO 3166-1 alpha-2 code of the Member State that issued the residence document, e.g. 'DE'. */
  memberState: z.string().trim().min(1, 'choose the Member State that issued the residence document'),
  /** The wording on the residence document or passport sticker, as typed or pasted. */
  wording: z
    .string()
    .trim()
    .min(1, 'type or paste the wording on the residence document')
    .max(4000, 'paste at most 4,000 characters of the residence document'),
});

/** Residence: the facts of a student's residence that decide eligibility and the fee (App II, App III). */
export const residenceContract = {
  checkLongTermResidentWording: defineCall({
    name: 'residence:checkLongTermResidentWording',
    summary:
      'Check the wording on another Member State’s residence document against the EU long-term resident terms of Appendix III',
    access: everyRole,
    input: longTermResidentWordingSchema,
    output: longTermResidentCheckSchema,
  }),
};
