import { describe, expect, it } from 'vitest';
import { loadProvisions } from '../../provisions/load-provisions';
import {
  assessPaymentMethods,
  describePayerArrangement,
  interimEnrolmentCharge,
  paymentDeadline,
  planInstalments,
  validateIban,
  type InstalmentPlanFacts,
} from './payment-plan.rules';
import type { ProvisionReason } from './provision-reason';

const p = loadProvisions('2022-23');
const articles = (reasons: readonly ProvisionReason[]) => reasons.map((r) => r.article);

const septemberPlan: InstalmentPlanFacts = {
  feeKind: 'tuition-fee',
  intake: 'september',
  universityAppliesForStudyResidencePermit: false,
  feeCents: 220900,
};

describe('paymentDeadline (Art 14)', () => {
  it('sets 1 September 2022 as the deadline of a first September enrolment, met by paying or authorising a direct debit (Art 14.1)', () => {
    const d = paymentDeadline(
      {
        round: 'first-enrolment',
        intake: 'september',
        nationalityCountryCode: 'NL',
        latestEnrolmentDeadline: null,
      },
      p,
    );
    expect(d).toMatchObject({
      date: '2022-09-01',
      relation: 'by',
      satisfiedBy: 'payment-or-direct-debit-authorisation',
      feeMonthsBeforeVisaApplication: null,
    });
    expect(articles(d.reasons)).toEqual(['Art 14.1', 'Art 14.7']);
    expect(d.reasons[0].text).toContain('1 September 2022');
  });

  it('sets 1 February 2023 as the deadline of a first February enrolment (Art 14.1)', () => {
    const d = paymentDeadline(
      {
        round: 'first-enrolment',
        intake: 'february',
        nationalityCountryCode: 'DE',
        latestEnrolmentDeadline: null,
      },
      p,
    );
    expect(d.date).toBe('2023-02-01');
    expect(articles(d.reasons)).toEqual(['Art 14.1', 'Art 14.7']);
  });

  it('sets 15 August 2022 as the payment deadline of a re-enrolling student, whatever the nationality (Art 14.2)', () => {
    const d = paymentDeadline(
      {
        round: 're-enrolment',
        intake: 'september',
        nationalityCountryCode: 'US',
        latestEnrolmentDeadline: '2022-05-01',
      },
      p,
    );
    expect(d).toMatchObject({ date: '2022-08-15', relation: 'by', feeMonthsBeforeVisaApplication: null });
    expect(articles(d.reasons)).toEqual(['Art 14.2', 'Art 14.7']);
  });

  it('requires a first-time non-EU national to have paid before the enrolment deadline, twelve months for a February visa (Art 14.4)', () => {
    const d = paymentDeadline(
      {
        round: 'first-enrolment',
        intake: 'february',
        nationalityCountryCode: 'IN',
        latestEnrolmentDeadline: '2022-11-15',
      },
      p,
    );
    expect(d).toMatchObject({
      date: '2022-11-15',
      relation: 'before',
      satisfiedBy: 'payment',
      feeMonthsBeforeVisaApplication: 12,
    });
    expect(articles(d.reasons)).toEqual(['Art 14.4', 'Art 14.4', 'Art 14.7']);
    expect(d.reasons[0].text).toContain('15 November 2022');
    expect(d.reasons[1].text).toContain('12 months');
  });

  it('asks the whole year’s fee before a September visa application and leaves the date open when the Art 12.3 deadline is unknown (Art 14.4)', () => {
    const d = paymentDeadline(
      {
        round: 'first-enrolment',
        intake: 'september',
        nationalityCountryCode: 'CN',
        latestEnrolmentDeadline: null,
      },
      p,
    );
    expect(d.date).toBeNull();
    expect(d.feeMonthsBeforeVisaApplication).toBe(12);
    expect(d.reasons[0].text).toContain('UM website');
    expect(d.reasons[1].text).toContain('whole academic year');
  });

  it('exempts nationals of Switzerland, Suriname and the EEA from the early payment (Art 14.1, 14.4)', () => {
    for (const code of ['CH', 'SR', 'IS', 'NO']) {
      const d = paymentDeadline(
        {
          round: 'first-enrolment',
          intake: 'september',
          nationalityCountryCode: code,
          latestEnrolmentDeadline: '2022-05-01',
        },
        p,
      );
      expect(d.date, code).toBe('2022-09-01');
      expect(articles(d.reasons)).toEqual(['Art 14.1', 'Art 14.7']);
    }
  });
});

