import { sql } from 'kysely';
import type { DeskDb } from '../../db/connection';

/*
 * Queries of the study progress check: the study-permit students enrolled in a year with their enrolments,
 * credits, excusable reasons, pre-master's certificates and places on lists sent to the IND. Each is one
 * query over the whole selection, so that the list stays quick at university scale.
 */

/** The ids of students on a Dutch residence permit for study with an enrolment in the year (filtered in SQL). */
function studyPermitStudentIds(db: DeskDb, academicYear: string) {
  return db
    .selectFrom('students')
    .select('students.id')
    .where(sql<string>`json_extract(students.profile_json, '$.residence.permit.type')`, '=', 'study')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('enrolments')
          .select('enrolments.id')
          .whereRef('enrolments.studentId', '=', 'students.id')
          .where('enrolments.academicYear', '=', academicYear),
      ),
    );
}

/** Everything the check needs of the students in question; `onlyStudentId` narrows it to one student. */
export async function loadStudyProgressFacts(db: DeskDb, academicYear: string, onlyStudentId?: number) {
  const ids =
    onlyStudentId === undefined
      ? studyPermitStudentIds(db, academicYear)
      : db.selectFrom('students').select('id').where('id', '=', onlyStudentId);
  const [students, enrolments, credits, excusals, listed, certificates] = await Promise.all([
    db
      .selectFrom('students')
      .select(['id', 'studentNumber', 'familyName', 'givenNames', 'profileJson'])
      .where('id', 'in', ids)
      .orderBy('studentNumber')
      .execute(),
    db
      .selectFrom('enrolments')
      .select([
        'id',
        'studentId',
        'academicYear',
        'programmeCode',
        'enrolmentKind',
        'mode',
        'startDate',
        'status',
      ])
      .where('studentId', 'in', ids)
      .where('academicYear', '=', academicYear)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('studyProgressCredits')
      .select(['studentId', 'creditsTenths', 'obtainedOn', 'description'])
      .where('studentId', 'in', ids)
      .where('academicYear', '=', academicYear)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('studyProgressExcusals')
      .selectAll()
      .where('studentId', 'in', ids)
      .where('academicYear', '=', academicYear)
      .where('withdrawnAt', 'is', null)
      .execute(),
    db
      .selectFrom('studyProgressIndListStudents')
      .innerJoin('studyProgressIndLists', 'studyProgressIndLists.id', 'studyProgressIndListStudents.listId')
      .select([
        'studyProgressIndListStudents.studentId',
        'studyProgressIndLists.sentOn',
        'studyProgressIndLists.reference',
      ])
      .where('studyProgressIndListStudents.studentId', 'in', ids)
      .where('studyProgressIndListStudents.academicYear', '=', academicYear)
      .execute(),
    // Art 8.3: a pre-master's certificate, not revoked, shows the preparatory programme was passed.
    db
      .selectFrom('issuedDocuments')
      .select(['enrolmentId', sql<string>`min(issued_at)`.as('issuedAt')])
      .where('kind', '=', 'pre-master-certificate')
      .where('status', '!=', 'revoked')
      .where('studentId', 'in', ids)
      .where('academicYear', '=', academicYear)
      .groupBy('enrolmentId')
      .execute(),
  ]);
  return { students, enrolments, credits, excusals, listed, certificates };
}

/** The lists sent to the IND for a year, with how many students each holds. */
export function sentIndLists(db: DeskDb, academicYear: string) {
  return db
    .selectFrom('studyProgressIndLists')
    .leftJoin(
      'studyProgressIndListStudents',
      'studyProgressIndListStudents.listId',
      'studyProgressIndLists.id',
    )
    .select([
      'studyProgressIndLists.id',
      'studyProgressIndLists.sentOn',
      'studyProgressIndLists.reference',
      'studyProgressIndLists.createdAt',
      'studyProgressIndLists.createdBy',
      sql<number>`count(study_progress_ind_list_students.student_id)`.as('students'),
    ])
    .where('studyProgressIndLists.academicYear', '=', academicYear)
    .groupBy('studyProgressIndLists.id')
    .orderBy('studyProgressIndLists.id')
    .execute();
}
