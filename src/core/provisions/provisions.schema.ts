import { z } from 'zod';

/*
 * Schema of the enrolment provisions of one academic year (resources/provisions/<year>.json).
 *
 * Every module reads amounts, dates, terms and lists from this data only. Conventions:
 * - money is in integer euro cents (`amountCents`), never floats;
 * - every figure carries `article`, a reference such as 'Art 17.1', 'Art 15.4a', 'Art 1l',
 *   'Art 40.2–40.4', 'App II b' or 'App II m 1°', which `findProvisionText` resolves;
 * - texts quoted from the source are verbatim (page furniture removed, wrapped lines joined);
 *   typing errors of the source are kept and listed in `editorialNotes`.
 */

/** A reference into the provisions: an article (paragraph, item, range) or an appendix (group, footnote). */
export const provisionRefSchema = z
  .string()
  .regex(
    /^(Art \d{1,2}(\.\d{1,2})?[a-z]{0,2}(–\d{1,2}(\.\d{1,2})?)?|App (I|II|III|IV|V|VI)( [a-o]( \d°)?| footnote)?)$/,
    'expected a reference such as "Art 17.1", "Art 15.4a", "Art 1l", "Art 40.2–40.4", "App II m 1°" or "App III"',
  );

const isoDate = z.iso.date();
const cents = z.number().int().nonnegative();
const text = z.string().min(1);

// ------------------------------------------------------------------------------------------ texts

/** A lettered item of a paragraph (a, b, c …), e.g. Art 15.4a. */
export const paragraphItemSchema = z.strictObject({
  id: z.string().regex(/^[a-z]{1,2}$/),
  text,
});

/** A footnote printed at the foot of the page; its marker appears as a superscript digit in the text. */
export const footnoteSchema = z.strictObject({ marker: z.string().min(1), text });

/** One paragraph of an article, verbatim. */
export const articleParagraphSchema = z.strictObject({
  /** Paragraph number as printed ('1', '2' …); the definition letter in Article 1 ('a' … 'kk'); null when the article is not numbered. */
  number: z
    .string()
    .regex(/^(\d{1,2}|[a-z]{1,2})$/)
    .nullable(),
  /** Article 1 only: the defined term. */
  term: z.string().min(1).optional(),
  /** Full text of the paragraph; lettered items and bullets each on their own line. */
  text,
  /** The lettered items of the paragraph, also contained in `text`. */
  items: z.array(paragraphItemSchema).min(1).optional(),
  footnotes: z.array(footnoteSchema).min(1).optional(),
  /** Editorial remark on the paragraph (e.g. a duplicated number in the source). */
  note: z.string().min(1).optional(),
});

/** An article of the provisions with its verbatim paragraphs. */
export const articleTextSchema = z.strictObject({
  number: z.number().int().min(1),
  /** Heading as printed above the article. */
  title: text,
  /** Heading as printed in the table of contents, where it differs from `title`. */
  contentsTitle: z.string().min(1).optional(),
  chapter: z.enum(['I', 'II', 'III']),
  /** Most specific section of Chapter II ('1', '2.1' … '3'); null in Chapters I and III. */
  section: z
    .string()
    .regex(/^\d(\.\d)?$/)
    .nullable(),
  /** Sentence before the paragraphs (Article 1: 'The following definitions …'). */
  intro: z.string().min(1).optional(),
  paragraphs: z.array(articleParagraphSchema).min(1),
  /** Sentence after the paragraphs (Article 1: 'The other terms …'). */
  closing: z.string().min(1).optional(),
});

/** An appendix: its title, its cross-reference line and its verbatim paragraphs (one per printed line or entry). */
export const appendixTextSchema = z.strictObject({
  number: z.enum(['I', 'II', 'III', 'IV', 'V', 'VI']),
  title: text,
  /** The '(See Article …)' line printed under the title, or null. */
  reference: z.string().min(1).nullable(),
  paragraphs: z.array(text).min(1),
});

/** A section of a chapter, with the range of articles it contains. */
export const sectionSchema = z.strictObject({
  number: z.string().regex(/^\d(\.\d)?$/),
  title: text,
  firstArticle: z.number().int().min(1),
  lastArticle: z.number().int().min(1),
});

/** A chapter of the provisions, with its sections (Chapter II only) and its range of articles. */
export const chapterSchema = z.strictObject({
  number: z.enum(['I', 'II', 'III']),
  title: text,
  firstArticle: z.number().int().min(1),
  lastArticle: z.number().int().min(1),
  sections: z.array(sectionSchema),
});

// --------------------------------------------------------------------------------------- figures

/** An amount of money with the article that sets it. */
export const moneyEntrySchema = z.strictObject({
  amountCents: cents,
  /** What the amount is charged per. */
  unit: z.enum(['academic-year', 'ects', 'one-off', 'unpaid-instalment']),
  article: provisionRefSchema,
  description: text,
});

/** A calendar date with the article that sets it and how the text relates to it. */
export const dateEntrySchema = z.strictObject({
  date: isoDate,
  /** The preposition of the source: 'before' 31 August, 'by' 1 September, 'on-or-after' 15 April, 'until-including', 'from', 'on'. */
  relation: z.enum(['on', 'by', 'before', 'on-or-after', 'from', 'until-including']),
  article: provisionRefSchema,
  description: text,
});

