import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExchangeFile } from '../../../shared/api/exchange.contract';
import type { ResitStanding, RetentionItem } from '../../../shared/api/resit-retention.contract';
import { createTestDesk, type TestDesk } from '../../testing/test-desk';
import { addExchangeStudent, seedExchangeCatalogue } from './exchange-test-support';

interface Worklist {
  asOf: string;
  canRun: { outcome: string; reasons: { article: string; text: string }[] };
  continuing: number;
  items: RetentionItem[];
  runs: { id: number; removed: number; kept: number; unchanged: number }[];
}
interface RunResult {
  dryRun: boolean;
  runId: number | null;
  removed: number;
  kept: number;
  unchanged: number;
  items: RetentionItem[];
}

const location = 'Exchange guide, Location of the re-sit';

/** Three fall students (one fails a period-2 course, one a period-1 course), one full-year and one spring student. */
async function seed(t: TestDesk) {
  const courseIds = await seedExchangeCatalogue(t.desk.database.db, [
    { code: 'EBC1001', period: 1 },
    { code: 'EBC2001', period: 2 },
    { code: 'EBC2002', period: 2 },
    { code: 'EBC4001', period: 4 },
  ]);
  const students: Record<string, number> = {};
  for (const [number, family, semesters] of [
    ['i6100001', 'Rossi', ['2022-fall']],
    ['i6100002', 'Weber', ['2022-fall']],
    ['i6100003', 'García', ['2022-fall']],
    ['i6100004', 'Kim', ['2022-fall', '2023-spring']],
    ['i6100005', 'Silva', ['2023-spring']],
  ] as const) {
    const { studentId, enrolmentId } = await addExchangeStudent(t, {
      studentNumber: number,
      familyName: family,
      givenNames: 'Alex',
    });
    await t.call('iro', 'exchange:recordStay', {
      enrolmentId,
      homeUniversity: 'Università Bocconi',
      homeCountry: 'IT',
      agreement: 'Erasmus+',
      semesters,
    });
    students[number] = studentId;
  }
  return { students, courseIds };
}

