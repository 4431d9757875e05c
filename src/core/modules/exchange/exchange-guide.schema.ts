import { z } from 'zod';

/*
 * Schema of the exchange facts of one academic year (resources/exchange/<year>.json).
 *
 * The rules come from the School of Business and Economics guide for incoming exchange students, a
 * different source from the Enrolment Provisions, so they live in their own file and cite it as
 * 'Exchange guide, <section>' rather than 'Art …'. The dates of the periods are the calendar of the
 * year (the guide refers to Student Portal for them); every rule carries its verbatim sentence.
 */

const isoDate = z.iso.date();
const text = z.string().min(1);

/** A reference into the guide: 'Exchange guide, <section heading>' (or another named source). */
export const guideRefSchema = z
  .string()
  .regex(/^[A-Z][A-Za-z ]+, .+$/, 'expected a reference such as "Exchange guide, Grade conversion"');

/** A rule of the guide: where it stands and its sentence, verbatim. */
const ruleSchema = z.strictObject({ source: guideRefSchema, text });

const periodNumber = z.number().int().min(1).max(6);

/** One course period of the academic year with its dates. */
export const exchangePeriodSchema = z.strictObject({
  number: periodNumber,
  startsOn: isoDate,
  endsOn: isoDate,
  /** The last day on which a course of the period can be registered for. */
  registrationClosesOn: isoDate,
});

/** A band of the Dutch grading scale, e.g. 9.0–9.5 Excellent. */
export const gradeBandSchema = z.strictObject({
  from: z.number().min(0).max(10),
  to: z.number().min(0).max(10),
  description: text,
  isPass: z.boolean(),
  /** The band as the guide prints it, e.g. '9.0-9.5', '≤5.0'. */
  printed: text,
});

