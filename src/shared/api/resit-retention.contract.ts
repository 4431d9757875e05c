import { z } from 'zod';
import { defineCall, everyRole } from './define-call';

/*
 * Re-sit retention of fall exchange students (issue 6.6; Exchange guide, Location of the re-sit) and the
 * plagiarism findings behind a re-sit exclusion. Part of the 'exchange' area: exchange.contract.ts spreads
 * these calls into its own, so they are `desk.exchange.<verb>`.
 */

const id = z.number().int().positive();
const isoDate = z.iso.date('Use a date such as 2023-01-20.');
const reason = z.object({ article: z.string(), text: z.string() });
/** A fall semester: the semester whose end removes fall students from active registration. */
const fallSemester = z
  .string()
  .regex(/^\d{4}-fall$/, 'Re-sit retention applies to a fall semester, e.g. 2022-fall.');

/** Who may change exchange records: the IRO (and an administrator). */
const iroAccess = ['iro', 'admin'] as const;

/** A student's state of active registration: active, kept for the period-2 re-sits, or removed. */
export const activeRegistrationSchema = z.object({
  state: z.enum(['active', 'kept', 'removed']),
  /** Kept: until this day (the last period-2 re-sit). Removed: on this day. Active: null. */
  on: z.string().nullable(),
});
export type ActiveRegistration = z.infer<typeof activeRegistrationSchema>;

/** A plagiarism finding as recorded. */
export const plagiarismFindingSchema = z.object({
  id,
  academicYear: z.string(),
  period: z.number().int(),
  decidedOn: z.string(),
  note: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string(),
});

/** A student's standing for re-sits: the request to stay, the retention outcome, plagiarism findings. */
export const resitStandingSchema = z.object({
  studentId: id,
  /** The desk's today, the day the standing holds for (and a sensible default date for a request). */
  asOf: z.string(),
  /** The fall semester the stay ends with; null for a stay that ends in spring. */
  semester: z.string().nullable(),
  resitPeriod: z.number().int(),
  removalOn: z.string(),
  keptUntil: z.string(),
  request: z
    .object({
      status: z.enum(['requested', 'withdrawn']),
      requestedOn: z.string(),
      withdrawnOn: z.string().nullable(),
      note: z.string().nullable(),
      updatedAt: z.string(),
      updatedBy: z.string(),
    })
    .nullable(),
  /** Whether a request to stay can be recorded now, with the rule. */
  canRequest: z.object({ outcome: z.enum(['allowed', 'refused']), reasons: z.array(reason) }),
  registration: activeRegistrationSchema.extend({
    umAccountEndsOn: z.string(),
    reasons: z.array(reason),
    decidedAt: z.string().nullable(),
    decidedBy: z.string().nullable(),
  }),
  plagiarism: z.object({
    findings: z.array(plagiarismFindingSchema),
    /** Excluded from re-sits for the rest of the year; null otherwise. */
    exclusion: z
      .object({ academicYear: z.string(), period: z.number().int(), decidedOn: z.string() })
      .nullable(),
    /** The guide's rule, verbatim, for the confirmation. */
    rule: reason,
  }),
});
export type ResitStanding = z.infer<typeof resitStandingSchema>;

/** One fall student in the retention worklist or a run's result. */
export const retentionItemSchema = z.object({
  studentId: id,
  studentNumber: z.string(),
  name: z.string(),
  homeUniversity: z.string(),
  outcome: z.enum(['removed', 'kept']),
  /** Removed: the day active registration ends. Kept: the last period-2 re-sit. */
  effectiveOn: z.string(),
  umAccountEndsOnBefore: z.string(),
  umAccountEndsOn: z.string(),
  request: z.enum(['none', 'requested', 'withdrawn']),
  /** Period-2 re-sits the student is registered for. */
  resits: z.array(z.string()),
  /** Open re-sit registrations withdrawn with a removal. */
  withdrawsResits: z.array(z.string()),
  /** Registered for a period-2 re-sit without asking to stay. */
  needsAttention: z.boolean(),
  /** What a run changes: 'unchanged' when the outcome is already recorded. */
  change: z.enum(['remove', 'keep', 'unchanged']),
  recorded: z
    .object({
      outcome: z.enum(['removed', 'kept']),
      effectiveOn: z.string(),
      decidedAt: z.string(),
      decidedBy: z.string(),
    })
    .nullable(),
  reasons: z.array(reason),
});
export type RetentionItem = z.infer<typeof retentionItemSchema>;

/** A recorded retention run. */
export const retentionRunSchema = z.object({
  id,
  runOn: z.string(),
  removed: z.number().int(),
  kept: z.number().int(),
  unchanged: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
});

/** The worklist of a fall semester before the run. */
export const retentionWorklistSchema = z.object({
  semester: z.string(),
  asOf: z.string(),
  removalOn: z.string(),
  resitPeriod: z.number().int(),
  resitWindow: z.object({
    registrationOpensOn: z.string(),
    registrationClosesOn: z.string(),
    firstSittingOn: z.string(),
    lastSittingOn: z.string(),
  }),
  /** Whether the run may record outcomes today, with the rule. */
  canRun: z.object({ outcome: z.enum(['allowed', 'refused']), reasons: z.array(reason) }),
  /** The guide's rules the run applies, verbatim. */
  rules: z.array(reason),
  /** Students of the semester whose exchange continues into spring: not affected. */
  continuing: z.number().int(),
  items: z.array(retentionItemSchema),
  runs: z.array(retentionRunSchema),
});

/** Re-sit retention and plagiarism findings (issue 6.6). */
export const resitRetentionContract = {
  resitStanding: defineCall({
    name: 'exchange:resitStanding',
    input: z.object({ studentId: id }),
    output: resitStandingSchema,
    access: everyRole,
    summary:
      "A student's standing for re-sits: the request to stay for period-2 re-sits, retention, plagiarism findings",
  }),
  recordResitStay: defineCall({
    name: 'exchange:recordResitStay',
    input: z.object({
      studentId: id,
      requestedOn: isoDate,
      note: z.string().trim().max(500).nullable().default(null),
    }),
    output: resitStandingSchema,
    access: iroAccess,
    summary:
      'Record a fall student’s request to stay for the period-2 re-sits; refused with the rule when it makes no sense',
  }),
  withdrawResitStay: defineCall({
    name: 'exchange:withdrawResitStay',
    input: z.object({ studentId: id, withdrawnOn: isoDate }),
    output: resitStandingSchema,
    access: iroAccess,
    summary:
      'Withdraw a request to stay for the period-2 re-sits; the next retention run removes the student',
  }),
  retentionWorklist: defineCall({
    name: 'exchange:retentionWorklist',
    input: z.object({ semester: fallSemester }),
    output: retentionWorklistSchema,
    access: iroAccess,
    summary:
      'Every fall exchange student with the outcome of the retention run: removed, or kept until the period-2 re-sits',
  }),
  runRetention: defineCall({
    name: 'exchange:runRetention',
    input: z.object({
      semester: fallSemester,
      /** True: show what the run would change without recording it. */
      dryRun: z.boolean().default(false),
    }),
    output: z.object({
      dryRun: z.boolean(),
      runId: id.nullable(),
      runOn: z.string(),
      removed: z.number().int(),
      kept: z.number().int(),
      unchanged: z.number().int(),
      items: z.array(retentionItemSchema),
    }),
    access: iroAccess,
    summary:
      'Remove fall exchange students from active registration at the end of the fall semester, keeping those staying for period-2 re-sits',
  }),
};