describe('re-sit retention of fall exchange students (Exchange guide, Location of the re-sit)', () => {
  let t: TestDesk;
  let s: Awaited<ReturnType<typeof seed>>;
  // A fresh session per call, so that moving the clock by months does not end it.
  const as = (role: 'iro' | 'desk' | 'admin', name: string, input: unknown) => {
    const staffId = t.staffIds[role];
    return t.desk.invoke(t.desk.sessions.start(staffId), name, input);
  };
  const value = async <T>(role: 'iro' | 'desk' | 'admin', name: string, input: unknown): Promise<T> => {
    const envelope = await as(role, name, input);
    if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
    return envelope.value as T;
  };
  const grade = (student: string, code: string, g: number | 'NG', gradedOn: string) =>
    value('iro', 'exchange:recordResult', {
      studentId: s.students[student],
      courseId: s.courseIds[code],
      sitting: 'first',
      grade: g,
      gradedOn,
    });
  const register = (student: string, code: string) =>
    value('iro', 'exchange:registerCourse', { studentId: s.students[student], courseId: s.courseIds[code] });
  const worklist = () => value<Worklist>('iro', 'exchange:retentionWorklist', { semester: '2022-fall' });
  const itemOf = (list: { items: RetentionItem[] }, number: string) =>
    list.items.find((i) => i.studentNumber === number);

  beforeEach(async () => {
    t = await createTestDesk();
    t.clock.set('2022-08-15T09:00:00.000Z');
    s = await seed(t);
    for (const number of ['i6100001', 'i6100002', 'i6100003']) {
      await register(number, 'EBC1001');
      await register(number, 'EBC2001');
    }
    t.clock.set('2022-12-23T09:00:00.000Z');
    await grade('i6100001', 'EBC1001', 7, '2022-10-28');
    await grade('i6100001', 'EBC2001', 4, '2022-12-23'); // period-2 re-sit registered automatically
    await grade('i6100002', 'EBC1001', 4.5, '2022-10-28'); // a period-1 re-sit only
    await grade('i6100002', 'EBC2001', 8, '2022-12-23');
    await grade('i6100003', 'EBC2001', 5, '2022-12-23'); // period-2 re-sit, no request
    t.clock.set('2023-01-16T09:00:00.000Z');
  });
  afterEach(async () => {
    await t.close();
  });

  it('records a fall student’s request to stay for the period-2 re-sits with its audit row, once', async () => {
    const standing = await value<ResitStanding>('iro', 'exchange:recordResitStay', {
      studentId: s.students.i6100001,
      requestedOn: '2023-01-16',
      note: 'E-mail of 16 January',
    });
    expect(standing.request).toMatchObject({
      status: 'requested',
      requestedOn: '2023-01-16',
      updatedBy: 'Test iro',
    });
    expect(standing.canRequest.outcome).toBe('refused');
    expect(standing.canRequest.reasons[0]?.text).toContain('already recorded on 2023-01-16');
    const audit = await t.desk.database.db
      .selectFrom('auditLog')
      .select(['action', 'entityId', 'afterJson'])
      .where('action', '=', 'exchange.recordResitStay')
      .execute();
    expect(audit).toEqual([
      {
        action: 'exchange.recordResitStay',
        entityId: String(s.students.i6100001),
        afterJson: JSON.stringify({ semester: '2022-fall', status: 'requested', requestedOn: '2023-01-16' }),
      },
    ]);
    expect(
      await as('iro', 'exchange:recordResitStay', {
        studentId: s.students.i6100001,
        requestedOn: '2023-01-16',
      }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'refused', message: expect.stringContaining(`(${location})`) as unknown },
    });
  });

  it('refuses a request with the rule: no period-2 re-sit, not a fall-only stay, after plagiarism, dated in the future', async () => {
    const request = (number: string, requestedOn = '2023-01-16') =>
      as('iro', 'exchange:recordResitStay', { studentId: s.students[number], requestedOn });
    // A period-1 re-sit does not count: the stay is for the period 2 re-sits.
    expect(await request('i6100002')).toMatchObject({
      ok: false,
      error: {
        kind: 'refused',
        message: expect.stringMatching(
          /not registered for the re-sit of a period 2 course.*\(Exchange guide, Location of the re-sit\)/,
        ) as unknown,
      },
    });
    expect(await request('i6100004')).toMatchObject({
      ok: false,
      error: {
        kind: 'refused',
        message: expect.stringContaining('ends with Spring 2023, not with a fall semester') as unknown,
      },
    });
    expect(await request('i6100005')).toMatchObject({ ok: false, error: { kind: 'refused' } });
    await value('iro', 'exchange:recordPlagiarism', {
      studentId: s.students.i6100001,
      period: 2,
      decidedOn: '2023-01-10',
    });
    expect(await request('i6100001')).toMatchObject({
      ok: false,
      error: { kind: 'refused', message: expect.stringContaining('(Exchange guide, Plagiarism)') as unknown },
    });
    expect(await request('i6100003', '2023-02-01')).toMatchObject({
      ok: false,
      error: { kind: 'validation', field: 'requestedOn' },
    });
    expect(await t.desk.database.db.selectFrom('exchangeResitStayRequests').select('id').execute()).toEqual(
      [],
    );
  });

  it('lists every fall student in the worklist: kept until the last period-2 re-sit, or removed, with reasons and UM account ends', async () => {
    await value('iro', 'exchange:recordResitStay', {
      studentId: s.students.i6100001,
      requestedOn: '2023-01-16',
    });
    const list = await worklist();
    expect(list.items.map((i) => [i.studentNumber, i.outcome, i.effectiveOn, i.umAccountEndsOn])).toEqual([
      ['i6100001', 'kept', '2023-03-31', '2023-05-30'],
      ['i6100002', 'removed', '2023-02-03', '2023-04-04'],
      ['i6100003', 'removed', '2023-02-03', '2023-04-04'],
    ]);
    expect(list.continuing).toBe(1);
    const kept = itemOf(list, 'i6100001');
    expect(kept?.reasons.map((r) => r.article)).toEqual([
      location,
      location,
      'Exchange guide, Student Portal',
    ]);
    expect(kept?.reasons[1]?.text).toContain(
      'is registered for the re-sit of EBC2001: kept in the system until the last period 2 re-sit on 2023-03-31',
    );
    const unrequested = itemOf(list, 'i6100003');
    expect(unrequested).toMatchObject({
      needsAttention: true,
      resits: ['EBC2001'],
      withdrawsResits: ['EBC2001'],
    });
    expect(unrequested?.reasons[1]?.text).toContain('did not ask to stay');
    expect(itemOf(list, 'i6100002')).toMatchObject({ needsAttention: false, withdrawsResits: ['EBC1001'] });
    expect(list.canRun).toMatchObject({ outcome: 'refused' });
    expect(list.canRun.reasons[0]?.text).toContain('the run can be made from 2023-02-03');
  });

  it('refuses the run before the end of the fall semester; the dry run changes nothing', async () => {
    expect(await as('iro', 'exchange:runRetention', { semester: '2022-fall' })).toMatchObject({
      ok: false,
      error: {
        kind: 'refused',
        message: expect.stringMatching(
          /the run can be made from 2023-02-03, not on 2023-01-16\..*\(Exchange guide, Location of the re-sit\)$/,
        ) as unknown,
      },
    });
    const dry = await value<RunResult>('iro', 'exchange:runRetention', {
      semester: '2022-fall',
      dryRun: true,
    });
    expect(dry).toMatchObject({ dryRun: true, runId: null, removed: 3, kept: 0, unchanged: 0 });
    const db = t.desk.database.db;
    expect(await db.selectFrom('exchangeRetentionRuns').select('id').execute()).toEqual([]);
    expect(
      await db.selectFrom('auditLog').select('id').where('action', 'like', '%etention%').execute(),
    ).toEqual([]);
    expect(await as('desk', 'exchange:runRetention', { semester: '2022-fall', dryRun: true })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
  });

  it('runs once: records each outcome, moves the UM account end, withdraws open re-sits, audits; a second run changes nothing', async () => {
    await value('iro', 'exchange:recordResitStay', {
      studentId: s.students.i6100001,
      requestedOn: '2023-01-16',
    });
    t.clock.set('2023-02-06T09:00:00.000Z');
    const run = await value<RunResult>('iro', 'exchange:runRetention', { semester: '2022-fall' });
    expect(run).toMatchObject({ dryRun: false, removed: 2, kept: 1, unchanged: 0 });
    const db = t.desk.database.db;
    expect(
      await db
        .selectFrom('exchangeRetentionOutcomes')
        .select([
          'studentId',
          'outcome',
          'effectiveOn',
          'umAccountEndsOnBefore',
          'umAccountEndsOnAfter',
          'withdrawnResitsJson',
        ])
        .orderBy('studentId')
        .execute(),
    ).toEqual([
      {
        studentId: s.students.i6100001,
        outcome: 'kept',
        effectiveOn: '2023-03-31',
        umAccountEndsOnBefore: '2023-04-04',
        umAccountEndsOnAfter: '2023-05-30',
        withdrawnResitsJson: '[]',
      },
      {
        studentId: s.students.i6100002,
        outcome: 'removed',
        effectiveOn: '2023-02-03',
        umAccountEndsOnBefore: '2023-04-04',
        umAccountEndsOnAfter: '2023-04-04',
        withdrawnResitsJson: '["EBC1001"]',
      },
      {
        studentId: s.students.i6100003,
        outcome: 'removed',
        effectiveOn: '2023-02-03',
        umAccountEndsOnBefore: '2023-04-04',
        umAccountEndsOnAfter: '2023-04-04',
        withdrawnResitsJson: '["EBC2001"]',
      },
    ]);
    const kept = await value<ExchangeFile>('desk', 'exchange:file', { studentId: s.students.i6100001 });
    expect(kept.stay.umAccountEndsOn).toBe('2023-05-30');
    const removed = await value<ExchangeFile>('desk', 'exchange:file', { studentId: s.students.i6100003 });
    expect(removed.attempts.find((a) => a.sitting === 'resit')?.status).toBe('deregistered');
    const audit = async () =>
      db
        .selectFrom('auditLog')
        .select(['action', 'entity'])
        .where('action', 'in', [
          'exchange.retentionRun',
          'exchange.removeFromRegistration',
          'exchange.keepForResits',
        ])
        .orderBy('id')
        .execute();
    expect(await audit()).toEqual([
      { action: 'exchange.keepForResits', entity: 'student' },
      { action: 'exchange.removeFromRegistration', entity: 'student' },
      { action: 'exchange.removeFromRegistration', entity: 'student' },
      { action: 'exchange.retentionRun', entity: 'exchange-retention-run' },
    ]);

    const again = await value<RunResult>('iro', 'exchange:runRetention', { semester: '2022-fall' });
    expect(again).toMatchObject({ removed: 0, kept: 0, unchanged: 3 });
    expect(await db.selectFrom('exchangeRetentionOutcomes').select('id').execute()).toHaveLength(3);
    expect((await audit()).map((a) => a.action).slice(4)).toEqual(['exchange.retentionRun']);
    const list = await worklist();
    expect(list.runs.map((r) => [r.removed, r.kept, r.unchanged])).toEqual([
      [0, 0, 3],
      [2, 1, 0],
    ]);
    expect(itemOf(list, 'i6100003')?.recorded).toMatchObject({ outcome: 'removed', decidedBy: 'Test iro' });
  });

  it('respects the outcome later: a removed student registers for nothing, a kept one only for re-sits; the overview shows the state', async () => {
    await value('iro', 'exchange:recordResitStay', {
      studentId: s.students.i6100001,
      requestedOn: '2023-01-16',
    });
    t.clock.set('2023-02-06T09:00:00.000Z');
    await value('iro', 'exchange:runRetention', { semester: '2022-fall' });
    expect(
      await as('iro', 'exchange:registerResit', {
        studentId: s.students.i6100003,
        courseId: s.courseIds.EBC2001,
      }),
    ).toMatchObject({
      ok: false,
      error: {
        kind: 'refused',
        message: expect.stringContaining(
          `removed from active registration on 2023-02-03 at the end of the fall semester and can no longer register for a re-sit`,
        ) as unknown,
      },
    });
    expect(
      await as('iro', 'exchange:registerCourse', {
        studentId: s.students.i6100001,
        courseId: s.courseIds.EBC2002,
      }),
    ).toMatchObject({
      ok: false,
      error: {
        kind: 'refused',
        message: expect.stringContaining(
          'kept in the system only for the period 2 re-sits (until 2023-03-31)',
        ) as unknown,
      },
    });
    // The kept student may step out of the re-sit and back in.
    await value('iro', 'exchange:deregisterResit', {
      studentId: s.students.i6100001,
      courseId: s.courseIds.EBC2001,
    });
    expect(
      (
        await as('iro', 'exchange:registerResit', {
          studentId: s.students.i6100001,
          courseId: s.courseIds.EBC2001,
        })
      ).ok,
    ).toBe(true);
    const overview = await value<{ items: { studentNumber: string; registration: unknown }[] }>(
      'desk',
      'exchange:overview',
      {},
    );
    expect(overview.items.map((i) => [i.studentNumber, i.registration])).toEqual([
      ['i6100001', { state: 'kept', on: '2023-03-31' }],
      ['i6100002', { state: 'removed', on: '2023-02-03' }],
      ['i6100003', { state: 'removed', on: '2023-02-03' }],
      ['i6100004', { state: 'active', on: null }],
      ['i6100005', { state: 'active', on: null }],
    ]);
    const standing = await value<ResitStanding>('desk', 'exchange:resitStanding', {
      studentId: s.students.i6100003,
    });
    expect(standing.registration).toMatchObject({
      state: 'removed',
      on: '2023-02-03',
      decidedBy: 'Test iro',
    });
    expect(standing.canRequest.reasons[0]?.text).toContain(
      'was removed from active registration on 2023-02-03',
    );
  });

  it('removes a kept student whose request is withdrawn on the next run, and one whose re-sits are over on their last day', async () => {
    await value('iro', 'exchange:recordResitStay', {
      studentId: s.students.i6100001,
      requestedOn: '2023-01-16',
    });
    await value('iro', 'exchange:recordResitStay', {
      studentId: s.students.i6100003,
      requestedOn: '2023-01-16',
    });
    t.clock.set('2023-02-06T09:00:00.000Z');
    expect(await value<RunResult>('iro', 'exchange:runRetention', { semester: '2022-fall' })).toMatchObject({
      kept: 2,
      removed: 1,
    });
    t.clock.set('2023-03-01T09:00:00.000Z');
    const withdrawn = await value<ResitStanding>('iro', 'exchange:withdrawResitStay', {
      studentId: s.students.i6100003,
      withdrawnOn: '2023-02-28',
    });
    expect(withdrawn.request).toMatchObject({ status: 'withdrawn', withdrawnOn: '2023-02-28' });
    const run = await value<RunResult>('iro', 'exchange:runRetention', { semester: '2022-fall' });
    expect(run).toMatchObject({ removed: 1, kept: 0, unchanged: 2 });
    expect(itemOf(run, 'i6100003')).toMatchObject({
      outcome: 'removed',
      effectiveOn: '2023-03-01',
      umAccountEndsOn: '2023-04-30',
      umAccountEndsOnBefore: '2023-05-30',
    });
    expect(itemOf(run, 'i6100003')?.reasons.map((r) => r.text)).toContain(
      'The request to stay was withdrawn on 2023-02-28.',
    );

    t.clock.set('2023-04-03T09:00:00.000Z');
    const after = await value<RunResult>('iro', 'exchange:runRetention', { semester: '2022-fall' });
    expect(itemOf(after, 'i6100001')).toMatchObject({
      outcome: 'removed',
      effectiveOn: '2023-03-31',
      change: 'remove',
    });
    expect(itemOf(after, 'i6100001')?.reasons[1]?.text).toBe(
      'The period 2 re-sits ended on 2023-03-31; the stay for them is over.',
    );
    expect(
      await as('iro', 'exchange:withdrawResitStay', {
        studentId: s.students.i6100002,
        withdrawnOn: '2023-04-03',
      }),
    ).toMatchObject({ ok: false, error: { kind: 'refused' } });
  });

  it('shows the plagiarism findings and the exclusion in the student’s standing', async () => {
    await value('iro', 'exchange:recordPlagiarism', {
      studentId: s.students.i6100003,
      period: 2,
      decidedOn: '2023-01-12',
      note: 'Essay copied',
    });
    const standing = await value<ResitStanding>('desk', 'exchange:resitStanding', {
      studentId: s.students.i6100003,
    });
    expect(standing.plagiarism).toMatchObject({
      findings: [
        {
          academicYear: '2022-23',
          period: 2,
          decidedOn: '2023-01-12',
          note: 'Essay copied',
          recordedBy: 'Test iro',
        },
      ],
      exclusion: { academicYear: '2022-23', period: 2, decidedOn: '2023-01-12' },
      rule: { article: 'Exchange guide, Plagiarism' },
    });
    const list = await worklist();
    expect(itemOf(list, 'i6100003')?.reasons.map((r) => r.article)).toContain('Exchange guide, Plagiarism');
  });
});
