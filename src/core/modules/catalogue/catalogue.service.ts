import type { z } from 'zod';
import type { Course, courseFieldsSchema } from '../../../shared/api/catalogue.contract';
import { DeskError } from '../../../shared/errors';
import { recordAudit, type AuditFact } from '../../db/audit';
import { assertCurrentVersion } from '../../db/versioning';
import type { ServiceContext } from '../../context';
import { toCourse } from './catalogue.repo';

/**
 * Links every given course to every given programme in one transaction.
 *
 * Links that exist already are left as they are and counted; an unknown course or programme
 * refuses the whole request, so nothing is half-linked.
 */
export async function linkCoursesToProgrammes(
  ctx: ServiceContext,
  courseIds: readonly number[],
  programmeIds: readonly number[],
): Promise<{ linked: number; alreadyLinked: number }> {
  const uniqueCourses = [...new Set(courseIds)];
  const uniqueProgrammes = [...new Set(programmeIds)];
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const courses = await trx
      .selectFrom('courses')
      .select(['id', 'code', 'title'])
      .where('id', 'in', uniqueCourses)
      .execute();
    const programmes = await trx
      .selectFrom('programmes')
      .select(['id', 'code', 'name'])
      .where('id', 'in', uniqueProgrammes)
      .execute();
    const missingCourse = uniqueCourses.find((id) => !courses.some((c) => c.id === id));
    if (missingCourse !== undefined) {
      throw new DeskError('not_found', `Course ${missingCourse} no longer exists; reload the list.`, {
        field: 'courseIds',
      });
    }
    const missingProgramme = uniqueProgrammes.find((id) => !programmes.some((p) => p.id === id));
    if (missingProgramme !== undefined) {
      throw new DeskError('not_found', `Programme ${missingProgramme} no longer exists; choose another.`, {
        field: 'programmeIds',
      });
    }
    const existing = await trx
      .selectFrom('courseProgrammes')
      .select(['courseId', 'programmeId'])
      .where('courseId', 'in', uniqueCourses)
      .where('programmeId', 'in', uniqueProgrammes)
      .execute();
    const isLinked = new Set(existing.map((link) => `${link.courseId}:${link.programmeId}`));
    const links: { courseId: number; programmeId: number; linkedAt: string; linkedBy: string }[] = [];
    const facts: AuditFact[] = [];
    for (const course of courses) {
      for (const programme of programmes) {
        if (isLinked.has(`${course.id}:${programme.id}`)) continue;
        links.push({
          courseId: course.id,
          programmeId: programme.id,
          linkedAt: at,
          linkedBy: ctx.actor.name,
        });
        facts.push({
          action: 'course.link',
          entity: 'course',
          entityId: course.code,
          after: {
            course: `${course.code} ${course.title}`,
            programme: programme.name,
            programmeCode: programme.code,
          },
        });
      }
    }
    for (let start = 0; start < links.length; start += 500) {
      await trx
        .insertInto('courseProgrammes')
        .values(links.slice(start, start + 500))
        .execute();
    }
    await recordAudit(trx, ctx.actor, at, facts);
    return { linked: links.length, alreadyLinked: existing.length };
  });
}

/** Removes one course–programme link and says whether the course is now without programme. */
export async function unlinkCourseFromProgramme(
  ctx: ServiceContext,
  input: { courseId: number; programmeId: number; reason?: string | undefined },
): Promise<{ becameOrphan: boolean }> {
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const link = await trx
      .selectFrom('courseProgrammes as cp')
      .innerJoin('courses as c', 'c.id', 'cp.courseId')
      .innerJoin('programmes as p', 'p.id', 'cp.programmeId')
      .select([
        'c.code as courseCode',
        'c.title as courseTitle',
        'p.name as programmeName',
        'p.code as programmeCode',
        'cp.linkedAt',
        'cp.linkedBy',
      ])
      .where('cp.courseId', '=', input.courseId)
      .where('cp.programmeId', '=', input.programmeId)
      .executeTakeFirst();
    if (!link)
      throw new DeskError(
        'not_found',
        'This course is not linked to that programme (any more); reload to see the current links.',
      );
    await trx
      .deleteFrom('courseProgrammes')
      .where('courseId', '=', input.courseId)
      .where('programmeId', '=', input.programmeId)
      .execute();
    await recordAudit(trx, ctx.actor, at, {
      action: 'course.unlink',
      entity: 'course',
      entityId: link.courseCode,
      before: {
        course: `${link.courseCode} ${link.courseTitle}`,
        programme: link.programmeName,
        programmeCode: link.programmeCode,
        linkedBy: link.linkedBy,
        linkedAt: link.linkedAt,
      },
      reason: input.reason ?? null,
    });
    const remaining = await trx
      .selectFrom('courseProgrammes')
      .select('courseId')
      .where('courseId', '=', input.courseId)
      .limit(1)
      .executeTakeFirst();
    return { becameOrphan: remaining === undefined };
  });
}

/** Edits a course against the version the editor read; a stale version is refused with who changed it. */
export async function updateCourse(
  ctx: ServiceContext,
  input: z.output<typeof courseFieldsSchema> & { id: number; version: number },
): Promise<Course> {
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('courses').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!row) throw new DeskError('not_found', `Course ${input.id} no longer exists; reload the list.`);
    assertCurrentVersion(row, input.version, `Course ${row.code}`);
    const updated = await trx
      .updateTable('courses')
      .set({
        title: input.title,
        ects: input.ects,
        period: input.period,
        faculty: input.faculty,
        coordinator: input.coordinator,
        isSkillsTraining: input.isSkillsTraining ? 1 : 0,
        version: row.version + 1,
        updatedAt: at,
        updatedBy: ctx.actor.name,
      })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const before = toCourse(row);
    const after = toCourse(updated);
    await recordAudit(trx, ctx.actor, at, {
      action: 'course.update',
      entity: 'course',
      entityId: row.code,
      before,
      after,
    });
    return after;
  });
}
