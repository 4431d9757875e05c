import { describe, expect, it } from 'vitest';
import { loadProvisions } from '../../provisions/load-provisions';
import type { ProvisionReason } from './provision-reason';
import { refundFactsSchema, type RefundFactsInput } from '../../../shared/facts/refund-facts';
import { assessDamagesForUnenrolledParticipation, decideRefund } from './refund.rules';

const p = loadProvisions('2022-23');
const articles = (reasons: readonly ProvisionReason[]) => reasons.map((r) => r.article);

/** An institutional-fee bachelor's student who paid €9,200 and asked in January to end the enrolment. */
const january: RefundFactsInput = {
  academicYear: '2022-23',
  level: 'bachelor',
  studentKind: 'student',
  enrolmentStartDate: '2022-09-01',
  fee: { applicableCents: 920000, paidCents: 920000 },
  ending: { reason: 'student-request', requestDate: '2023-01-16' },
  refundRequested: true,
};

function refund(overrides: Partial<RefundFactsInput>) {
  return decideRefund(refundFactsSchema.parse({ ...january, ...overrides }), p);
}

describe('decideRefund: termination at the student’s request (Art 33.2, 34.1–34.2)', () => {
  it('refunds seven twelfths of €9,200, €5,366.67, when a January request takes effect on 1 February (Art 33.2, 34.1)', () => {
    const r = refund({});
    expect(r).toMatchObject({
      outcome: 'terminated',
      feeKind: 'tuition-fee',
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
    expect(articles(r.reasons)).toEqual(['Art 33.2', 'Art 34.1', 'Art 34.4']);
    expect(r.reasons[1].text).toBe(
      '7 months of the academic year remain after 1 February 2023, so 7/12 of the tuition fee of €9,200.00 is refunded: €5,366.67.',
    );
  });

  it.each([
    { requestDate: '2022-09-15', effective: '2022-10-01', months: 11, cents: 202492 },
    { requestDate: '2022-10-15', effective: '2022-11-01', months: 10, cents: 184083 },
    { requestDate: '2022-11-15', effective: '2022-12-01', months: 9, cents: 165675 },
    { requestDate: '2022-12-15', effective: '2023-01-01', months: 8, cents: 147267 },
    { requestDate: '2023-01-15', effective: '2023-02-01', months: 7, cents: 128858 },
    { requestDate: '2023-02-15', effective: '2023-03-01', months: 6, cents: 110450 },
    { requestDate: '2023-03-15', effective: '2023-04-01', months: 5, cents: 92042 },
    { requestDate: '2023-04-15', effective: '2023-05-01', months: 4, cents: 73633 },
    { requestDate: '2023-05-15', effective: '2023-06-01', months: 3, cents: 55225 },
  ])(
    'refunds $months twelfths of the €2,209 statutory fee when termination takes effect on $effective (Art 34.1)',
    ({ requestDate, effective, months, cents }) => {
      const r = refund({
        fee: { applicableCents: 220900, paidCents: 220900 },
        ending: { reason: 'student-request', requestDate },
      });
      expect(r).toMatchObject({ effectiveDate: effective, monthsRemaining: months, refundCents: cents });
      expect(r.netRefundCents).toBe(cents);
      expect(articles(r.reasons)).toEqual(['Art 33.2', 'Art 34.1', 'Art 34.4']);
    },
  );

  it.each([
    { requestDate: '2023-06-15', effective: '2023-07-01', months: 2 },
    { requestDate: '2023-07-15', effective: '2023-08-01', months: 1 },
  ])(
    'refunds nothing when termination takes effect on $effective although $months months remain (Art 34.2)',
    ({ requestDate, effective, months }) => {
      const r = refund({ ending: { reason: 'student-request', requestDate } });
      expect(r).toMatchObject({
        outcome: 'terminated',
        effectiveDate: effective,
        monthsRemaining: months,
        refundBasis: 'none',
        refundCents: 0,
        netRefundCents: 0,
        refundDueBy: null,
        refundTo: null,
      });
      expect(articles(r.reasons)).toEqual(['Art 33.2', 'Art 34.2']);
    },
  );

  it('does not terminate after an August request: the enrolment ends by law on 31 August (Art 33.2, 33.1)', () => {
    const r = refund({ ending: { reason: 'student-request', requestDate: '2023-08-10' } });
    expect(r).toMatchObject({
      outcome: 'ends-by-law',
      effectiveDate: null,
      monthsRemaining: 0,
      refundCents: 0,
    });
    expect(articles(r.reasons)).toEqual(['Art 33.2', 'Art 33.1']);
  });

  it('never terminates retroactively: a March request to end as of 1 January takes effect on 1 April (Art 33.2)', () => {
    const r = refund({
      ending: { reason: 'student-request', requestDate: '2023-03-10', requestedEffectiveDate: '2023-01-01' },
    });
    expect(r).toMatchObject({ effectiveDate: '2023-04-01', monthsRemaining: 5, refundCents: 383333 });
    expect(articles(r.reasons)).toEqual(['Art 33.2', 'Art 33.2', 'Art 34.1', 'Art 34.4']);
    expect(r.reasons[1].text).toContain('cannot be terminated at the student');
  });

  it('treats a request on the starting date itself as a termination, not a cancellation (Art 33.2, 39.1)', () => {
    const r = refund({ ending: { reason: 'student-request', requestDate: '2022-09-01' } });
    expect(r).toMatchObject({
      outcome: 'terminated',
      effectiveDate: '2022-10-01',
      monthsRemaining: 11,
      refundCents: 843333,
    });
    expect(articles(r.reasons)).toEqual(['Art 33.2', 'Art 34.1', 'Art 34.4']);
  });

  it('refunds nothing when no refund was requested via Studielink (Art 33.4, 34.1)', () => {
    const r = refund({ refundRequested: false });
    expect(r).toMatchObject({ effectiveDate: '2023-02-01', refundCents: 0, netRefundCents: 0 });
    expect(articles(r.reasons)).toEqual(['Art 33.2', 'Art 33.4']);
  });

  it('refunds a fee paid by a third party for an adult student to that party’s account (Art 34.4)', () => {
    const r = refund({ paidByThirdParty: true });
    expect(r).toMatchObject({ netRefundCents: 536667, refundTo: 'third-party-account-on-record' });
    expect(r.reasons[2]).toMatchObject({ article: 'Art 34.4' });
    expect(r.reasons[2].text).toContain('third party');
  });
});

describe('decideRefund: deductions (Art 34.5)', () => {
  it('deducts outstanding debts, in order, before paying the refund (Art 34.5)', () => {
    const r = refund({
      outstandingDebts: [
        { description: 'Library fine', amountCents: 4500 },
        { description: 'Unpaid instalment 2021-22', amountCents: 115000 },
      ],
    });
    expect(r.refundCents).toBe(536667);
    expect(r.deductions).toEqual([
      { description: 'Library fine', amountCents: 4500, article: 'Art 34.5' },
      { description: 'Unpaid instalment 2021-22', amountCents: 115000, article: 'Art 34.5' },
    ]);
    expect(r.netRefundCents).toBe(417167);
    expect(articles(r.reasons)).toEqual(['Art 33.2', 'Art 34.1', 'Art 34.5', 'Art 34.4']);
  });

  it('deducts the instalments not yet paid, so that five of eight paid yields €1,916.67 (Art 34.1, 34.5)', () => {
    const r = refund({ fee: { applicableCents: 920000, paidCents: 575000 } });
    expect(r.deductions).toEqual([
      {
        description: 'The tuition fee charged for this enrolment and not paid',
        amountCents: 345000,
        article: 'Art 34.5',
      },
    ]);
    expect(r).toMatchObject({ refundCents: 536667, netRefundCents: 191667, stillOwedCents: 0 });
  });

  it('leaves the student owing the months enrolled when too few instalments were paid (Art 34.5)', () => {
    const r = refund({ fee: { applicableCents: 920000, paidCents: 230000 } });
    expect(r).toMatchObject({
      refundCents: 536667,
      netRefundCents: 0,
      stillOwedCents: 153333,
      refundDueBy: null,
      refundTo: null,
    });
    expect(articles(r.reasons)).toEqual(['Art 33.2', 'Art 34.1', 'Art 34.5']);
  });

  it('refunds the months after a termination for arrears, less the arrears (Art 35, 34.1, 34.5)', () => {
    const r = refund({
      fee: { applicableCents: 920000, paidCents: 230000 },
      ending: { reason: 'arrears', warningNoticeDate: '2022-12-10' },
      outstandingDebts: [
        { description: 'Administration fee', amountCents: 1950, kind: 'administration-fee' },
      ],
    });
    expect(r).toMatchObject({
      effectiveDate: '2023-02-01',
      refundCents: 536667,
      netRefundCents: 0,
      stillOwedCents: 155283,
    });
    expect(articles(r.reasons)).toEqual(['Art 35', 'Art 34.1', 'Art 34.5']);
  });
});

describe('decideRefund: cancellation, death, external students, graduation (Art 33, 37–39)', () => {
  it('refunds the full fee when the enrolment is cancelled before 1 September (Art 39.1, 39.2)', () => {
    const r = refund({ ending: { reason: 'student-request', requestDate: '2022-08-20' } });
    expect(r).toMatchObject({
      outcome: 'cancelled-before-start',
      effectiveDate: null,
      monthsRemaining: 12,
      refundBasis: 'full-amount-paid',
      refundCents: 920000,
      netRefundCents: 920000,
      refundDueBy: '2022-11-20',
    });
    expect(articles(r.reasons)).toEqual(['Art 39.1', 'Art 39.2', 'Art 34.4']);
  });

  it('refunds a February starter who cancels before 1 February everything paid, less other debts (Art 39.2, 34.5)', () => {
    const r = refund({
      enrolmentStartDate: '2023-02-01',
      fee: { applicableCents: 220900, chargedCents: 128858, paidCents: 128858 },
      ending: { reason: 'student-request', requestDate: '2023-01-25' },
      outstandingDebts: [{ description: 'Library fine', amountCents: 3000 }],
    });
    expect(r).toMatchObject({
      outcome: 'cancelled-before-start',
      monthsRemaining: 7,
      refundCents: 128858,
      netRefundCents: 125858,
    });
    expect(articles(r.reasons)).toEqual(['Art 39.1', 'Art 39.2', 'Art 34.5', 'Art 34.4']);
  });

  it('ends the enrolment on the first of the month after death and refunds the remaining twelfths to the heirs (Art 38.1, 38.2)', () => {
    const r = refund({ ending: { reason: 'death', dateOfDeath: '2023-01-10' } });
    expect(r).toMatchObject({
      effectiveDate: '2023-02-01',
      monthsRemaining: 7,
      refundCents: 536667,
      netRefundCents: 536667,
      refundTo: 'heirs',
    });
    expect(articles(r.reasons)).toEqual(['Art 38.1', 'Art 38.2', 'Art 34.4']);
  });

  it('refunds two twelfths to the heirs after a death in June, as Art 38.2 has no July exception (Art 38.2)', () => {
    const r = refund({ ending: { reason: 'death', dateOfDeath: '2023-06-05' } });
    expect(r).toMatchObject({ effectiveDate: '2023-07-01', monthsRemaining: 2, refundCents: 153333 });
    expect(articles(r.reasons)).toEqual(['Art 38.1', 'Art 38.2', 'Art 34.4']);
  });

  it('refunds no examination fee to an external student who ends the enrolment (Art 37.2, 37.3)', () => {
    const r = refund({ studentKind: 'external-student' });
    expect(r).toMatchObject({
      outcome: 'terminated',
      feeKind: 'examination-fee',
      effectiveDate: '2023-01-16',
      refundBasis: 'none',
      refundCents: 0,
      netRefundCents: 0,
    });
    expect(articles(r.reasons)).toEqual(['Art 37.2', 'Art 37.3']);
  });

  it('continues the enrolment of a graduate who did not terminate it via Studielink (Art 33.3)', () => {
    const r = refund({
      ending: {
        reason: 'graduation',
        graduationDate: '2023-01-20',
        examinationRequirementsCompleted: true,
        terminationRequestDate: null,
      },
    });
    expect(r).toMatchObject({
      outcome: 'continued-enrolment',
      effectiveDate: null,
      refundCents: 0,
      netRefundCents: 0,
    });
    expect(articles(r.reasons)).toEqual(['Art 33.3']);
  });

  it('terminates a graduate as of the first of the month after the graduation date (Art 33.5, 34.1)', () => {
    const r = refund({
      ending: {
        reason: 'graduation',
        graduationDate: '2023-01-20',
        examinationRequirementsCompleted: true,
        terminationRequestDate: '2023-01-25',
      },
    });
    expect(r).toMatchObject({ effectiveDate: '2023-02-01', refundCents: 536667 });
    expect(articles(r.reasons)).toEqual(['Art 33.5', 'Art 34.1', 'Art 34.4']);
  });

  it('charges a graduate who terminated late for the months in between (Art 33.3, 33.2, 33.5)', () => {
    const r = refund({
      ending: {
        reason: 'graduation',
        graduationDate: '2022-12-20',
        examinationRequirementsCompleted: true,
        terminationRequestDate: '2023-03-03',
      },
    });
    expect(r).toMatchObject({ effectiveDate: '2023-04-01', monthsRemaining: 5, refundCents: 383333 });
    expect(articles(r.reasons)).toEqual(['Art 33.5', 'Art 33.3', 'Art 33.2', 'Art 34.1', 'Art 34.4']);
  });

  it('does not process a termination on the grounds of graduation before all examination requirements are met (Art 33.5)', () => {
    const r = refund({
      ending: {
        reason: 'graduation',
        graduationDate: '2023-01-20',
        examinationRequirementsCompleted: false,
        terminationRequestDate: '2023-01-10',
      },
    });
    expect(r).toMatchObject({ outcome: 'request-not-processed', effectiveDate: null, refundCents: 0 });
    expect(articles(r.reasons)).toEqual(['Art 33.5']);
  });
});

describe('decideRefund: study fees (Art 34.3, 38.2)', () => {
  const preMaster: Partial<RefundFactsInput> = {
    level: 'pre-master',
    fee: { applicableCents: 220900, paidCents: 220900 },
    ects: { programmeTotal: 60, remaining: 45 },
    ending: { reason: 'student-request', requestDate: '2022-11-20' },
  };

  it('refunds a pre-master’s study fee in proportion to the ECTS remaining: 45 of 60 (Art 34.3)', () => {
    const r = refund(preMaster);
    expect(r).toMatchObject({
      feeKind: 'study-fee',
      effectiveDate: '2022-12-01',
      refundBasis: 'remaining-ects',
      refundCents: 165675,
      netRefundCents: 165675,
    });
    expect(articles(r.reasons)).toEqual(['Art 33.2', 'Art 34.3', 'Art 34.4']);
    expect(r.reasons[1].text).toContain('45/60 of the study fee of €2,209.00');
  });

  it('rounds a professional master’s refund for 7.5 of 60 ECTS once, to the cent (Art 34.3)', () => {
    const r = refund({
      ...preMaster,
      level: 'professional-master',
      fee: { applicableCents: 1234567, paidCents: 1234567 },
      ects: { programmeTotal: 60, remaining: 7.5 },
    });
    expect(r.refundCents).toBe(154321);
  });

  it('refunds no study fee when the pre-master’s enrolment ends as per 1 July (Art 34.3)', () => {
    const r = refund({
      ...preMaster,
      ects: { programmeTotal: 60, remaining: 5 },
      ending: { reason: 'student-request', requestDate: '2023-06-10' },
    });
    expect(r).toMatchObject({ effectiveDate: '2023-07-01', refundCents: 0, refundBasis: 'none' });
    expect(articles(r.reasons)).toEqual(['Art 33.2', 'Art 34.3']);
  });

  it('determines the heirs’ refund of a study fee by the ECTS remaining (Art 38.2, 34.3)', () => {
    const r = refund({ ...preMaster, ending: { reason: 'death', dateOfDeath: '2022-11-02' } });
    expect(r).toMatchObject({ effectiveDate: '2022-12-01', refundCents: 165675, refundTo: 'heirs' });
    expect(articles(r.reasons)).toEqual(['Art 38.1', 'Art 38.2', 'Art 34.3', 'Art 34.4']);
  });

  it('finds no refund of a study fee after a termination for arrears (Art 35, 34.3)', () => {
    const r = refund({ ...preMaster, ending: { reason: 'arrears', warningNoticeDate: '2022-10-05' } });
    expect(r).toMatchObject({ effectiveDate: '2022-12-01', refundCents: 0 });
    expect(articles(r.reasons)).toEqual(['Art 35', 'Art 34.3']);
  });
});

describe('assessDamagesForUnenrolledParticipation (Art 40)', () => {
  it('charges one twelfth of the full-time institutional fee for each calendar month of use (Art 40.1, 40.2)', () => {
    const d = assessDamagesForUnenrolledParticipation(
      {
        participation: 'full-time',
        programmeCode: 'b-medicine',
        usedFrom: '2022-10-15',
        usedUntil: '2022-12-03',
      },
      p,
    );
    expect(d).toMatchObject({
      months: 3,
      feeBasisCents: 3200000,
      damagesCents: 800000,
      enrolmentEffectiveFrom: null,
    });
    expect(articles(d.reasons)).toEqual(['Art 40.1', 'Art 40.2']);
  });

  it('charges one twelfth of the partial institutional fee for part-time participation, rounded once (Art 40.3)', () => {
    const d = assessDamagesForUnenrolledParticipation(
      {
        participation: 'part-time',
        programmeCode: 'm-international-business',
        usedFrom: '2023-02-01',
        usedUntil: '2023-03-31',
      },
      p,
    );
    expect(d).toMatchObject({ months: 2, feeBasisCents: 790000, damagesCents: 131667 });
    expect(articles(d.reasons)).toEqual(['Art 40.1', 'Art 40.3']);
  });

  it('charges a twelfth of the study fee and starts the enrolment the month after the damages are paid (Art 40.4, 40.5)', () => {
    const d = assessDamagesForUnenrolledParticipation(
      {
        participation: 'pre-master',
        studyFeeCents: 110500,
        usedFrom: '2023-02-06',
        usedUntil: '2023-02-28',
        damagesPaidOn: '2023-03-14',
      },
      p,
    );
    expect(d).toMatchObject({ months: 1, damagesCents: 9208, enrolmentEffectiveFrom: '2023-04-01' });
    expect(articles(d.reasons)).toEqual(['Art 40.1', 'Art 40.4', 'Art 40.5']);
  });
});
