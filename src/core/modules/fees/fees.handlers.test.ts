import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput, CallOutput } from '../../../shared/api';
import { createTestDesk, type TestDesk } from '../../testing/test-desk';

type Refund = CallOutput<'fees:refund'>;
type PaymentPlan = CallOutput<'fees:paymentPlan'>;

let t: TestDesk;
beforeEach(async () => {
  t = await createTestDesk();
});
afterEach(async () => {
  await t.close();
});

const articles = (reasons: readonly { article: string }[]) => reasons.map((r) => r.article);

const januaryRequest: CallInput<'fees:refund'>['facts'] = {
  academicYear: '2022-23',
  level: 'bachelor',
  studentKind: 'student',
  enrolmentStartDate: '2022-09-01',
  fee: { applicableCents: 920000, paidCents: 920000 },
  ending: { reason: 'student-request', requestDate: '2023-01-16' },
  refundRequested: true,
};

const septemberPlan: CallInput<'fees:paymentPlan'> = {
  feeCents: 110500,
  intake: 'september',
  nationalityCountryCode: 'DE',
  method: 'direct-debit-instalments',
};

describe('fees:refund on the desk', () => {
  it('refunds 7/12 of €9,200 for a termination requested on 16 January 2023, effective 1 February (Art 33.2, 34.1)', async () => {
    const refund = await t.call<Refund>('desk', 'fees:refund', { facts: januaryRequest });
    expect(refund).toMatchObject({
      outcome: 'terminated',
      effectiveDate: '2023-02-01',
      monthsRemaining: 7,
      refundBasis: 'remaining-months',
      refundCents: 536667,
      deductions: [],
      netRefundCents: 536667,
      stillOwedCents: 0,
      refundDueBy: '2023-05-01',
      refundTo: 'account-paid-from',
    });
    expect(articles(refund.reasons)).toEqual(['Art 33.2', 'Art 34.1', 'Art 34.4']);
  });

  it('deducts the unpaid fee and other debts, each with Art 34.5, before paying the refund', async () => {
    const refund = await t.call<Refund>('ssc', 'fees:refund', {
      facts: {
        ...januaryRequest,
        fee: { applicableCents: 920000, paidCents: 575000 },
        outstandingDebts: [{ description: 'Library fine', amountCents: 4500 }],
      },
    });
    expect(refund.deductions).toEqual([
      {
        description: 'The tuition fee charged for this enrolment and not paid',
        amountCents: 345000,
        article: 'Art 34.5',
      },
      { description: 'Library fine', amountCents: 4500, article: 'Art 34.5' },
    ]);
    expect(refund.netRefundCents).toBe(536667 - 345000 - 4500);
    expect(articles(refund.reasons)).toContain('Art 34.5');
  });

  it('names the field when the academic year has no provisions', async () => {
    expect(
      await t.attempt('desk', 'fees:refund', { facts: { ...januaryRequest, academicYear: '2031-32' } }),
    ).toMatchObject({ ok: false, error: { kind: 'validation', field: 'facts.academicYear' } });
  });
});

