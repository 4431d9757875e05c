import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArrearsWorklistRow, EnrolmentView, StudentFeeFile } from '../../../shared/api/ledger.contract';
import { loadProvisions } from '../../provisions/load-provisions';
import { enrolPaidThenReversed } from './arrears-test-support';
import { createTestDesk, type TestDesk } from '../../testing/test-desk';

let t: TestDesk;
let studentId: number;

const chargePerInstalment = loadProvisions().fees.arrearsAdministrationChargeCents;

beforeEach(async () => {
  t = await createTestDesk();
  studentId = await t.addStudent({ studentNumber: 'i6123456', familyName: 'Müller', givenNames: 'Anna' });
  await enrolPaidThenReversed(t, studentId, 'DE', 13813);
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

describe('arrears from a missed instalment (Art 32.1)', () => {
  const debitDates = [
    '2022-09-26',
    '2022-10-26',
    '2022-11-28',
    '2022-12-27',
    '2023-01-26',
    '2023-02-27',
    '2023-03-27',
    '2023-04-26',
  ];
  let payerId: number;

  beforeEach(async () => {
    payerId = await t.addStudent({ studentNumber: 'i6200001', familyName: 'Nowak', givenNames: 'Zofia' });
    const own = await t.call<EnrolmentView>('desk', 'ledger:enrol', {
      studentId: payerId,
      facts: {
        programmeCode: 'b-econometrics-and-operations-research',
        nationalities: ['PL'],
        startDate: '2022-09-01',
      },
    });
    await t.call('desk', 'payments:arrange', {
      enrolmentId: own.id,
      method: 'direct-debit-instalments',
      mandate: { iban: 'NL91ABNA0417164300', accountHolder: 'Z. Nowak', signedOn: '2022-08-20' },
      debitDates,
    });
    // The first instalment (fee part plus the one-off charge of Art 31.10) is collected; the second is not.
    await t.call('desk', 'ledger:recordPayment', {
      studentId: payerId,
      enrolmentId: own.id,
      amountCents: 13813 + loadProvisions().fees.instalmentAdministrationChargeCents.amountCents,
      paidOn: '2022-09-26',
    });
  });

  const rowOf = async (today: string) => (await worklist(today)).find((r) => r.studentId === payerId);

  it('is not on the worklist before an instalment is missed', async () => {
    expect(await rowOf('2022-10-26')).toBeUndefined();
  });

  it('starts with the first reminder the day after the missed debit date, then blocks and charges per unpaid instalment', async () => {
    const row = await rowOf('2022-10-30');
    expect(row).toMatchObject({
      arisenOn: '2022-10-27',
      nextAction: { id: 'send-first-reminder', step: 'firstReminderSentOn' },
      dueOn: '2022-10-27',
      isDue: true,
      reasons: [{ article: 'Art 32.1a' }],
    });
    expect(row?.reasons[0]?.text).toContain('€138.13');
    await t.call('desk', 'ledger:recordArrearsStep', {
      studentId: payerId,
      step: 'firstReminderSentOn',
      takenOn: '2022-10-30',
    });
    const blocking = await rowOf('2022-11-14');
    expect(blocking).toMatchObject({
      nextAction: { id: 'block-facilities-and-add-administration-fee' },
      dueOn: '2022-11-14',
    });
    await t.call('desk', 'ledger:recordArrearsStep', {
      studentId: payerId,
      step: 'facilitiesBlockedOn',
      takenOn: '2022-11-14',
    });
    const file = await t.call<StudentFeeFile>('desk', 'ledger:studentFile', { studentId: payerId });
    expect(file.ledger.filter((e) => e.description.startsWith('Administration charge for arrears'))).toEqual([
      expect.objectContaining({ amountCents: chargePerInstalment.amountCents }),
    ]);
  });
});

describe('re-enrolment while in arrears (Art 3.5)', () => {
  const enrolAgain = (who = studentId) =>
    t.attempt('desk', 'ledger:enrol', {
      studentId: who,
      facts: {
        programmeCode: 'b-econometrics-and-operations-research',
        nationalities: ['DE'],
        startDate: '2023-02-01',
      },
    });

  it('is refused while an arrears case is open, naming the amount and the article, and nothing is booked', async () => {
    const before = await t.call<StudentFeeFile>('desk', 'ledger:studentFile', { studentId });
    expect(await enrolAgain()).toMatchObject({
      ok: false,
      error: {
        kind: 'refused',
        message: expect.stringMatching(
          /Anna Müller is in arrears since 2022-10-03 .*\(Art 3\.5\)/,
        ) as unknown,
      },
    });
    const after = await t.call<StudentFeeFile>('desk', 'ledger:studentFile', { studentId });
    expect(after.enrolments).toHaveLength(before.enrolments.length);
    expect(after.ledger).toHaveLength(before.ledger.length);
  });

  it('is refused while fees of an earlier academic year are unpaid', async () => {
    // A student without reversals: only the unpaid fee of 2021/22 stands in the way.
    const other = await t.desk.database.db
      .insertInto('students')
      .values({
        studentNumber: 'i6300001',
        familyName: 'Rossi',
        givenNames: 'Giulia',
        email: null,
        createdAt: '2021-08-01T08:00:00.000Z',
        updatedAt: '2021-08-01T08:00:00.000Z',
        updatedBy: 'seed',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const at = '2021-09-01T08:00:00.000Z';
    const earlier = await t.desk.database.db
      .insertInto('enrolments')
      .values({
        studentId: other.id,
        academicYear: '2021-22',
        programmeCode: 'b-econometrics-and-operations-research',
        enrolmentKind: 'regular',
        mode: 'full-time',
        startDate: '2021-09-01',
        status: 'enrolled',
        feeFactsJson: '{}',
        feeKind: 'statutory',
        feeCents: 208400,
        feeReasonsJson: '[]',
        createdAt: at,
        updatedAt: at,
        updatedBy: 'seed',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.desk.database.db
      .insertInto('ledgerEntries')
      .values({
        studentId: other.id,
        enrolmentId: earlier.id,
        entryKind: 'charge',
        amountCents: 208400,
        bookedOn: '2021-09-01',
        description: 'Statutory tuition fee 2021-22',
        reasonsJson: null,
        createdAt: at,
        createdBy: 'seed',
      })
      .execute();
    expect(await enrolAgain(other.id)).toMatchObject({
      ok: false,
      error: {
        kind: 'refused',
        message: expect.stringMatching(/earlier academic year are unpaid.*\(Art 3\.5\)/) as unknown,
      },
    });
  });

  it('is allowed again once everything is paid', async () => {
    const file = await t.call<StudentFeeFile>('desk', 'ledger:studentFile', { studentId });
    await t.call('desk', 'ledger:recordPayment', {
      studentId,
      amountCents: file.balanceCents,
      paidOn: '2022-11-10',
    });
    expect(await enrolAgain()).toMatchObject({ ok: true });
  });
});
