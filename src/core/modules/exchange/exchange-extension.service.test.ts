import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as ProvisionsLoader from '../../provisions/load-provisions';
import { createTestDesk, type TestDesk } from '../../testing/test-desk';
import { addExchangeStudent, seedExchangeCatalogue } from './exchange-test-support';
import type * as GuideLoader from './load-exchange-guide';

/*
 * Extending a spring stay into the next fall (Exchange guide, Extending your stay at SBE) crosses into
 * the next academic year. The desk holds exchange facts and provisions for 2022-23 only, so these tests
 * give it a 2023-24 calendar: the 2022-23 one moved on by 52 weeks (weekdays kept), and the 2022-23
 * provisions filed under 2023-24 — Art 10.4 (no tuition fee for an exchange student) is the same.
 */

vi.mock('./load-exchange-guide', async (importOriginal) => {
  const actual = await importOriginal<typeof GuideLoader>();
  const shift = (value: unknown): unknown => {
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
      const day = new Date(`${value}T00:00:00Z`);
      day.setUTCDate(day.getUTCDate() + 364);
      return day.toISOString().slice(0, 10);
    }
    if (Array.isArray(value)) return value.map(shift);
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shift(v)]));
    return value;
  };
  const next = { ...(shift(actual.loadExchangeGuide('2022-23')) as object), academicYear: '2023-24' };
  return {
    ...actual,
    loadExchangeGuide: (year = '2022-23') => (year === '2023-24' ? next : actual.loadExchangeGuide(year)),
  };
});

vi.mock('../../provisions/load-provisions', async (importOriginal) => {
  const actual = await importOriginal<typeof ProvisionsLoader>();
  const next = { ...actual.loadProvisions('2022-23'), academicYear: '2023-24' };
  return {
    ...actual,
    loadProvisions: (year = '2022-23') => (year === '2023-24' ? next : actual.loadProvisions(year)),
  };
});

interface Decision {
  outcome: string;
  semesters: string[];
  nextYearEnrolment: {
    id: number | null;
    academicYear: string;
    startDate: string;
    feeCents: number;
    feeReasons: { article: string; text: string }[];
  } | null;
}

