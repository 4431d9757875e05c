import type { Transaction } from 'kysely';
import type {
  LongTermResidentCheck,
  RecordedLongTermResident,
  ResidenceReassessment,
  StudentResidence,
} from '../../../shared/api/residence.contract';
import type { EnrolmentStatus } from '../../../shared/api/ledger.contract';
import { DeskError } from '../../../shared/errors';
import { feeFactsSchema } from '../../../shared/facts/fee-facts';
import { studentProfileSchema, type StudentProfile } from '../../../shared/facts/student-profile';
import { recordAudit } from '../../db/audit';
import type { Database } from '../../db/database';
import { assertCurrentVersion } from '../../db/versioning';
import type { ServiceContext } from '../../context';
import { loadProvisions } from '../../provisions/load-provisions';
import type { Provisions } from '../../provisions/provisions.schema';
import { toEnrolmentView } from '../ledger/ledger.repo';
import { reassessEnrolmentInTransaction } from '../ledger/ledger.service';
import { checkLongTermResidentWording } from './long-term-resident.rules';
import { feeResidenceFactsFromProfile, mergeResidenceIntoFeeFacts } from './residence-fee-facts';
import { deriveWsfGroup } from './wsf-group.rules';

/** The enrolments whose fee still follows the student's residence: not ended, not denied. */
export const currentEnrolmentStatuses: readonly EnrolmentStatus[] = [
  'enrolled',
  'applied',
  'awaiting-documents',
  'administrative-hold',
];

type StudentRow = {
  id: number;
  studentNumber: string;
  familyName: string;
  givenNames: string;
  profileJson: string | null;
  version: number;
  updatedAt: string;
  updatedBy: string;
};

async function findStudent(db: Transaction<Database> | ServiceContext['db'], studentId: number) {
  const row: StudentRow | undefined = await db
    .selectFrom('students')
    .select([
      'id',
      'studentNumber',
      'familyName',
      'givenNames',
      'profileJson',
      'version',
      'updatedAt',
      'updatedBy',
    ])
    .where('id', '=', studentId)
    .executeTakeFirst();
  if (!row) {
    throw new DeskError('not_found', `No student with id ${studentId}; search for the student again.`, {
      field: 'studentId',
    });
  }
  return row;
}

/** The recorded profile of a student row, or null while the desk has not recorded it. */
export function profileOf(row: { profileJson: string | null }): StudentProfile | null {
  return row.profileJson === null ? null : studentProfileSchema.parse(JSON.parse(row.profileJson));
}

function provisionsFor(academicYear: string): Provisions {
  try {
    return loadProvisions(academicYear);
  } catch (error) {
    throw new DeskError('validation', (error as Error).message, { field: 'academicYear' });
  }
}

/** The official term a recorded 'match' rests on, from the stored wording (the rule is pure). */
function matchedTermOf(
  provisions: Provisions,
  memberState: string,
  wording: string | null,
  decided: string | undefined,
): string | null {
  if (decided !== 'match' || wording === null) return null;
  try {
    return checkLongTermResidentWording(provisions, { memberState, wording }).matchedTerm?.term ?? null;
  } catch {
    return null;
  }
}

function recordedDecision(provisions: Provisions, profile: StudentProfile | null) {
  const ltr = profile?.residence.longTermResident ?? null;
  if (ltr === null) return null;
  const state = provisions.longTermResidentTerms.states.find((s) => s.code === ltr.memberState);
  const decision: RecordedLongTermResident = {
    memberState: ltr.memberState,
    memberStateName: state?.name ?? ltr.memberState,
    documentWording: ltr.documentWording,
    reviewedBy: ltr.reviewedBy,
    reviewedOn: ltr.reviewedOn,
    matchedTerm: matchedTermOf(provisions, ltr.memberState, ltr.documentWording, ltr.decided),
    ...(ltr.decided === undefined ? {} : { decided: ltr.decided }),
  };
  return decision;
}

function residenceView(row: StudentRow, provisions: Provisions, onDate: string): StudentResidence {
  const profile = profileOf(row);
  const derivation = profile === null ? null : deriveWsfGroup(profile, provisions, onDate);
  return {
    studentId: row.id,
    studentNumber: row.studentNumber,
    name: `${row.givenNames} ${row.familyName}`.trim(),
    version: row.version,
    hasProfile: profile !== null,
    onDate,
    wsfGroup:
      derivation === null
        ? null
        : {
            outcome: derivation.outcome,
            group: derivation.group,
            groupKey: derivation.groupKey,
            reasons: derivation.reasons,
          },
    longTermResident: recordedDecision(provisions, profile),
  };
}

/** The App II group a student's recorded residence data shows on a day (default today), and the App III decision. */
export async function studentResidence(
  ctx: ServiceContext,
  input: { studentId: number; academicYear: string; onDate?: string | undefined },
): Promise<StudentResidence> {
  const provisions = provisionsFor(input.academicYear);
  const row = await findStudent(ctx.db, input.studentId);
  return residenceView(row, provisions, input.onDate ?? ctx.clock.now().toISOString().slice(0, 10));
}