/** A term counted in days. */
export const daysEntrySchema = z.strictObject({
  days: z.number().int().positive(),
  article: provisionRefSchema,
  description: text,
});
/** A term counted in weeks (kept in weeks as the source states it). */
export const weeksEntrySchema = z.strictObject({
  weeks: z.number().int().positive(),
  article: provisionRefSchema,
  description: text,
});
/** A term counted in months. */
export const monthsEntrySchema = z.strictObject({
  months: z.number().int().positive(),
  article: provisionRefSchema,
  description: text,
});
/** A count (e.g. number of instalments). */
export const countEntrySchema = z.strictObject({
  count: z.number().int().positive(),
  article: provisionRefSchema,
  description: text,
});

const money = moneyEntrySchema;
const date = dateEntrySchema;

/**
 * Every fixed figure of Articles 12–35 and 40. The suffix of a key tells the shape of its value:
 * `…Cents` → MoneyEntry, `…Date` → DateEntry, `…Days` / `…Weeks` / `…Months` → term, `…Count` → count.
 * Amounts are always the euro figure printed in the cited paragraph.
 */
export const feesSchema = z.strictObject({
  // Art 16–21: statutory tuition fees
  /** €2,209: full-time bachelor's or initial master's (Art 16.1). */
  statutoryTuitionFeeCents: money,
  /** €1,105: low statutory fee for the first bachelor's year (Art 17.1). */
  lowStatutoryTuitionFeeCents: money,
  /** €1,572: partial statutory fee, part-time initial master's (Art 18.1). */
  partialStatutoryTuitionFeeCents: money,
  /** €1,446: small-scale and intensive surcharge for Liberal Arts and Sciences at UCM or MSP (Art 20.1). */
  smallScaleSupplementLiberalArtsCents: money,
  /** €3,655: high statutory fee UCM/MSP = statutory fee + surcharge (Art 20.1). */
  highStatutoryTuitionFeeLiberalArtsCents: money,
  /** €2,551: low statutory fee + surcharge for first-year students of Art 17.1 at UCM or MSP (Art 20.2). */
  highLowStatutoryTuitionFeeLiberalArtsCents: money,
  /** €3,997: low statutory fee + twice the surcharge, enrolled at both UCM and MSP (Art 20.3). */
  highLowStatutoryTuitionFeeLiberalArtsUcmAndMspCents: money,
  /** €3,655: UCM or MSP plus another UM bachelor's, both together (Art 20.4). */
  highStatutoryTuitionFeeLiberalArtsWithOtherUmBachelorCents: money,
  /** €1,446: only the surcharge, when a BBC of another Dutch institution is submitted (Art 20.5). */
  smallScaleSupplementOnlyLiberalArtsWithBbcCents: money,
  /** €3,655: institutional fee at the level of the high statutory fee for Art 25 students at UCM or MSP (Art 20.6). */
  institutionalFeeAtHighStatutoryLevelLiberalArtsCents: money,
  /** €2,209: MSP students enrolled in 2019/20 or earlier who re-enrol pay the non-high statutory fee (Art 20.7). */
  mspLegacyCohortStatutoryTuitionFeeCents: money,
  /** €1,781: small-scale and intensive surcharge for the master's in Forensic Psychology (Art 21.1). */
  smallScaleSupplementForensicPsychologyCents: money,
  /** €3,990: high statutory fee Forensic Psychology (Art 21.1). */
  highStatutoryTuitionFeeForensicPsychologyCents: money,
  /** €3,990: institutional fee at the level of the high statutory fee for Art 25 students (Art 21.2). */
  institutionalFeeAtHighStatutoryLevelForensicPsychologyCents: money,
  /** €3,990: Forensic Psychology plus another UM initial master's, both together (Art 21.3). */
  highStatutoryTuitionFeeForensicPsychologyWithOtherUmMasterCents: money,
  /** €1,781: only the difference, when a BBC of another Dutch institution is submitted (Art 21.4). */
  smallScaleSupplementOnlyForensicPsychologyWithBbcCents: money,
  // Art 22–26: institutional tuition fees
  /** Bachelor's institutional fee, funding category low (Art 22.2). */
  institutionalFeeBachelorLowCents: money,
  /** Bachelor's institutional fee, funding category high (Art 22.2). */
  institutionalFeeBachelorHighCents: money,
  /** Bachelor's institutional fee, funding category top (Art 22.2). */
  institutionalFeeBachelorTopCents: money,
  /** €14,217: high institutional fee for Liberal Arts and Sciences at UCM or MSP, replacing Art 22.2 (Art 22.3). */
  institutionalFeeBachelorSmallScaleIntensiveCents: money,
  /** Initial master's institutional fee, funding category low (Art 23.2). */
  institutionalFeeMasterLowCents: money,
  /** Initial master's institutional fee, funding category high (Art 23.2). */
  institutionalFeeMasterHighCents: money,
  /** Initial master's institutional fee, funding category top (Art 23.2). */
  institutionalFeeMasterTopCents: money,
  /** Part-time initial master's partial institutional fee, low (Art 24.2). */
  partialInstitutionalFeeMasterLowCents: money,
  /** Part-time initial master's partial institutional fee, high (Art 24.2). */
  partialInstitutionalFeeMasterHighCents: money,
  /** €2,209: institutional fee at the level of the statutory fee for refugees / W-document holders (Art 25.1). */
  institutionalFeeAtStatutoryLevelCents: money,
  /** €1,572: the part-time counterpart of Art 25 (Art 26.1). */
  partialInstitutionalFeeAtPartialStatutoryLevelCents: money,
  // Art 27: examination fees (external students)
  /** €2,209: external students who meet Art 16 (Art 27.1). */
  examinationFeeStatutoryCents: money,
  /** External bachelor's students not meeting Art 16 or 25, by funding category: €9,200 / €12,800 / €32,000 (Art 27.2). */
  examinationFeeBachelorLowCents: money,
  examinationFeeBachelorHighCents: money,
  examinationFeeBachelorTopCents: money,
  /** External initial master's students not meeting Art 16 or 25, by funding category: €15,800 / €18,200 / €32,000 (Art 27.3). */
  examinationFeeMasterLowCents: money,
  examinationFeeMasterHighCents: money,
  examinationFeeMasterTopCents: money,
  // Art 28: study fees
  /** €1,105: pre-master's of 30 ECTS (Art 28.2). */
  preMasterStudyFee30EctsCents: money,
  /** €2,209: pre-master's of 60 ECTS (Art 28.2). */
  preMasterStudyFee60EctsCents: money,
  /** €36.82 per ECTS: tailored pre-master's (Art 28.2). */
  preMasterStudyFeeTailoredPerEctsCents: money,
  // Art 15: handling fee
  /** €100: assessment of a non-EU/EEA diploma (Art 15.1); exemptions in `handlingFeeExemptions`. */
  handlingFeeCents: money,
  // Art 31–32, 35: payment, instalments, arrears
  /** €24: one-off administration charge added to the first instalment (Art 31.10). */
  instalmentAdministrationChargeCents: money,
  /** €19.50 per unpaid instalment (Art 32.1a, 32.2). */
  arrearsAdministrationChargeCents: money,
  /** 8 equal instalments for enrolment as of 1 September (Art 31.4c). */
  instalmentsSeptemberIntakeCount: countEntrySchema,
  /** 4 equal instalments for enrolment as of 1 February (Art 31.4c). */
  instalmentsFebruaryIntakeCount: countEntrySchema,
  /** 14 days to pay after the first reminder (Art 32.1a), after the second (Art 32.1b) and after a reversed debit (Art 32.2). */
  arrearsFirstReminderTermDays: daysEntrySchema,
  arrearsSecondReminderTermDays: daysEntrySchema,
  directDebitReversalReminderTermDays: daysEntrySchema,
  /** 14 days after the (second) reminder, after which UM may terminate the enrolment (Art 35). */
  arrearsTerminationTermDays: daysEntrySchema,
  /** Termination for arrears takes effect as of the second month after the warning notice (Art 35). */
  arrearsTerminationEffectMonths: monthsEntrySchema,
  /** Refunds are paid within three months after termination (Art 34.4). */
  refundPaymentTermMonths: monthsEntrySchema,
  /** Deregistering and re-enrolling within 12 months forfeits the low fee for the months not enrolled (Art 17.3). */
  lowStatutoryFeeReEnrolmentWindowMonths: monthsEntrySchema,
  /** Non-EU students of the February intake pay the fee for 12 months before the visa application (Art 14.4). */
  februaryIntakeVisaPrepaymentMonths: monthsEntrySchema,
  // Art 14, 16, 17: payment deadlines and dates
  /** First enrolment: paid, or direct debit authorised, by 1 September 2022 / 1 February 2023 (Art 14.1); re-enrolment 15 August 2022 (Art 14.2). */
  paymentDeadlineFirstEnrolmentSeptemberDate: date,
  paymentDeadlineFirstEnrolmentFebruaryDate: date,
  paymentDeadlineReEnrolmentDate: date,
  /** Non-EU/EEA/Swiss nationals: WSF-group residence permit before 31 August 2022 / 31 January 2023 (Art 14.5). */
  residencePermitForStatutoryFeeSeptemberDate: date,
  residencePermitForStatutoryFeeFebruaryDate: date,
  /** BBC of another Dutch institution for exemption under Art 30.1–30.2: before 1 September 2022, 15 August 2022 (re-enrolment), 1 February 2023 (Art 14.6). */
  bbcOtherInstitutionSeptemberDate: date,
  bbcOtherInstitutionReEnrolmentDate: date,
  bbcOtherInstitutionFebruaryDate: date,
  /** ROD HO records are consulted since this date (Art 16.1a, 18.1a, 19.1). */
  rodHoRecordsSinceDate: date,
  /** February intake of Art 17.1: low fee from 1 February 2023 up to and including 31 January 2024 (Art 17.2). */
  lowStatutoryFeeFebruaryIntakeFromDate: date,
  lowStatutoryFeeFebruaryIntakeUntilDate: date,
});