describe('extending a spring stay into the next fall (Exchange guide, Extending your stay at SBE)', () => {
  let t: TestDesk;
  let studentId: number;
  let courseId: number;
  const request = () => ({
    studentId,
    direction: 'spring-to-fall',
    requestedOn: '2023-05-30',
    homeUniversityPermits: true,
    iroPermits: true,
  });
  // A fresh session per call, so that moving the clock by months does not end it.
  const attempt = (name: string, input: unknown) =>
    t.desk.invoke(t.desk.sessions.start(t.staffIds.iro), name, input);
  const call = async <T = unknown>(name: string, input: unknown): Promise<T> => {
    const envelope = await attempt(name, input);
    if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
    return envelope.value as T;
  };
  const enrolmentsOf = () =>
    t.desk.database.db
      .selectFrom('enrolments')
      .select([
        'academicYear',
        'enrolmentKind',
        'programmeCode',
        'startDate',
        'status',
        'feeKind',
        'feeCents',
      ])
      .select('feeReasonsJson')
      .where('studentId', '=', studentId)
      .orderBy('academicYear')
      .execute();

  beforeEach(async () => {
    t = await createTestDesk();
    const at = '2022-12-01T08:00:00.000Z';
    t.clock.set('2022-12-01T09:00:00.000Z');
    const added = await addExchangeStudent(
      t,
      { studentNumber: 'i6100002', familyName: 'Novak', givenNames: 'Ana' },
      {
        startDate: '2023-02-06',
        feeFactsJson: JSON.stringify({
          enrolmentKind: 'exchange',
          programmeCode: null,
          nationalities: ['SI'],
        }),
        at,
      },
    );
    studentId = added.studentId;
    const courseIds = await seedExchangeCatalogue(t.desk.database.db, [{ code: 'EBC4001', period: 4 }], at);
    courseId = courseIds['EBC4001'] ?? 0;
    await call('exchange:recordStay', {
      enrolmentId: added.enrolmentId,
      homeUniversity: 'University of Ljubljana',
      homeCountry: 'SI',
      agreement: 'Erasmus+ SBE–Ljubljana 2021-2027',
      semesters: ['2023-spring'],
    });
    t.clock.set('2023-01-10T09:00:00.000Z');
    await call('exchange:registerCourse', { studentId, courseId });
    t.clock.set('2023-04-20T09:00:00.000Z');
    await call('exchange:recordResult', {
      studentId,
      courseId,
      sitting: 'first',
      grade: 7.5,
      gradedOn: '2023-04-14',
    });
    t.clock.set('2023-05-30T09:00:00.000Z');
  });
  afterEach(async () => {
    await t.close();
  });

  it('on approval creates the 2023-24 exchange enrolment with no tuition fee (Art 10.4), audited, in the same decision', async () => {
    const decision = await call<Decision>('exchange:decideExtension', request());
    expect(decision).toMatchObject({ outcome: 'approved', semesters: ['2023-spring', '2023-fall'] });
    expect(decision.nextYearEnrolment).toMatchObject({
      academicYear: '2023-24',
      startDate: '2023-09-04',
      feeCents: 0,
      feeReasons: [{ article: 'Art 10.4', text: expect.stringContaining('pays no tuition fee') as unknown }],
    });
    expect(decision.nextYearEnrolment?.id).toEqual(expect.any(Number));

    const rows = await enrolmentsOf();
    expect(rows.map(({ feeReasonsJson: _reasons, ...r }) => r)).toEqual([
      {
        academicYear: '2022-23',
        enrolmentKind: 'exchange',
        programmeCode: null,
        startDate: '2023-02-06',
        status: 'enrolled',
        feeKind: 'none',
        feeCents: 0,
      },
      {
        academicYear: '2023-24',
        enrolmentKind: 'exchange',
        programmeCode: null,
        startDate: '2023-09-04',
        status: 'enrolled',
        feeKind: 'none',
        feeCents: 0,
      },
    ]);
    const reasons = JSON.parse(rows[1]?.feeReasonsJson ?? '[]') as { article: string }[];
    expect(reasons.map((r) => r.article)).toEqual(['Art 10.4']);

    const audit = await t.desk.database.db
      .selectFrom('auditLog')
      .select(['action', 'entity', 'entityId', 'actorName'])
      .where('action', 'in', ['exchange.extendEnrolment', 'exchange.decideExtension'])
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      {
        action: 'exchange.extendEnrolment',
        entity: 'enrolment',
        entityId: String(decision.nextYearEnrolment?.id),
        actorName: 'Test iro',
      },
      {
        action: 'exchange.decideExtension',
        entity: 'enrolment',
        entityId: expect.any(String) as unknown,
        actorName: 'Test iro',
      },
    ]);
    const reason = await t.desk.database.db
      .selectFrom('auditLog')
      .select(['reason', 'afterJson'])
      .where('action', '=', 'exchange.extendEnrolment')
      .executeTakeFirstOrThrow();
    expect(reason.reason).toContain('(Art 10.4)');
    expect(JSON.parse(reason.afterJson ?? '{}')).toMatchObject({
      academicYear: '2023-24',
      enrolmentKind: 'exchange',
      feeCents: 0,
    });
    const file = await call<{ stay: { semesters: string[]; endsOn: string } }>('exchange:file', {
      studentId,
    });
    expect(file.stay.semesters).toEqual(['2023-spring', '2023-fall']);
  });

  it('shows the enrolment it would create on a dry run without creating it', async () => {
    const decision = await call<Decision>('exchange:decideExtension', {
      ...request(),
      dryRun: true,
    });
    expect(decision.outcome).toBe('approved');
    expect(decision.nextYearEnrolment).toMatchObject({ id: null, academicYear: '2023-24', feeCents: 0 });
    expect((await enrolmentsOf()).map((r) => r.academicYear)).toEqual(['2022-23']);
  });

  it('creates no enrolment when the request is refused', async () => {
    const decision = await call<Decision>('exchange:decideExtension', {
      ...request(),
      homeUniversityPermits: false,
    });
    expect(decision).toMatchObject({
      outcome: 'refused',
      semesters: ['2023-spring'],
      nextYearEnrolment: null,
    });
    expect((await enrolmentsOf()).map((r) => r.academicYear)).toEqual(['2022-23']);
  });

  it('refuses, changing nothing, when the student already has an enrolment for the next year', async () => {
    const at = '2023-05-01T08:00:00.000Z';
    await t.desk.database.db
      .insertInto('enrolments')
      .values({
        studentId,
        academicYear: '2023-24',
        programmeCode: 'b-ibe',
        enrolmentKind: 'regular',
        mode: 'full-time',
        startDate: '2023-09-01',
        status: 'applied',
        feeFactsJson: '{}',
        feeKind: 'statutory',
        feeCents: 0,
        feeReasonsJson: '[]',
        createdAt: at,
        updatedAt: at,
        updatedBy: 'seed',
      })
      .execute();
    expect(await attempt('exchange:decideExtension', request())).toMatchObject({
      ok: false,
      error: {
        kind: 'refused',
        message: expect.stringContaining('already has a regular enrolment for 2023-24') as unknown,
      },
    });
    expect(await t.desk.database.db.selectFrom('exchangeExtensions').selectAll().execute()).toEqual([]);
    const file = await call<{ stay: { semesters: string[] } }>('exchange:file', { studentId });
    expect(file.stay.semesters).toEqual(['2023-spring']);
  });
});