/** The exchange facts of one academic year. */
export const exchangeGuideSchema = z
  .strictObject({
    academicYear: z.string().regex(/^\d{4}-\d{2}$/),
    source: z.strictObject({
      document: text,
      file: text,
      /** The short name references start with, e.g. 'Exchange guide'. */
      citation: text,
      /** The academic year whose calendar the guide was written for. */
      guideCalendar: text,
      note: text,
    }),
    /** The headings of the guide that references may name. */
    sections: z.array(text).min(1),
    semesters: z
      .array(
        z.strictObject({
          term: z.enum(['fall', 'spring']),
          periods: z.array(periodNumber).min(1),
          source: guideRefSchema,
        }),
      )
      .length(2),
    periods: z.array(exchangePeriodSchema).length(6),
    registration: z.strictObject({
      maxCoursesPerPeriod: ruleSchema.extend({ count: z.number().int().positive() }),
      minCoursesPerPeriod: ruleSchema.extend({
        count: z.number().int().positive(),
        ects: z.number().positive(),
      }),
      skillsTrainingPeriods: ruleSchema.extend({
        periods: z.array(periodNumber),
        ects: z.number().positive(),
      }),
      maxSkillsTrainingsPerPeriod: ruleSchema.extend({ count: z.number().int().positive() }),
      registrationDeadline: ruleSchema,
      firstWeekOfEducationDays: ruleSchema.extend({ days: z.number().int().positive() }),
      onlyCourseOfPeriod: ruleSchema,
    }),
    grading: z.strictObject({
      lowest: z.number(),
      highest: z.number(),
      step: z.number().positive(),
      stepNote: text,
      passMark: z.number(),
      source: guideRefSchema,
      scale: z.array(gradeBandSchema).min(1),
      noGrade: z.strictObject({ code: text, description: text, text }),
      passText: text,
      failText: text,
      failGradesStay: ruleSchema,
    }),
    resits: z.strictObject({
      automaticAfterInsufficient: ruleSchema,
      notAutomaticAfterNoGrade: ruleSchema,
      plagiarism: ruleSchema.extend({ gradeAwarded: z.number().min(0) }),
    }),
    umAccount: ruleSchema.extend({ daysAfterExchangeEnds: z.number().int().positive() }),
    /** Fall students leave active registration at the end of the fall semester unless they stay for re-sits. */
    resitRetention: z.strictObject({
      removalAtEndOfFall: ruleSchema,
      stayOnRequest: ruleSchema,
      resitInMaastricht: ruleSchema,
      /** The day fall students are removed from active registration: on or after the fall semester's end. */
      removalOn: isoDate,
      /** The course period whose re-sits a fall student may stay for. */
      resitPeriod: periodNumber,
      /** When that period's re-sits are registered for and sat; a kept student stays until the last sitting. */
      resitWindow: z.strictObject({
        registrationOpensOn: isoDate,
        registrationClosesOn: isoDate,
        firstSittingOn: isoDate,
        lastSittingOn: isoDate,
      }),
      note: text,
    }),
    extensions: z.strictObject({
      /** Read as the first course period of the stay: 1 for a fall student, 4 for a spring student. */
      firstPeriodPassedAtFirstExamination: ruleSchema,
      homeUniversityPermission: ruleSchema,
      iroPermission: ruleSchema,
      fallToSpringDeadline: ruleSchema.extend({
        date: isoDate,
        weeksBeforeRegistrationCloses: z.number().int().positive(),
        ofPeriod: periodNumber,
      }),
      springToFallDeadline: ruleSchema.extend({ date: isoDate, inLastWeekOfPeriod: periodNumber }),
      maximumStay: ruleSchema.extend({ semesters: z.number().int().positive() }),
    }),
    /** When the transcript goes home: at the end of the exchange, sent at the end of the semester. */
    transcripts: z.strictObject({ atEndOfExchange: ruleSchema, sentHome: ruleSchema }),
    /** The ECTS grading table of the transcript (ECTS Users' Guide 2015); the group size is data, not code. */
    gradeDistribution: ruleSchema.extend({
      /** How many academic years of passing grades, ending with the transcript's year. */
      academicYears: z.number().int().min(2),
      /** Below this many passing grades a reference group shows 'insufficient data'. */
      minimumGroupSize: z.number().int().positive(),
      referenceGroupNote: text,
      /** The ISCED-F 2013 field of study per faculty code: the reference group of its courses. */
      iscedCodeByFaculty: z.record(z.string(), z.string().regex(/^\d{2,4}$/)),
    }),
    gpa: z.strictObject({
      /**
       * The faculty the exchange enrolment is at (the guide's): an exchange student is enrolled in the
       * exchange, not in the programmes the courses belong to, so one GPA is shown, for this enrolment.
       */
      exchangeFaculty: z.strictObject({ code: z.string().min(1), name: text }),
      source: guideRefSchema,
      text,
      /** Whether a faculty not listed shows the GPA. */
      defaultShown: z.boolean(),
      /** Per faculty code (as in the provisions' `faculties`): show the GPA or not. */
      shownByFaculty: z.record(z.string(), z.boolean()),
    }),
  })
  .superRefine((guide, ctx) => {
    const numbers = guide.periods.map((p) => p.number);
    if (numbers.join() !== '1,2,3,4,5,6')
      ctx.addIssue({ code: 'custom', path: ['periods'], message: 'periods must be 1 to 6, in order' });
    guide.periods.forEach((p, index) => {
      if (!(p.registrationClosesOn < p.startsOn && p.startsOn < p.endsOn))
        ctx.addIssue({
          code: 'custom',
          path: ['periods', index],
          message: 'registration must close before the period starts, and it must start before it ends',
        });
      const next = guide.periods[index + 1];
      if (next && !(p.endsOn < next.startsOn))
        ctx.addIssue({ code: 'custom', path: ['periods', index], message: 'periods must not overlap' });
    });
    const retention = guide.resitRetention;
    const fall = guide.semesters.find((s) => s.term === 'fall');
    const fallEndsOn = guide.periods.find((p) => p.number === fall?.periods.at(-1))?.endsOn ?? '';
    if (!fall?.periods.includes(retention.resitPeriod))
      ctx.addIssue({
        code: 'custom',
        path: ['resitRetention', 'resitPeriod'],
        message: 'the re-sit period must be a period of the fall semester',
      });
    if (retention.removalOn < fallEndsOn)
      ctx.addIssue({
        code: 'custom',
        path: ['resitRetention', 'removalOn'],
        message: `fall students are removed at the end of the fall semester: on or after ${fallEndsOn}`,
      });
    const w = retention.resitWindow;
    if (!(
      retention.removalOn < w.registrationOpensOn &&
      w.registrationOpensOn <= w.registrationClosesOn &&
      w.registrationClosesOn < w.firstSittingOn &&
      w.firstSittingOn <= w.lastSittingOn
    ))
      ctx.addIssue({
        code: 'custom',
        path: ['resitRetention', 'resitWindow'],
        message:
          'the re-sit window must follow the removal: registration opens, closes, then the sittings run from first to last',
      });
  });

/** The validated exchange facts of one academic year. */
export type ExchangeGuide = z.infer<typeof exchangeGuideSchema>;
export type ExchangePeriod = z.infer<typeof exchangePeriodSchema>;
export type GradeBand = z.infer<typeof gradeBandSchema>;