/** Months as two-digit strings ('01' … '12'). */
const monthSchema = z.string().regex(/^(0[1-9]|1[0-2])$/);
/** A fraction such as one twelfth. */
const fractionSchema = z.strictObject({
  numerator: z.number().int().positive(),
  denominator: z.number().int().positive(),
});

/** Rules that are not a fixed amount but parameters a fee engine applies (pro rata, refunds, damages). */
export const feeRulesSchema = z.strictObject({
  /** Interim enrolment (Art 4.4–4.5) pays for the remaining months of the academic year (Art 29.1). */
  interimEnrolmentProRata: z.strictObject({
    basis: z.literal('remaining-months'),
    article: provisionRefSchema,
    description: text,
  }),
  /** Enrolment permitted in October takes effect on 1 November instead of retroactively (Art 4.5). */
  octoberEnrolmentEffectiveMonth: z.strictObject({
    month: monthSchema,
    article: provisionRefSchema,
    description: text,
  }),
  /** External students get no reduction for late enrolment (Art 29.2) nor refund on termination (Art 37.3). */
  examinationFeeNoReductionOrRefund: z.strictObject({
    articles: z.array(provisionRefSchema).min(1),
    description: text,
  }),
  /** Refund of one twelfth of the tuition fee per remaining month, on request via Studielink (Art 34.1, 33.4). */
  refundPerRemainingMonth: z.strictObject({
    fraction: fractionSchema,
    article: provisionRefSchema,
    description: text,
  }),
  /** No tuition fee or study fee refund when the enrolment ends as per 1 July or 1 August (Art 34.2, 34.3). */
  refundNoneFromMonths: z.strictObject({
    months: z.array(monthSchema).min(1),
    articles: z.array(provisionRefSchema).min(1),
    description: text,
  }),
  /** Pre-master's and professional master's: study fee refunded in proportion to the remaining ECTS (Art 34.3). */
  studyFeeRefundBasis: z.strictObject({
    basis: z.literal('remaining-ects'),
    article: provisionRefSchema,
    description: text,
  }),
  /** Termination at the student's request takes effect from the following month, never retroactively (Art 33.2). */
  terminationEffectiveFromNextMonth: z.strictObject({ article: provisionRefSchema, description: text }),
  /** On death, one twelfth per remaining month is refunded to the heirs (Art 38.2). */
  deathRefundPerRemainingMonth: z.strictObject({
    fraction: fractionSchema,
    article: provisionRefSchema,
    description: text,
  }),
  /** Damages per month of unlawful use: one twelfth of the (partial) institutional fee or study fee (Art 40.2–40.4). */
  damagesPerMonth: z.strictObject({
    fraction: fractionSchema,
    article: provisionRefSchema,
    description: text,
  }),
  /** Statutory fee charged from the month after the WSF-group conditions are met (Art 16.5). */
  statutoryFeeFromMonthAfterEligibility: z.strictObject({ article: provisionRefSchema, description: text }),
  /** Completing one of several programmes: statutory fee for the other for the remaining months (Art 30.8). */
  simultaneousCompletionRemainingMonths: z.strictObject({
    basis: z.literal('remaining-months'),
    article: provisionRefSchema,
    description: text,
  }),
  /** Students for whom UM applies for a study residence permit pay in one lump sum, no instalments (Art 31.6). */
  residencePermitLumpSumOnly: z.strictObject({ article: provisionRefSchema, description: text }),
});

