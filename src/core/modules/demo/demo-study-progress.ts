import { sql, type Insertable, type Transaction } from 'kysely';
import type { Database, StudyProgressCreditsTable, StudyProgressExcusalTable } from '../../db/database';
import { loadExchangeGuide } from '../exchange/load-exchange-guide';
import { loadStudyProgressRequirements } from '../study-progress/load-study-progress-requirements';
import type { SeededRandom } from './random';

/** Where the demo's credits say they come from: generated, not real results. */
export const demoCreditsSource = 'Demo data: generated course results';

/** Study advisers named on the demo's excusable reasons. */
const demoStudyAdvisers = ['Dr. M. Janssen', 'A. Peeters', 'Dr. L. Hoffmann'];

/**
 * Credits for the study-permit students with a regular enrolment, so that the study progress list has
 * work on it: each registered course passed (mostly) at the end of its period, plus the rest of the
 * year's results; about one in ten falls short of the norm, and a few of those have an excusable reason
 * from their study adviser. Seeded from a random stream of its own, so no other demo figure moves.
 */
export async function seedStudyProgress(
  trx: Transaction<Database>,
  random: SeededRandom,
  academicYear: string,
  at: string,
  by: string,
): Promise<{ credits: number; excusals: number }> {
  const requirements = loadStudyProgressRequirements(academicYear);
  const periodEnds = new Map(loadExchangeGuide(academicYear).periods.map((p) => [p.number, p.endsOn]));
  const students = await trx
    .selectFrom('students')
    .innerJoin('enrolments', 'enrolments.studentId', 'students.id')
    .select(['students.id', 'enrolments.startDate'])
    .where('enrolments.academicYear', '=', academicYear)
    .where('enrolments.enrolmentKind', '=', 'regular')
    .where('enrolments.status', '=', 'enrolled')
    .where(sql<string>`json_extract(students.profile_json, '$.residence.permit.type')`, '=', 'study')
    .orderBy('students.id')
    .execute();
  const registrations = await trx
    .selectFrom('courseRegistrations')
    .innerJoin('courses', 'courses.id', 'courseRegistrations.courseId')
    .select([
      'courseRegistrations.studentId',
      'courses.code',
      'courses.title',
      'courses.ects',
      'courses.period',
    ])
    .where('courseRegistrations.academicYear', '=', academicYear)
    .where('courseRegistrations.studentId', 'in', students.length > 0 ? students.map((s) => s.id) : [0])
    .orderBy('courseRegistrations.studentId')
    .execute();
  const coursesOf = new Map<number, typeof registrations>();
  for (const r of registrations) coursesOf.set(r.studentId, [...(coursesOf.get(r.studentId) ?? []), r]);

  const credits: Insertable<StudyProgressCreditsTable>[] = [];
  const excusals: Insertable<StudyProgressExcusalTable>[] = [];
  const required = (requirements.norm.creditsPerYear * requirements.norm.requiredPercentage) / 100;
  for (const student of students) {
    const fallsShort = random.chance(0.1);
    // A total for the year: comfortably above the norm, or short of it.
    const targetTenths = fallsShort
      ? random.integer(4 * 10, (required - 1) * 10)
      : random.integer((required + 6) * 10, requirements.norm.creditsPerYear * 10);
    let totalTenths = 0;
    for (const course of coursesOf.get(student.id) ?? []) {
      const tenths = Math.round(course.ects * 10);
      if (totalTenths + tenths > targetTenths || random.chance(0.15)) continue;
      totalTenths += tenths;
      credits.push({
        studentId: student.id,
        academicYear,
        courseCode: course.code,
        description: course.title,
        creditsTenths: tenths,
        obtainedOn: periodEnds.get(course.period) ?? requirements.endsOn,
        source: demoCreditsSource,
        createdAt: at,
        createdBy: by,
      });
    }
    if (targetTenths > totalTenths)
      credits.push({
        studentId: student.id,
        academicYear,
        courseCode: null,
        description: 'Other courses and skills trainings of the programme',
        creditsTenths: targetTenths - totalTenths,
        obtainedOn: periodEnds.get(6) ?? requirements.endsOn,
        source: demoCreditsSource,
        createdAt: at,
        createdBy: by,
      });
    if (fallsShort && random.chance(0.3)) {
      const kind = random.pick(requirements.excusableReasons.kinds);
      excusals.push({
        studentId: student.id,
        academicYear,
        kind: kind.key,
        adviserName: random.pick(demoStudyAdvisers),
        decidedOn: `${requirements.endsOn.slice(0, 4)}-0${random.integer(5, 8)}-${String(random.integer(1, 28)).padStart(2, '0')}`,
        note: null,
        createdAt: at,
        createdBy: by,
      });
    }
  }
  for (let start = 0; start < credits.length; start += 400)
    await trx
      .insertInto('studyProgressCredits')
      .values(credits.slice(start, start + 400))
      .execute();
  if (excusals.length > 0) await trx.insertInto('studyProgressExcusals').values(excusals).execute();
  return { credits: credits.length, excusals: excusals.length };
}
