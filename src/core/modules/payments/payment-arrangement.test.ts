import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallOutput } from '../../../shared/api';
import type { EnrolmentView, StudentFeeFile } from '../../../shared/api/ledger.contract';
import type { PaymentArrangement } from '../../../shared/api/payments.contract';
import type { FeeFactsInput } from '../../../shared/facts/fee-facts';
import { loadProvisions } from '../../provisions/load-provisions';
import { paymentArrangementOf } from './payment-arrangement.service';
import { createTestDesk, type TestDesk } from '../../testing/test-desk';

let t: TestDesk;
let studentId: number;

const provisions = loadProvisions();
const instalmentCharge = provisions.fees.instalmentAdministrationChargeCents;
const validIban = 'NL91 ABNA 0417 1643 00';
/** Debit dates as the UM website would publish them for a September intake: eight, in order. */
const septemberDebitDates = [
  '2022-09-26',
  '2022-10-26',
  '2022-11-28',
  '2022-12-27',
  '2023-01-26',
  '2023-02-27',
  '2023-03-27',
  '2023-04-26',
];
const mandate = { iban: validIban, accountHolder: 'A. Müller', signedOn: '2022-08-20' };

beforeEach(async () => {
  t = await createTestDesk();
  studentId = await t.addStudent({ studentNumber: 'i6234567', familyName: 'Müller', givenNames: 'Anna' });
});
afterEach(async () => {
  await t.close();
});

const enrol = (facts: Partial<FeeFactsInput> = {}) =>
  t.call<EnrolmentView>('desk', 'ledger:enrol', {
    studentId,
    facts: {
      programmeCode: 'b-econometrics-and-operations-research',
      nationalities: ['DE'],
      startDate: '2022-09-01',
      ...facts,
    },
  });

const arrangementOf = (enrolmentId: number) =>
  t.call<CallOutput<'payments:arrangement'>>('iro', 'payments:arrangement', { enrolmentId });

describe('the ways of paying open to an enrolment (Art 31.4–31.7)', () => {
  it('opens all three to an EU student starting on 1 September, instalments with their count', async () => {
    const enrolment = await enrol();
    const { arrangement, options } = await arrangementOf(enrolment.id);
    expect(arrangement).toBeNull();
    expect(options.map((o) => [o.method, o.allowed, o.instalmentCount])).toEqual([
      ['lump-sum-transfer', true, null],
      ['lump-sum-direct-debit', true, null],
      ['direct-debit-instalments', true, 8],
    ]);
    expect(options[2]?.reasons.map((r) => r.article)).toEqual(['Art 31.4c']);
  });

  it('refuses instalments when UM applies for the study residence permit, naming Art 31.6', async () => {
    const enrolment = await enrol({ nationalities: ['US'], residencePermit: { purpose: 'study' } });
    const { options } = await arrangementOf(enrolment.id);
    expect(options.find((o) => o.method === 'direct-debit-instalments')).toMatchObject({
      allowed: false,
      reasons: [{ article: 'Art 31.6' }],
    });
    const envelope = await t.attempt('desk', 'payments:arrange', {
      enrolmentId: enrolment.id,
      method: 'direct-debit-instalments',
      mandate,
      debitDates: septemberDebitDates,
    });
    expect(envelope).toMatchObject({
      ok: false,
      error: { kind: 'refused', field: 'method', message: expect.stringContaining('(Art 31.6)') as unknown },
    });
  });
});

