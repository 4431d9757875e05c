import { describe, expect, it } from 'vitest';
import { loadProvisions } from '../../provisions/load-provisions';
import {
  isReEnrolmentRefusedForArrears,
  nextArrearsAction,
  planArrearsProcedure,
  type ArrearsState,
} from './arrears.rules';

const p = loadProvisions('2022-23');

const missed: ArrearsState = {
  route: 'missed-instalment',
  arisenOn: '2022-11-25',
  unpaidInstalments: 1,
  outstandingCents: 115000,
};

const reversed: ArrearsState = {
  route: 'reversed-direct-debit',
  arisenOn: '2023-01-27',
  unpaidInstalments: 2,
  outstandingCents: 230000,
};

describe('planArrearsProcedure (Art 32, 35)', () => {
  it('runs a missed instalment through first reminder, block with €19.50, second reminder and termination as of the second month after (Art 32.1, 35)', () => {
    const plan = planArrearsProcedure(missed, p);
    expect(plan.steps.map((s) => [s.action, s.on, s.payBy, s.amountDueCents])).toEqual([
      ['send-first-reminder', '2022-11-25', '2022-12-09', 115000],
      ['block-facilities-and-add-administration-fee', '2022-12-10', null, 116950],
      ['send-second-reminder', '2022-12-10', '2022-12-24', 116950],
      ['terminate-enrolment', '2022-12-25', null, 116950],
    ]);
    expect(plan.administrationFeeCents).toBe(1950);
    expect(plan.terminationMayBeDecidedFrom).toBe('2022-12-25');
    expect(plan.terminationEffectiveFrom).toBe('2023-02-01');
    expect(plan.reasons.map((r) => r.article)).toEqual(['Art 32.1a', 'Art 32.1a', 'Art 32.1b', 'Art 35']);
    expect(plan.reasons[1].text).toContain('increased by €19.50 for the one unpaid instalment');
    expect(plan.reasons[3].text).toContain('as of 1 February 2023');
  });

  it('blocks at once after a reversed direct debit, then reminds with €19.50 per unpaid instalment and may terminate as of the second month after (Art 32.2, 35)', () => {
    const plan = planArrearsProcedure(reversed, p);
    expect(plan.steps.map((s) => [s.action, s.on, s.payBy, s.amountDueCents])).toEqual([
      ['block-facilities', '2023-01-27', null, 230000],
      ['send-reversal-reminder', '2023-01-27', '2023-02-10', 233900],
      ['terminate-enrolment', '2023-02-11', null, 233900],
    ]);
    expect(plan.administrationFeeCents).toBe(3900);
    expect(plan.terminationEffectiveFrom).toBe('2023-03-01');
    expect(plan.reasons.map((r) => r.article)).toEqual(['Art 32.2', 'Art 32.2', 'Art 35']);
    expect(plan.reasons[1].text).toContain('€19.50 for each of the 2 unpaid instalments (€39.00)');
  });

  it('uses the dates on which the steps were actually taken (Art 32.1b, 35)', () => {
    const plan = planArrearsProcedure(
      {
        ...missed,
        firstReminderSentOn: '2022-11-28',
        facilitiesBlockedOn: '2022-12-14',
        secondReminderSentOn: '2022-12-19',
      },
      p,
    );
    expect(plan.steps.map((s) => s.taken)).toEqual([true, true, true, false]);
    expect(plan.steps[2].payBy).toBe('2023-01-02');
    expect(plan.terminationMayBeDecidedFrom).toBe('2023-01-03');
    expect(plan.terminationEffectiveFrom).toBe('2023-02-01');
  });

  it('gives no termination date when it would fall after 31 August: the enrolment ends by law first (Art 35, 33.1, 3.5)', () => {
    const plan = planArrearsProcedure({ ...reversed, arisenOn: '2023-07-10' }, p);
    expect(plan.terminationMayBeDecidedFrom).toBe('2023-07-25');
    expect(plan.terminationEffectiveFrom).toBeNull();
    expect(plan.steps[2].reasons.map((r) => r.article)).toEqual(['Art 35', 'Art 33.1', 'Art 3.5']);
  });
});

