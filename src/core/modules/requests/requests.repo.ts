import type { Selectable } from 'kysely';
import {
  sscRequestDetailsSchema,
  sscRequestKindLabels,
  type SscRequestView,
} from '../../../shared/api/requests.contract';
import type { DeskDb } from '../../db/connection';
import type { SscRequestEvidenceTable, SscRequestTable } from '../../db/database';
import { loadProvisions } from '../../provisions/load-provisions';
import { formatVerificationCode } from '../issuing/verification-code';
import { findProvisionProgramme } from '../../provisions/provision-programmes';
import type { ProvisionReason } from '../payments/provision-reason';
import { checkCompleteness, daysUntil, decisionTerm, evidenceRequirements } from './requests.rules';

/** A request row with its student and enrolment, as the views need it. */
export type RequestRow = Selectable<SscRequestTable> & {
  studentNumber: string;
  givenNames: string;
  familyName: string;
  academicYear: string | null;
  programmeCode: string | null;
};

/** Request rows with their student and enrolment, filtered by the caller. */
export function selectRequests(db: DeskDb) {
  return db
    .selectFrom('sscRequests')
    .innerJoin('students', 'students.id', 'sscRequests.studentId')
    .leftJoin('enrolments', 'enrolments.id', 'sscRequests.enrolmentId')
    .selectAll('sscRequests')
    .select([
      'students.studentNumber',
      'students.givenNames',
      'students.familyName',
      'enrolments.academicYear',
      'enrolments.programmeCode',
    ]);
}

/** The evidence of some requests, in the order it was attached. */
export async function selectEvidence(
  db: DeskDb,
  requestIds: readonly number[],
): Promise<Selectable<SscRequestEvidenceTable>[]> {
  if (requestIds.length === 0) return [];
  return db
    .selectFrom('sscRequestEvidence')
    .selectAll()
    .where('requestId', 'in', requestIds)
    .orderBy('id')
    .execute();
}

/** '2022-23 · Econometrics and Operations Research', or null without an enrolment. */
function enrolmentLabelOf(row: RequestRow): string | null {
  if (row.enrolmentId === null || row.academicYear === null) return null;
  const programme = row.programmeCode
    ? findProvisionProgramme(loadProvisions(row.academicYear), row.programmeCode)
    : undefined;
  return `${row.academicYear} · ${programme?.name ?? row.programmeCode ?? 'no programme'}`;
}

/** A decided request's letter in the document register: the latest entry, with what it corrected. */
export interface RegisteredLetter {
  documentId: number;
  number: string;
  verificationCode: string;
  issuedAt: string;
  issuedBy: string;
  status: 'valid' | 'revoked' | 'superseded';
  supersedes: string[];
  /** The reasoning the letter states, when a correction changed it. */
  reasoning: string | null;
}

/** The registered decision letters of some requests: per request the latest, with the earlier numbers. */
export async function selectRegisteredLetters(
  db: DeskDb,
  requestIds: readonly number[],
): Promise<Map<number, RegisteredLetter>> {
  const letters = new Map<number, RegisteredLetter>();
  if (requestIds.length === 0) return letters;
  const rows = await db
    .selectFrom('issuedDocuments')
    .select([
      'id',
      'sscRequestId',
      'number',
      'verificationCode',
      'issuedAt',
      'issuedBy',
      'status',
      'contentsJson',
    ])
    .where('kind', '=', 'ssc-decision-letter')
    .where('sscRequestId', 'in', [...requestIds])
    .orderBy('id')
    .execute();
  for (const row of rows) {
    if (row.sscRequestId === null) continue;
    const before = letters.get(row.sscRequestId);
    letters.set(row.sscRequestId, {
      documentId: row.id,
      number: row.number,
      verificationCode: formatVerificationCode(row.verificationCode),
      issuedAt: row.issuedAt,
      issuedBy: row.issuedBy,
      status: row.status,
      supersedes: before ? [...before.supersedes, before.number] : [],
      reasoning: (JSON.parse(row.contentsJson) as { reasoning?: string }).reasoning ?? null,
    });
  }
  return letters;
}