type MoneyKey = Extract<keyof z.infer<typeof feesSchema>, `${string}Cents`>;
const moneyKeys = Object.keys(feesSchema.shape).filter((k) => k.endsWith('Cents')) as [
  MoneyKey,
  ...MoneyKey[],
];

/** Fee keys whose value is a MoneyEntry (the keys of `fees` ending in 'Cents'). */
export const moneyFeeKeySchema = z.enum(moneyKeys);

/**
 * A programme (or group of programmes) that Articles 20 and 21 charge a small-scale and intensive surcharge,
 * with the keys into `fees` for each situation those articles distinguish.
 */
export const smallScaleIntensiveRegimeSchema = z.strictObject({
  id: z.enum(['liberal-arts-ucm-msp', 'forensic-psychology']),
  article: provisionRefSchema,
  programmeCodes: z.array(z.string().min(1)).min(1),
  feeKeys: z.strictObject({
    supplement: moneyFeeKeySchema,
    highStatutory: moneyFeeKeySchema,
    /** Art 20.2: first-year students entitled to the low statutory fee (bachelor only). */
    highLowStatutory: moneyFeeKeySchema.nullable(),
    /** Art 20.3: low statutory fee, enrolled in both UCM and MSP. */
    highLowStatutoryBothProgrammes: moneyFeeKeySchema.nullable(),
    withOtherUmProgramme: moneyFeeKeySchema,
    supplementOnlyWithBbc: moneyFeeKeySchema,
    institutionalAtHighStatutoryLevel: moneyFeeKeySchema,
    /** Art 22.3: the high institutional fee replacing the funding-category fee; null where none is set (Art 21). */
    highInstitutional: moneyFeeKeySchema.nullable(),
  }),
  /** Art 20.7: students enrolled in the programme in this academic year or earlier keep the non-high statutory fee. */
  legacyCohort: z
    .strictObject({
      programmeCodes: z.array(z.string().min(1)).min(1),
      enrolledInOrBeforeAcademicYear: z.string().regex(/^\d{4}-\d{2}$/),
      feeKey: moneyFeeKeySchema,
      article: provisionRefSchema,
    })
    .nullable(),
});

// ------------------------------------------------------------------------------------ programmes

/** Funding category of Art 22.2 / 23.2 / 24.2. */
export const fundingCategorySchema = z.enum(['low', 'high', 'top']);