describe('nextArrearsAction (worklist)', () => {
  it('asks for the first reminder as soon as an instalment is missed (Art 32.1a)', () => {
    const next = nextArrearsAction(missed, '2022-11-28', p);
    expect(next).toMatchObject({
      action: 'send-first-reminder',
      dueOn: '2022-11-25',
      isDue: true,
      amountDueCents: 115000,
    });
    expect(next.reasons.map((r) => r.article)).toEqual(['Art 32.1a']);
  });

  it('schedules the block for the day after the first reminder’s 14 days, not before (Art 32.1a)', () => {
    const state = { ...missed, firstReminderSentOn: '2022-11-28' };
    expect(nextArrearsAction(state, '2022-12-12', p)).toMatchObject({
      action: 'block-facilities-and-add-administration-fee',
      dueOn: '2022-12-13',
      isDue: false,
    });
    expect(nextArrearsAction(state, '2022-12-13', p).isDue).toBe(true);
    const blocked = nextArrearsAction({ ...state, facilitiesBlockedOn: '2022-12-13' }, '2022-12-13', p);
    expect(blocked).toMatchObject({
      action: 'send-second-reminder',
      dueOn: '2022-12-13',
      amountDueCents: 116950,
    });
    expect(blocked.reasons.map((r) => r.article)).toEqual(['Art 32.1b']);
  });

  it('puts the termination on the worklist with its effective date once the reminder after a reversal has gone out (Art 35)', () => {
    const state = { ...reversed, facilitiesBlockedOn: '2023-01-27', reversalReminderSentOn: '2023-01-30' };
    const early = nextArrearsAction(state, '2023-02-05', p);
    expect(early).toMatchObject({
      action: 'terminate-enrolment',
      dueOn: '2023-02-14',
      isDue: false,
      amountDueCents: 233900,
      terminationEffectiveFrom: '2023-03-01',
    });
    expect(early.reasons.map((r) => r.article)).toEqual(['Art 35']);
    expect(nextArrearsAction(state, '2023-02-14', p).isDue).toBe(true);
  });

  it('stops the procedure once the arrears are paid (Art 32)', () => {
    const next = nextArrearsAction(
      { ...reversed, facilitiesBlockedOn: '2023-01-27', settledOn: '2023-02-03' },
      '2023-02-04',
      p,
    );
    expect(next).toMatchObject({ action: 'none', dueOn: null, amountDueCents: 0 });
    expect(next.reasons.map((r) => r.article)).toEqual(['Art 32']);
  });

  it('has nothing further once UM has decided to terminate (Art 35)', () => {
    const next = nextArrearsAction(
      {
        ...reversed,
        facilitiesBlockedOn: '2023-01-27',
        reversalReminderSentOn: '2023-01-27',
        terminationDecidedOn: '2023-02-13',
      },
      '2023-02-20',
      p,
    );
    expect(next.action).toBe('none');
    expect(next.reasons.map((r) => r.article)).toEqual(['Art 35']);
  });
});

describe('isReEnrolmentRefusedForArrears (Art 3.5, 35)', () => {
  it('refuses re-enrolment while tuition fees and administration fees are in arrears (Art 3.5)', () => {
    const d = isReEnrolmentRefusedForArrears(
      {
        decidedOn: '2023-08-10',
        enrolmentStartDate: '2023-09-01',
        debts: [
          { description: 'Instalment 8', amountCents: 115000, kind: 'tuition-fee' },
          { description: 'Administration fee', amountCents: 1950, kind: 'administration-fee' },
          { description: 'Library fine', amountCents: 2500, kind: 'other' },
        ],
      },
      p,
    );
    expect(d).toMatchObject({ refused: true, feeArrearsCents: 116950 });
    expect(d.reasons.map((r) => r.article)).toEqual(['Art 3.5']);
    expect(d.reasons[0].text).toContain('€1,169.50');
  });

  it('does not refuse re-enrolment for a debt that is not a fee or administration fee (Art 3.5)', () => {
    const d = isReEnrolmentRefusedForArrears(
      {
        decidedOn: '2023-08-10',
        enrolmentStartDate: '2023-09-01',
        debts: [{ description: 'Library fine', amountCents: 2500, kind: 'other' }],
      },
      p,
    );
    expect(d).toMatchObject({ refused: false, feeArrearsCents: 0 });
    expect(d.reasons.map((r) => r.article)).toEqual(['Art 3.5']);
  });

  it('after a termination for arrears, refuses re-enrolment in the same academic year (Art 35)', () => {
    const d = isReEnrolmentRefusedForArrears(
      {
        decidedOn: '2023-04-20',
        enrolmentStartDate: '2023-05-01',
        debts: [],
        terminationForArrears: { effectiveDate: '2023-03-01', allChargesPaidOn: '2023-04-15' },
      },
      p,
    );
    expect(d.refused).toBe(true);
    expect(d.reasons.map((r) => r.article)).toEqual(['Art 3.5', 'Art 35']);
    expect(d.reasons[1].text).toContain('following academic year, starting 1 September 2023');
  });

  it('after a termination for arrears, allows the next academic year only if every charge was paid before it started (Art 35)', () => {
    const facts = {
      decidedOn: '2023-09-10',
      enrolmentStartDate: '2023-09-01',
      debts: [],
      terminationForArrears: { effectiveDate: '2023-03-01', allChargesPaidOn: '2023-08-20' },
    };
    expect(isReEnrolmentRefusedForArrears(facts, p).refused).toBe(false);
    const late = isReEnrolmentRefusedForArrears(
      { ...facts, terminationForArrears: { effectiveDate: '2023-03-01', allChargesPaidOn: '2023-09-05' } },
      p,
    );
    expect(late.refused).toBe(true);
    expect(late.reasons.map((r) => r.article)).toEqual(['Art 3.5', 'Art 35']);
    expect(late.reasons[1].text).toContain('paid only on 5 September 2023');
  });
});