describe('assessPaymentMethods (Art 28.4, 31.4, 31.6–31.8)', () => {
  it('offers a transfer, a lump-sum direct debit and eight instalments to a September student (Art 31.4a–c)', () => {
    const m = assessPaymentMethods(
      { feeKind: 'tuition-fee', intake: 'september', universityAppliesForStudyResidencePermit: false },
      p,
    );
    expect(m.allowedMethods).toEqual([
      'lump-sum-transfer',
      'lump-sum-direct-debit',
      'direct-debit-instalments',
    ]);
    expect(m.options[2].instalmentCount).toBe(8);
    expect(articles(m.reasons)).toEqual(['Art 31.4a', 'Art 31.4b', 'Art 31.4c']);
  });

  it('refuses instalments to a student for whom UM applies for a study residence permit (Art 31.6)', () => {
    const m = assessPaymentMethods(
      { feeKind: 'tuition-fee', intake: 'september', universityAppliesForStudyResidencePermit: true },
      p,
    );
    expect(m.allowedMethods).toEqual(['lump-sum-transfer', 'lump-sum-direct-debit']);
    const refusal = m.options.find((o) => o.method === 'direct-debit-instalments')!;
    expect(refusal.allowed).toBe(false);
    expect(articles(refusal.reasons)).toEqual(['Art 31.6']);
    expect(refusal.reasons[0].text).toContain('residence permit');
    const plan = planInstalments({ ...septemberPlan, universityAppliesForStudyResidencePermit: true }, p);
    expect(plan.outcome).toBe('refused');
    expect(articles(plan.reasons)).toEqual(['Art 31.6']);
  });

  it('makes a February permit student pay twelve months in advance (Art 31.6, 31.7)', () => {
    const m = assessPaymentMethods(
      { feeKind: 'tuition-fee', intake: 'february', universityAppliesForStudyResidencePermit: true },
      p,
    );
    expect(articles(m.options[0].reasons)).toEqual(['Art 31.4a', 'Art 31.7']);
    expect(articles(m.options[2].reasons)).toEqual(['Art 31.6']);
  });

  it('lets an external student pay the examination fee only by a single transfer (Art 31.8)', () => {
    const m = assessPaymentMethods(
      { feeKind: 'examination-fee', intake: 'september', universityAppliesForStudyResidencePermit: false },
      p,
    );
    expect(m.allowedMethods).toEqual(['lump-sum-transfer']);
    expect(articles(m.reasons)).toEqual(['Art 31.8', 'Art 31.8', 'Art 31.8']);
  });

  it('refuses instalments of a study fee unless the faculty board offers them (Art 28.4)', () => {
    const refused = assessPaymentMethods(
      { feeKind: 'study-fee', intake: 'september', universityAppliesForStudyResidencePermit: false },
      p,
    );
    expect(refused.allowedMethods).not.toContain('direct-debit-instalments');
    expect(articles(refused.options[2].reasons)).toEqual(['Art 28.4']);
    const offered = assessPaymentMethods(
      {
        feeKind: 'study-fee',
        intake: 'september',
        universityAppliesForStudyResidencePermit: false,
        facultyOffersInstalments: true,
      },
      p,
    );
    expect(offered.options[2]).toMatchObject({ allowed: true, instalmentCount: 8 });
  });

  it('refuses direct debits from an account whose IBAN is invalid, naming the error (Art 31.4)', () => {
    const m = assessPaymentMethods(
      {
        feeKind: 'tuition-fee',
        intake: 'september',
        universityAppliesForStudyResidencePermit: false,
        iban: 'NL92ABNA0417164300',
      },
      p,
    );
    expect(m.allowedMethods).toEqual(['lump-sum-transfer']);
    expect(articles(m.options[1].reasons)).toEqual(['Art 31.4']);
    expect(m.options[1].reasons[0].text).toContain('check digits 92');
  });
});

