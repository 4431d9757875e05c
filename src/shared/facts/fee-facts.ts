import { z } from 'zod';

/*
 * The facts of a student and one enrolment from which the fees of Articles 15–30 follow.
 *
 * A desk clerk fills them from the student file: Studielink, the BRP, ROD HO, the residence permit,
 * BBCs of other institutions and SSC decisions. Countries are ISO 3166-1 alpha-2 codes, dates ISO
 * `YYYY-MM-DD`. Everything the provisions decide (amounts, categories, country lists, WSF groups) is
 * looked up in the provisions, never recorded here. Defaults describe the most common case, so that
 * `{ programmeCode, nationalities }` is a complete facts object. docs/fee-facts/README.md documents
 * every field with examples.
 */

/** An ISO 3166-1 alpha-2 country code, e.g. 'DE'. */
const countryCodeSchema = z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code such as "DE"');
const isoDateSchema = z.iso.date();
const centsSchema = z.number().int().nonnegative();

/** The level of the programme: Art 1a (bachelor's), 1p (initial master's), 1w (pre-master's), 1v (professional master's). */
export const programmeLevelSchema = z.enum([
  'bachelor',
  'initial-master',
  'pre-master',
  'professional-master',
]);
/** A programme level of Article 1. */
export type ProgrammeLevel = z.infer<typeof programmeLevelSchema>;

/** The groups of Appendix II that a Dutch residence permit (or document) can show; a, b, c and e follow from nationality, k from `euLongTermResidence`. */
export const permitWsfGroupSchema = z.enum(['d', 'f', 'g', 'h', 'i', 'j', 'l', 'm', 'n', 'o']);
/** A letter of Appendix II shown by a residence permit. */
export type PermitWsfGroup = z.infer<typeof permitWsfGroupSchema>;

/** A Dutch residence permit as submitted to UM (Art 14.5, App II). */
export const residencePermitSchema = z.strictObject({
  /** What the permit is for, as printed on it: 'study' (App III: a permit for study, no WSF group by itself) or 'other'. Default 'other'. */
  purpose: z.enum(['study', 'other']).default('other'),
  /** App II: the group the permit shows (d, f–j, l–o), or null when it shows none (e.g. a study permit). Default null. */
  wsfGroup: permitWsfGroupSchema.nullable().default(null),
  /** App II m 1°–7°: the conditions under which a fixed-period regular permit (group m) was issued. Default []. */
  groupMConditions: z.array(z.number().int().min(1).max(7)).default([]),
  /** Art 16.5: first day the permit places the student in the group; null when before the academic year. Default null. */
  validFrom: isoDateSchema.nullable().default(null),
  /** Art 14.5: day the permit was submitted to UM; null when submitted in time. Default null. */
  submittedOn: isoDateSchema.nullable().default(null),
});

/** Long-term resident status of another EU Member State (App II k with App III). */
export const euLongTermResidenceSchema = z.strictObject({
  /** App II k: the Member State that granted the status (not the Netherlands: that is App II j). */
  memberState: countryCodeSchema,
  /** App III: the term printed on that state's residence document or passport sticker, e.g. 'Daueraufenthalt – EU'. */
  permitTerm: z.string().min(1),
});

/** Recognised refugee or W-document holder (Art 25, 26, 15.4a–b). */
export const refugeeSchema = z.strictObject({
  /** Art 25.1 / 26.1 / 15.4a: regarded in the Netherlands as a recognised refugee, or holding a valid W-document (Art 8f Aliens Act). */
  status: z.enum(['recognised-refugee', 'w-document']),
  /** Art 25.1 / 26.1 ("whether or not supported by the UAF"), Art 15.4b: financially supported by the UAF. Default false. */
  isUafSupported: z.boolean().default(false),
  /** Art 26.2: day the student ceased to meet Art 26.1 during the year (part-time only); null if not. Default null. */
  statusEndedOn: isoDateSchema.nullable().default(null),
});

