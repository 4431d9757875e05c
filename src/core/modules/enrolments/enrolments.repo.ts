import type { Kysely, Selectable } from 'kysely';
import type {
  DeskEnrolment,
  DocumentRecord,
  EnrolmentTransition,
} from '../../../shared/api/enrolments.contract';
import type { EnrolmentStatus } from '../../../shared/api/ledger.contract';
import { DeskError } from '../../../shared/errors';
import {
  enrolmentRequestSchema,
  studentProfileSchema,
  type EnrolmentRequest,
  type StudentProfile,
} from '../../../shared/facts/student-profile';
import type { Database, DocumentEventTable, EnrolmentDocumentTable, EnrolmentTable } from '../../db/database';
import { loadProvisions } from '../../provisions/load-provisions';
import type { Provisions } from '../../provisions/provisions.schema';
import { toEnrolmentView } from '../ledger/ledger.repo';
import {
  missingDocumentConsequence,
  requiredDocuments,
  type DocumentId,
  type MissingDocumentConsequence,
  type RequiredDocumentDecision,
} from './document-checklist.rules';
import { assessEligibility, type EligibilityDecision } from './eligibility.rules';
import { transitionOptions, type LifecycleState } from './enrolment-lifecycle.rules';

type Db = Kysely<Database>;

/** The student's profile as recorded, or why the rules cannot use it. */
export function parseProfile(profileJson: string | null): {
  profile: StudentProfile | null;
  problem: string | null;
} {
  if (profileJson === null) {
    return {
      profile: null,
      problem:
        'The student’s profile (date of birth, nationalities, BRP registration, residence, prior education) is not recorded, so the Art 13 checklist and the Art 2–4 checks cannot be computed. Record the profile on the student file first.',
    };
  }
  const parsed = studentProfileSchema.safeParse(JSON.parse(profileJson));
  return parsed.success
    ? { profile: parsed.data, problem: null }
    : {
        profile: null,
        problem: `The student’s recorded profile is incomplete (${parsed.error.issues[0]?.path.join('.') ?? ''}: ${parsed.error.issues[0]?.message ?? 'invalid'}), so the Art 13 checklist cannot be computed. Correct the profile on the student file.`,
      };
}

/** The facts of the application recorded with an enrolment, or null for a fee-only enrolment. */
export function parseRequest(requestJson: string | null): EnrolmentRequest | null {
  return requestJson === null ? null : enrolmentRequestSchema.parse(JSON.parse(requestJson));
}

/** Converts a document row and its events to what the UI shows. */
export function toDocumentRecord(
  row: Selectable<EnrolmentDocumentTable>,
  events: readonly Selectable<DocumentEventTable>[],
): DocumentRecord {
  return {
    id: row.id,
    enrolmentId: row.enrolmentId,
    document: row.document,
    status: row.status,
    rejectionReason: row.rejectionReason,
    attachment:
      row.attachmentSha256 && row.attachmentName && row.attachmentType
        ? {
            sha256: row.attachmentSha256,
            fileName: row.attachmentName,
            contentType: row.attachmentType as NonNullable<DocumentRecord['attachment']>['contentType'],
          }
        : null,
    version: row.version,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
    history: events
      .filter((e) => e.documentId === row.id)
      .map((e) => ({
        id: e.id,
        status: e.status,
        reason: e.reason,
        attachmentSha256: e.attachmentSha256,
        at: e.at,
        by: e.by,
      })),
  };
}

/** Everything the rules decide about one enrolment today, from its rows. */
export interface EnrolmentAssessment {
  row: Selectable<EnrolmentTable>;
  request: EnrolmentRequest | null;
  provisions: Provisions;
  eligibility: EligibilityDecision | null;
  checklist: RequiredDocumentDecision[] | null;
  checklistUnavailable: string | null;
  consequence: MissingDocumentConsequence | null;
  documents: DocumentRecord[];
  transitions: EnrolmentTransition[];
  statusBeforeHold: EnrolmentStatus | null;
  lifecycle: LifecycleState;
}

