import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExchangeFile } from '../../../shared/api/exchange.contract';
import { createTestDesk, type TestDesk } from '../../testing/test-desk';
import { addExchangeStudent, seedExchangeCatalogue } from './exchange-test-support';

/** An exchange student with a fall stay and a few SBE courses, registered through the contract as the IRO. */
async function seed(t: TestDesk) {
  const { studentId, enrolmentId } = await addExchangeStudent(t, {
    studentNumber: 'i6100001',
    familyName: 'Rossi',
    givenNames: 'Giulia',
  });
  const courseIds = await seedExchangeCatalogue(t.desk.database.db, [
    { code: 'EBC1001', period: 1 },
    { code: 'EBC1002', period: 1 },
    { code: 'EBC1003', period: 1 },
    { code: 'EBC2001', period: 2 },
    { code: 'SKI3001', period: 3, ects: 4, isSkillsTraining: true },
    { code: 'EBC4001', period: 4 },
  ]);
  return { studentId, enrolmentId, courseIds };
}

describe('exchange students through the contract', () => {
  let t: TestDesk;
  let s: Awaited<ReturnType<typeof seed>>;
  beforeEach(async () => {
    t = await createTestDesk();
    t.clock.set('2022-08-15T09:00:00.000Z');
    s = await seed(t);
    await t.call('iro', 'exchange:recordStay', {
      enrolmentId: s.enrolmentId,
      homeUniversity: 'Università Bocconi',
      homeCountry: 'IT',
      agreement: 'Erasmus+ SBE–Bocconi 2021-2027',
      semesters: ['2022-fall'],
    });
  });
  afterEach(async () => {
    await t.close();
  });

  // A fresh session per call, so that moving the clock by weeks does not end it.
  const asIro = (name: string, input: unknown) =>
    t.desk.invoke(t.desk.sessions.start(t.staffIds.iro), name, input);
  const register = (code: string) =>
    asIro('exchange:registerCourse', { studentId: s.studentId, courseId: s.courseIds[code] });

  it('records the stay: fall periods 1–3, UM account ends about 60 days later, no tuition fee (Art 10.4)', async () => {
    const file = await t.call<ExchangeFile>('desk', 'exchange:file', { studentId: s.studentId });
    expect(file.stay).toMatchObject({
      semesters: ['2022-fall'],
      startsOn: '2022-09-05',
      endsOn: '2023-02-03',
      umAccountEndsOn: '2023-04-04',
    });
    expect(file.stay.reasons.map((r) => r.article)).toEqual(['Art 10.4', 'Exchange guide, Student Portal']);
    const audit = await t.desk.database.db
      .selectFrom('auditLog')
      .select(['action', 'actorName'])
      .where('action', '=', 'exchange.recordStay')
      .execute();
    expect(audit).toEqual([{ action: 'exchange.recordStay', actorName: 'Test iro' }]);
  });

  it('refuses a stay on an enrolment that is not an exchange', async () => {
    await t.desk.database.db
      .updateTable('enrolments')
      .set({ enrolmentKind: 'regular' })
      .where('id', '=', s.enrolmentId)
      .execute();
    expect(
      await t.attempt('iro', 'exchange:recordStay', {
        enrolmentId: s.enrolmentId,
        homeUniversity: 'X',
        agreement: 'Y',
        semesters: ['2022-fall'],
      }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'refused', message: expect.stringContaining('Art 10.4') as unknown },
    });
  });

  it('registers courses with the first exam, refuses a third in a period with the rule, and lists violations', async () => {
    expect((await register('EBC1001')).ok).toBe(true);
    expect((await register('EBC1002')).ok).toBe(true);
    expect(await register('EBC1003')).toMatchObject({
      ok: false,
      error: {
        kind: 'refused',
        message: expect.stringContaining(
          'You can register for no more than two courses per period.” (Exchange guide, Course registration periods and deadlines)',
        ) as unknown,
      },
    });
    const file = await t.call<ExchangeFile>('iro', 'exchange:file', { studentId: s.studentId });
    expect(file.attempts.map((a) => [a.code, a.sitting, a.status])).toEqual([
      ['EBC1001', 'first', 'registered'],
      ['EBC1002', 'first', 'registered'],
    ]);
    expect(file.violations.map((v) => v.period)).toEqual([2]);
    const overview = await t.call<{ items: { courses: string[]; violations: unknown[] }[] }>(
      'ssc',
      'exchange:overview',
      { semester: '2022-fall' },
    );
    expect(overview.items).toHaveLength(1);
    expect(overview.items[0]?.courses).toEqual(['EBC1001', 'EBC1002']);
    expect(
      await t.call<{ items: unknown[] }>('iro', 'exchange:overview', { semester: '2023-spring' }),
    ).toEqual({ items: [] });
  });

  it('offers the courses of a period in the course picker, searched by code or title', async () => {
    const all = await t.call<{ items: { code: string }[] }>('desk', 'exchange:courses', { period: 1 });
    expect(all.items.map((c) => c.code)).toEqual(['EBC1001', 'EBC1002', 'EBC1003']);
    const found = await t.call<{ items: { code: string }[] }>('iro', 'exchange:courses', {
      period: 1,
      search: '1002',
    });
    expect(found.items.map((c) => c.code)).toEqual(['EBC1002']);
  });

  it('lets only the IRO (and an administrator) register: the desk may read but not register', async () => {
    expect(
      await t.attempt('desk', 'exchange:registerCourse', {
        studentId: s.studentId,
        courseId: s.courseIds.EBC1001,
      }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
  });

  it('refuses dropping the only course of a period; a late drop stays on the transcript, with audit', async () => {
    await register('EBC1001');
    const drop = (code: string) =>
      asIro('exchange:dropCourse', { studentId: s.studentId, courseId: s.courseIds[code] });
    expect(await drop('EBC1001')).toMatchObject({
      ok: false,
      error: {
        kind: 'refused',
        message: expect.stringContaining('you are not allowed to drop this course') as unknown,
      },
    });
    await register('EBC1002');
    t.clock.set('2022-09-20T09:00:00.000Z');
    const late = await drop('EBC1002');
    expect(late).toMatchObject({ ok: true, value: { isOnTranscript: true } });
    const file = (await asIro('exchange:file', { studentId: s.studentId })) as { value: ExchangeFile };
    expect(file.value.registrations.find((r) => r.code === 'EBC1002')).toMatchObject({
      status: 'dropped',
      isOnTranscript: true,
      droppedOn: '2022-09-20',
    });
    const audit = await t.desk.database.db
      .selectFrom('auditLog')
      .select('action')
      .where('action', '=', 'exchange.dropCourse')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('drops before the deadline off the transcript', async () => {
    await register('EBC1001');
    await register('EBC1002');
    const early = await t.attempt('iro', 'exchange:dropCourse', {
      studentId: s.studentId,
      courseId: s.courseIds.EBC1002,
    });
    expect(early).toMatchObject({ ok: true, value: { isOnTranscript: false } });
  });

  it('registers for the re-sit automatically after an insufficient grade, not after NG; deregisters; refuses bad grades', async () => {
    await register('EBC1001');
    await register('EBC1002');
    const result = (code: string, grade: number | 'NG', sitting = 'first') =>
      t.attempt('iro', 'exchange:recordResult', {
        studentId: s.studentId,
        courseId: s.courseIds[code],
        sitting,
        grade,
        gradedOn: '2022-10-28',
      });
    expect(await result('EBC1001', 6.7)).toMatchObject({
      ok: false,
      error: {
        kind: 'validation',
        field: 'grade',
        message: expect.stringContaining('Exchange guide, Grade conversion') as unknown,
      },
    });
    expect((await result('EBC1001', 4.5)).ok).toBe(true);
    expect((await result('EBC1002', 'NG')).ok).toBe(true);
    let file = await t.call<ExchangeFile>('iro', 'exchange:file', { studentId: s.studentId });
    expect(
      file.attempts.map((a) => [a.code, a.sitting, a.status, a.registeredHow, a.grade, a.description]),
    ).toEqual([
      ['EBC1001', 'first', 'graded', 'with-course', '4.5', 'Insufficient'],
      ['EBC1001', 'resit', 'registered', 'automatic', null, null],
      ['EBC1002', 'first', 'graded', 'with-course', 'NG', 'No Grade'],
    ]);
    expect(
      (
        await t.attempt('iro', 'exchange:registerResit', {
          studentId: s.studentId,
          courseId: s.courseIds.EBC1002,
        })
      ).ok,
    ).toBe(true);
    file = await t.call<ExchangeFile>('iro', 'exchange:deregisterResit', {
      studentId: s.studentId,
      courseId: s.courseIds.EBC1001,
    });
    expect(file.attempts.find((a) => a.code === 'EBC1001' && a.sitting === 'resit')?.status).toBe(
      'deregistered',
    );
    expect((await result('EBC1002', 7, 'resit')).ok).toBe(true);
    file = await t.call<ExchangeFile>('iro', 'exchange:file', { studentId: s.studentId });
    // Fail grades stay: the 4.5 remains on the record; the GPA weighs 4.5 and the re-sit's 7.0.
    expect(file.gpa).toEqual({
      label: 'GPA (exchange, School of Business and Economics)',
      facultyCode: 'SBE',
      gpa: 5.8,
      isShown: true,
    });
  });

  it('after plagiarism sets the period to 0 and refuses re-sits for the rest of the year', async () => {
    await register('EBC1001');
    await t.call('iro', 'exchange:recordResult', {
      studentId: s.studentId,
      courseId: s.courseIds.EBC1001,
      sitting: 'first',
      grade: 'NG',
      gradedOn: '2022-10-28',
    });
    const recorded = await t.call<{ file: ExchangeFile }>('iro', 'exchange:recordPlagiarism', {
      studentId: s.studentId,
      period: 1,
      decidedOn: '2022-10-30',
    });
    expect(recorded.file.attempts[0]).toMatchObject({ grade: '0.0', description: 'Insufficient' });
    expect(recorded.file.resitExclusion).toEqual({
      academicYear: '2022-23',
      period: 1,
      decidedOn: '2022-10-30',
    });
    expect(
      await t.attempt('iro', 'exchange:registerResit', {
        studentId: s.studentId,
        courseId: s.courseIds.EBC1001,
      }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'refused', message: expect.stringContaining('(Exchange guide, Plagiarism)') as unknown },
    });
  });

  it('extends a fall stay into spring when every condition is met, and records a refusal with its conditions', async () => {
    await register('EBC1001');
    await t.call('iro', 'exchange:recordResult', {
      studentId: s.studentId,
      courseId: s.courseIds.EBC1001,
      sitting: 'first',
      grade: 7.5,
      gradedOn: '2022-10-28',
    });
    const request = {
      studentId: s.studentId,
      direction: 'fall-to-spring',
      requestedOn: '2023-01-02',
      homeUniversityPermits: true,
      iroPermits: true,
    };
    const refused = await t.call<{ outcome: string; conditions: { key: string; isMet: boolean }[] }>(
      'iro',
      'exchange:decideExtension',
      { ...request, homeUniversityPermits: false },
    );
    expect(refused.outcome).toBe('refused');
    expect(refused.conditions.filter((c) => !c.isMet).map((c) => c.key)).toEqual(['home-university']);
    const approved = await t.call<{ outcome: string; semesters: string[] }>(
      'iro',
      'exchange:decideExtension',
      request,
    );
    expect(approved).toMatchObject({
      outcome: 'approved',
      semesters: ['2022-fall', '2023-spring'],
      nextYearEnrolment: null,
    });
    // Fall → spring stays within 2022-23: the exchange enrolment of the year covers it, none is added.
    expect(
      await t.desk.database.db
        .selectFrom('enrolments')
        .select(['id', 'academicYear', 'enrolmentKind'])
        .where('studentId', '=', s.studentId)
        .execute(),
    ).toEqual([{ id: s.enrolmentId, academicYear: '2022-23', enrolmentKind: 'exchange' }]);
    expect(
      await t.desk.database.db
        .selectFrom('auditLog')
        .select('action')
        .where('action', '=', 'exchange.extendEnrolment')
        .execute(),
    ).toEqual([]);
    const file = await t.call<ExchangeFile>('iro', 'exchange:file', { studentId: s.studentId });
    expect(file.stay).toMatchObject({
      semesters: ['2022-fall', '2023-spring'],
      endsOn: '2023-07-07',
      umAccountEndsOn: '2023-09-05',
    });
    expect(await t.desk.database.db.selectFrom('exchangeExtensions').select('outcome').execute()).toEqual([
      { outcome: 'refused' },
      { outcome: 'approved' },
    ]);
    // Now in spring, a period-4 course may be registered.
    t.clock.set('2023-01-10T09:00:00.000Z');
    expect((await register('EBC4001')).ok).toBe(true);
  });
});
