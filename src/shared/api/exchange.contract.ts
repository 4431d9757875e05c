import { z } from 'zod';
import { defineCall, everyRole } from './define-call';
import { activeRegistrationSchema, resitRetentionContract } from './resit-retention.contract';

const id = z.number().int().positive();
const isoDate = z.iso.date('Use a date such as 2022-09-01.');
/** A semester as staff say it: '2022-fall' (periods 1–3 of 2022-23) or '2023-spring' (periods 4–6). */
export const semesterKeySchema = z
  .string()
  .regex(/^\d{4}-(fall|spring)$/, 'Use a semester such as 2022-fall or 2023-spring.');

/** Why a rule applied: the section of the exchange guide (or article) and one sentence. */
export const guideReasonSchema = z.object({ article: z.string(), text: z.string() });

/** Who may change exchange records: the IRO (and an administrator). */
const iroAccess = ['iro', 'admin'] as const;

/** A course registration of an exchange student with its status. */
export const exchangeRegistrationSchema = z.object({
  courseId: id,
  code: z.string(),
  title: z.string(),
  period: z.number().int(),
  ects: z.number(),
  isSkillsTraining: z.boolean(),
  status: z.enum(['registered', 'dropped']),
  droppedOn: z.string().nullable(),
  isOnTranscript: z.boolean(),
});

/** One exam sitting with its result and the scale's description. */
export const examAttemptViewSchema = z.object({
  id,
  courseId: id,
  code: z.string(),
  sitting: z.enum(['first', 'resit']),
  status: z.enum(['registered', 'deregistered', 'graded']),
  registeredHow: z.enum(['with-course', 'automatic', 'on-request']),
  /** '7.5', 'NG', or null while not graded. */
  grade: z.string().nullable(),
  description: z.string().nullable(),
  isPass: z.boolean().nullable(),
});

/** The exchange facts of a student: the stay, registrations, results, violations and GPA. */
export const exchangeFileSchema = z.object({
  studentId: id,
  studentNumber: z.string(),
  name: z.string(),
  stay: z.object({
    id,
    enrolmentId: id,
    homeUniversity: z.string(),
    homeCountry: z.string().nullable(),
    agreement: z.string(),
    semesters: z.array(z.string()),
    startsOn: z.string(),
    endsOn: z.string(),
    umAccountEndsOn: z.string(),
    version: z.number().int(),
    reasons: z.array(guideReasonSchema),
  }),
  registrations: z.array(exchangeRegistrationSchema),
  attempts: z.array(examAttemptViewSchema),
  violations: z.array(guideReasonSchema.extend({ period: z.number().int() })),
  /** Excluded from re-sits for the rest of the year after plagiarism; null otherwise. */
  resitExclusion: z
    .object({ academicYear: z.string(), period: z.number().int(), decidedOn: z.string() })
    .nullable(),
  /**
   * The one GPA of the exchange enrolment: ECTS-weighted over the student's graded courses (null without
   * a grade), labelled for the enrolment, with whether its faculty shows it (Student Portal FAQ).
   */
  gpa: z.object({
    /** E.g. 'GPA (exchange, School of Business and Economics)'. */
    label: z.string(),
    facultyCode: z.string(),
    gpa: z.number().nullable(),
    isShown: z.boolean(),
  }),
});
export type ExchangeFile = z.infer<typeof exchangeFileSchema>;

/** A row of the IRO's overview. */
export const exchangeOverviewRowSchema = z.object({
  studentId: id,
  studentNumber: z.string(),
  name: z.string(),
  homeUniversity: z.string(),
  semesters: z.array(z.string()),
  courses: z.array(z.string()),
  violations: z.array(guideReasonSchema.extend({ period: z.number().int() })),
  /** Active, kept for the period-2 re-sits, or removed at the end of the fall semester (issue 6.6). */
  registration: activeRegistrationSchema,
});