/** The documents received or verified: what Art 13.3 counts as submitted. */
export function submittedDocuments(documents: readonly DocumentRecord[]): DocumentId[] {
  return documents.filter((d) => d.status === 'received' || d.status === 'verified').map((d) => d.document);
}

/** Applies the rules of Art 2–4 and 13 to enrolment rows of one student. */
export function assessEnrolment(
  row: Selectable<EnrolmentTable>,
  profile: { profile: StudentProfile | null; problem: string | null },
  documents: DocumentRecord[],
  transitions: EnrolmentTransition[],
  today: string,
): EnrolmentAssessment {
  const provisions = loadProvisions(row.academicYear);
  const request = parseRequest(row.requestJson);
  let eligibility: EligibilityDecision | null = null;
  let checklist: RequiredDocumentDecision[] | null = null;
  let consequence: MissingDocumentConsequence | null = null;
  let checklistUnavailable: string | null = null;
  if (request === null) {
    checklistUnavailable =
      'This enrolment was recorded for its fee only, without the facts of an application, so the Art 13 checklist cannot be computed.';
  } else if (profile.profile === null) {
    checklistUnavailable = profile.problem;
  } else {
    try {
      eligibility = assessEligibility(profile.profile, request, provisions, today);
      checklist = requiredDocuments(profile.profile, request, provisions, today);
      consequence = missingDocumentConsequence(
        checklist,
        submittedDocuments(documents),
        request,
        provisions,
        today,
      );
    } catch (error) {
      if (!(error instanceof DeskError)) throw error;
      checklistUnavailable = `The rules cannot be applied to this enrolment: ${error.message}`;
    }
  }
  const statusBeforeHold =
    row.status === 'administrative-hold'
      ? (transitions.filter((t) => t.to === 'administrative-hold').at(-1)?.from ?? 'applied')
      : null;
  const verified = new Set(documents.filter((d) => d.status === 'verified').map((d) => d.document));
  const lifecycle: LifecycleState = {
    status: row.status,
    statusBeforeHold,
    startDate: row.startDate,
    today,
    eligibility: eligibility && {
      outcome: eligibility.outcome,
      blockingArticles: eligibility.blockingReasons.map((r) => r.article),
    },
    unverifiedRequired:
      checklist?.filter((d) => d.required && !verified.has(d.document)).map((d) => d.document) ?? null,
  };
  return {
    row,
    request,
    provisions,
    eligibility,
    checklist,
    checklistUnavailable,
    consequence,
    documents,
    transitions,
    statusBeforeHold,
    lifecycle,
  };
}

/** The enrolment as the desk shows it. */
export function toDeskEnrolment(a: EnrolmentAssessment): DeskEnrolment {
  const byLetter = new Map(a.documents.map((d) => [d.document, d]));
  return {
    enrolment: toEnrolmentView(a.row),
    transitions: a.transitions,
    statusBeforeHold: a.statusBeforeHold,
    eligibility: a.eligibility && {
      outcome: a.eligibility.outcome,
      blockingReasons: a.eligibility.blockingReasons,
    },
    checklist:
      a.checklist?.map((d) => ({
        document: d.document,
        label: d.label,
        article: d.article,
        required: d.required,
        deadline: d.deadline,
        deadlineRelation: d.deadlineRelation,
        isPastDeadline: d.isPastDeadline,
        renewEveryAcademicYear: d.renewEveryAcademicYear,
        reasons: d.reasons,
        record: byLetter.get(d.document) ?? null,
      })) ?? null,
    checklistUnavailable: a.checklistUnavailable,
    consequence: a.consequence && {
      outcome: a.consequence.outcome,
      missing: a.consequence.missing,
      reasons: a.consequence.reasons,
    },
    options: transitionOptions(a.lifecycle),
  };
}