/** A fee band of Appendix I: a heading such as 'Bachelor's programmes €12,800' and the article that sets it. */
export const feeBandSchema = z.strictObject({
  id: z.string().regex(/^(bachelor|master)-[a-z-]+$/),
  level: z.enum(['bachelor', 'master']),
  /** null for the €14,217 band, which Art 22.3 sets for small-scale and intensive education, outside the categories. */
  fundingCategory: fundingCategorySchema.nullable(),
  fullTimeCents: cents,
  partTimeCents: cents.nullable(),
  article: provisionRefSchema,
  partTimeArticle: provisionRefSchema.nullable(),
  /** Heading of the band as printed in Appendix I. */
  appendixHeading: text,
});

/** An initial bachelor's or master's programme of Appendix I. */
export const programmeProvisionSchema = z.strictObject({
  /** Stable slug: 'b-' or 'm-' plus the kebab-cased name. */
  code: z.string().regex(/^[bm]-[a-z0-9]+(-[a-z0-9]+)*$/),
  /** English name as in Appendix I, without the 'B '/'M ' prefix and without notes such as '(incl. part-time variant)'. */
  name: text,
  /** Dutch name printed after ' / ' in Appendix I, or null. */
  dutchName: z.string().min(1).nullable(),
  level: z.enum(['bachelor', 'master']),
  /** Code of an entry of `faculties` (general knowledge, not stated in Appendix I), or null where not known reliably. */
  faculty: z.string().min(1).nullable(),
  /** The line(s) as printed in Appendix I; UCM and MSP appear under two bands. */
  appendixLabels: z.array(text).min(1),
  /** Parenthetical notes of Appendix I removed from the name, e.g. 'incl. part-time variant'. */
  appendixNotes: z.array(text),
  fundingCategory: fundingCategorySchema,
  /** The Appendix I band of the funding category (Art 22.2 / 23.2). */
  feeBand: z.string().min(1),
  /** The €14,217 band (Art 22.3) for UCM and MSP, else null. */
  smallScaleIntensiveFeeBand: z.string().min(1).nullable(),
  /** Full-time institutional fee owed by a student who is not eligible for the statutory fee; for UCM and MSP Art 22.3 (€14,217) prevails over the band of Art 22.2. */
  institutionalFeeCents: cents,
  institutionalFeeArticle: provisionRefSchema,
  /** The amount of the programme's funding category under Art 22.2 / 23.2; differs from `institutionalFeeCents` only for UCM and MSP. */
  fundingCategoryFeeCents: cents,
  /** Partial institutional fee for the part-time variant (Art 24.2), or null when there is none. */
  institutionalFeePartTimeCents: cents.nullable(),
  hasPartTimeVariant: z.boolean(),
  /** Appendix I: '(only for re-enrolling students)'. */
  reEnrolmentOnly: z.boolean(),
  /** Charged the small-scale and intensive surcharge of Art 20 (UCM, MSP) or Art 21 (Forensic Psychology). */
  smallScaleIntensive: z.boolean(),
  /** Id of the entry of `smallScaleIntensiveRegimes`, or null. */
  smallScaleIntensiveRegime: z.enum(['liberal-arts-ucm-msp', 'forensic-psychology']).nullable(),
  /** Always false for 2022/23: Art 4.2 leaves the list of 1 February programmes to the UM website. */
  februaryIntake: z.boolean(),
  notes: z.array(text),
});

/** A faculty or school as used for programmes and in Appendix IV. */
export const facultySchema = z.strictObject({
  /** Short code used in this data ('FL' for the Faculty of Law, printed 'FoL' in Appendix IV). */
  code: z.string().min(1),
  /** Full name from general knowledge of UM. */
  name: text,
  /** Heading as printed in Appendix IV, or null when the faculty has no pre-master's there. */
  printedHeading: z.string().min(1).nullable(),
  note: z.string().min(1).nullable(),
});

/** A pre-master's programme of Appendix IV. The study fee depends on ECTS (Art 28.2), which the appendix does not give. */
export const preMasterProgrammeSchema = z.strictObject({
  code: z.string().regex(/^pm-[a-z0-9]+(-[a-z0-9]+)*$/),
  /** Name after 'Pre-master's in ', as printed. */
  name: text,
  printedName: text,
  faculty: z.string().min(1),
  /** The faculty heading under which it is printed in Appendix IV. */
  printedFacultyHeading: text,
  /** Appendix I master's programme with the matching name (matched by name; null where no single master matches). */
  targetMasterCode: z.string().min(1).nullable(),
  note: z.string().min(1).nullable(),
});

/** A partner institute of a joint programme (Appendix V). */
export const jointProgrammePartnerSchema = z.strictObject({
  /** As printed after the bullet. */
  printed: text,
  name: text,
  /** City printed inside the parentheses (e.g. 'Sendai'), or null. */
  place: z.string().min(1).nullable(),
  country: z.string().min(1).nullable(),
  countryCode: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .nullable(),
});

/** A joint programme of Appendix V. */
export const jointProgrammeSchema = z.strictObject({
  id: z.string().regex(/^jp-\d{2}$/),
  level: z.enum(['bachelor', 'master']),
  /** The programme column as printed (may name specialisations). */
  programme: text,
  /** Appendix I programme meant (matched by name), or null. */
  programmeCode: z.string().min(1).nullable(),
  /** The degree column as printed. */
  degree: text,
  degreeType: z.enum(['double', 'joint']),
  jointDiplomaSupplement: z.boolean(),
  partners: z.array(jointProgrammePartnerSchema).min(1),
});