describe('recording how an enrolment is paid', () => {
  it('records a lump-sum transfer without a mandate, with its article and an audit row', async () => {
    const enrolment = await enrol();
    const arrangement = await t.call<PaymentArrangement>('desk', 'payments:arrange', {
      enrolmentId: enrolment.id,
      method: 'lump-sum-transfer',
    });
    expect(arrangement).toMatchObject({
      method: 'lump-sum-transfer',
      methodLabel: 'Bank transfer, one payment (Art 31.4a)',
      mandate: null,
      instalments: [],
      totalCents: 110500,
      reasons: [{ article: 'Art 31.4a' }],
      version: 1,
    });
    const audit = await t.desk.database.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'payment-arrangement.create')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.entityId).toBe('i6234567');
  });

  it('asks for the SEPA mandate of a direct debit and refuses an IBAN that fails its check', async () => {
    const enrolment = await enrol();
    expect(
      await t.attempt('desk', 'payments:arrange', {
        enrolmentId: enrolment.id,
        method: 'lump-sum-direct-debit',
      }),
    ).toMatchObject({ ok: false, error: { kind: 'validation', field: 'mandate' } });
    const wrongDigit = await t.attempt('desk', 'payments:arrange', {
      enrolmentId: enrolment.id,
      method: 'lump-sum-direct-debit',
      mandate: { ...mandate, iban: 'NL91 ABNA 0417 1643 01' },
    });
    expect(wrongDigit).toMatchObject({
      ok: false,
      error: {
        kind: 'validation',
        field: 'mandate.iban',
        message: expect.stringContaining('Art 31.4') as unknown,
      },
    });
    expect((await arrangementOf(enrolment.id)).arrangement).toBeNull();
  });

  it('schedules eight instalments that add up to the fee plus the charge, booked once on the ledger (Art 31.4c, 31.10)', async () => {
    const enrolment = await enrol();
    const arrangement = await t.call<PaymentArrangement>('desk', 'payments:arrange', {
      enrolmentId: enrolment.id,
      method: 'direct-debit-instalments',
      mandate,
      debitDates: septemberDebitDates,
    });
    expect(arrangement.mandate).toEqual({
      iban: 'NL91ABNA0417164300',
      accountHolder: 'A. Müller',
      signedOn: '2022-08-20',
      reference: `UM-I6234567-2022-23-${enrolment.id}`,
    });
    expect(arrangement.instalments).toHaveLength(8);
    expect(arrangement.instalments.map((i) => i.debitDate)).toEqual(septemberDebitDates);
    expect(arrangement.instalments.reduce((sum, i) => sum + i.amountCents, 0)).toBe(
      110500 + instalmentCharge.amountCents,
    );
    expect(arrangement.instalments[0]?.administrationChargeCents).toBe(instalmentCharge.amountCents);
    expect(arrangement.totalCents).toBe(110500 + instalmentCharge.amountCents);
    expect(arrangement.reasons.map((r) => r.article)).toContain(instalmentCharge.article);

    // Changing the dates later books no second charge.
    await t.call('desk', 'payments:arrange', {
      enrolmentId: enrolment.id,
      method: 'direct-debit-instalments',
      mandate,
      debitDates: septemberDebitDates.map((d) => d.replace(/-2[67]$/, '-25').replace(/-28$/, '-25')),
      expectedVersion: 1,
    });
    const file = await t.call<StudentFeeFile>('desk', 'ledger:studentFile', { studentId });
    const charges = file.ledger.filter((e) => e.entryKind === 'administration-charge');
    expect(charges).toHaveLength(1);
    expect(charges[0]).toMatchObject({
      amountCents: instalmentCharge.amountCents,
      reasons: [{ article: 'Art 31.10' }],
    });
  });

  it('shows each instalment paid, part-paid, overdue or upcoming from the payments booked', async () => {
    const enrolment = await enrol();
    await t.call('desk', 'payments:arrange', {
      enrolmentId: enrolment.id,
      method: 'direct-debit-instalments',
      mandate,
      debitDates: septemberDebitDates,
    });
    const first = 13813 + instalmentCharge.amountCents;
    await t.call('desk', 'ledger:recordPayment', {
      studentId,
      enrolmentId: enrolment.id,
      amountCents: first + 5000,
      paidOn: '2022-09-26',
    });
    // As seen on 30 October: the second instalment (26 October) is only part paid.
    const { arrangement } = await paymentArrangementOf(t.desk.database.db, enrolment.id, '2022-10-30');
    expect(arrangement?.instalments.slice(0, 3).map((i) => [i.status, i.paidCents])).toEqual([
      ['paid', first],
      ['overdue', 5000],
      ['upcoming', 0],
    ]);
  });

  it('refuses debit dates of the wrong number or out of order, and records nothing', async () => {
    const enrolment = await enrol();
    const tooFew = await t.attempt('desk', 'payments:arrange', {
      enrolmentId: enrolment.id,
      method: 'direct-debit-instalments',
      mandate,
      debitDates: septemberDebitDates.slice(0, 4),
    });
    expect(tooFew).toMatchObject({
      ok: false,
      error: {
        kind: 'validation',
        field: 'debitDates',
        message: expect.stringContaining('8 instalments') as unknown,
      },
    });
    const unordered = await t.attempt('desk', 'payments:arrange', {
      enrolmentId: enrolment.id,
      method: 'direct-debit-instalments',
      mandate,
      debitDates: [...septemberDebitDates].reverse(),
    });
    expect(unordered).toMatchObject({ ok: false, error: { kind: 'validation', field: 'debitDates' } });
    const file = await t.call<StudentFeeFile>('desk', 'ledger:studentFile', { studentId });
    expect(file.ledger.filter((e) => e.entryKind === 'administration-charge')).toHaveLength(0);
  });

  it('records a named third party who pays (Art 14.3)', async () => {
    const enrolment = await enrol();
    const arrangement = await t.call<PaymentArrangement>('desk', 'payments:arrange', {
      enrolmentId: enrolment.id,
      method: 'lump-sum-transfer',
      thirdPartyPayer: { name: 'Stichting Studiefonds', authorisationReceivedOn: '2022-08-15' },
    });
    expect(arrangement.thirdPartyPayer).toEqual({
      name: 'Stichting Studiefonds',
      authorisationReceivedOn: '2022-08-15',
    });
    expect(arrangement.reasons).toContainEqual({
      article: 'Art 14.3',
      text: "Stichting Studiefonds pays the fees on the student's behalf, authorised on 2022-08-15.",
    });
  });

  it('refuses a change made against an older version, naming who changed it', async () => {
    const enrolment = await enrol();
    await t.call('desk', 'payments:arrange', { enrolmentId: enrolment.id, method: 'lump-sum-transfer' });
    const stale = await t.attempt('admin', 'payments:arrange', {
      enrolmentId: enrolment.id,
      method: 'lump-sum-direct-debit',
      mandate,
    });
    expect(stale).toMatchObject({
      ok: false,
      error: { kind: 'conflict', message: expect.stringContaining('Test desk') as unknown },
    });
  });

  it('lets only the desk and administrators record an arrangement', async () => {
    const enrolment = await enrol();
    for (const role of ['iro', 'ssc'] as const) {
      expect(
        await t.attempt(role, 'payments:arrange', { enrolmentId: enrolment.id, method: 'lump-sum-transfer' }),
      ).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    }
  });
});
