import { describe, expect, it } from 'vitest';
import { settleFeeReassessment } from './reassessment.rules';

describe('settleFeeReassessment (Art 31.2–31.3)', () => {
  it('makes an undercharged student pay the difference at once (Art 31.2)', () => {
    const s = settleFeeReassessment({
      previousAssessedCents: 110500,
      newAssessedCents: 220900,
      paidCents: 110500,
      otherOpenDebts: [],
    });
    expect(s).toMatchObject({
      outcome: 'undercharged',
      differenceCents: 110400,
      dueImmediatelyCents: 110400,
      remainingToPayCents: 0,
      refundCents: 0,
    });
    expect(s.reasons.map((r) => r.article)).toEqual(['Art 31.2']);
    expect(s.reasons[0].text).toContain('must pay €1,104.00 immediately');
  });

  it('makes the whole difference due at once even while instalments of the old fee are still to come (Art 31.2)', () => {
    const s = settleFeeReassessment({
      previousAssessedCents: 220900,
      newAssessedCents: 920000,
      paidCents: 55225,
      otherOpenDebts: [],
    });
    expect(s.dueImmediatelyCents).toBe(699100);
    expect(s.remainingToPayCents).toBe(165675);
  });

  it('sets an overcharge first against other debts and refunds the rest (Art 31.3)', () => {
    const s = settleFeeReassessment({
      previousAssessedCents: 920000,
      newAssessedCents: 220900,
      paidCents: 920000,
      otherOpenDebts: [
        { description: 'Library fine', amountCents: 4500 },
        { description: 'Replacement UM card', amountCents: 1500 },
      ],
    });
    expect(s).toMatchObject({
      outcome: 'overcharged',
      differenceCents: 699100,
      overpaidCents: 699100,
      noLongerOwedCents: 0,
      refundCents: 693100,
      otherDebtsStillOpenCents: 0,
    });
    expect(s.setOff).toEqual([
      { description: 'Library fine', amountCents: 4500, article: 'Art 31.3' },
      { description: 'Replacement UM card', amountCents: 1500, article: 'Art 31.3' },
    ]);
    expect(s.reasons.map((r) => r.article)).toEqual(['Art 31.3', 'Art 31.3', 'Art 31.3']);
    expect(s.reasons[2].text).toContain('€6,931.00 is reimbursed');
  });

  it('cancels the unpaid part of an overcharge paid in instalments and refunds only what was paid too much (Art 31.3)', () => {
    const s = settleFeeReassessment({
      previousAssessedCents: 920000,
      newAssessedCents: 220900,
      paidCents: 345000,
      otherOpenDebts: [],
    });
    expect(s).toMatchObject({ overpaidCents: 124100, noLongerOwedCents: 575000, refundCents: 124100 });
    expect(s.overpaidCents + s.noLongerOwedCents).toBe(s.differenceCents);
  });

  it('uses a small overpayment wholly for a larger other debt and refunds nothing (Art 31.3)', () => {
    const s = settleFeeReassessment({
      previousAssessedCents: 220900,
      newAssessedCents: 215000,
      paidCents: 220900,
      otherOpenDebts: [{ description: 'Unpaid instalment 2021-22', amountCents: 27612 }],
    });
    expect(s).toMatchObject({ overpaidCents: 5900, refundCents: 0, otherDebtsStillOpenCents: 21712 });
    expect(s.setOff).toEqual([
      { description: 'Unpaid instalment 2021-22', amountCents: 5900, article: 'Art 31.3' },
    ]);
  });
});
