import { z } from 'zod';
import { wsfGroupLetterSchema } from '../facts/student-profile';
import { defineCall, everyRole } from './define-call';
import { feeKinds, reasonSchema } from './fees.contract';

const id = z.number().int().positive();
const isoDate = z.iso.date('Use a date such as 2022-09-01.');

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

/** The App III decision as recorded on the student (profile `residence.longTermResident`). */
export const recordedLongTermResidentSchema = z.object({
  memberState: z.string(),
  /** The state's name as Appendix III prints it, e.g. 'Germany'. */
  memberStateName: z.string(),
  documentWording: z.string().nullable(),
  /** Absent while the wording has not been checked. */
  decided: z.enum(['match', 'no-match', 'needs-review']).optional(),
  reviewedBy: z.string().nullable(),
  reviewedOn: z.string().nullable(),
  /** The official term the recorded wording matches (for a 'match'), as Appendix III prints it; else null. */
  matchedTerm: z.string().nullable(),
});
/** The recorded App III decision. */
export type RecordedLongTermResident = z.infer<typeof recordedLongTermResidentSchema>;

/** The group of Appendix II the student's recorded residence data shows, and why (deriveWsfGroup). */
export const wsfGroupDerivationSchema = z.object({
  outcome: z.enum(['group', 'no-group', 'needs-review']),
  group: wsfGroupLetterSchema.nullable(),
  groupKey: z.string().nullable(),
  reasons: z.array(reasonSchema),
});

/** A student's residence as the residence section shows it: the derived App II group and the App III decision. */
export const studentResidenceSchema = z.object({
  studentId: id,
  studentNumber: z.string(),
  name: z.string(),
  /** The version of the student row, to name when recording a decision. */
  version: z.number().int(),
  /** False while the desk has not recorded the student's profile: nothing can be derived yet. */
  hasProfile: z.boolean(),
  /** The day the group is derived for (the permit must be valid on it). */
  onDate: z.string(),
  /** Null without a profile. */
  wsfGroup: wsfGroupDerivationSchema.nullable(),
  longTermResident: recordedLongTermResidentSchema.nullable(),
});
/** What `residence:wsfGroup` answers. */
export type StudentResidence = z.infer<typeof studentResidenceSchema>;

/** One enrolment assessed again because the residence facts changed (Art 31.2–31.3). */
export const residenceReassessmentSchema = z.object({
  enrolmentId: id,
  academicYear: z.string(),
  programmeName: z.string(),
  feeBefore: z.object({ kind: z.enum(feeKinds), amountCents: z.number().int() }),
  feeAfter: z.object({ kind: z.enum(feeKinds), amountCents: z.number().int() }),
  differenceCents: z.number().int(),
  reasons: z.array(reasonSchema),
});
/** An enrolment re-assessed after a residence change. */
export type ResidenceReassessment = z.infer<typeof residenceReassessmentSchema>;

/** Why UM must de-register a study-permit student with the IND (Art 33.8). */
export const indNotificationGrounds = ['enrolment-ended', 're-enrolment-not-completed'] as const;

/** One IND notification that is due (Art 33.8, Code of Conduct Art 5.6). */
export const indNotificationDueSchema = z.object({
  studentId: id,
  studentNumber: z.string(),
  name: z.string(),
  /** The enrolment whose end (or missing successor) makes the notification due. */
  enrolmentId: id,
  academicYear: z.string(),
  programmeName: z.string(),
  /** The enrolment's status: terminated, cancelled, denied, or (re-enrolment not completed) the last one held. */
  enrolmentStatus: z.string(),
  ground: z.enum(indNotificationGrounds),
  /** The day the ground arose: the day the enrolment ended, or the first day of the year not re-enrolled for. */
  arisenOn: z.string(),
  /** The last day to notify the IND. */
  dueBy: z.string(),
  isOverdue: z.boolean(),
  /** What must be notified, in one sentence staff can act on. */
  notify: z.string(),
  article: z.string(),
  reasons: z.array(reasonSchema),
});
/** A due IND notification. */
export type IndNotificationDue = z.infer<typeof indNotificationDueSchema>;

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
  longTermResidentStates: defineCall({
    name: 'residence:longTermResidentStates',
    summary: 'The Member States of Appendix III with their current and former long-term resident terms',
    access: everyRole,
    input: z.object({ academicYear: z.string().default('2022-23') }),
    output: z.object({
      states: z.array(
        z.object({
          code: z.string(),
          name: z.string(),
          /** Denmark and Ireland: no permit of theirs can qualify. */
          neverMatches: z.boolean(),
          /** Why the state has no terms, or null. */
          reason: z.string().nullable(),
          terms: z.array(z.object({ text: z.string(), former: z.boolean() })),
        }),
      ),
    }),
  }),
  recordLongTermResidentDecision: defineCall({
    name: 'residence:recordLongTermResidentDecision',
    summary:
      'Check the wording on a student’s residence document against Appendix III, record the decision on the student and re-assess the fee (App II k)',
    access: ['desk', 'ssc', 'admin'],
    input: longTermResidentWordingSchema.extend({
      studentId: id,
      /** The version of the student row the decision was made on (optimistic concurrency). */
      expectedVersion: z.number().int().positive(),
    }),
    output: z.object({
      check: longTermResidentCheckSchema,
      residence: studentResidenceSchema,
      /** The current enrolments whose fee was assessed again; empty when nothing changed. */
      reassessments: z.array(residenceReassessmentSchema),
    }),
  }),
  wsfGroup: defineCall({
    name: 'residence:wsfGroup',
    summary:
      'The group of Appendix II that a student’s recorded residence data shows, with its reasons, and the recorded App III decision',
    access: everyRole,
    input: z.object({
      studentId: id,
      academicYear: z.string().default('2022-23'),
      /** The day to derive the group for; default today. */
      onDate: isoDate.optional(),
    }),
    output: studentResidenceSchema,
  }),
  indNotificationsWorklist: defineCall({
    name: 'residence:indNotificationsWorklist',
    summary:
      'Study-permit students whose enrolment ended or who did not re-enrol on time, to be de-registered with the IND (Art 33.8)',
    access: everyRole,
    input: z.object({}),
    output: z.object({ items: z.array(indNotificationDueSchema) }),
  }),
  recordIndNotification: defineCall({
    name: 'residence:recordIndNotification',
    summary: 'Record that the IND was notified of a study-permit student’s de-registration (Art 33.8)',
    access: ['desk', 'admin'],
    input: z.object({
      studentId: id,
      enrolmentId: id,
      notifiedOn: isoDate,
      /** The IND's reference or case number of the notification. */
      reference: z
        .string()
        .trim()
        .min(1, 'give the reference of the notification to the IND')
        .max(100, 'the reference has at most 100 characters'),
    }),
    output: z.object({
      id,
      studentId: id,
      enrolmentId: id,
      ground: z.enum(indNotificationGrounds),
      notifiedOn: z.string(),
      reference: z.string(),
      recordedBy: z.string(),
      recordedAt: z.string(),
    }),
  }),
};