/** A degree type in ROD HO that counts for Art 16.1a / 18.1a (with Art 16.3 and 16.4). */
export const dutchDegreeTypeSchema = z.enum([
  'bachelor',
  'master',
  // Art 16.3a: final examination of a higher vocational programme of 168 credits (WHW of 31 August 2002).
  'hbo-final-examination-168-credits',
  // Art 16.3b and 16.4a: final examination of a university programme under Art 7.8 WHW of 31 August 2002.
  'university-final-examination-art-7-8',
  // Art 16.4b: final examination under Art 18.15 WHW.
  'final-examination-art-18-15',
]);
/** A degree type of ROD HO. */
export type DutchDegreeType = z.infer<typeof dutchDegreeTypeSchema>;

/** A Dutch degree as recorded in ROD HO (Art 16.1a, 16.3, 16.4, 18.1a, 19.2a, 30.1). */
export const dutchDegreeSchema = z.strictObject({
  /** Art 16.1a, 16.3, 16.4: what kind of degree or final examination it is. */
  type: dutchDegreeTypeSchema,
  /** Art 16.1a: day the degree was obtained; only degrees since the ROD HO date (1 September 1991) count. */
  awardedOn: isoDateSchema,
  /** Art 19.2a: day the Minister received the graduation notification (Art 7.9d WHW); null means the award date. Default null. */
  graduationNotifiedOn: isoDateSchema.nullable().default(null),
});

/** The ROD HO facts of the student (Art 16.1a, 17.1–17.3, 18.1a, 19.1, 30.1). */
export const rodHoFactsSchema = z.strictObject({
  /** Art 17.1–17.3: the first enrolment in any Dutch higher-education programme since 1 September 1991, or null if none. Default null. */
  firstEnrolment: z
    .strictObject({
      /** Art 17.1: first day of that enrolment. */
      startedOn: isoDateSchema,
      /** Art 17.2–17.3: whether that enrolment was charged the low statutory fee of Art 17.1 (or 20.2). Default false. */
      hadLowStatutoryFee: z.boolean().default(false),
    })
    .nullable()
    .default(null),
  /** Art 16.1a, 16.3, 16.4, 18.1a, 30.1: Dutch degrees recorded in ROD HO. Default []. */
  degrees: z.array(dutchDegreeSchema).default([]),
});

/** Another enrolment of the student in the same academic year, at UM or elsewhere (Art 19, 20.3–20.5, 21.3–21.4, 30.1–30.8). */
export const otherEnrolmentSchema = z.strictObject({
  /** Art 30.1 (UM, another funded institution, not the Open University), Art 30.4 (a programme charged a course fee under the Tuition and Course Fees Act). */
  institution: z.enum(['um', 'dutch-higher-education', 'open-university', 'course-fee-programme']),
  /** Art 30.1, 20.4, 21.3: the level of that programme. */
  level: z.enum(['bachelor', 'initial-master', 'other']),
  /** Art 20.3, 20.4, 21.3: the Appendix I code when the programme is at UM; null otherwise. Default null. */
  programmeCode: z.string().min(1).nullable().default(null),
  /** Art 30.1, 20.5, 21.4, 30.5: the fee paid or owing there for this academic year, as the BBC (or UM's own record) states it. */
  feeKind: z.enum(['statutory', 'low-statutory', 'high-statutory', 'institutional', 'course-fee', 'none']),
  /** Art 30.1, 30.4: the amount paid or owing there for this academic year, in cents. */
  feePaidCents: centsSchema,
  /** Art 14.6, 20.5, 21.4, 30.1, 30.5: day an original BBC of that institution was submitted to UM; null if none. Default null. */
  bbcSubmittedOn: isoDateSchema.nullable().default(null),
  /** Art 30.8: day that programme was completed during this academic year; null if not. Default null. */
  completedOn: isoDateSchema.nullable().default(null),
});
/** Another enrolment of the student. */
export type OtherEnrolment = z.infer<typeof otherEnrolmentSchema>;