/** Converts request rows and their evidence to what staff see, with completeness and the Art 42 term as of today. */
export function toRequestViews(
  rows: readonly RequestRow[],
  evidence: readonly Selectable<SscRequestEvidenceTable>[],
  today: string,
  letters: ReadonlyMap<number, RegisteredLetter> = new Map(),
): SscRequestView[] {
  const term = loadProvisions().procedures.hardshipDecisionTermWeeks;
  return rows.map((row) => {
    const details = sscRequestDetailsSchema.parse(JSON.parse(row.detailsJson));
    const own = evidence.filter((e) => e.requestId === row.id);
    const completeness = checkCompleteness({
      kind: row.kind,
      receivedOn: row.receivedOn,
      details,
      evidence: own,
    });
    const decisionTermOfRow = completeness.completedOn
      ? decisionTerm(completeness.completedOn, { weeks: term.weeks, article: term.article })
      : null;
    const isOpen = row.status === 'open';
    const labels = new Map(evidenceRequirements[row.kind].map((r) => [r.key, r.label]));
    const letter = letters.get(row.id);
    return {
      id: row.id,
      reference: row.reference,
      studentId: row.studentId,
      studentNumber: row.studentNumber,
      studentName: `${row.givenNames} ${row.familyName}`,
      enrolmentId: row.enrolmentId,
      enrolmentLabel: enrolmentLabelOf(row),
      kind: row.kind,
      kindLabel: sscRequestKindLabels[row.kind],
      receivedOn: row.receivedOn,
      grounds: row.grounds,
      details,
      status: row.status,
      completeness,
      term: decisionTermOfRow,
      isOverdue: isOpen && decisionTermOfRow !== null && today > decisionTermOfRow.deadline,
      daysLeft: isOpen && decisionTermOfRow ? daysUntil(today, decisionTermOfRow.deadline) : null,
      evidence: own.map((e) => ({
        id: e.id,
        evidence: e.evidence,
        label: labels.get(e.evidence) ?? e.evidence,
        receivedOn: e.receivedOn,
        fileName: e.fileName,
        contentType: e.contentType,
        attachedAt: e.createdAt,
        attachedBy: e.createdBy,
      })),
      decision:
        row.status === 'open' || row.decidedOn === null
          ? null
          : {
              outcome: row.status,
              decidedOn: row.decidedOn,
              decidedBy: row.decidedBy ?? '',
              // A corrected letter states the reasoning as corrected (Art 42).
              reasoning: letter?.reasoning ?? row.decisionReasoning ?? '',
              effects: JSON.parse(row.decisionEffectsJson ?? '[]') as ProvisionReason[],
              letterFileName: row.letterFileName,
              letter: letter
                ? {
                    documentId: letter.documentId,
                    number: letter.number,
                    verificationCode: letter.verificationCode,
                    issuedAt: letter.issuedAt,
                    issuedBy: letter.issuedBy,
                    status: letter.status,
                    supersedes: letter.supersedes,
                  }
                : null,
            },
      version: row.version,
      updatedAt: row.updatedAt,
      updatedBy: row.updatedBy,
    };
  });
}

/** Reads requests by a filter and returns their views. */
export async function requestViews(
  db: DeskDb,
  rows: readonly RequestRow[],
  today: string,
): Promise<SscRequestView[]> {
  const ids = rows.map((r) => r.id);
  const evidence = await selectEvidence(db, ids);
  return toRequestViews(rows, evidence, today, await selectRegisteredLetters(db, ids));
}

/** One request's row, or undefined. */
export function findRequestRow(db: DeskDb, requestId: number): Promise<RequestRow | undefined> {
  return selectRequests(db).where('sscRequests.id', '=', requestId).executeTakeFirst();
}
