import { z } from 'zod';
import { defineCall, everyRole } from './define-call';
import { reasonSchema } from './fees.contract';

const id = z.number().int().positive();
const isoDate = z.iso.date('Use a date such as 2023-09-15.');
const academicYear = z
  .string()
  .regex(/^\d{4}-\d{2}$/, 'Give the academic year such as 2022-23.')
  .default('2022-23');

/**
 * What the study progress check says of a student for an academic year:
 * - 'notify': below the requirement without an excusable reason — to be notified to the IND;
 * - 'notified': below the requirement and included in a list sent to the IND;
 * - 'excused': below the requirement, but the study adviser recorded an excusable reason;
 * - 'meets': the requirement is met (or the preparatory programme passed);
 * - 'pending': not yet decidable (the year or the preparatory programme's 12 months still running);
 * - 'needs-review': the source does not decide the case (part-time, subsidiary student);
 * - 'out-of-scope': the requirement does not apply (EU/EEA/Swiss, no study permit, exchange, …).
 */
export const studyProgressOutcomes = [
  'notify',
  'notified',
  'excused',
  'meets',
  'pending',
  'needs-review',
  'out-of-scope',
] as const;
/** An outcome of the study progress check. */
export type StudyProgressOutcome = (typeof studyProgressOutcomes)[number];

/** An excusable reason the study adviser gave, as recorded at the desk. */
export const excusableReasonSchema = z.object({
  id,
  kind: z.string(),
  /** The kind as the requirements name it, e.g. 'Serious illness'. */
  kindLabel: z.string(),
  adviserName: z.string(),
  decidedOn: z.string(),
  note: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
/** A recorded excusable reason. */
export type ExcusableReason = z.infer<typeof excusableReasonSchema>;

/** One student in the study progress list of a year. */
export const studyProgressRowSchema = z.object({
  studentId: id,
  studentNumber: z.string(),
  name: z.string(),
  dateOfBirth: z.string().nullable(),
  nationalities: z.array(z.string()),
  /** The enrolment the check is made for; null when the student has none in the year. */
  enrolmentId: id.nullable(),
  programmeName: z.string().nullable(),
  startDate: z.string().nullable(),
  isPreparatory: z.boolean(),
  /** Whole calendar months enrolled in the year; null when out of scope. */
  monthsEnrolled: z.number().int().nullable(),
  /** ECTS obtained in the period enrolled, one decimal. */
  creditsObtained: z.number(),
  /** ECTS the period enrolled offers, and the requirement (its percentage), one decimal; null when out of scope or preparatory. */
  creditsAvailable: z.number().nullable(),
  norm: z.number().nullable(),
  outcome: z.enum(studyProgressOutcomes),
  reasons: z.array(reasonSchema),
  excusableReason: excusableReasonSchema.nullable(),
  /** The day the student was included in a list sent to the IND, and its reference. */
  notifiedOn: z.string().nullable(),
  notificationReference: z.string().nullable(),
});
/** A row of the study progress list. */
export type StudyProgressRow = z.infer<typeof studyProgressRowSchema>;

/** A list of students notified to the IND, as recorded. */
export const sentIndListSchema = z.object({
  id,
  sentOn: z.string(),
  reference: z.string(),
  students: z.number().int(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});

/** The study progress list of an academic year. */
export const studyProgressListSchema = z.object({
  academicYear: z.string(),
  /** The last day of the academic year: the check is made over the whole year. */
  yearEndsOn: z.string(),
  /** False before the year has ended: outcomes are then 'pending'. */
  isYearEnded: z.boolean(),
  /** The requirement for a whole year, e.g. 30 of 60 ECTS (50 %). */
  norm: z.object({ creditsPerYear: z.number(), requiredPercentage: z.number(), article: z.string() }),
  rows: z.array(studyProgressRowSchema),
  excusableReasonKinds: z.array(z.object({ key: z.string(), label: z.string() })),
  /** How excusable reasons are to be recorded (the adviser's confidentiality), with the source. */
  excusableReasonGuidance: z.object({ text: z.string(), article: z.string() }),
  sentLists: z.array(sentIndListSchema),
});
/** What `studyProgress:list` answers. */
export type StudyProgressList = z.infer<typeof studyProgressListSchema>;

const trimmed = (what: string, max: number) =>
  z.string().trim().min(1, `give ${what}`).max(max, `${what} has at most ${max} characters`);

/** Study progress of students on a study residence permit: the check, excusable reasons and the list for the IND. */
export const studyProgressContract = {
  list: defineCall({
    name: 'studyProgress:list',
    summary:
      'Study-permit students of an academic year with credits obtained against the study progress requirement, outcome and reasons',
    access: everyRole,
    input: z.object({ academicYear }),
    output: studyProgressListSchema,
  }),
  recordCredits: defineCall({
    name: 'studyProgress:recordCredits',
    summary: 'Record credits a student obtained (a course result from the results system), with its source',
    access: ['desk', 'admin'],
    input: z.object({
      studentId: id,
      academicYear,
      /** The course code, if the credits are for one course. */
      courseCode: z
        .string()
        .trim()
        .max(20, 'a course code has at most 20 characters')
        .nullable()
        .default(null),
      description: trimmed('what the credits are for', 200),
      ects: z
        .number()
        .positive('credits must be more than 0')
        .max(60, 'one record holds at most 60 credits')
        .refine((v) => Math.abs(v * 10 - Math.round(v * 10)) < 1e-9, 'give credits with at most one decimal'),
      obtainedOn: isoDate,
      /** Where the result comes from, e.g. 'Student Portal results export 2023-09-04'. */
      source: trimmed('the source of the result', 200),
    }),
    output: z.object({
      id,
      studentId: id,
      academicYear: z.string(),
      ects: z.number(),
      obtainedOn: z.string(),
    }),
  }),
  recordExcusableReason: defineCall({
    name: 'studyProgress:recordExcusableReason',
    summary:
      'Record the excusable reason a study adviser found for a student’s insufficient progress; the student is then not notified to the IND',
    access: ['desk', 'admin'],
    input: z.object({
      studentId: id,
      academicYear,
      kind: z.string().min(1, 'choose the kind of excusable reason'),
      adviserName: trimmed('the study adviser’s name', 120),
      decidedOn: isoDate,
      note: z.string().trim().max(500, 'the note has at most 500 characters').nullable().default(null),
    }),
    output: excusableReasonSchema,
  }),
  withdrawExcusableReason: defineCall({
    name: 'studyProgress:withdrawExcusableReason',
    summary: 'Withdraw an excusable reason recorded by mistake, with the reason why',
    access: ['desk', 'admin'],
    input: z.object({ excusableReasonId: id, reason: trimmed('why it is withdrawn', 300) }),
    output: z.object({ id, withdrawnAt: z.string() }),
  }),
  exportIndList: defineCall({
    name: 'studyProgress:exportIndList',
    summary: 'The students to notify to the IND for insufficient study progress, as PDF or CSV',
    access: everyRole,
    input: z.object({ academicYear, format: z.enum(['pdf', 'csv']) }),
    output: z.object({
      fileName: z.string(),
      contentType: z.string(),
      contentBase64: z.string(),
      students: z.number().int(),
    }),
  }),
  recordIndListSent: defineCall({
    name: 'studyProgress:recordIndListSent',
    summary: 'Record that the list of students with insufficient study progress was sent to the IND',
    access: ['desk', 'admin'],
    input: z.object({
      academicYear,
      sentOn: isoDate,
      reference: trimmed('the reference of the notification to the IND', 100),
    }),
    output: sentIndListSchema,
  }),
};