describe('planInstalments (Art 31.4c, 31.10)', () => {
  it('splits €1,105 into eight instalments that add up exactly, with €24 on the first (Art 31.4c, 31.10)', () => {
    const plan = planInstalments({ ...septemberPlan, feeCents: 110500 }, p);
    if (plan.outcome !== 'scheduled') throw new Error('expected a schedule');
    expect(plan.instalments.map((i) => i.feeCents)).toEqual([
      13813, 13813, 13813, 13813, 13812, 13812, 13812, 13812,
    ]);
    expect(plan.instalments.map((i) => i.amountCents)).toEqual([
      16213, 13813, 13813, 13813, 13812, 13812, 13812, 13812,
    ]);
    expect(plan.instalments.reduce((s, i) => s + i.feeCents, 0)).toBe(110500);
    expect(plan.instalments.reduce((s, i) => s + i.amountCents, 0)).toBe(plan.totalCents);
    expect(plan.totalCents).toBe(112900);
    expect(plan.administrationChargeCents).toBe(2400);
    expect(articles(plan.reasons)).toEqual(['Art 31.4c', 'Art 31.4c', 'Art 31.4c', 'Art 31.10', 'Art 31.5']);
    expect(plan.reasons[1].text).toContain('first 4 instalments are €138.13');
  });

  it('splits €18,200 into four equal instalments for a February intake (Art 31.4c)', () => {
    const plan = planInstalments({ ...septemberPlan, intake: 'february', feeCents: 1820000 }, p);
    if (plan.outcome !== 'scheduled') throw new Error('expected a schedule');
    expect(plan.instalments.map((i) => i.feeCents)).toEqual([455000, 455000, 455000, 455000]);
    expect(plan.instalments[0].amountCents).toBe(457400);
    expect(plan.totalCents).toBe(1822400);
    expect(plan.reasons[0].text).toContain('4 equal instalments');
  });

  it('spreads the left-over cents of an awkward February total over the first instalments, on the published dates (Art 31.4c)', () => {
    const dates = ['2023-02-24', '2023-03-24', '2023-04-24', '2023-05-24'];
    const plan = planInstalments(
      { ...septemberPlan, intake: 'february', feeCents: 128858, debitDates: dates },
      p,
    );
    if (plan.outcome !== 'scheduled') throw new Error('expected a schedule');
    expect(plan.instalments.map((i) => [i.debitDate, i.feeCents])).toEqual([
      ['2023-02-24', 32215],
      ['2023-03-24', 32215],
      ['2023-04-24', 32214],
      ['2023-05-24', 32214],
    ]);
    expect(plan.instalments.reduce((s, i) => s + i.feeCents, 0)).toBe(128858);
    expect(plan.reasons[2].text).toContain('24 February 2023');
  });

  it('rejects a list of debit dates that does not match the number of instalments (Art 31.4c)', () => {
    expect(() => planInstalments({ ...septemberPlan, debitDates: ['2022-09-28', '2022-10-28'] }, p)).toThrow(
      /8 instalments.*2 debit dates/,
    );
  });

  it('refuses instalments for an interim enrolment, which Art 31.4c does not provide for (Art 31.4c)', () => {
    const plan = planInstalments({ ...septemberPlan, intake: 'interim' }, p);
    expect(plan.outcome).toBe('refused');
    expect(articles(plan.reasons)).toEqual(['Art 31.4c']);
    expect(plan.reasons[0].text).toContain('interim');
  });
});

describe('interimEnrolmentCharge (Art 4.5, 29)', () => {
  it('charges ten twelfths for an enrolment permitted in October, which takes effect on 1 November (Art 4.5, 29.1)', () => {
    const c = interimEnrolmentCharge(
      { feeKind: 'tuition-fee', annualFeeCents: 920000, enrolledOn: '2022-10-17' },
      p,
    );
    expect(c).toMatchObject({ effectiveDate: '2022-11-01', remainingMonths: 10, chargeCents: 766667 });
    expect(c.paymentMethods).toEqual(['lump-sum-transfer', 'lump-sum-direct-debit']);
    expect(articles(c.reasons)).toEqual(['Art 4.5', 'Art 29.1', 'Art 31.4c', 'Art 31.4']);
    expect(c.reasons[1].text).toContain('10/12 of €9,200.00 is €7,666.67');
  });

  it('backdates an interim enrolment in December to 1 December and charges nine twelfths (Art 4.5, 29.1)', () => {
    const c = interimEnrolmentCharge(
      { feeKind: 'tuition-fee', annualFeeCents: 220900, enrolledOn: '2022-12-12' },
      p,
    );
    expect(c).toMatchObject({ effectiveDate: '2022-12-01', remainingMonths: 9, chargeCents: 165675 });
    expect(articles(c.reasons).slice(0, 2)).toEqual(['Art 4.5', 'Art 29.1']);
  });

  it('does not reduce the examination fee of an external student who enrols late (Art 29.2)', () => {
    const c = interimEnrolmentCharge(
      { feeKind: 'examination-fee', annualFeeCents: 920000, enrolledOn: '2023-03-06' },
      p,
    );
    expect(c.chargeCents).toBe(920000);
    expect(articles(c.reasons)).toContain('Art 29.2');
  });
});

