import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EnrolmentView, StudentFeeFile } from '../../../shared/api/ledger.contract';
import { createTestDesk, type TestDesk } from '../../testing/test-desk';

let t: TestDesk;
let studentId: number;

const firstYearEuBachelor = {
  programmeCode: 'b-econometrics-and-operations-research',
  nationalities: ['DE'],
  startDate: '2022-09-01',
};

beforeEach(async () => {
  t = await createTestDesk();
  studentId = await t.addStudent({ studentNumber: 'i6123456', familyName: 'Müller', givenNames: 'Anna' });
});
afterEach(async () => {
  await t.close();
});

describe("a student's enrolments, fees and ledger", () => {
  it('enrols with the fee assessed from the facts and books the charge with its articles (Art 17.1)', async () => {
    const enrolment = await t.call<EnrolmentView>('desk', 'ledger:enrol', {
      studentId,
      facts: firstYearEuBachelor,
    });
    expect(enrolment).toMatchObject({
      programmeName: 'B Econometrics and Operations Research',
      status: 'enrolled',
      fee: { kind: 'low-statutory', amountCents: 110500 },
    });
    expect(enrolment.fee.reasons.map((r) => r.article)).toContain('Art 17.1');
    const file = await t.call<StudentFeeFile>('iro', 'ledger:studentFile', { studentId });
    expect(file.balanceCents).toBe(110500);
    expect(file.ledger).toEqual([
      expect.objectContaining({
        entryKind: 'charge',
        amountCents: 110500,
        description: 'Low statutory tuition fee 2022-23, B Econometrics and Operations Research',
      }),
    ]);
  });

  it('books payments and reversed direct debits, and keeps the balance', async () => {
    const enrolment = await t.call<EnrolmentView>('desk', 'ledger:enrol', {
      studentId,
      facts: firstYearEuBachelor,
    });
    await t.call('desk', 'ledger:recordPayment', {
      studentId,
      enrolmentId: enrolment.id,
      amountCents: 110500,
      paidOn: '2022-08-30',
    });
    expect((await t.call<StudentFeeFile>('desk', 'ledger:studentFile', { studentId })).balanceCents).toBe(0);
    const reversal = await t.call<{ reasons: { article: string }[] }>('desk', 'ledger:recordReversal', {
      studentId,
      enrolmentId: enrolment.id,
      amountCents: 13813,
      reversedOn: '2022-10-03',
    });
    expect(reversal.reasons.map((r) => r.article)).toEqual(['Art 32.2']);
    expect((await t.call<StudentFeeFile>('desk', 'ledger:studentFile', { studentId })).balanceCents).toBe(
      13813,
    );
  });

  it('assesses again when the facts change and books the undercharge, due at once (Art 31.2)', async () => {
    const enrolment = await t.call<EnrolmentView>('desk', 'ledger:enrol', {
      studentId,
      facts: firstYearEuBachelor,
    });
    const result = await t.call<{
      enrolment: EnrolmentView;
      differenceCents: number;
      dueImmediatelyCents: number;
      reasons: { article: string }[];
    }>('ssc', 'ledger:reassess', {
      enrolmentId: enrolment.id,
      version: enrolment.version,
      facts: { ...firstYearEuBachelor, rodHo: { firstEnrolment: { startedOn: '2020-09-01' } } },
      reason: 'ROD HO shows an earlier Dutch enrolment',
    });
    expect(result.enrolment.fee).toMatchObject({ kind: 'statutory', amountCents: 220900 });
    expect(result.differenceCents).toBe(110400);
    expect(result.dueImmediatelyCents).toBe(110400);
    expect(result.reasons.map((r) => r.article)).toContain('Art 31.2');
    const file = await t.call<StudentFeeFile>('desk', 'ledger:studentFile', { studentId });
    expect(file.balanceCents).toBe(220900);
    expect(file.ledger.at(-1)).toMatchObject({ entryKind: 'adjustment', amountCents: 110400 });
    expect(file.ledger.at(-1)?.description).toContain('ROD HO shows an earlier Dutch enrolment');
  });

  it('refunds an overpayment after a lower assessment (Art 31.3)', async () => {
    const facts = { ...firstYearEuBachelor, rodHo: { firstEnrolment: { startedOn: '2020-09-01' } } };
    const enrolment = await t.call<EnrolmentView>('desk', 'ledger:enrol', { studentId, facts });
    await t.call('desk', 'ledger:recordPayment', {
      studentId,
      enrolmentId: enrolment.id,
      amountCents: 220900,
      paidOn: '2022-08-30',
    });
    const result = await t.call<{
      differenceCents: number;
      refundCents: number;
      reasons: { article: string }[];
    }>('desk', 'ledger:reassess', {
      enrolmentId: enrolment.id,
      version: enrolment.version,
      facts: firstYearEuBachelor,
      reason: 'ROD HO record was of another person',
    });
    expect(result).toMatchObject({ differenceCents: -110400, refundCents: 110400 });
    expect(result.reasons.map((r) => r.article)).toContain('Art 31.3');
  });

  it('refuses a reassessment against a stale version, and one without a reason', async () => {
    const enrolment = await t.call<EnrolmentView>('desk', 'ledger:enrol', {
      studentId,
      facts: firstYearEuBachelor,
    });
    await t.call('desk', 'ledger:reassess', {
      enrolmentId: enrolment.id,
      version: 1,
      facts: { ...firstYearEuBachelor, mode: 'full-time' },
      reason: 'checked',
    });
    expect(
      await t.attempt('admin', 'ledger:reassess', {
        enrolmentId: enrolment.id,
        version: 1,
        facts: firstYearEuBachelor,
        reason: 'again',
      }),
    ).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect(
      await t.attempt('admin', 'ledger:reassess', {
        enrolmentId: enrolment.id,
        version: 2,
        facts: firstYearEuBachelor,
        reason: '',
      }),
    ).toMatchObject({ ok: false, error: { kind: 'validation', field: 'reason' } });
  });

  it('refuses facts the provisions do not allow, and changes nothing', async () => {
    const envelope = await t.attempt('desk', 'ledger:enrol', {
      studentId,
      facts: { ...firstYearEuBachelor, programmeCode: 'b-astrology' },
    });
    expect(envelope).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect((await t.call<StudentFeeFile>('desk', 'ledger:studentFile', { studentId })).enrolments).toEqual(
      [],
    );
  });

  it('refuses a payment for another student’s enrolment and a non-positive amount', async () => {
    const enrolment = await t.call<EnrolmentView>('desk', 'ledger:enrol', {
      studentId,
      facts: firstYearEuBachelor,
    });
    const other = await t.desk.database.db
      .insertInto('students')
      .values({
        studentNumber: 'i6999999',
        familyName: 'Nowak',
        givenNames: 'Zofia',
        email: null,
        createdAt: 'x',
        updatedAt: 'x',
        updatedBy: 'seed',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(
      await t.attempt('desk', 'ledger:recordPayment', {
        studentId: other.id,
        enrolmentId: enrolment.id,
        amountCents: 100,
        paidOn: '2022-09-01',
      }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'validation', field: 'enrolmentId' },
    });
    expect(
      await t.attempt('desk', 'ledger:recordPayment', { studentId, amountCents: 0, paidOn: '2022-09-01' }),
    ).toMatchObject({ ok: false, error: { kind: 'validation', field: 'amountCents' } });
    expect(
      await t.attempt('desk', 'ledger:recordPayment', { studentId, amountCents: 100, paidOn: '2022-02-30' }),
    ).toMatchObject({ ok: false, error: { kind: 'validation', field: 'paidOn' } });
  });

  it('keeps the ledger append-only: the database refuses to rewrite an entry', async () => {
    await t.call('desk', 'ledger:enrol', { studentId, facts: firstYearEuBachelor });
    await expect(sql`update ledger_entries set amount_cents = 0`.execute(t.desk.database.db)).rejects.toThrow(
      /book a correcting entry/,
    );
    await expect(sql`delete from ledger_entries`.execute(t.desk.database.db)).rejects.toThrow(
      /book a correcting entry/,
    );
  });

  it('audits enrolment, reassessment and payment with who and why', async () => {
    const enrolment = await t.call<EnrolmentView>('desk', 'ledger:enrol', {
      studentId,
      facts: firstYearEuBachelor,
    });
    await t.call('ssc', 'ledger:reassess', {
      enrolmentId: enrolment.id,
      version: 1,
      facts: { ...firstYearEuBachelor, isBoardPositionExemptionGranted: true },
      reason: 'Board position granted',
    });
    await t.call('desk', 'ledger:recordPayment', { studentId, amountCents: 5000, paidOn: '2022-09-10' });
    const audit = await t.call<{ rows: { action: string; actorName: string; reason: string | null }[] }>(
      'admin',
      'audit:list',
      { entityId: 'i6123456' },
    );
    expect(audit.rows.map((r) => [r.action, r.actorName])).toEqual([
      ['ledger.payment', 'Test desk'],
      ['enrolment.reassess', 'Test ssc'],
      ['enrolment.create', 'Test desk'],
    ]);
    expect(audit.rows[1]?.reason).toBe('Board position granted');
  });
});

describe('ending an enrolment at the student’s request', () => {
  const institutional = {
    programmeCode: 'b-econometrics-and-operations-research',
    nationalities: ['US'],
    startDate: '2022-09-01',
    residencePermit: { purpose: 'study' },
  };

  it('calculates the refund in a dry run without changing anything: €9,200 paid, request in January → €5,366.67 (Art 34)', async () => {
    const enrolment = await t.call<EnrolmentView>('desk', 'ledger:enrol', {
      studentId,
      facts: institutional,
    });
    expect(enrolment.fee).toMatchObject({ kind: 'institutional', amountCents: 920000 });
    await t.call('desk', 'ledger:recordPayment', {
      studentId,
      enrolmentId: enrolment.id,
      amountCents: 920000,
      paidOn: '2022-08-20',
    });
    const dry = await t.call<{
      refund: {
        effectiveDate: string;
        refundCents: number;
        netRefundCents: number;
        reasons: { article: string }[];
      };
    }>('desk', 'ledger:terminate', {
      enrolmentId: enrolment.id,
      version: enrolment.version,
      requestDate: '2023-01-16',
      dryRun: true,
    });
    expect(dry.refund).toMatchObject({
      effectiveDate: '2023-02-01',
      refundCents: 536667,
      netRefundCents: 536667,
    });
    expect(dry.refund.reasons.map((r) => r.article)).toContain('Art 33.2');
    const file = await t.call<StudentFeeFile>('desk', 'ledger:studentFile', { studentId });
    expect(file.enrolments[0]?.status).toBe('enrolled');
    expect(file.ledger).toHaveLength(2);
  });

  it('terminates and books the credit and the refund; the ledger balances to zero', async () => {
    const enrolment = await t.call<EnrolmentView>('desk', 'ledger:enrol', {
      studentId,
      facts: institutional,
    });
    await t.call('desk', 'ledger:recordPayment', {
      studentId,
      enrolmentId: enrolment.id,
      amountCents: 920000,
      paidOn: '2022-08-20',
    });
    const done = await t.call<{ enrolment: EnrolmentView }>('desk', 'ledger:terminate', {
      enrolmentId: enrolment.id,
      version: enrolment.version,
      requestDate: '2023-01-16',
      dryRun: false,
    });
    expect(done.enrolment.status).toBe('terminated');
    const file = await t.call<StudentFeeFile>('desk', 'ledger:studentFile', { studentId });
    expect(file.ledger.slice(-2).map((e) => [e.entryKind, e.amountCents, e.bookedOn])).toEqual([
      ['adjustment', -536667, '2023-02-01'],
      ['refund', 536667, '2023-02-01'],
    ]);
    expect(file.balanceCents).toBe(0);
    expect(
      await t.attempt('desk', 'ledger:terminate', {
        enrolmentId: enrolment.id,
        version: done.enrolment.version,
        requestDate: '2023-02-16',
        dryRun: false,
      }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'refused', message: 'This enrolment is already terminated.' },
    });
  });

  it('deducts other debts before paying out (Art 34.5)', async () => {
    const enrolment = await t.call<EnrolmentView>('desk', 'ledger:enrol', {
      studentId,
      facts: institutional,
    });
    await t.call('desk', 'ledger:recordPayment', {
      studentId,
      enrolmentId: enrolment.id,
      amountCents: 920000,
      paidOn: '2022-08-20',
    });
    await t.call('desk', 'ledger:recordReversal', {
      studentId,
      amountCents: 10000,
      reversedOn: '2022-12-01',
    });
    const dry = await t.call<{
      refund: { netRefundCents: number; deductions: { article: string; amountCents: number }[] };
    }>('desk', 'ledger:terminate', {
      enrolmentId: enrolment.id,
      version: enrolment.version,
      requestDate: '2023-01-16',
      dryRun: true,
    });
    expect(dry.refund.deductions).toEqual([
      expect.objectContaining({ article: 'Art 34.5', amountCents: 10000 }),
    ]);
    expect(dry.refund.netRefundCents).toBe(526667);
  });

  it('refuses to terminate when the termination would not take effect (July or August: no refund, enrolment ends by law)', async () => {
    const enrolment = await t.call<EnrolmentView>('desk', 'ledger:enrol', {
      studentId,
      facts: institutional,
    });
    const july = await t.call<{ refund: { refundCents: number; effectiveDate: string } }>(
      'desk',
      'ledger:terminate',
      { enrolmentId: enrolment.id, version: 1, requestDate: '2023-06-20', dryRun: true },
    );
    expect(july.refund).toMatchObject({ effectiveDate: '2023-07-01', refundCents: 0 });
    const august = await t.attempt('desk', 'ledger:terminate', {
      enrolmentId: enrolment.id,
      version: 1,
      requestDate: '2023-08-10',
      dryRun: false,
    });
    expect(august).toMatchObject({ ok: false, error: { kind: 'refused' } });
    if (!august.ok) expect(august.error.message).toContain('Art 33.1');
  });

  it('needs the remaining ECTS for a pre-master’s study fee (Art 34.3)', async () => {
    const enrolment = await t.call<EnrolmentView>('desk', 'ledger:enrol', {
      studentId,
      facts: { programmeCode: 'pm-european-studies', nationalities: ['NL'], preMaster: { ects: 60 } },
    });
    expect(
      await t.attempt('desk', 'ledger:terminate', {
        enrolmentId: enrolment.id,
        version: 1,
        requestDate: '2023-01-16',
        dryRun: true,
      }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'validation', field: 'remainingEcts' },
    });
  });
});