/** A master's programme for professionals of Appendix VI; its study fee is set by the faculty board (Art 11.4, 28.3). */
export const professionalMasterProgrammeSchema = z.strictObject({
  code: z.string().regex(/^pro-[a-z0-9]+(-[a-z0-9]+)*$/),
  name: text,
  printedName: text,
  /** Degree designation printed in parentheses, e.g. 'LLM/MSc', or null. */
  degreeNote: z.string().min(1).nullable(),
  faculty: z.string().min(1).nullable(),
  /** Not given in the provisions (set by the faculty board, published on the UM website): always null for 2022/23. */
  studyFeeCents: cents.nullable(),
  studyFeeArticle: provisionRefSchema,
});

// ------------------------------------------------------------------------------------- countries

/** ISO 3166-1 alpha-2 code. */
const countryCode = z.string().regex(/^[A-Z]{2}$/);

/** A country named in the provisions. */
export const countrySchema = z.strictObject({
  code: countryCode,
  name: text,
  /** Spelling(s) used in the source, e.g. 'the Czech Republic'. */
  printedNames: z.array(text).min(1),
  /** Ids of the `countryGroups` it belongs to. */
  groups: z.array(z.string().min(1)).min(1),
});

/** How one article treats the nationals (or the diplomas, or the residents) of a country group. */
export const countryTreatmentSchema = z.strictObject({
  article: provisionRefSchema,
  /** What the treatment concerns: nationality, place of prior education, place of residence, or a residence document. */
  basis: z.enum(['nationality', 'prior-education', 'residence', 'residence-document']),
  /** Short machine-readable tag of the effect. */
  effect: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  description: text,
});

/** A group of countries that the provisions treat alike, with the treatments and their articles. */
export const countryGroupSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  label: text,
  /** Where the list of countries is printed. */
  article: provisionRefSchema,
  countryCodes: z.array(countryCode).min(1),
  treatments: z.array(countryTreatmentSchema),
  /** Dates that qualify the group (UK withdrawal). */
  dates: z.array(dateEntrySchema),
  note: z.string().min(1).nullable(),
});

// ------------------------------------------------------------------------------------ Appendix II

/** A group of Article 2.2 WSF 2000 (Appendix II a–o). */
export const wsfGroupSchema = z.strictObject({
  letter: z.string().regex(/^[a-o]$/),
  /** Short machine-readable tag, e.g. 'eu-national', 'eu-long-term-resident-other-state'. */
  key: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  /** Verbatim text (group m without its conditions, which follow in `conditions`). */
  text,
  /** Group m: the conditions 1°–7° under which the permit must have been issued. */
  conditions: z.array(z.strictObject({ number: z.string().regex(/^[1-9]°$/), text })).optional(),
  /** Nationality groups: the countries listed (b, c, d, e). */
  countryCodes: z.array(countryCode).optional(),
});

/** Appendix II as data. */
export const wsfGroupsSchema = z.strictObject({
  article: provisionRefSchema,
  intro: text,
  groups: z.array(wsfGroupSchema).length(15),
  /** The footnote on the United Kingdom attached to group b. */
  unitedKingdomFootnote: z.strictObject({
    marker: z.literal('*'),
    attachedToGroup: z.literal('b'),
    text,
    /** Date the UK left the EU. */
    withdrawalDate: isoDate,
    /** British nationals resident in the Netherlands before this date (and continuously in the BRP) stay eligible. */
    residentBeforeDate: isoDate,
    url: text,
  }),
  derivedFrom: text,
  disclaimer: text,
});

// ----------------------------------------------------------------------------------- Appendix III

/** A term of Appendix III as printed on a long-term resident permit. */
export const longTermResidentTermSchema = z.strictObject({
  /** The term exactly as printed, without the surrounding quotation marks. */
  text,
  /** 'former' where printed after 'formerly', or dated before a change (France before 20 June 2011, Spain prior to 2012). */
  status: z.enum(['current', 'former']),
  dateQualifier: z
    .strictObject({
      relation: z.enum(['before', 'after', 'from']),
      /** 'YYYY-MM-DD', or 'YYYY' where only the year is given. */
      date: z.string().regex(/^\d{4}(-\d{2}-\d{2})?$/),
      printed: text,
    })
    .nullable(),
  /** The Latin transliteration printed in the source, or null. */
  latinTransliteration: z.string().min(1).nullable(),
  note: z.string().min(1).nullable(),
});

/** One member state in Appendix III. */
export const longTermResidentStateSchema = z.strictObject({
  code: countryCode,
  name: text,
  /** The whole entry as printed, or null when the state has no entry (Denmark, Ireland, the Netherlands). */
  printedEntry: z.string().min(1).nullable(),
  terms: z.array(longTermResidentTermSchema),
  /** True when no permit of this state can qualify (Directive 2003/109/EC not implemented). */
  neverMatches: z.boolean(),
  /** Why the state has no terms, or null. */
  reason: z.string().min(1).nullable(),
  article: provisionRefSchema,
});