/**
 * Merges the residence facts of a student's profile into the fee facts of each current enrolment
 * (enrolled, applied, awaiting documents, administrative hold) and, where they differ, assesses the fee
 * again and books the difference (Art 31.2–31.3), inside the caller's transaction. Call it from every
 * use case that changes the profile's nationality or residence.
 */
export async function reassessForResidenceChange(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  studentId: number,
  profile: StudentProfile,
  reason: string,
): Promise<ResidenceReassessment[]> {
  const residence = feeResidenceFactsFromProfile(profile);
  const enrolments = await trx
    .selectFrom('enrolments')
    .selectAll()
    .where('studentId', '=', studentId)
    .where('status', 'in', currentEnrolmentStatuses)
    .orderBy('id')
    .execute();
  const reassessments: ResidenceReassessment[] = [];
  for (const row of enrolments) {
    const facts = feeFactsSchema.parse(JSON.parse(row.feeFactsJson));
    const merged = mergeResidenceIntoFeeFacts(facts, residence);
    if (JSON.stringify(merged) === JSON.stringify(facts)) continue;
    const result = await reassessEnrolmentInTransaction(trx, ctx, row, { facts: merged, reason });
    reassessments.push({
      enrolmentId: row.id,
      academicYear: row.academicYear,
      programmeName: toEnrolmentView(row).programmeName,
      feeBefore: { kind: toEnrolmentView(row).fee.kind, amountCents: row.feeCents },
      feeAfter: { kind: result.enrolment.fee.kind, amountCents: result.enrolment.fee.amountCents },
      differenceCents: result.differenceCents,
      reasons: [...result.enrolment.fee.reasons, ...result.reasons],
    });
  }
  return reassessments;
}

/** Normalises the Member State as the checker reads it: upper case, 'EL' for Greece as 'GR'. */
function memberStateCode(memberState: string): string {
  const upper = memberState.trim().toUpperCase();
  return upper === 'EL' ? 'GR' : upper;
}

/**
 * Checks the wording on a student's residence document against Appendix III and records the decision on
 * the student's profile (App II k) with the reviewer and the day, then re-assesses the fee of the
 * current enrolments; one transaction with its audit row, refused when the student row changed since it
 * was read or when the student has no recorded profile yet.
 */
export async function recordLongTermResidentDecision(
  ctx: ServiceContext,
  input: {
    studentId: number;
    expectedVersion: number;
    academicYear: string;
    memberState: string;
    wording: string;
  },
): Promise<{
  check: LongTermResidentCheck;
  residence: StudentResidence;
  reassessments: ResidenceReassessment[];
}> {
  const provisions = provisionsFor(input.academicYear);
  const check = checkLongTermResidentWording(provisions, input);
  const at = ctx.clock.now().toISOString();
  const today = at.slice(0, 10);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findStudent(trx, input.studentId);
    assertCurrentVersion(row, input.expectedVersion, `The file of student ${row.studentNumber}`);
    const profile = profileOf(row);
    if (profile === null) {
      throw new DeskError(
        'refused',
        `Student ${row.studentNumber} has no recorded profile yet (nationalities, residence): record the profile on the student file first, then the App III decision.`,
        { field: 'studentId' },
      );
    }
    const before = profile.residence.longTermResident;
    const decided = {
      memberState: memberStateCode(input.memberState),
      documentWording: input.wording,
      decided: check.outcome,
      reviewedBy: ctx.actor.name,
      reviewedOn: today,
    };
    const updatedProfile = studentProfileSchema.parse({
      ...profile,
      residence: { ...profile.residence, longTermResident: decided },
    });
    const updated = await trx
      .updateTable('students')
      .set({
        profileJson: JSON.stringify(updatedProfile),
        version: row.version + 1,
        updatedAt: at,
        updatedBy: ctx.actor.name,
      })
      .where('id', '=', row.id)
      .returning([
        'id',
        'studentNumber',
        'familyName',
        'givenNames',
        'profileJson',
        'version',
        'updatedAt',
        'updatedBy',
      ])
      .executeTakeFirstOrThrow();
    const matched = check.matchedTerm ? ` (“${check.matchedTerm.term}”)` : '';
    await recordAudit(trx, ctx.actor, at, {
      action: 'student.long-term-resident.decide',
      entity: 'student',
      entityId: row.studentNumber,
      before: { longTermResident: before },
      after: { longTermResident: decided },
      reason: `App III: ${check.outcome}${matched}`,
    });
    const reassessments = await reassessForResidenceChange(
      trx,
      ctx,
      row.id,
      updatedProfile,
      `App III decision on the long-term resident document of ${decided.memberState}: ${check.outcome}`,
    );
    return { check, residence: residenceView(updated, provisions, today), reassessments };
  });
}

/** The Member States of Appendix III with their terms, for choosing the issuing state. */
export function longTermResidentStates(academicYear: string) {
  const provisions = provisionsFor(academicYear);
  return {
    states: provisions.longTermResidentTerms.states
      .filter((s) => s.code !== 'NL')
      .map((s) => ({
        code: s.code,
        name: s.name,
        neverMatches: s.neverMatches,
        reason: s.reason,
        terms: s.terms.map((t) => ({ text: t.text, former: t.status === 'former' })),
      })),
  };
}
