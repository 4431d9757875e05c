import { sql, type Selectable } from 'kysely';
import type {
  Course,
  CourseRow,
  OrphanCourse,
  Programme,
  ProgrammeOption,
} from '../../../shared/api/catalogue.contract';
import type { DeskDb } from '../../db/connection';
import type { CourseTable } from '../../db/database';

/** Converts a course row to the shape of the contract. */
export function toCourse(row: Selectable<CourseTable>): Course {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    ects: row.ects,
    period: row.period,
    faculty: row.faculty,
    coordinator: row.coordinator,
    isSkillsTraining: row.isSkillsTraining === 1,
    version: row.version,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}

// Dropped registrations (exchange students, migration 009) no longer count.
const registeredStudents = sql<number>`(select count(*) from course_registrations r where r.course_id = courses.id and r.status = 'registered')`;

/** Escapes LIKE wildcards so that a search for "100%" finds the text "100%". */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Counts for the dashboard and for deciding whether to offer the demo data. */
export async function countCatalogue(db: DeskDb) {
  const row = await db
    .selectNoFrom([
      sql<number | string>`(select count(*) from programmes)`.as('programmes'),
      sql<number | string>`(select count(*) from courses)`.as('courses'),
      sql<
        number | string
      >`(select count(*) from courses c where not exists (select 1 from course_programmes cp where cp.course_id = c.id))`.as(
        'orphanCourses',
      ),
      sql<number | string>`(select count(*) from students)`.as('students'),
      sql<number | string>`(select count(*) from course_registrations where status = 'registered')`.as(
        'registrations',
      ),
    ])
    .executeTakeFirstOrThrow();
  return row;
}

/** Every programme with its number of linked courses, by level and name. */
export async function selectProgrammes(db: DeskDb): Promise<Programme[]> {
  const rows = await db
    .selectFrom('programmes')
    .select([
      'id',
      'code',
      'name',
      'level',
      'faculty',
      'hasPartTimeVariant',
      'isSmallScaleIntensive',
      sql<number>`(select count(*) from course_programmes cp where cp.programme_id = programmes.id)`.as(
        'courseCount',
      ),
    ])
    .orderBy('level')
    .orderBy('name')
    .execute();
  return rows.map((row) => ({
    ...row,
    hasPartTimeVariant: row.hasPartTimeVariant === 1,
    isSmallScaleIntensive: row.isSmallScaleIntensive === 1,
  }));
}

/** Programmes whose name or code contains every word of the query; names that start with it first. */
export async function selectProgrammeOptions(
  db: DeskDb,
  query: string,
  limit: number,
): Promise<ProgrammeOption[]> {
  const words = query.trim().split(/\s+/).filter(Boolean);
  let builder = db.selectFrom('programmes').select(['id', 'code', 'name', 'level', 'faculty']);
  for (const word of words) {
    const pattern = likePattern(word);
    builder = builder.where((eb) =>
      eb.or([sql<boolean>`name like ${pattern} escape '\\'`, sql<boolean>`code like ${pattern} escape '\\'`]),
    );
  }
  return builder
    .orderBy(sql`instr(lower(name), lower(${query.trim()})) = 0`)
    .orderBy('name')
    .limit(limit)
    .execute();
}

/** The programmes each of the given courses is linked to. */
export async function selectProgrammesOfCourses(
  db: DeskDb,
  courseIds: readonly number[],
): Promise<Map<number, ProgrammeOption[]>> {
  const byCourse = new Map<number, ProgrammeOption[]>();
  if (courseIds.length === 0) return byCourse;
  const rows = await db
    .selectFrom('courseProgrammes as cp')
    .innerJoin('programmes as p', 'p.id', 'cp.programmeId')
    .select(['cp.courseId', 'p.id', 'p.code', 'p.name', 'p.level', 'p.faculty'])
    .where('cp.courseId', 'in', courseIds)
    .orderBy('p.name')
    .execute();
  for (const { courseId, ...programme } of rows) {
    const list = byCourse.get(courseId) ?? [];
    list.push(programme);
    byCourse.set(courseId, list);
  }
  return byCourse;
}

/** One page of courses matching a search, with programmes and registration counts. */
export async function selectCoursePage(
  db: DeskDb,
  query: {
    search: string;
    programmeId?: number | undefined;
    offset: number;
    limit: number;
    sortBy: 'code' | 'title' | 'ects' | 'period' | 'faculty' | 'registeredStudents';
    sortDirection: 'asc' | 'desc';
  },
): Promise<{ rows: CourseRow[]; total: number }> {
  let filtered = db.selectFrom('courses');
  const words = query.search.trim().split(/\s+/).filter(Boolean);
  for (const word of words) {
    const pattern = likePattern(word);
    filtered = filtered.where((eb) =>
      eb.or([
        sql<boolean>`courses.code like ${pattern} escape '\\'`,
        sql<boolean>`courses.title like ${pattern} escape '\\'`,
        sql<boolean>`coalesce(courses.coordinator, '') like ${pattern} escape '\\'`,
      ]),
    );
  }
  if (query.programmeId !== undefined) {
    const programmeId = query.programmeId;
    filtered = filtered.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('courseProgrammes as cp')
          .select('cp.courseId')
          .whereRef('cp.courseId', '=', 'courses.id')
          .where('cp.programmeId', '=', programmeId),
      ),
    );
  }
  const { total } = await filtered
    .select((eb) => eb.fn.countAll<number | string>().as('total'))
    .executeTakeFirstOrThrow();
  const sortColumn =
    query.sortBy === 'registeredStudents' ? sql`registered_students` : sql.ref(`courses.${query.sortBy}`);
  const rows = await filtered
    .selectAll('courses')
    .select(registeredStudents.as('registeredStudents'))
    .orderBy(sql`${sortColumn} ${sql.raw(query.sortDirection)}`)
    .orderBy('courses.code')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  const programmes = await selectProgrammesOfCourses(
    db,
    rows.map((row) => row.id),
  );
  return {
    total: Number(total),
    rows: rows.map((row) => ({
      ...toCourse(row),
      registeredStudents: row.registeredStudents,
      programmes: programmes.get(row.id) ?? [],
    })),
  };
}

/** Courses linked to no programme, with their registered-student counts, by code. */
export async function selectOrphanCourses(db: DeskDb): Promise<OrphanCourse[]> {
  const rows = await db
    .selectFrom('courses')
    .selectAll()
    .select(registeredStudents.as('registeredStudents'))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('courseProgrammes as cp')
            .select('cp.courseId')
            .whereRef('cp.courseId', '=', 'courses.id'),
        ),
      ),
    )
    .orderBy('code')
    .execute();
  return rows.map((row) => ({ ...toCourse(row), registeredStudents: row.registeredStudents }));
}
