import { z } from 'zod';
import { dutchDegreeSchema, priorEducationDiplomaSchema, programmeLevelSchema } from './fee-facts';
import { refundDebtSchema } from './refund-facts';

/*
 * The facts the enrolment desk records about a student, and about one enrolment applied for, from
 * which the rules of Articles 2–4 and 13 and Appendix II follow (eligibility, refusal, the documents
 * a–g and their deadlines, the WSF group).
 *
 * Countries are ISO 3166-1 alpha-2 codes, dates ISO `YYYY-MM-DD`. What the provisions decide (country
 * lists, WSF groups, deadlines) is looked up in the provisions, never recorded here. Defaults describe
 * the most common case, so that `{ dateOfBirth, nationalities, residence: { countryOfResidence } }` is a
 * complete profile. Enums that mean the same as in the fee facts are reused from `fee-facts.ts`.
 */

/** An ISO 3166-1 alpha-2 country code, e.g. 'DE'. */
const countryCodeSchema = z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code such as "DE"');
const isoDateSchema = z.iso.date();
/** An academic year such as '2022-23' (Art 1bb). */
const academicYearSchema = z.string().regex(/^\d{4}-\d{2}$/, 'expected an academic year such as "2022-23"');
/** A programme code of the provisions: 'b-…', 'm-…' (App I), 'pm-…' (App IV) or 'pro-…' (App VI). */
const programmeCodeSchema = z
  .string()
  .regex(/^(b|m|pm|pro)-[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a programme code such as "b-medicine"');

// ------------------------------------------------------------------------------------ residence

/** A letter of Appendix II (groups a–o of Article 2.2 WSF 2000). */
export const wsfGroupLetterSchema = z.enum([
  'a',
  'b',
  'c',
  'd',
  'e',
  'f',
  'g',
  'h',
  'i',
  'j',
  'k',
  'l',
  'm',
  'n',
  'o',
]);
/** A group of Appendix II. */
export type WsfGroupLetter = z.infer<typeof wsfGroupLetterSchema>;

/**
 * The Dutch residence document of the student, by what it is issued for (its purpose of stay).
 * 'none' when the student holds none.
 */
export const residencePermitTypeSchema = z.enum([
  'none',
  // Art 13.1f, App III: a residence permit with study as the purpose of stay (no group of App II by itself).
  'study',
  // App II d: residence document of a Turkish national under Association Decision 1/80.
  'association-decision-1-80',
  // App II f: residence permit for family members of EU/EEA citizens (Directive 2004/38/EC).
  'eu-family-member',
  // App II g: asylum residence permit for a fixed period (Art 28 Aliens Act).
  'asylum-fixed-period',
  // App II h: asylum residence permit for an indefinite period (Art 33 Aliens Act).
  'asylum-indefinite-period',
  // App II i: regular residence permit for an indefinite period (Art 20 Aliens Act).
  'regular-indefinite-period',
  // App II j: 'EU long-term resident' status in the Netherlands (Directive 2003/109/EC).
  'eu-long-term-resident-netherlands',
  // App II l: permanent residence document under Art 18(1) of the Withdrawal Agreement.
  'withdrawal-agreement-permanent',
  // App II m: regular residence permit for a fixed period (Art 14 Aliens Act); a group only under conditions 1°–7°.
  'regular-fixed-period',
  // App II n: an application for a permit or its extension awaits a decision.
  'application-pending',
  // Any other permit (work, highly skilled migrant …): App II says such permits are assessed case by case.
  'other',
]);
/** What a Dutch residence document is issued for. */
export type ResidencePermitType = z.infer<typeof residencePermitTypeSchema>;

/** The Dutch residence document of the student (Art 2.2c, 13.1e–f, App II d, f–o). */
export const residencePermitSchema = z.strictObject({
  /** What the document is issued for; 'none' when the student holds none. Default 'none'. */
  type: residencePermitTypeSchema.default('none'),
  /** First day of validity; null when not recorded. Default null. */
  validFrom: isoDateSchema.nullable().default(null),
  /** Last day of validity; null for a permit for an indefinite period or when not recorded. Default null. */
  validUntil: isoDateSchema.nullable().default(null),
  /** App II m 1°–7°: the conditions under which a fixed-period regular permit was issued. Default []. */
  groupMConditions: z.array(z.number().int().min(1).max(7)).default([]),
  /** App II n: the student already receives Dutch student finance while the application is pending. Default false. */
  receivesStudentFinance: z.boolean().default(false),
});
/** The Dutch residence document as parsed. */
export type ResidencePermit = z.output<typeof residencePermitSchema>;

/** Long-term resident status granted by another EU Member State, and the desk's App III decision on its wording (App II k). */
export const longTermResidentSchema = z.strictObject({
  /** The Member State that granted the status (App II k: not the Netherlands, which is group j). */
  memberState: countryCodeSchema,
  /** The wording on the residence document or passport sticker, as typed or pasted by staff; null if not yet recorded. Default null. */
  documentWording: z.string().min(1).nullable().default(null),
  /** App III: the decision of the wording check; absent while the wording has not been checked. */
  decided: z.enum(['match', 'no-match', 'needs-review']).optional(),
  /** Who recorded the decision, and when; null while undecided. Default null. */
  reviewedBy: z.string().min(1).nullable().default(null),
  reviewedOn: isoDateSchema.nullable().default(null),
});
/** Long-term resident status of another Member State. */
export type LongTermResident = z.output<typeof longTermResidentSchema>;

/** Where the student lives and on which documents (Art 2.2c–d, 13.1e–f, App II). */
export const residenceSchema = z.strictObject({
  /** Art 2.2d, 13.1e: the country the student lives in; 'NL' for the Netherlands, 'BE', 'DE', 'LU' or any other. */
  countryOfResidence: countryCodeSchema,
  /** The Dutch residence document. Default: none. */
  permit: residencePermitSchema.prefault({}),
  /** App II k, App III: long-term resident status of another Member State, or null. Default null. */
  longTermResident: longTermResidentSchema.nullable().default(null),
  /** App II: the group recorded on the file (e.g. from DUO), or null; the desk derives the group and flags a difference. Default null. */
  recordedWsfGroup: wsfGroupLetterSchema.nullable().default(null),
  /** App II o: the student previously received an allowance under the WTOS. Default false. */
  hasReceivedWtosAllowance: z.boolean().default(false),
});

// ------------------------------------------------------------------------------ prior education

/**
 * The kind of diploma of prior education: the kinds of the fee facts (Art 15.4g–i) and further ones
 * the desk distinguishes (Art 15.4f and h, Art 7.1).
 */
export const priorEducationKindSchema = z.enum([
  ...priorEducationDiplomaSchema.options,
  // Art 15.4f: qualifications obtained in the United Kingdom.
  'uk-qualifications',
  // Art 15.4h: a VWO diploma obtained in Curaçao, Bonaire, Aruba or Sint Maarten.
  'vwo-caribbean',
  // Art 15.4h: a VWO diploma obtained in Suriname.
  'vwo-suriname',
  // Art 7.1: a bachelor's degree (or an equivalent foreign certificate).
  'bachelor-degree',
  'master-degree',
]);
/** A kind of diploma of prior education. */
export type PriorEducationKind = z.infer<typeof priorEducationKindSchema>;

/** The prior education that gives admission (Art 13.1a, 15.1). */
export const priorEducationSchema = z.strictObject({
  /** Art 13.1a, 15.1: the country where the diploma was obtained; null when not yet recorded. Default null. */
  country: countryCodeSchema.nullable().default(null),
  /** The kind of diploma. Default 'other'. */
  diploma: priorEducationKindSchema.default('other'),
});

// -------------------------------------------------------------------- Dutch higher education

/** An earlier enrolment of the student in Dutch higher education (Art 1n, 2.2e, ROD HO). */
export const earlierEnrolmentSchema = z.strictObject({
  /** 'um' for Maastricht University, else another Dutch institution of higher education. */
  institution: z.enum(['um', 'other-dutch']),
  /** The programme code when at UM; null elsewhere or for an exchange or subsidiary enrolment. Default null. */
  programmeCode: programmeCodeSchema.nullable().default(null),
  /** The programme's name as recorded (for other institutions). Default null. */
  programmeName: z.string().min(1).nullable().default(null),
  academicYear: academicYearSchema,
  /** First day of that enrolment. */
  startedOn: isoDateSchema,
  /** Art 2.2e: the programme was completed (degree obtained). Default false. */
  isCompleted: z.boolean().default(false),
});
/** An earlier enrolment. */
export type EarlierEnrolment = z.output<typeof earlierEnrolmentSchema>;

/** What ROD HO and UM's own records show of the student's Dutch higher education. */
export const dutchHigherEducationSchema = z.strictObject({
  /** Art 16.1a: Dutch degrees since 1 September 1991. Default []. */
  degrees: z.array(dutchDegreeSchema).default([]),
  /** Art 1n, 2.2e: earlier enrolments, at UM or elsewhere. Default []. */
  enrolments: z.array(earlierEnrolmentSchema).default([]),
});

// ------------------------------------------------------------------------------ Art 3 flags

/** A negative binding study advice (Art 3.1, Art 7.8b WHW). */
export const negativeBindingStudyAdviceSchema = z.strictObject({
  /** The bachelor's programme the advice was given in. */
  programmeCode: programmeCodeSchema,
  /** Art 3.1: other bachelor's programmes that share the same first phase of 60 ECTS, per the faculty. Default []. */
  sharedFirstPhaseProgrammeCodes: z.array(programmeCodeSchema).default([]),
  issuedOn: isoDateSchema,
  /** Art 3.1: the last day of the term stated in the EER of the programme, counted from the advice. */
  termUntil: isoDateSchema,
  /** Art 3.1: the student's appeal on grounds of excessive severity to the Faculty Board. Default 'none'. */
  hardshipAppeal: z.enum(['none', 'pending', 'rejected', 'upheld']).default('none'),
});

/** A termination of enrolment at UM (Art 3.2, 3.4). */
export const umTerminationSchema = z.strictObject({
  terminatedOn: isoDateSchema,
  /** The programme the student was enrolled in; null if not recorded. Default null. */
  programmeCode: programmeCodeSchema.nullable().default(null),
});

/** A termination on the grounds of unsuitability for future professional practice (Art 3.3, Art 7.42a WHW). */
export const iudiciumAbeundiSchema = z.strictObject({
  /** UM or another institution of higher education. */
  institution: z.enum(['um', 'other']),
  /** The UM programme code, or null when at another institution. Default null. */
  programmeCode: programmeCodeSchema.nullable().default(null),
  /** The programme's name as recorded. */
  programmeName: z.string().min(1),
  /** Art 3.3: UM programmes the Executive Board regards as similar to it. Default []. */
  similarProgrammeCodes: z.array(programmeCodeSchema).default([]),
  terminatedOn: isoDateSchema,
});

/** Arrears of the student at UM (Art 3.5, 35). */
export const arrearsSchema = z.strictObject({
  /** What the student owes UM now; Art 3.5 concerns tuition, examination and study fees and administration fees. Default []. */
  debts: z.array(refundDebtSchema).default([]),
  /** Art 35: an earlier termination for arrears, and the day all charges were paid (null: not yet). Default null. */
  terminationForArrears: z
    .strictObject({ effectiveDate: isoDateSchema, allChargesPaidOn: isoDateSchema.nullable().default(null) })
    .nullable()
    .default(null),
});

/** The facts of Article 3 on the file. */
export const refusalFlagsSchema = z.strictObject({
  /** Art 3.1. Default []. */
  negativeBindingStudyAdvice: z.array(negativeBindingStudyAdviceSchema).default([]),
  /** Art 3.2: enrolment at UM terminated for serious fraud (Art 7.12b(2) WHW), or null. Default null. */
  seriousFraudTermination: umTerminationSchema.nullable().default(null),
  /** Art 3.3: terminations for unsuitability (iudicium abeundi), at UM or elsewhere. Default []. */
  iudiciumAbeundi: z.array(iudiciumAbeundiSchema).default([]),
  /** Art 3.4: enrolment at UM terminated for violating internal regulations (Art 7.57h(2) WHW), or null. Default null. */
  disciplinaryTermination: umTerminationSchema.nullable().default(null),
  /** Art 3.5, 35. Default: no arrears. */
  arrears: arrearsSchema.prefault({}),
});

// --------------------------------------------------------------------------------- the profile

/** The facts the desk records about a student that the enrolment rules need. */
export const studentProfileSchema = z
  .strictObject({
    /** Art 2.2b, 13.1e: date of birth. */
    dateOfBirth: isoDateSchema,
    /** Art 2.2a–e, 13.1e–f, App II a–e: every nationality; empty for a stateless student. */
    nationalities: z.array(countryCodeSchema),
    /** Art 16.6: the nationality registered in the BRP, or null. Default null. */
    brpNationality: countryCodeSchema.nullable().default(null),
    /** Art 13.1d: registered with a Dutch municipality, and so in the BRP. Default false. */
    registeredInBrp: z.boolean().default(false),
    /** App II footnote: first day of the uninterrupted BRP registration; null when not registered. Default null. */
    brpRegisteredSince: isoDateSchema.nullable().default(null),
    /** Where the student lives and on which documents. */
    residence: residenceSchema,
    /** Art 13.1a, 15.1: the prior education. Default: not recorded. */
    priorEducation: priorEducationSchema.prefault({}),
    /** Art 1n, 2.2e, 16.1a: Dutch higher education. Default: none. */
    dutchHigherEducation: dutchHigherEducationSchema.prefault({}),
    /** Art 3. Default: no flag. */
    refusalFlags: refusalFlagsSchema.prefault({}),
  })
  .superRefine((profile, ctx) => {
    if (profile.brpNationality !== null && !profile.nationalities.includes(profile.brpNationality)) {
      ctx.addIssue({
        code: 'custom',
        path: ['brpNationality'],
        message: 'The BRP nationality must be one of the nationalities of the student (Art 16.6).',
      });
    }
    if (profile.brpRegisteredSince !== null && !profile.registeredInBrp) {
      ctx.addIssue({
        code: 'custom',
        path: ['brpRegisteredSince'],
        message: 'A BRP registration date needs the student to be registered in the BRP (Art 13.1d).',
      });
    }
    const permit = profile.residence.permit;
    if (permit.groupMConditions.length > 0 && permit.type !== 'regular-fixed-period') {
      ctx.addIssue({
        code: 'custom',
        path: ['residence', 'permit', 'groupMConditions'],
        message: 'Conditions 1°–7° belong to a regular residence permit for a fixed period only (App II m).',
      });
    }
    if (permit.validFrom !== null && permit.validUntil !== null && permit.validUntil < permit.validFrom) {
      ctx.addIssue({
        code: 'custom',
        path: ['residence', 'permit', 'validUntil'],
        message: 'The residence permit cannot end before it starts.',
      });
    }
  });

/** The student profile as parsed (defaults applied). */
export type StudentProfile = z.output<typeof studentProfileSchema>;
/** The student profile as written by a clerk or in a JSON file (defaults may be omitted). */
export type StudentProfileInput = z.input<typeof studentProfileSchema>;

// ------------------------------------------------------------------------------ the enrolment

/** The kind of an enrolment: regular, external (Art 2.4, 27), exchange or subsidiary (Art 10). */
export const enrolmentKindSchema = z.enum(['regular', 'external', 'exchange', 'subsidiary']);

/** The enrolment applied for, as far as the rules of Articles 2–4 and 13 need it. */
export const enrolmentRequestSchema = z
  .strictObject({
    /** The academic year of the provisions that apply, e.g. '2022-23'. */
    academicYear: academicYearSchema,
    /** App I / IV / VI programme code; null only for exchange and subsidiary students. Default null. */
    programmeCode: programmeCodeSchema.nullable().default(null),
    /** Level of the programme; derived from the code when omitted, refused when it disagrees. */
    level: programmeLevelSchema.optional(),
    /** Art 2.4, 10. Default 'regular'. */
    kind: enrolmentKindSchema.default('regular'),
    /** Art 2.3: full-time or part-time. Default 'full-time'. */
    mode: z.enum(['full-time', 'part-time']).default('full-time'),
    /** Art 4: the first day of the enrolment applied for (1 September, 1 February or an interim date). */
    startDate: isoDateSchema,
    /** Art 6–8, 10, 11: the admission decision for this programme, and (Art 13.1c) whether deficiencies remain to be eliminated. */
    admission: z
      .strictObject({
        status: z.enum(['pending', 'admitted', 'refused']).default('pending'),
        hasDeficiencies: z.boolean().default(false),
      })
      .prefault({}),
    /** Art 4.4–4.5: the SSC director's decision permitting enrolment at another time, or null. Default null. */
    interimStartDecision: z
      .strictObject({
        decidedOn: isoDateSchema,
        /** The register number or reference of the decision. Default null. */
        reference: z.string().min(1).nullable().default(null),
      })
      .nullable()
      .default(null),
    /** Art 2.4: the Executive Board found that external enrolment does not go against the programme. Default false. */
    isExternalEnrolmentPermitted: z.boolean().default(false),
    /** Art 12.3, 13.1a: the programme's earlier enrolment deadline for non-EU/EEA applicants (UM website); null if not known. Default null. */
    nonEuEnrolmentDeadline: isoDateSchema.nullable().default(null),
  })
  .superRefine((enrolment, ctx) => {
    const isOutsideProgramme = enrolment.kind === 'exchange' || enrolment.kind === 'subsidiary';
    if (enrolment.programmeCode === null && !isOutsideProgramme) {
      ctx.addIssue({
        code: 'custom',
        path: ['programmeCode'],
        message:
          'A programme code is required unless the student is an exchange or subsidiary student (Art 10).',
      });
    }
  });

/** The enrolment applied for, as parsed. */
export type EnrolmentRequest = z.output<typeof enrolmentRequestSchema>;
/** The enrolment applied for, as written (defaults may be omitted). */
export type EnrolmentRequestInput = z.input<typeof enrolmentRequestSchema>;