describe('validateIban (ISO 13616, SEPA)', () => {
  it('accepts valid IBANs written with spaces and in lower case (Art 31.4)', () => {
    const nl = validateIban('nl91 abna 0417 1643 00');
    expect(nl).toMatchObject({ valid: true, iban: 'NL91ABNA0417164300', countryCode: 'NL' });
    expect(articles(nl.reasons)).toEqual(['Art 31.4']);
    for (const iban of ['DE89 3704 0044 0532 0130 00', 'BE68 5390 0754 7034', 'CH93 0076 2011 6238 5295 7']) {
      expect(validateIban(iban).valid, iban).toBe(true);
    }
  });

  it('names check digits that do not match the account number (ISO 13616 mod-97)', () => {
    const r = validateIban('NL92ABNA0417164300');
    expect(r.valid).toBe(false);
    if (r.valid) return;
    expect(r.message).toBe(
      'the check digits 92 do not match the account number (ISO 13616 mod-97 check); look for a typing error.',
    );
    expect(articles(r.reasons)).toEqual(['Art 31.4']);
  });

  it('names the length an IBAN of that country must have', () => {
    const r = validateIban('NL91ABNA041716430');
    expect(r.valid || r.message).toBe(
      'an IBAN from the Netherlands (NL) has 18 characters; this one has 17.',
    );
  });

  it('refuses an account outside the Single Euro Payments Area although its IBAN is valid', () => {
    const r = validateIban('BR1800360305000010009795493C1');
    expect(r.valid || r.message).toContain('BR is not a country of the Single Euro Payments Area');
  });

  it('names characters, country codes and check digits that cannot be part of an IBAN', () => {
    const messages = ['NL91-ABNA-0417-1643-00', '1291ABNA0417164300', 'NLXXABNA0417164300', '  '].map((i) => {
      const r = validateIban(i);
      return r.valid ? 'valid' : r.message;
    });
    expect(messages).toEqual([
      'the IBAN contains "-"; only letters, digits and spaces are allowed.',
      'an IBAN starts with a two-letter country code, not "12".',
      'the two characters after the country code are check digits, not "XX".',
      'the IBAN is empty.',
    ]);
  });
});

describe('describePayerArrangement (Art 14.3, 31.5, 31.9, 34.4)', () => {
  it('requires an authorisation for a third party paying for an adult student and refunds to that party (Art 14.3, 34.4)', () => {
    const a = describePayerArrangement({
      round: 're-enrolment',
      isAdult: true,
      isExternalStudent: false,
      payer: 'third-party',
      thirdPartyAuthorisationSubmitted: false,
      method: 'direct-debit-instalments',
    });
    expect(a).toMatchObject({
      authorisationRequired: true,
      authorisationMissing: true,
      refundAccount: 'third-party-account-on-record',
    });
    expect(articles(a.reasons)).toEqual(['Art 14.3', 'Art 34.4', 'Art 31.5', 'Art 31.9']);
    expect(a.reasons[0].text).toContain('re-enrolment, and it has not been');
  });

  it('requires no authorisation when a parent pays for a minor, and refunds to the account paid from (Art 14.3, 34.4)', () => {
    const a = describePayerArrangement({
      round: 'first-enrolment',
      isAdult: false,
      isExternalStudent: false,
      payer: 'third-party',
      thirdPartyAuthorisationSubmitted: false,
      method: 'lump-sum-transfer',
    });
    expect(a).toMatchObject({
      authorisationRequired: false,
      authorisationMissing: false,
      refundAccount: 'account-paid-from',
    });
    expect(articles(a.reasons)).toEqual(['Art 14.3', 'Art 34.4']);
  });

  it('requires an authorisation for a third party paying an external student’s examination fee (Art 14.3)', () => {
    const a = describePayerArrangement({
      round: 'first-enrolment',
      isAdult: true,
      isExternalStudent: true,
      payer: 'third-party',
      thirdPartyAuthorisationSubmitted: true,
      method: 'lump-sum-transfer',
    });
    expect(a).toMatchObject({ authorisationRequired: true, authorisationMissing: false });
    expect(a.reasons[0].text).toContain('an external student');
  });
});