/** The outcome of an extension request, each condition met or not. */
export const extensionDecisionSchema = z.object({
  outcome: z.enum(['approved', 'refused']),
  conditions: z.array(
    guideReasonSchema.extend({
      key: z.enum(['direction', 'first-period-passed', 'home-university', 'iro', 'deadline', 'maximum-stay']),
      isMet: z.boolean(),
    }),
  ),
  /** The semesters of the stay after the decision. */
  semesters: z.array(z.string()),
  /**
   * Spring → next fall: the exchange enrolment of the next academic year an approval creates (Art 10.4:
   * no tuition fee), with its fee reasons; id null on a dry run. Null when the stay stays within its year.
   */
  nextYearEnrolment: z
    .object({
      id: id.nullable(),
      academicYear: z.string(),
      startDate: isoDate,
      feeCents: z.number().int(),
      feeReasons: z.array(z.object({ article: z.string(), text: z.string() })),
    })
    .nullable(),
});

export type ExtensionDecisionView = z.infer<typeof extensionDecisionSchema>;

/** A course of a period offered in the course picker. */
export const exchangeCourseOptionSchema = z.object({
  id,
  code: z.string(),
  title: z.string(),
  period: z.number().int(),
  ects: z.number(),
  faculty: z.string(),
  isSkillsTraining: z.boolean(),
});

const studentCourse = z.object({ studentId: id, courseId: id });

/** What a transcript carries, shown beside the PDF in its preview (Exchange guide, Grade transcripts). */
export const transcriptSummarySchema = z.object({
  name: z.string(),
  homeUniversity: z.string(),
  semesters: z.array(z.string()),
  academicYear: z.string(),
  courses: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      academicYear: z.string(),
      period: z.number().int(),
      ects: z.number(),
      ectsObtained: z.number(),
      /** '7.5', 'NG', or null without a result. */
      grade: z.string().nullable(),
      description: z.string().nullable(),
      /** As printed, e.g. 'Passed', 'Withdrawn (late drop)', 'In progress'. */
      statusText: z.string(),
    }),
  ),
  totals: z.object({ courses: z.number().int(), ectsRegistered: z.number(), ectsObtained: z.number() }),
  /** The exchange enrolment's GPA as the PDF prints it; null when hidden by the faculty or without grades. */
  gpa: z.object({ label: z.string(), gpa: z.number() }).nullable(),
  /** When the transcript was rendered (ISO timestamp). */
  producedAt: z.string(),
});
export type TranscriptSummary = z.infer<typeof transcriptSummarySchema>;

/** Where an end-of-semester transcript batch stands. */
export const transcriptBatchStates = ['running', 'completed', 'cancelled', 'failed'] as const;

/** What the batch did for one exchange student: produced (with the files in the ZIP), refused or failed, with why. */
export const transcriptBatchResultSchema = z.object({
  studentId: id,
  studentNumber: z.string(),
  studentName: z.string(),
  homeUniversity: z.string(),
  outcome: z.enum(['produced', 'refused', 'failed']),
  /** Produced: the footer reference, which also names the files. */
  reference: z.string().nullable(),
  /** Produced: the number of the transcript in the document register, when it was registered. */
  documentNumber: z.string().nullable(),
  /** Produced: the PDF, ELMO XML and EWP tors XML in the ZIP. */
  files: z.array(z.string()),
  courses: z.number().int().nullable(),
  ectsObtained: z.number().nullable(),
  /** Refused: the rule of the guide; failed: what went wrong; produced: notes such as courses still in progress. */
  reasons: z.array(guideReasonSchema),
  /** The days this student's transcript was recorded as sent home, oldest first. */
  sentOn: z.array(z.string()),
});
export type TranscriptBatchResult = z.infer<typeof transcriptBatchResultSchema>;

/** An end-of-semester transcript batch as its screen polls it. */
export const transcriptBatchJobSchema = z.object({
  batchId: z.string(),
  semester: z.string(),
  state: z.enum(transcriptBatchStates),
  /** Exchange students of the semester when the batch started. */
  total: z.number().int().nonnegative(),
  processed: z.number().int().nonnegative(),
  produced: z.number().int().nonnegative(),
  refused: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  startedAt: z.string(),
  startedBy: z.string(),
  finishedAt: z.string().nullable(),
  /** Why the batch ended early: cancelled by whom, or the unexpected error. */
  message: z.string().nullable(),
  results: z.array(transcriptBatchResultSchema),
});
export type TranscriptBatchJob = z.infer<typeof transcriptBatchJobSchema>;

const transcriptBatchId = z.string().min(1).max(100);

