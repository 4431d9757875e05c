import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  Course,
  CourseRow,
  OrphanCourse,
  ProgrammeOption,
} from '../../../shared/api/catalogue.contract';
import { createTestDesk, type TestDesk } from '../../testing/test-desk';

let t: TestDesk;
const ids = { econometrics: 0, economics: 0, dataScience: 0, stats: 0, micro: 0, writing: 0, orphanPlain: 0 };

/** A small catalogue: three programmes, four courses of which two belong to no programme. */
async function seedSmallCatalogue(): Promise<void> {
  const db = t.desk.database.db;
  const at = '2022-09-01T08:00:00.000Z';
  const stamp = { createdAt: at, updatedAt: at, updatedBy: 'seed' };
  const programme = (code: string, name: string, level: 'bachelor' | 'master', faculty: string) =>
    db
      .insertInto('programmes')
      .values({ code, name, level, faculty, hasPartTimeVariant: 0, isSmallScaleIntensive: 0, ...stamp })
      .returning('id')
      .executeTakeFirstOrThrow();
  ids.econometrics = (
    await programme('b-eor', 'B Econometrics and Operations Research', 'bachelor', 'SBE')
  ).id;
  ids.economics = (await programme('m-economics', 'M Economics', 'master', 'SBE')).id;
  ids.dataScience = (await programme('m-dsdm', 'M Data Science for Decision Making', 'master', 'FSE')).id;
  const course = (code: string, title: string, period: number, isSkillsTraining = 0) =>
    db
      .insertInto('courses')
      .values({
        code,
        title,
        ects: 6.5,
        period,
        faculty: 'SBE',
        coordinator: 'Dr. M. Hendriks',
        isSkillsTraining,
        ...stamp,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  ids.stats = (await course('EBC1005', 'Quantitative Methods I', 1)).id;
  ids.micro = (await course('EBC2011', 'Microeconomics', 2)).id;
  ids.writing = (await course('EBS1001', 'Academic Writing Skills', 3, 1)).id;
  ids.orphanPlain = (await course('EBC4100', 'Topics in 100% Behavioural Economics', 4)).id;
  await db
    .insertInto('courseProgrammes')
    .values([
      { courseId: ids.stats, programmeId: ids.econometrics, linkedAt: at, linkedBy: 'seed' },
      { courseId: ids.micro, programmeId: ids.economics, linkedAt: at, linkedBy: 'seed' },
    ])
    .execute();
  const students = await db
    .insertInto('students')
    .values(
      ['i6000001', 'i6000002', 'i6000003'].map((studentNumber) => ({
        studentNumber,
        familyName: 'Müller',
        givenNames: 'Anna',
        email: null,
        ...stamp,
      })),
    )
    .returning('id')
    .execute();
  await db
    .insertInto('courseRegistrations')
    .values(
      students.map((s) => ({
        studentId: s.id,
        courseId: ids.writing,
        academicYear: '2022-23',
        registeredAt: at,
      })),
    )
    .execute();
}

beforeEach(async () => {
  t = await createTestDesk();
  await seedSmallCatalogue();
});
afterEach(async () => {
  await t.close();
});

describe('courses without programme', () => {
  it('lists exactly the courses linked to no programme, with their registered-student counts', async () => {
    const orphans = await t.call<OrphanCourse[]>('iro', 'catalogue:listOrphanCourses');
    expect(orphans.map((c) => [c.code, c.registeredStudents])).toEqual([
      ['EBC4100', 0],
      ['EBS1001', 3],
    ]);
    const summary = await t.call<{ orphanCourses: number; courses: number }>('desk', 'catalogue:summary');
    expect(summary).toMatchObject({ orphanCourses: 2, courses: 4 });
  });

  it('links several courses to several programmes at once; linked courses leave the list', async () => {
    const result = await t.call('desk', 'catalogue:linkCourses', {
      courseIds: [ids.writing, ids.orphanPlain],
      programmeIds: [ids.economics, ids.dataScience],
    });
    expect(result).toEqual({ linked: 4, alreadyLinked: 0 });
    expect(await t.call<OrphanCourse[]>('desk', 'catalogue:listOrphanCourses')).toEqual([]);
  });

  it('writes one audit row per new link, naming who linked which course to which programme', async () => {
    await t.call('desk', 'catalogue:linkCourses', {
      courseIds: [ids.writing],
      programmeIds: [ids.economics],
    });
    const audit = await t.call<{
      rows: {
        action: string;
        entityId: string;
        actorName: string;
        actorRole: string;
        after: unknown;
        at: string;
      }[];
    }>('admin', 'audit:list', { entity: 'course' });
    expect(audit.rows).toEqual([
      expect.objectContaining({
        action: 'course.link',
        entityId: 'EBS1001',
        actorName: 'Test desk',
        actorRole: 'desk',
        at: '2022-09-05T09:00:00.000Z',
        after: {
          course: 'EBS1001 Academic Writing Skills',
          programme: 'M Economics',
          programmeCode: 'm-economics',
        },
      }),
    ]);
  });

  it('leaves existing links alone and counts them', async () => {
    const result = await t.call('desk', 'catalogue:linkCourses', {
      courseIds: [ids.stats, ids.writing],
      programmeIds: [ids.econometrics],
    });
    expect(result).toEqual({ linked: 1, alreadyLinked: 1 });
  });

  it('refuses the whole request when one course does not exist, and links nothing', async () => {
    const envelope = await t.attempt('desk', 'catalogue:linkCourses', {
      courseIds: [ids.writing, 99999],
      programmeIds: [ids.economics],
    });
    expect(envelope).toMatchObject({
      ok: false,
      error: {
        kind: 'not_found',
        field: 'courseIds',
        message: 'Course 99999 no longer exists; reload the list.',
      },
    });
    expect(
      (await t.call<OrphanCourse[]>('desk', 'catalogue:listOrphanCourses')).map((c) => c.code),
    ).toContain('EBS1001');
    const audit = await t.call<{ total: number }>('admin', 'audit:list', { entity: 'course' });
    expect(audit.total).toBe(0);
  });

  it('refuses an unknown programme', async () => {
    const envelope = await t.attempt('desk', 'catalogue:linkCourses', {
      courseIds: [ids.writing],
      programmeIds: [424242],
    });
    expect(envelope).toMatchObject({ ok: false, error: { kind: 'not_found', field: 'programmeIds' } });
  });

  it('unlinks with a reason in the audit trail, and says when the course became an orphan', async () => {
    const result = await t.call('admin', 'catalogue:unlinkCourse', {
      courseId: ids.micro,
      programmeId: ids.economics,
      reason: 'Course moved to the minor',
    });
    expect(result).toEqual({ becameOrphan: true });
    const audit = await t.call<{ rows: { action: string; reason: string; before: { programme: string } }[] }>(
      'desk',
      'audit:list',
      { entity: 'course' },
    );
    expect(audit.rows[0]).toMatchObject({
      action: 'course.unlink',
      reason: 'Course moved to the minor',
      before: { programme: 'M Economics' },
    });
    expect(
      (await t.call<OrphanCourse[]>('desk', 'catalogue:listOrphanCourses')).map((c) => c.code),
    ).toContain('EBC2011');
  });

  it('refuses to unlink a link that does not exist', async () => {
    expect(
      await t.attempt('desk', 'catalogue:unlinkCourse', {
        courseId: ids.writing,
        programmeId: ids.economics,
      }),
    ).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });
});

describe('editing a course', () => {
  const edit = (version: number, title: string) => ({
    id: ids.micro,
    version,
    title,
    ects: 6.5,
    period: 2,
    faculty: 'SBE',
    coordinator: null,
    isSkillsTraining: false,
  });

  it('saves against the current version and bumps it, with the audit of before and after', async () => {
    const saved = await t.call<Course>('desk', 'catalogue:updateCourse', edit(1, 'Microeconomics I'));
    expect(saved).toMatchObject({
      title: 'Microeconomics I',
      version: 2,
      updatedBy: 'Test desk',
      coordinator: null,
    });
    const audit = await t.call<{
      rows: { action: string; before: { title: string }; after: { title: string } }[];
    }>('desk', 'audit:list', { entityId: 'EBC2011' });
    expect(audit.rows[0]).toMatchObject({
      action: 'course.update',
      before: { title: 'Microeconomics' },
      after: { title: 'Microeconomics I' },
    });
  });

  it('refuses a save against a stale version, naming who changed it and when', async () => {
    await t.call('desk', 'catalogue:updateCourse', edit(1, 'Microeconomics I'));
    t.clock.advanceMinutes(5);
    const envelope = await t.attempt('admin', 'catalogue:updateCourse', edit(1, 'Microeconomics (old tab)'));
    expect(envelope).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    if (!envelope.ok) {
      expect(envelope.error.message).toBe(
        'Course EBC2011 was changed by Test desk at 5 Sept 2022, 09:00 UTC after you opened it. Reload to see their change, then make yours again.',
      );
    }
    const page = await t.call<{ rows: CourseRow[] }>('desk', 'catalogue:listCourses', { search: 'EBC2011' });
    expect(page.rows[0]?.title).toBe('Microeconomics I');
  });

  it('validates the fields and names the one at fault', async () => {
    expect(await t.attempt('desk', 'catalogue:updateCourse', { ...edit(1, 'x'), period: 7 })).toMatchObject({
      ok: false,
      error: { kind: 'validation', field: 'period', message: 'A period is 1 to 6.' },
    });
    expect(await t.attempt('desk', 'catalogue:updateCourse', { ...edit(1, '  ') })).toMatchObject({
      ok: false,
      error: { kind: 'validation', field: 'title' },
    });
  });
});

describe('finding courses and programmes', () => {
  it('searches courses by every word, across code, title and coordinator, and filters by programme', async () => {
    const byWords = await t.call<{ rows: CourseRow[]; total: number }>('iro', 'catalogue:listCourses', {
      search: 'micro hendriks',
    });
    expect(byWords.rows.map((c) => c.code)).toEqual(['EBC2011']);
    expect(byWords.rows[0]?.programmes.map((p) => p.name)).toEqual(['M Economics']);
    const inProgramme = await t.call<{ rows: CourseRow[] }>('iro', 'catalogue:listCourses', {
      programmeId: ids.econometrics,
    });
    expect(inProgramme.rows.map((c) => c.code)).toEqual(['EBC1005']);
  });

  it('treats % and _ in a search as text, not wildcards', async () => {
    const page = await t.call<{ rows: CourseRow[] }>('desk', 'catalogue:listCourses', { search: '100%' });
    expect(page.rows.map((c) => c.code)).toEqual(['EBC4100']);
    expect((await t.call<{ total: number }>('desk', 'catalogue:listCourses', { search: '_' })).total).toBe(0);
  });

  it('sorts and pages courses', async () => {
    const page = await t.call<{ rows: CourseRow[]; total: number }>('desk', 'catalogue:listCourses', {
      sortBy: 'registeredStudents',
      sortDirection: 'desc',
      limit: 2,
    });
    expect(page.total).toBe(4);
    expect(page.rows.map((c) => c.code)).toEqual(['EBS1001', 'EBC1005']);
    const second = await t.call<{ rows: CourseRow[] }>('desk', 'catalogue:listCourses', {
      sortBy: 'code',
      offset: 2,
      limit: 2,
    });
    expect(second.rows.map((c) => c.code)).toEqual(['EBC4100', 'EBS1001']);
  });

  it('finds programmes by every word of the query, whole-phrase matches first', async () => {
    const options = await t.call<ProgrammeOption[]>('desk', 'catalogue:searchProgrammes', { query: 'econ' });
    expect(options.map((p) => p.name)).toEqual(['B Econometrics and Operations Research', 'M Economics']);
    expect(
      await t.call<ProgrammeOption[]>('desk', 'catalogue:searchProgrammes', { query: 'data decision' }),
    ).toHaveLength(1);
  });

  it('lists programmes with their course counts', async () => {
    const programmes = await t.call<{ name: string; courseCount: number }[]>(
      'ssc',
      'catalogue:listProgrammes',
    );
    expect(programmes.map((p) => [p.name, p.courseCount])).toEqual([
      ['B Econometrics and Operations Research', 1],
      ['M Data Science for Decision Making', 0],
      ['M Economics', 1],
    ]);
  });
});