/** The documents with their history and the transitions of some enrolments. */
async function historyOf(db: Db, enrolmentIds: readonly number[]) {
  if (enrolmentIds.length === 0)
    return {
      documents: new Map<number, DocumentRecord[]>(),
      transitions: new Map<number, EnrolmentTransition[]>(),
    };
  const documentRows = await db
    .selectFrom('enrolmentDocuments')
    .selectAll()
    .where('enrolmentId', 'in', enrolmentIds)
    .orderBy('document')
    .execute();
  const events =
    documentRows.length === 0
      ? []
      : await db
          .selectFrom('documentEvents')
          .selectAll()
          .where(
            'documentId',
            'in',
            documentRows.map((d) => d.id),
          )
          .orderBy('id')
          .execute();
  const transitionRows = await db
    .selectFrom('enrolmentTransitions')
    .selectAll()
    .where('enrolmentId', 'in', enrolmentIds)
    .orderBy('id')
    .execute();
  const documents = new Map<number, DocumentRecord[]>();
  for (const row of documentRows) {
    const list = documents.get(row.enrolmentId) ?? [];
    list.push(toDocumentRecord(row, events));
    documents.set(row.enrolmentId, list);
  }
  const transitions = new Map<number, EnrolmentTransition[]>();
  for (const t of transitionRows) {
    const list = transitions.get(t.enrolmentId) ?? [];
    list.push({ id: t.id, from: t.fromStatus, to: t.toStatus, reason: t.reason, at: t.at, by: t.by });
    transitions.set(t.enrolmentId, list);
  }
  return { documents, transitions };
}

/** Assesses enrolment rows with their students' profiles, documents and transitions. */
export async function assessEnrolmentRows(
  db: Db,
  rows: readonly Selectable<EnrolmentTable>[],
  today: string,
): Promise<EnrolmentAssessment[]> {
  const studentIds = [...new Set(rows.map((r) => r.studentId))];
  const students =
    studentIds.length === 0
      ? []
      : await db.selectFrom('students').select(['id', 'profileJson']).where('id', 'in', studentIds).execute();
  const profiles = new Map(students.map((s) => [s.id, parseProfile(s.profileJson)]));
  const { documents, transitions } = await historyOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) =>
    assessEnrolment(
      row,
      profiles.get(row.studentId) ?? parseProfile(null),
      documents.get(row.id) ?? [],
      transitions.get(row.id) ?? [],
      today,
    ),
  );
}

/** One enrolment assessed today; refused when it does not exist. */
export async function assessEnrolmentById(db: Db, enrolmentId: number, today: string) {
  const row = await db.selectFrom('enrolments').selectAll().where('id', '=', enrolmentId).executeTakeFirst();
  if (!row) throw new DeskError('not_found', `Enrolment ${enrolmentId} does not exist; reload the student.`);
  const [assessment] = await assessEnrolmentRows(db, [row], today);
  if (!assessment) throw new Error('unreachable');
  return assessment;
}

/** A student's enrolments at the desk, newest academic year first. */
export async function selectStudentEnrolments(db: Db, studentId: number, today: string) {
  const student = await db
    .selectFrom('students')
    .select(['id', 'studentNumber', 'familyName', 'givenNames', 'email', 'profileJson'])
    .where('id', '=', studentId)
    .executeTakeFirst();
  if (!student) {
    throw new DeskError('not_found', `No student with id ${studentId}; search for the student again.`);
  }
  const rows = await db
    .selectFrom('enrolments')
    .selectAll()
    .where('studentId', '=', studentId)
    .orderBy('academicYear', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const assessments = await assessEnrolmentRows(db, rows, today);
  const { profileJson, ...summary } = student;
  return {
    student: summary,
    hasProfile: profileJson !== null,
    enrolments: assessments.map(toDeskEnrolment),
  };
}

/** A document row, refused when missing. */
export async function documentRowById(db: Db, documentId: number) {
  const row = await db
    .selectFrom('enrolmentDocuments')
    .selectAll()
    .where('id', '=', documentId)
    .executeTakeFirst();
  if (!row) throw new DeskError('not_found', `Document ${documentId} does not exist; reload the student.`);
  return row;
}

/** A document with its history. */
export async function documentRecordById(db: Db, documentId: number): Promise<DocumentRecord> {
  const row = await documentRowById(db, documentId);
  const events = await db
    .selectFrom('documentEvents')
    .selectAll()
    .where('documentId', '=', documentId)
    .orderBy('id')
    .execute();
  return toDocumentRecord(row, events);
}