/** Appendix III as data. */
export const longTermResidentTermsSchema = z.strictObject({
  article: provisionRefSchema,
  introduction: z.array(text).min(1),
  states: z.array(longTermResidentStateSchema).min(1),
  abbreviationNote: z.strictObject({
    heading: text,
    text,
    /** Final abbreviations the note says may replace one another, e.g. ['UE', 'CE']. */
    interchangeableSuffixes: z.array(z.array(z.string().min(1)).min(2)),
  }),
  spainFootnote: text,
  nonImplementationNote: text,
  moreInformationUrl: text,
});

// ------------------------------------------------------------------------ enrolment and procedure

/** An exemption from the handling fee (Art 15.4 a–i). */
export const handlingFeeExemptionSchema = z.strictObject({
  id: z.string().regex(/^[a-i]$/),
  key: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  article: provisionRefSchema,
  /** g, h and i apply only to enrolment in a bachelor's programme. */
  bachelorOnly: z.boolean(),
  /** Places of prior education named in the item (ISO codes), or empty. */
  countryCodes: z.array(countryCode),
  text,
});

/** A document or piece of information required for first-time enrolment (Art 13.1 a–g). */
export const requiredDocumentSchema = z.strictObject({
  id: z.string().regex(/^[a-g]$/),
  key: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  /** Short name for checklists (editorial). */
  label: text,
  article: provisionRefSchema,
  /** Who must submit it: everyone, or the group named by the sentence in `condition`. */
  appliesTo: z.enum([
    'all',
    'with-deficiencies',
    'not-in-brp',
    'adult-non-eu-eea-swiss',
    'non-eu-eea-swiss-with-dutch-study-permit',
  ]),
  /** The sentence of the item that restricts or qualifies it, verbatim, or null. */
  condition: z.string().min(1).nullable(),
  /** Item f: to be re-signed every academic year. */
  renewEveryAcademicYear: z.boolean(),
  text,
});

/** Enrolment data of Articles 4, 6, 12, 13 and 33. */
export const enrolmentSchema = z.strictObject({
  /** Commencement dates of bachelor's and initial master's programmes (Art 4.1, 4.2). */
  commencementDates: z.array(
    z.strictObject({
      date: isoDate,
      intake: z.enum(['september', 'february']),
      article: provisionRefSchema,
      description: text,
    }),
  ),
  /** Art 4.2: where the list of February programmes is published (not in the provisions). */
  februaryIntakeProgrammesSource: z.strictObject({ article: provisionRefSchema, text }),
  /** Art 13.1: documents must be submitted before these dates. */
  documentsSeptemberIntakeDate: dateEntrySchema,
  documentsFebruaryIntakeDate: dateEntrySchema,
  requiredDocuments: z.array(requiredDocumentSchema).length(7),
  /** Art 13.1a NB: applicants with non-EU/EEA prior education must submit diplomas before the earlier deadline of Art 12.3. */
  nonEuPriorEducationDiplomaRule: z.strictObject({ article: provisionRefSchema, text }),
  /** Art 13.3: what a document missing at the start of the programme means; the items whose absence means denial. */
  missingDocumentsAtStart: z.strictObject({
    article: provisionRefSchema,
    /** First sentence: any item missing → not (re-)enrolled, and access may be denied by an administrative hold. */
    holdDescription: text,
    /** Second sentence: the items (prior-education certificates, proof of legal residence) whose absence on the start date means denial. */
    deniedWhenMissing: z.array(z.string().regex(/^[a-g]$/)).min(1),
    denialDescription: text,
  }),
  /** Art 2.2b–c, 13.1e: from this age on the first day of the programme a foreign national is an adult who must reside lawfully. */
  adultAgeYears: z.strictObject({
    years: z.number().int().positive(),
    article: provisionRefSchema,
    description: text,
  }),
  /** Art 6.2: bachelor's programmes with a cap on student numbers. */
  restrictedIntakeBachelors: z.strictObject({
    article: provisionRefSchema,
    programmeCodes: z.array(z.string().min(1)).min(1),
  }),
  /** Art 6.5: bachelor's programmes with a special selection procedure. */
  selectionProcedureBachelors: z.strictObject({
    article: provisionRefSchema,
    programmeCodes: z.array(z.string().min(1)).min(1),
  }),
  /** Art 12.4: certificates of admission of restricted-intake programmes. */
  admissionCertificateSentFromDate: dateEntrySchema,
  admissionCertificateAcceptanceTermWeeks: weeksEntrySchema,
  admissionCertificateIssuedBeforeDate: dateEntrySchema,
  /** Art 33.1: all enrolments of the year end by law on this date. */
  enrolmentEndsDate: dateEntrySchema,
});

/** Procedural terms of Chapter III. */
export const proceduresSchema = z.strictObject({
  /** Art 42: the SSC director decides on a hardship request within 8 weeks, counted from the day after a complete request. */
  hardshipDecisionTermWeeks: weeksEntrySchema,
  /** Art 43: objections within six weeks of receipt of the decision. */
  objectionTermWeeks: weeksEntrySchema,
  /** Art 33.8: the term within which UM de-registers a study-permit student with the IND (its sponsor duty to notify). */
  indNotificationTermWeeks: weeksEntrySchema,
});