describe('fees:paymentPlan on the desk', () => {
  it('splits €1,105 for September into 8 instalments adding up exactly, €24 on the first (Art 31.4c, 31.10)', async () => {
    const plan = await t.call<PaymentPlan>('desk', 'fees:paymentPlan', septemberPlan);
    expect(plan.isChosenMethodAllowed).toBe(true);
    expect(plan.instalmentPlan.outcome).toBe('scheduled');
    if (plan.instalmentPlan.outcome !== 'scheduled') return;
    const { instalments } = plan.instalmentPlan;
    expect(instalments).toHaveLength(8);
    // €1,105 is 110,500 cents: 13,812 each and 4 cents left over, one each to the first four.
    expect(instalments.map((i) => i.feeCents)).toEqual([
      13813, 13813, 13813, 13813, 13812, 13812, 13812, 13812,
    ]);
    expect(instalments[0]).toMatchObject({
      number: 1,
      debitDate: null,
      administrationChargeCents: 2400,
      amountCents: 16213,
    });
    expect(instalments.slice(1).every((i) => i.administrationChargeCents === 0)).toBe(true);
    expect(instalments.reduce((sum, i) => sum + i.feeCents, 0)).toBe(110500);
    expect(instalments.reduce((sum, i) => sum + i.amountCents, 0)).toBe(112900);
    expect(plan.instalmentPlan).toMatchObject({
      feeCents: 110500,
      administrationChargeCents: 2400,
      totalCents: 112900,
    });
    expect(articles(plan.instalmentPlan.reasons)).toEqual([
      'Art 31.4c',
      'Art 31.4c',
      'Art 31.4c',
      'Art 31.10',
      'Art 31.5',
    ]);
  });

  it('sets the deadline of a first September enrolment of an EU national at 1 September 2022 (Art 14.1)', async () => {
    const plan = await t.call<PaymentPlan>('iro', 'fees:paymentPlan', septemberPlan);
    expect(plan.deadline).toMatchObject({
      date: '2022-09-01',
      relation: 'by',
      satisfiedBy: 'payment-or-direct-debit-authorisation',
      feeMonthsBeforeVisaApplication: null,
    });
    expect(articles(plan.deadline.reasons)).toEqual(['Art 14.1', 'Art 14.7']);
    expect(plan.methods.map((m) => [m.method, m.allowed, m.instalmentCount])).toEqual([
      ['lump-sum-transfer', true, null],
      ['lump-sum-direct-debit', true, null],
      ['direct-debit-instalments', true, 8],
    ]);
    expect(plan.ibanCheck).toBeNull();
  });

  it('plans 4 instalments for a February intake, on the debit dates given (Art 31.4c)', async () => {
    const debitDates = ['2023-02-25', '2023-03-25', '2023-04-25', '2023-05-25'];
    const plan = await t.call<PaymentPlan>('desk', 'fees:paymentPlan', {
      ...septemberPlan,
      feeCents: 220900,
      intake: 'february',
      debitDates,
    });
    expect(plan.deadline.date).toBe('2023-02-01');
    if (plan.instalmentPlan.outcome !== 'scheduled') throw new Error('expected a schedule');
    expect(plan.instalmentPlan.instalments.map((i) => [i.debitDate, i.amountCents])).toEqual([
      ['2023-02-25', 55225 + 2400],
      ['2023-03-25', 55225],
      ['2023-04-25', 55225],
      ['2023-05-25', 55225],
    ]);
  });

  it('refuses instalments to a student for whom UM applies for a study permit, and asks for payment first (Art 14.4, 31.6)', async () => {
    const plan = await t.call<PaymentPlan>('desk', 'fees:paymentPlan', {
      ...septemberPlan,
      feeCents: 1820000,
      nationalityCountryCode: 'IN',
      universityAppliesForStudyResidencePermit: true,
    });
    expect(plan.isChosenMethodAllowed).toBe(false);
    expect(plan.instalmentPlan).toMatchObject({ outcome: 'refused' });
    expect(articles(plan.instalmentPlan.reasons)).toEqual(['Art 31.6']);
    expect(plan.methods.find((m) => m.method === 'direct-debit-instalments')).toMatchObject({
      allowed: false,
      instalmentCount: null,
    });
    expect(plan.methods.filter((m) => m.allowed).map((m) => m.method)).toEqual([
      'lump-sum-transfer',
      'lump-sum-direct-debit',
    ]);
    expect(plan.deadline).toMatchObject({
      date: null,
      relation: 'before',
      satisfiedBy: 'payment',
      feeMonthsBeforeVisaApplication: 12,
    });
    expect(articles(plan.deadline.reasons)).toEqual(['Art 14.4', 'Art 14.4', 'Art 14.7']);
  });

  it('refuses every direct debit from an account whose IBAN fails the check, and says why (Art 31.4)', async () => {
    const plan = await t.call<PaymentPlan>('desk', 'fees:paymentPlan', {
      ...septemberPlan,
      iban: 'NL92 ABNA 0417 1643 00',
    });
    expect(plan.ibanCheck).toMatchObject({
      isValid: false,
      iban: 'NL92 ABNA 0417 1643 00',
      message:
        'the check digits 92 do not match the account number (ISO 13616 mod-97 check); look for a typing error.',
    });
    expect(plan.isChosenMethodAllowed).toBe(false);
    expect(plan.instalmentPlan).toMatchObject({ outcome: 'refused' });
    expect(articles(plan.instalmentPlan.reasons)).toEqual(['Art 31.4']);
    expect(plan.methods.map((m) => m.allowed)).toEqual([true, false, false]);
  });

  it('accepts a valid IBAN written with spaces and in lower case, in its electronic format', async () => {
    const plan = await t.call<PaymentPlan>('desk', 'fees:paymentPlan', {
      ...septemberPlan,
      iban: 'nl91 abna 0417 1643 00',
    });
    expect(plan.ibanCheck).toMatchObject({ isValid: true, iban: 'NL91ABNA0417164300' });
    expect(plan.ibanCheck?.message).toContain('valid IBAN of a SEPA bank account in the Netherlands');
    expect(plan.instalmentPlan.outcome).toBe('scheduled');
  });

  it('treats a blank IBAN as not given', async () => {
    const plan = await t.call<PaymentPlan>('desk', 'fees:paymentPlan', { ...septemberPlan, iban: '  ' });
    expect(plan.ibanCheck).toBeNull();
    expect(plan.isChosenMethodAllowed).toBe(true);
  });

  it('lets an external student pay the examination fee by transfer only (Art 31.8)', async () => {
    const plan = await t.call<PaymentPlan>('desk', 'fees:paymentPlan', {
      ...septemberPlan,
      feeKind: 'examination-fee',
      method: 'lump-sum-transfer',
    });
    expect(plan.isChosenMethodAllowed).toBe(true);
    expect(plan.methods.map((m) => [m.allowed, articles(m.reasons)])).toEqual([
      [true, ['Art 31.8']],
      [false, ['Art 31.8']],
      [false, ['Art 31.8']],
    ]);
  });

  it('names the debit dates when their number does not fit the intake (Art 31.4c)', async () => {
    expect(
      await t.attempt('desk', 'fees:paymentPlan', { ...septemberPlan, debitDates: ['2022-09-25'] }),
    ).toMatchObject({
      ok: false,
      error: {
        kind: 'validation',
        field: 'debitDates',
        message: 'A september intake pays in 8 instalments (Art 31.4c), but 1 debit dates were given.',
      },
    });
  });

  it('names the field when the academic year has no provisions or the nationality is not a country code', async () => {
    expect(
      await t.attempt('desk', 'fees:paymentPlan', { ...septemberPlan, academicYear: '2031-32' }),
    ).toMatchObject({ ok: false, error: { kind: 'validation', field: 'academicYear' } });
    expect(
      await t.attempt('desk', 'fees:paymentPlan', { ...septemberPlan, nationalityCountryCode: 'Dutch' }),
    ).toMatchObject({ ok: false, error: { kind: 'validation', field: 'nationalityCountryCode' } });
  });
});