/** A transcript of records in its three forms, as previewed or as issued. */
const transcriptOutputSchema = z.object({
  studentId: id,
  studentNumber: z.string(),
  /** The footer reference, e.g. 'TOR-i6100001-2022-23'; also a sensible file name. */
  reference: z.string(),
  pdfBase64: z.string(),
  elmoXml: z.string(),
  torsXml: z.string(),
  /** The days the transcript was sent to the home university, oldest first. */
  sentOn: z.array(z.string()),
  /** What is on it, for the preview. */
  summary: transcriptSummarySchema,
  /** Its entry in the document register ('transcript-of-records'): number and verification code. */
  documentNumber: z.string().nullable(),
  verificationCode: z.string().nullable(),
  /** False for a preview: the PDF says so, has no register number or code, and must not be sent. */
  isIssued: z.boolean(),
});

/** Exchange students (issue 6): stays, course registration, results and re-sits, extensions. */
export const exchangeContract = {
  recordStay: defineCall({
    name: 'exchange:recordStay',
    input: z.object({
      enrolmentId: id,
      homeUniversity: z.string().trim().min(1, 'Name the home university.'),
      homeCountry: z.string().trim().length(2, 'Use a two-letter country code.').nullable().default(null),
      agreement: z.string().trim().min(1, 'Name the exchange agreement.'),
      semesters: z.array(semesterKeySchema).min(1, 'Choose at least one semester.'),
    }),
    output: exchangeFileSchema,
    access: iroAccess,
    summary:
      'Record the exchange facts of an exchange enrolment (Art 10.4): home university, agreement, semesters',
  }),
  overview: defineCall({
    name: 'exchange:overview',
    input: z.object({ semester: semesterKeySchema.optional(), homeUniversity: z.string().optional() }),
    output: z.object({ items: z.array(exchangeOverviewRowSchema) }),
    access: everyRole,
    summary: 'Exchange students by semester and home university, with their courses and rule violations',
  }),
  courses: defineCall({
    name: 'exchange:courses',
    input: z.object({
      period: z.number().int().min(1).max(6),
      search: z.string().trim().max(100).default(''),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: z.object({ items: z.array(exchangeCourseOptionSchema) }),
    access: everyRole,
    summary: 'Courses of a period to register an exchange student for, searched by code or title',
  }),
  file: defineCall({
    name: 'exchange:file',
    input: z.object({ studentId: id }),
    output: exchangeFileSchema,
    access: everyRole,
    summary: "A student's exchange: stay, course registrations, results, violations, GPA",
  }),
  registerCourse: defineCall({
    name: 'exchange:registerCourse',
    input: studentCourse,
    output: z.object({ reasons: z.array(guideReasonSchema), file: exchangeFileSchema }),
    access: iroAccess,
    summary: 'Register an exchange student for a course; refused with the rule of the exchange guide',
  }),
  dropCourse: defineCall({
    name: 'exchange:dropCourse',
    input: studentCourse,
    output: z.object({
      reasons: z.array(guideReasonSchema),
      isOnTranscript: z.boolean(),
      file: exchangeFileSchema,
    }),
    access: iroAccess,
    summary: 'Drop a course; the only course of a period is refused; a late drop stays on the transcript',
  }),
  recordResult: defineCall({
    name: 'exchange:recordResult',
    input: studentCourse.extend({
      sitting: z.enum(['first', 'resit']),
      grade: z.union([z.number(), z.literal('NG')]),
      gradedOn: isoDate,
    }),
    output: z.object({ reasons: z.array(guideReasonSchema), file: exchangeFileSchema }),
    access: iroAccess,
    summary: 'Record a result (1.0–10.0 or NG); an insufficient first result registers for the re-sit',
  }),
  registerResit: defineCall({
    name: 'exchange:registerResit',
    input: studentCourse,
    output: z.object({ reasons: z.array(guideReasonSchema), file: exchangeFileSchema }),
    access: iroAccess,
    summary: 'Register for a re-sit (after NG, or again after deregistering); refused after plagiarism',
  }),
  deregisterResit: defineCall({
    name: 'exchange:deregisterResit',
    input: studentCourse,
    output: exchangeFileSchema,
    access: iroAccess,
    summary: 'Deregister a student from a re-sit',
  }),
  recordPlagiarism: defineCall({
    name: 'exchange:recordPlagiarism',
    input: z.object({
      studentId: id,
      period: z.number().int().min(1).max(6),
      decidedOn: isoDate,
      note: z.string().nullable().default(null),
    }),
    output: z.object({ reasons: z.array(guideReasonSchema), file: exchangeFileSchema }),
    access: iroAccess,
    summary:
      "Record plagiarism: the period's results become 0 and re-sits are closed for the rest of the year",
  }),
  decideExtension: defineCall({
    name: 'exchange:decideExtension',
    input: z.object({
      studentId: id,
      direction: z.enum(['fall-to-spring', 'spring-to-fall']),
      requestedOn: isoDate,
      homeUniversityPermits: z.boolean(),
      iroPermits: z.boolean(),
      /** True: show the decision without recording it. */
      dryRun: z.boolean().default(false),
    }),
    output: extensionDecisionSchema,
    access: iroAccess,
    summary:
      'Decide a request to extend an exchange; each condition of the guide met or not; approval extends the stay',
  }),
  transcript: defineCall({
    name: 'exchange:transcript',
    input: z.object({ studentId: id }),
    output: transcriptOutputSchema,
    access: everyRole,
    summary:
      'A preview of the transcript of records of an exchange student (PDF, ELMO, tors); nothing is registered',
  }),
  issueTranscript: defineCall({
    name: 'exchange:issueTranscript',
    input: z.object({ studentId: id }),
    output: transcriptOutputSchema,
    access: ['iro', 'admin'],
    summary:
      'Issue the transcript of records of an exchange student: registered with number and verification code, superseding the one before',
  }),
  markTranscriptSent: defineCall({
    name: 'exchange:markTranscriptSent',
    input: z.object({ studentId: id, sentOn: isoDate }),
    output: z.object({
      studentId: id,
      dispatches: z.array(z.object({ sentOn: z.string(), sentTo: z.string() })),
    }),
    access: iroAccess,
    summary:
      'Record the day the transcript was sent to the home university (Exchange guide, Grade transcripts)',
  }),
  ...resitRetentionContract,
  startTranscriptBatch: defineCall({
    name: 'exchange:startTranscriptBatch',
    input: z.object({ semester: semesterKeySchema }),
    output: transcriptBatchJobSchema,
    access: iroAccess,
    summary:
      'Start producing the transcripts of every exchange student of a semester; poll exchange:transcriptBatchStatus',
  }),
  transcriptBatchStatus: defineCall({
    name: 'exchange:transcriptBatchStatus',
    input: z.object({ batchId: transcriptBatchId }),
    output: transcriptBatchJobSchema,
    access: iroAccess,
    summary:
      'Where a transcript batch stands: progress and each student’s result (produced, refused or failed)',
  }),
  latestTranscriptBatch: defineCall({
    name: 'exchange:latestTranscriptBatch',
    input: z.object({ semester: semesterKeySchema }),
    output: z.object({ job: transcriptBatchJobSchema.nullable() }),
    access: iroAccess,
    summary: 'The latest transcript batch of a semester since the app started, or none',
  }),
  cancelTranscriptBatch: defineCall({
    name: 'exchange:cancelTranscriptBatch',
    input: z.object({ batchId: transcriptBatchId }),
    output: transcriptBatchJobSchema,
    access: iroAccess,
    summary:
      'Cancel a running transcript batch after the student in hand; the transcripts produced stay in its ZIP',
  }),
  transcriptBatchZip: defineCall({
    name: 'exchange:transcriptBatchZip',
    input: z.object({ batchId: transcriptBatchId }),
    output: z.object({ fileName: z.string(), zipBase64: z.string(), files: z.number().int() }),
    access: iroAccess,
    summary:
      'The PDF, ELMO and EWP tors files of an ended transcript batch in one ZIP, with a CSV of the results',
  }),
  markTranscriptBatchSent: defineCall({
    name: 'exchange:markTranscriptBatchSent',
    input: z.object({ batchId: transcriptBatchId, sentOn: isoDate }),
    output: z.object({
      /** Students recorded as sent on the day now. */
      marked: z.number().int(),
      /** Students already recorded as sent on that day, left as they were. */
      alreadyMarked: z.number().int(),
      job: transcriptBatchJobSchema,
    }),
    access: iroAccess,
    summary:
      'Record the day every transcript a batch produced was sent to the home universities, in one transaction',
  }),
};