/** A diploma of prior education that Art 15.4 g–i names. */
export const priorEducationDiplomaSchema = z.enum([
  'european-baccalaureate',
  'international-baccalaureate',
  'vwo',
  'swiss-maturity',
  'other',
]);

/** The facts of a student and one enrolment from which the fees follow. */
export const feeFactsSchema = z
  .strictObject({
    // ------------------------------------------------------------------------------ the enrolment
    /** App I / IV / VI: the programme code of the provisions ('b-…', 'm-…', 'pm-…', 'pro-…'); null only for exchange and subsidiary students. Default null. */
    programmeCode: z
      .string()
      .regex(/^(b|m|pm|pro)-[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a programme code such as "b-medicine"')
      .nullable()
      .default(null),
    /** Art 1a/1p/1w/1v: level of the programme; derived from the code when omitted, refused when it disagrees. */
    level: programmeLevelSchema.optional(),
    /** App I, Art 22.2/23.2/24.2: funding category; derived from the code when omitted, refused when it disagrees. */
    fundingCategory: z.enum(['low', 'high', 'top']).optional(),
    /** Art 16 vs 18, 23 vs 24, 25 vs 26: full-time or part-time. Default 'full-time'. */
    mode: z.enum(['full-time', 'part-time']).default('full-time'),
    /** Art 10 (exchange, subsidiary), Art 27 (external), else regular. Default 'regular'. */
    enrolmentKind: z.enum(['regular', 'external', 'exchange', 'subsidiary']).default('regular'),
    /** Art 4.1–4.5: the day the enrolment starts or, for an interim enrolment, the day the student enrolled; default the first day of the academic year. */
    startDate: isoDateSchema.optional(),
    /** Art 4.4: the SSC director permitted enrolment at another time than 1 September or 1 February. Default false. */
    isInterimEnrolmentPermitted: z.boolean().default(false),
    /** Art 1n, 14.2, 14.6, 20.7: the student was enrolled at UM in a previous academic year. Default false. */
    isReEnrolment: z.boolean().default(false),
    /** Art 19.2a, 20.7: day the student first enrolled in this programme (for re-enrolments); null if this is the first time. Default null. */
    programmeFirstEnrolledOn: isoDateSchema.nullable().default(null),
    /** Art 19.2b: the student follows this programme in consecutive academic years. Default true. */
    followsProgrammeInConsecutiveYears: z.boolean().default(true),

    // ----------------------------------------------------------------- nationality and residence
    /** Art 16.1b, App II a–e, Art 16.1b (Suriname): every nationality of the student; empty for a stateless student. */
    nationalities: z.array(countryCodeSchema),
    /** Art 16.6: the nationality registered in the BRP; needed when the student is a national of an EU/EEA country and of another country. Default null. */
    brpNationality: countryCodeSchema.nullable().default(null),
    /** App II footnote: first day of the student's uninterrupted registration in the BRP (British nationals: before 31 December 2020). Default null. */
    brpRegisteredSince: isoDateSchema.nullable().default(null),
    /** Art 14.5, 16.5, App II d, f–o: the Dutch residence permit submitted to UM, or null. Default null. */
    residencePermit: residencePermitSchema.nullable().default(null),
    /** App II k, App III: long-term resident status of another EU Member State, or null. Default null. */
    euLongTermResidence: euLongTermResidenceSchema.nullable().default(null),
    /** Art 25, 26, 15.4a–b: recognised refugee or W-document holder, or null. Default null. */
    refugee: refugeeSchema.nullable().default(null),

    // ------------------------------------------------------------------------ ROD HO and degrees
    /** Art 16.1a, 17.1–17.3, 18.1a, 19.1, 30.1: what ROD HO records since 1 September 1991. Default: no enrolment, no degree. */
    rodHo: rodHoFactsSchema.prefault({}),
    /** Art 16.2, 18.2: the programme is, per CROHO, in the field of healthcare or teaching, and the student's first degree in that field. Default false. */
    isFirstDegreeInHealthcareOrTeaching: z.boolean().default(false),

    // ------------------------------------------------------------- simultaneous enrolments, exemptions
    /** Art 19, 20.3–20.5, 21.3–21.4, 30.1–30.8: other enrolments of the student in this academic year. Default []. */
    otherEnrolments: z.array(otherEnrolmentSchema).default([]),
    /** Art 30.9: the Executive Board honoured the student's application for exemption for a full-time board position this year. Default false. */
    isBoardPositionExemptionGranted: z.boolean().default(false),

    // ------------------------------------------------------------- pre-master's and professional master's
    /** Art 28.2: the ECTS credits of the pre-master's that can be obtained this year, and whether it is a tailored programme; pre-master's only. Default null. */
    preMaster: z
      .strictObject({
        /** Art 28.2: 30 or 60 for a standard programme, any number for a tailored one. */
        ects: z.number().int().positive(),
        /** Art 28.2: a tailored programme, charged per ECTS. Default false. */
        isTailored: z.boolean().default(false),
      })
      .nullable()
      .default(null),
    /** Art 28.3: the study fee the faculty board set for a professional master's, in cents, when the provisions do not give it. Default null. */
    professionalMasterStudyFeeCents: centsSchema.nullable().default(null),

    // --------------------------------------------------------------------------- handling fee (Art 15)
    /** Art 15.1, 15.4f–i: where and what prior education the student completed. Default: not recorded. */
    priorEducation: z
      .strictObject({
        /** Art 15.1, 15.4f, 15.4h: country where the prior education (diploma) was obtained, or null if not recorded. Default null. */
        country: countryCodeSchema.nullable().default(null),
        /** Art 15.4g–i: the kind of diploma. Default 'other'. */
        diploma: priorEducationDiplomaSchema.default('other'),
      })
      .prefault({}),
    /** Art 15.4c–e, 15.5: facts for the exemptions from the handling fee that the rest of the file does not show. Default: none. */
    handlingFee: z
      .strictObject({
        /** Art 15.4c: previously enrolled at UM in a bachelor's, pre-master's or initial master's, or as an exchange student. Default false. */
        wasPreviouslyEnrolledAtUm: z.boolean().default(false),
        /** Art 15.4d: previously paid a handling fee to UM. Default false. */
        hasPreviouslyPaidHandlingFee: z.boolean().default(false),
        /** Art 15.4e: already assessed by the foreign partner university of a joint programme (Art 9). Default false. */
        wasAssessedByJointProgrammePartner: z.boolean().default(false),
        /** Art 15.5: the SSC director granted exemption on grounds of hardship (Art 42). Default false. */
        isHardshipExemptionGranted: z.boolean().default(false),
      })
      .prefault({}),
  })
  .superRefine((facts, ctx) => {
    const isOutsideProgramme = facts.enrolmentKind === 'exchange' || facts.enrolmentKind === 'subsidiary';
    if (facts.programmeCode === null && !isOutsideProgramme) {
      ctx.addIssue({
        code: 'custom',
        path: ['programmeCode'],
        message:
          'A programme code is required unless the student is an exchange or subsidiary student (Art 10).',
      });
    }
    if (facts.brpNationality !== null && !facts.nationalities.includes(facts.brpNationality)) {
      ctx.addIssue({
        code: 'custom',
        path: ['brpNationality'],
        message: 'The BRP nationality must be one of the nationalities of the student (Art 16.6).',
      });
    }
    const permit = facts.residencePermit;
    if (permit && permit.groupMConditions.length > 0 && permit.wsfGroup !== 'm') {
      ctx.addIssue({
        code: 'custom',
        path: ['residencePermit', 'groupMConditions'],
        message: 'Conditions 1°–7° belong to a permit of group m only (App II m).',
      });
    }
  });

/** The facts of a student and an enrolment, as parsed (defaults applied). */
export type FeeFacts = z.output<typeof feeFactsSchema>;
/** The facts as written by a clerk or in a JSON file (defaults may be omitted). */
export type FeeFactsInput = z.input<typeof feeFactsSchema>;