/** A remark on the source: a typing error, a wrong cross-reference or an ambiguity, and how this data resolves it. */
export const editorialNoteSchema = z.strictObject({ ref: provisionRefSchema, note: text });

// ----------------------------------------------------------------------------------------- root

/** The enrolment provisions of one academic year. */
export const provisionsSchema = z.strictObject({
  /** Key of the year, e.g. '2022-23'. */
  academicYear: z.string().regex(/^\d{4}-\d{2}$/),
  /** Official title by which the provisions may be cited (Art 45). */
  title: text,
  /** First and last day of the academic year (Art 1bb, Art 33.1). */
  startDate: isoDate,
  endDate: isoDate,
  /** Date of entry into force (Art 45). */
  entryIntoForceDate: isoDate,
  /** Adoption by the Executive Board (closing sentence after Art 45). */
  adoption: z.strictObject({ date: isoDate, by: text, text }),
  /** The document this data was transcribed from. */
  source: z.strictObject({ document: text, file: text, note: text }),
  /** The unnumbered introduction before the contents, verbatim. */
  preamble: z.strictObject({ paragraphs: z.array(text).min(1), footnotes: z.array(footnoteSchema) }),
  structure: z.array(chapterSchema).length(3),
  articles: z.array(articleTextSchema).length(45),
  appendices: z.array(appendixTextSchema).length(6),
  faculties: z.array(facultySchema).min(1),
  feeBands: z.array(feeBandSchema).min(1),
  /** Appendix I. */
  programmes: z.array(programmeProvisionSchema).min(1),
  smallScaleIntensiveRegimes: z.array(smallScaleIntensiveRegimeSchema),
  /** Appendix IV. */
  preMasterProgrammes: z.array(preMasterProgrammeSchema).min(1),
  /** Appendix V. */
  jointProgrammes: z.array(jointProgrammeSchema).min(1),
  /** Appendix VI. */
  professionalMasterProgrammes: z.array(professionalMasterProgrammeSchema).min(1),
  countries: z.array(countrySchema).min(1),
  countryGroups: z.array(countryGroupSchema).min(1),
  /** Appendix II. */
  wsfGroups: wsfGroupsSchema,
  /** Appendix III. */
  longTermResidentTerms: longTermResidentTermsSchema,
  fees: feesSchema,
  feeRules: feeRulesSchema,
  /** Art 15.4 a–i. */
  handlingFeeExemptions: z.array(handlingFeeExemptionSchema).length(9),
  /** Art 15.5: exemption on grounds of hardship, by request to the SSC director. */
  handlingFeeHardshipExemption: z.strictObject({ article: provisionRefSchema, text }),
  enrolment: enrolmentSchema,
  procedures: proceduresSchema,
  editorialNotes: z.array(editorialNoteSchema),
});

/** The enrolment provisions of one academic year, as validated. */
export type Provisions = z.infer<typeof provisionsSchema>;
/** An article with its paragraphs. */
export type ArticleText = z.infer<typeof articleTextSchema>;
/** A paragraph of an article. */
export type ArticleParagraph = z.infer<typeof articleParagraphSchema>;
/** A lettered item of a paragraph. */
export type ParagraphItem = z.infer<typeof paragraphItemSchema>;
/** An appendix with its paragraphs. */
export type AppendixText = z.infer<typeof appendixTextSchema>;
/** A programme of Appendix I. */
export type ProgrammeProvision = z.infer<typeof programmeProvisionSchema>;
/** A fee band of Appendix I. */
export type FeeBand = z.infer<typeof feeBandSchema>;
/** A pre-master's programme of Appendix IV. */
export type PreMasterProgramme = z.infer<typeof preMasterProgrammeSchema>;
/** A joint programme of Appendix V. */
export type JointProgramme = z.infer<typeof jointProgrammeSchema>;
/** A master's programme for professionals of Appendix VI. */
export type ProfessionalMasterProgramme = z.infer<typeof professionalMasterProgrammeSchema>;
/** A country named in the provisions. */
export type Country = z.infer<typeof countrySchema>;
/** A group of countries with its treatments. */
export type CountryGroup = z.infer<typeof countryGroupSchema>;
/** A group of Appendix II. */
export type WsfGroup = z.infer<typeof wsfGroupSchema>;
/** A member state of Appendix III with its terms. */
export type LongTermResidentState = z.infer<typeof longTermResidentStateSchema>;
/** A term of Appendix III. */
export type LongTermResidentTerm = z.infer<typeof longTermResidentTermSchema>;
/** The fixed figures of the provisions. */
export type Fees = z.infer<typeof feesSchema>;
/** A key of `fees` whose value is an amount of money. */
export type MoneyFeeKey = z.infer<typeof moneyFeeKeySchema>;
/** An amount of money with its article. */
export type MoneyEntry = z.infer<typeof moneyEntrySchema>;
/** A date with its article. */
export type DateEntry = z.infer<typeof dateEntrySchema>;
/** A small-scale and intensive fee regime (Art 20, 21). */
export type SmallScaleIntensiveRegime = z.infer<typeof smallScaleIntensiveRegimeSchema>;
/** An exemption from the handling fee (Art 15.4). */
export type HandlingFeeExemption = z.infer<typeof handlingFeeExemptionSchema>;
/** A required enrolment document (Art 13.1). */
export type RequiredDocument = z.infer<typeof requiredDocumentSchema>;
