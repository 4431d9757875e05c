import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArrearsWorklistRow, EnrolmentView, StudentFeeFile } from '../../../shared/api/ledger.contract';
import { loadProvisions } from '../../provisions/load-provisions';
import { createTestDesk, type TestDesk } from '../../testing/test-desk';

let t: TestDesk;
let studentId: number;
let enrolment: EnrolmentView;

const chargePerInstalment = loadProvisions().fees.arrearsAdministrationChargeCents;

beforeEach(async () => {
  t = await createTestDesk();
  const at = '2022-08-01T08:00:00.000Z';
  const row = await t.desk.database.db
    .insertInto('students')
    .values({
      studentNumber: 'i6123456',
      familyName: 'Müller',
      givenNames: 'Anna',
      email: null,
      createdAt: at,
      updatedAt: at,
      updatedBy: 'seed',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  studentId = row.id;
  enrolment = await t.call<EnrolmentView>('desk', 'ledger:enrol', {
    studentId,
    facts: {
      programmeCode: 'b-econometrics-and-operations-research',
      nationalities: ['DE'],
      startDate: '2022-09-01',
    },
  });
  await t.call('desk', 'ledger:recordPayment', {
    studentId,
    enrolmentId: enrolment.id,
    amountCents: 110500,
    paidOn: '2022-08-30',
  });
  for (const reversedOn of ['2022-10-03', '2022-11-02']) {
    await t.call('desk', 'ledger:recordReversal', {
      studentId,
      enrolmentId: enrolment.id,
      amountCents: 13813,
      reversedOn,
    });
  }
});
afterEach(async () => {
  await t.close();
});

const worklist = (today = '2022-11-10') =>
  t.call<ArrearsWorklistRow[]>('iro', 'ledger:arrearsWorklist', { today });

describe('the arrears worklist (Art 32, 35)', () => {
  it('lists a student with a reversed direct debit with the first step due and its article', async () => {
    const rows = await worklist();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      studentId,
      studentNumber: 'i6123456',
      name: 'Anna Müller',
      outstandingCents: 2 * 13813,
      arisenOn: '2022-10-03',
      nextAction: { id: 'block-facilities', step: 'facilitiesBlockedOn' },
      dueOn: '2022-10-03',
      isDue: true,
      reasons: [{ article: 'Art 32.2' }],
    });
    const [before] = await worklist('2022-10-01');
    expect(before?.isDue).toBe(false);
  });

  it('advances through the steps in order and books the administration charge on blocking', async () => {
    const blocked = await t.call<ArrearsWorklistRow>('desk', 'ledger:recordArrearsStep', {
      studentId,
      step: 'facilitiesBlockedOn',
      takenOn: '2022-11-10',
    });
    expect(chargePerInstalment.amountCents).toBe(1950);
    const charge = chargePerInstalment.amountCents * 2;
    expect(blocked).toMatchObject({
      nextAction: { id: 'send-reversal-reminder', step: 'reversalReminderSentOn' },
      dueOn: '2022-11-10',
      outstandingCents: 2 * 13813 + charge,
    });
    const file = await t.call<StudentFeeFile>('desk', 'ledger:studentFile', { studentId });
    expect(file.ledger.at(-1)).toMatchObject({
      entryKind: 'administration-charge',
      amountCents: charge,
      bookedOn: '2022-11-10',
      reasons: [expect.objectContaining({ article: chargePerInstalment.article })],
    });

    const reminded = await t.call<ArrearsWorklistRow>('admin', 'ledger:recordArrearsStep', {
      studentId,
      step: 'reversalReminderSentOn',
      takenOn: '2022-11-10',
    });
    expect(reminded).toMatchObject({
      nextAction: { id: 'terminate-enrolment', step: 'terminationDecidedOn' },
      dueOn: '2022-11-25',
      isDue: false,
    });
    expect(reminded.reasons.map((r) => r.article)).toEqual(['Art 35']);

    const audit = await t.desk.database.db
      .selectFrom('auditLog')
      .select('action')
      .where('action', '=', 'arrears.step')
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('refuses a step out of order, naming the next step and its article', async () => {
    const envelope = await t.attempt('desk', 'ledger:recordArrearsStep', {
      studentId,
      step: 'reversalReminderSentOn',
      takenOn: '2022-11-10',
    });
    expect(envelope).toMatchObject({ ok: false, error: { kind: 'refused' } });
    expect(JSON.stringify(envelope)).toContain('blocking the facilities');
    expect(JSON.stringify(envelope)).toContain('Art 32.2');
    await t.call('desk', 'ledger:recordArrearsStep', {
      studentId,
      step: 'facilitiesBlockedOn',
      takenOn: '2022-11-10',
    });
    const early = await t.attempt('desk', 'ledger:recordArrearsStep', {
      studentId,
      step: 'facilitiesBlockedOn',
      takenOn: '2022-11-11',
    });
    expect(early).toMatchObject({ ok: false, error: { kind: 'refused' } });
  });

  it('drops a student who paid everything from the list', async () => {
    await t.call('desk', 'ledger:recordArrearsStep', {
      studentId,
      step: 'facilitiesBlockedOn',
      takenOn: '2022-11-10',
    });
    const file = await t.call<StudentFeeFile>('desk', 'ledger:studentFile', { studentId });
    await t.call('desk', 'ledger:recordPayment', {
      studentId,
      amountCents: file.balanceCents,
      paidOn: '2022-11-10',
    });
    expect(await worklist()).toEqual([]);
  });

  it('refuses a step before the day it may be taken, naming that day and the article', async () => {
    const envelope = await t.attempt('desk', 'ledger:recordArrearsStep', {
      studentId,
      step: 'facilitiesBlockedOn',
      takenOn: '2022-10-01',
    });
    expect(envelope).toMatchObject({
      ok: false,
      error: {
        kind: 'refused',
        field: 'takenOn',
        message: expect.stringMatching(/from 2022-10-03 \(Art 32\.2\)/) as unknown,
      },
    });
  });

  it('refuses a step for a student who is not in arrears, and changes nothing', async () => {
    const file = await t.call<StudentFeeFile>('desk', 'ledger:studentFile', { studentId });
    await t.call('desk', 'ledger:recordPayment', {
      studentId,
      amountCents: file.balanceCents,
      paidOn: '2022-11-10',
    });
    const envelope = await t.attempt('desk', 'ledger:recordArrearsStep', {
      studentId,
      step: 'facilitiesBlockedOn',
      takenOn: '2022-11-10',
    });
    expect(envelope).toMatchObject({
      ok: false,
      error: { kind: 'refused', message: expect.stringContaining('is not in arrears') as unknown },
    });
    const after = await t.call<StudentFeeFile>('desk', 'ledger:studentFile', { studentId });
    expect(after.ledger).toHaveLength(file.ledger.length + 1);
  });

  it('refuses the arrears steps to roles other than desk and admin', async () => {
    const envelope = await t.attempt('iro', 'ledger:recordArrearsStep', {
      studentId,
      step: 'facilitiesBlockedOn',
      takenOn: '2022-11-10',
    });
    expect(envelope).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });
});
