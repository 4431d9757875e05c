import type { z } from 'zod';
import type { studentsContract, StudentFile } from '../../../shared/api/students.contract';
import { DeskError } from '../../../shared/errors';
import { recordAudit } from '../../db/audit';
import { reassessForResidenceChange } from '../residence/residence.service';
import { assertCurrentVersion } from '../../db/versioning';
import type { ServiceContext } from '../../context';
import { selectStudentRow, toStudentFile } from './students.repo';

type CreateStudentInput = z.output<typeof studentsContract.create.input>;
type UpdateStudentInput = z.output<typeof studentsContract.update.input>;

/** Reads a student's file; not_found when the id is unknown. */
export async function readStudentFile(ctx: ServiceContext, studentId: number): Promise<StudentFile> {
  const row = await selectStudentRow(ctx.db, studentId);
  if (!row)
    throw new DeskError('not_found', `No student with id ${studentId}; search for the student again.`);
  return toStudentFile(row);
}

/** Adds a student with a new student number; a number already in use is refused beside its field. */
export async function createStudent(ctx: ServiceContext, input: CreateStudentInput): Promise<StudentFile> {
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('students')
      .select(['givenNames', 'familyName'])
      .where('studentNumber', '=', input.studentNumber)
      .executeTakeFirst();
    if (existing) {
      throw new DeskError(
        'validation',
        `Student number ${input.studentNumber} is already in use (${existing.givenNames} ${existing.familyName}); open that file or check the number.`,
        { field: 'studentNumber' },
      );
    }
    const row = await trx
      .insertInto('students')
      .values({
        studentNumber: input.studentNumber,
        familyName: input.familyName,
        givenNames: input.givenNames,
        email: input.email,
        contactJson: JSON.stringify(input.contact),
        profileJson: input.profile === null ? null : JSON.stringify(input.profile),
        createdAt: at,
        updatedAt: at,
        updatedBy: ctx.actor.name,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const file = toStudentFile(row);
    await recordAudit(trx, ctx.actor, at, {
      action: 'student.create',
      entity: 'student',
      entityId: file.studentNumber,
      after: auditedFields(file),
    });
    return file;
  });
}

/**
 * Changes the parts of a student's file that the input names, against the version the clerk read.
 *
 * The audit row keeps the file before and after, with the reason, in the same transaction.
 */
export async function updateStudent(ctx: ServiceContext, input: UpdateStudentInput): Promise<StudentFile> {
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('students')
      .selectAll()
      .where('id', '=', input.studentId)
      .executeTakeFirst();
    if (!row)
      throw new DeskError(
        'not_found',
        `No student with id ${input.studentId}; search for the student again.`,
      );
    assertCurrentVersion(row, input.expectedVersion, `The file of ${row.givenNames} ${row.familyName}`);
    const before = toStudentFile(row);
    const updated = await trx
      .updateTable('students')
      .set({
        ...(input.familyName === undefined ? {} : { familyName: input.familyName }),
        ...(input.givenNames === undefined ? {} : { givenNames: input.givenNames }),
        ...(input.email === undefined ? {} : { email: input.email }),
        ...(input.contact === undefined ? {} : { contactJson: JSON.stringify(input.contact) }),
        ...(input.profile === undefined
          ? {}
          : { profileJson: input.profile === null ? null : JSON.stringify(input.profile) }),
        version: row.version + 1,
        updatedAt: at,
        updatedBy: ctx.actor.name,
      })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const after = toStudentFile(updated);
    await recordAudit(trx, ctx.actor, at, {
      action: 'student.update',
      entity: 'student',
      entityId: after.studentNumber,
      before: auditedFields(before),
      after: auditedFields(after),
      reason: input.reason,
    });
    // Residence and nationality decide the fee (App II): the current enrolments follow, the difference booked.
    if (input.profile && after.profile) {
      await reassessForResidenceChange(trx, ctx, row.id, after.profile, input.reason);
    }
    return after;
  });
}

/** What the audit trail keeps of a file: everything staff edit, not the bookkeeping fields. */
function auditedFields(file: StudentFile) {
  return {
    studentNumber: file.studentNumber,
    familyName: file.familyName,
    givenNames: file.givenNames,
    email: file.email,
    contact: file.contact,
    profile: file.profile,
  };
}
