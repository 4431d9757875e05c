import type { Insertable, Transaction } from 'kysely';
import {
  enrolmentKindSchema,
  enrolmentRequestSchema,
  type EnrolmentRequest,
} from '../../../shared/facts/student-profile';
import type { Database, EnrolmentDocumentTable } from '../../db/database';
import type { Provisions } from '../../provisions/provisions.schema';
import { requiredDocuments } from '../enrolments/document-checklist.rules';
import { parseProfile } from '../enrolments/enrolments.repo';

/** What the demo's document events say verified a document: no person did. */
const verifiedBy = 'demo data';

/**
 * Gives the demo's enrolled students the facts of their application (admitted to the programme they are
 * enrolled in) and the Art 13.1 documents their checklist requires, verified on the start date, so the
 * enrolment desk shows a complete checklist for them instead of "recorded for its fee only".
 */
export async function seedApplicationFacts(
  trx: Transaction<Database>,
  provisions: Provisions,
  academicYear: string,
  at: string,
): Promise<void> {
  const rows = await trx
    .selectFrom('enrolments as e')
    .innerJoin('students as s', 's.id', 'e.studentId')
    .select(['e.id', 'e.programmeCode', 'e.enrolmentKind', 'e.mode', 'e.startDate', 's.profileJson'])
    .where('e.academicYear', '=', academicYear)
    .where('e.status', '=', 'enrolled')
    .where('e.requestJson', 'is', null)
    .orderBy('e.id')
    .execute();
  const documents: Insertable<EnrolmentDocumentTable>[] = [];
  for (const row of rows) {
    const kind = enrolmentKindSchema.safeParse(row.enrolmentKind);
    const request: EnrolmentRequest = enrolmentRequestSchema.parse({
      academicYear,
      programmeCode: row.programmeCode,
      kind: kind.success ? kind.data : 'regular',
      mode: row.mode === 'part-time' ? 'part-time' : 'full-time',
      startDate: row.startDate,
      admission: { status: 'admitted' },
    });
    await trx
      .updateTable('enrolments')
      .set({ requestJson: JSON.stringify(request) })
      .where('id', '=', row.id)
      .execute();
    const { profile } = parseProfile(row.profileJson);
    if (!profile) continue;
    for (const decision of requiredDocuments(profile, request, provisions, row.startDate)) {
      if (!decision.required) continue;
      documents.push({
        enrolmentId: row.id,
        document: decision.document,
        status: 'verified',
        rejectionReason: null,
        attachmentSha256: null,
        attachmentName: null,
        attachmentType: null,
        createdAt: at,
        updatedAt: at,
        updatedBy: verifiedBy,
      });
    }
  }
  for (let start = 0; start < documents.length; start += 400) {
    const inserted = await trx
      .insertInto('enrolmentDocuments')
      .values(documents.slice(start, start + 400))
      .returning('id')
      .execute();
    await trx
      .insertInto('documentEvents')
      .values(
        inserted.map((document) => ({
          documentId: document.id,
          status: 'verified' as const,
          reason: 'Verified before the demo data was loaded.',
          attachmentSha256: null,
          at,
          by: verifiedBy,
        })),
      )
      .execute();
  }
}
