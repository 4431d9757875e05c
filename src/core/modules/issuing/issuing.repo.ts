import type { Selectable } from 'kysely';
import { issuedDocumentKindLabels, type IssuedDocument } from '../../../shared/api/documents.contract';
import type { DeskDb } from '../../db/connection';
import type { IssuedDocumentTable } from '../../db/database';
import { formatVerificationCode } from './verification-code';

/** What `contents_json` keeps: the lines the document states, and the facts needed to issue it again. */
export interface StoredContents {
  contents: [string, string][];
  /** Pre-master's certificate: the completion day staff gave (Art 8.3). */
  completedOn?: string;
  /** A corrected decision letter: the reasoning as corrected by the SSC director (Art 42). */
  reasoning?: string;
}

type RegisterRow = Selectable<IssuedDocumentTable> & {
  studentNumber: string;
  givenNames: string;
  familyName: string;
};

/** Register rows with their student, selected by a filter the caller adds. */
function selectRegister(db: DeskDb) {
  return db
    .selectFrom('issuedDocuments')
    .innerJoin('students', 'students.id', 'issuedDocuments.studentId')
    .selectAll('issuedDocuments')
    .select(['students.studentNumber', 'students.givenNames', 'students.familyName']);
}

/** Converts register rows to what staff and verifiers see, with the numbers of the documents they supersede. */
async function toViews(db: DeskDb, rows: readonly RegisterRow[]): Promise<IssuedDocument[]> {
  const linked = [
    ...new Set(rows.flatMap((r) => [r.supersedesId, r.supersededById]).filter((id) => id !== null)),
  ];
  const numbers = new Map(
    linked.length === 0
      ? []
      : (
          await db.selectFrom('issuedDocuments').select(['id', 'number']).where('id', 'in', linked).execute()
        ).map((r) => [r.id, r.number]),
  );
  const requestIds = [...new Set(rows.map((r) => r.sscRequestId).filter((id) => id !== null))];
  const references = new Map(
    requestIds.length === 0
      ? []
      : (
          await db
            .selectFrom('sscRequests')
            .select(['id', 'reference'])
            .where('id', 'in', requestIds)
            .execute()
        ).map((r) => [r.id, r.reference]),
  );
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    kind: row.kind,
    kindLabel: issuedDocumentKindLabels[row.kind],
    studentId: row.studentId,
    studentNumber: row.studentNumber,
    studentName: `${row.givenNames} ${row.familyName}`,
    enrolmentId: row.enrolmentId,
    academicYear: row.academicYear,
    issuedAt: row.issuedAt,
    issuedBy: row.issuedBy,
    sha256: row.sha256,
    verificationCode: formatVerificationCode(row.verificationCode),
    fileName: row.fileName,
    status: row.status,
    statusReason: row.statusReason,
    statusChangedAt: row.statusChangedAt,
    statusChangedBy: row.statusChangedBy,
    supersedesNumber: row.supersedesId === null ? null : (numbers.get(row.supersedesId) ?? null),
    supersededByNumber: row.supersededById === null ? null : (numbers.get(row.supersededById) ?? null),
    receivingInstitution: row.receivingInstitution,
    requestReference: row.sscRequestId === null ? null : (references.get(row.sscRequestId) ?? null),
    contents: (JSON.parse(row.contentsJson) as StoredContents).contents,
  }));
}

/** One register entry by id, code or hash; undefined when there is none. */
export async function findIssuedDocument(
  db: DeskDb,
  by: { id: number } | { verificationCode: string } | { sha256: string },
): Promise<{ row: RegisterRow; view: IssuedDocument } | undefined> {
  let query = selectRegister(db);
  if ('id' in by) query = query.where('issuedDocuments.id', '=', by.id);
  else if ('verificationCode' in by)
    query = query.where('issuedDocuments.verificationCode', '=', by.verificationCode);
  else query = query.where('issuedDocuments.sha256', '=', by.sha256);
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  const [view] = await toViews(db, [row]);
  return view ? { row, view } : undefined;
}

/** Register entries by id, in no particular order; those not found are left out. */
export async function findIssuedDocuments(db: DeskDb, ids: readonly number[]): Promise<IssuedDocument[]> {
  if (ids.length === 0) return [];
  return toViews(
    db,
    await selectRegister(db)
      .where('issuedDocuments.id', 'in', [...ids])
      .execute(),
  );
}

/** The documents issued to a student, newest first. */
export async function selectIssuedDocumentsOfStudent(
  db: DeskDb,
  studentId: number,
): Promise<IssuedDocument[]> {
  const rows = await selectRegister(db)
    .where('issuedDocuments.studentId', '=', studentId)
    .orderBy('issuedDocuments.id', 'desc')
    .execute();
  return toViews(db, rows);
}
