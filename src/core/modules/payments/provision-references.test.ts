import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findProvisionText, loadProvisions } from '../../provisions/load-provisions';
import {
  isReEnrolmentRefusedForArrears,
  nextArrearsAction,
  planArrearsProcedure,
  type ArrearsState,
} from './arrears.rules';
import {
  assessPaymentMethods,
  describePayerArrangement,
  interimEnrolmentCharge,
  paymentDeadline,
  planInstalments,
  validateIban,
  type FeeKind,
  type Intake,
} from './payment-plan.rules';
import type { ProvisionReason } from './provision-reason';
import { settleFeeReassessment } from './reassessment.rules';
import { refundFactsSchema, type RefundFactsInput } from '../../../shared/facts/refund-facts';
import { assessDamagesForUnenrolledParticipation, decideRefund } from './refund.rules';

const p = loadProvisions('2022-23');

/** Runs every rule of the module through its branches and collects the reasons they give. */
function everyReasonProduced(): ProvisionReason[] {
  const reasons: ProvisionReason[] = [];
  const add = (r: { reasons: readonly ProvisionReason[] }) => reasons.push(...r.reasons);

  for (const round of ['first-enrolment', 're-enrolment'] as const) {
    for (const intake of ['september', 'february'] as const) {
      for (const code of ['NL', 'SR', 'US']) {
        for (const latestEnrolmentDeadline of [null, '2022-05-01']) {
          add(paymentDeadline({ round, intake, nationalityCountryCode: code, latestEnrolmentDeadline }, p));
        }
      }
    }
  }
  const feeKinds: FeeKind[] = ['tuition-fee', 'study-fee', 'examination-fee'];
  const intakes: Intake[] = ['september', 'february', 'interim'];
  for (const feeKind of feeKinds) {
    for (const intake of intakes) {
      for (const permit of [false, true]) {
        for (const iban of [null, 'NL91ABNA0417164300', 'NL00ABNA0417164300']) {
          const facts = {
            feeKind,
            intake,
            universityAppliesForStudyResidencePermit: permit,
            iban,
            facultyOffersInstalments: true,
          };
          add(assessPaymentMethods(facts, p));
          add(planInstalments({ ...facts, feeCents: 110500 }, p));
        }
      }
      add(interimEnrolmentCharge({ feeKind, annualFeeCents: 920000, enrolledOn: '2022-10-03' }, p));
    }
  }
  for (const iban of [
    '',
    'NL91 ABNA 0417 1643 00',
    'XX',
    '12',
    'NLAB',
    'US64SVBKUS6S3300958879',
    'NL91ABNA04171643',
    'NL00ABNA0417164300',
    'NL91_ABNA',
  ]) {
    add(validateIban(iban));
  }
  for (const payer of ['student', 'third-party'] as const) {
    for (const isAdult of [true, false]) {
      for (const method of ['lump-sum-transfer', 'direct-debit-instalments'] as const) {
        add(
          describePayerArrangement({
            round: 'first-enrolment',
            isAdult,
            isExternalStudent: !isAdult,
            payer,
            thirdPartyAuthorisationSubmitted: isAdult,
            method,
          }),
        );
      }
    }
  }
  for (const [before, after, paid] of [
    [110500, 220900, 110500],
    [220900, 220900, 0],
    [920000, 220900, 920000],
    [920000, 220900, 100000],
  ]) {
    add(
      settleFeeReassessment({
        previousAssessedCents: before,
        newAssessedCents: after,
        paidCents: paid,
        otherOpenDebts: [{ description: 'Fine', amountCents: 500 }],
      }),
    );
  }
  const arrears: ArrearsState[] = [
    { route: 'missed-instalment', arisenOn: '2022-11-25', unpaidInstalments: 1, outstandingCents: 115000 },
    {
      route: 'reversed-direct-debit',
      arisenOn: '2023-07-20',
      unpaidInstalments: 2,
      outstandingCents: 230000,
    },
  ];
  for (const state of arrears) {
    add(planArrearsProcedure(state, p));
    add(nextArrearsAction(state, '2023-08-30', p));
    add(nextArrearsAction({ ...state, settledOn: '2023-01-01' }, '2023-08-30', p));
    add(
      nextArrearsAction(
        {
          ...state,
          terminationDecidedOn: '2023-08-01',
          firstReminderSentOn: '2023-07-20',
          facilitiesBlockedOn: '2023-07-20',
          secondReminderSentOn: '2023-07-20',
          reversalReminderSentOn: '2023-07-20',
        },
        '2023-08-30',
        p,
      ),
    );
  }
  for (const debts of [
    [],
    [{ description: 'Instalment', amountCents: 1000, kind: 'tuition-fee' as const }],
  ]) {
    for (const paidOn of [null, '2023-08-01', '2023-09-02']) {
      for (const start of ['2023-05-01', '2023-09-01']) {
        add(
          isReEnrolmentRefusedForArrears(
            {
              decidedOn: '2023-04-01',
              enrolmentStartDate: start,
              debts,
              terminationForArrears: { effectiveDate: '2023-03-01', allChargesPaidOn: paidOn },
            },
            p,
          ),
        );
      }
    }
  }

  const base: RefundFactsInput = {
    academicYear: '2022-23',
    level: 'bachelor',
    studentKind: 'student',
    enrolmentStartDate: '2022-09-01',
    fee: { applicableCents: 920000, paidCents: 460000 },
    ects: { programmeTotal: 60, remaining: 30 },
    ending: { reason: 'student-request', requestDate: '2023-01-16' },
    refundRequested: true,
    paidByThirdParty: true,
    outstandingDebts: [{ description: 'Fine', amountCents: 500 }],
  };
  const endings: RefundFactsInput['ending'][] = [
    { reason: 'student-request', requestDate: '2022-08-01' },
    { reason: 'student-request', requestDate: '2023-01-16', requestedEffectiveDate: '2022-12-01' },
    { reason: 'student-request', requestDate: '2023-01-16', requestedEffectiveDate: '2023-05-01' },
    { reason: 'student-request', requestDate: '2023-06-16' },
    { reason: 'student-request', requestDate: '2023-08-16' },
    {
      reason: 'graduation',
      graduationDate: '2022-12-01',
      examinationRequirementsCompleted: true,
      terminationRequestDate: null,
    },
    {
      reason: 'graduation',
      graduationDate: '2022-12-01',
      examinationRequirementsCompleted: false,
      terminationRequestDate: '2022-12-10',
    },
    {
      reason: 'graduation',
      graduationDate: '2022-12-01',
      examinationRequirementsCompleted: true,
      terminationRequestDate: '2023-02-10',
    },
    { reason: 'death', dateOfDeath: '2023-02-10' },
    { reason: 'death', dateOfDeath: '2023-07-10' },
    { reason: 'arrears', warningNoticeDate: '2022-12-10', effectiveDate: '2023-01-01' },
  ];
  for (const level of ['bachelor', 'pre-master'] as const) {
    for (const studentKind of level === 'bachelor'
      ? (['student', 'external-student'] as const)
      : (['student'] as const)) {
      for (const ending of endings) {
        for (const refundRequested of [true, false]) {
          add(
            decideRefund(
              refundFactsSchema.parse({ ...base, level, studentKind, ending, refundRequested }),
              p,
            ),
          );
        }
      }
    }
  }
  for (const participation of ['full-time', 'part-time', 'pre-master'] as const) {
    add(
      assessDamagesForUnenrolledParticipation(
        {
          participation,
          programmeCode: 'm-international-business',
          studyFeeCents: 110500,
          usedFrom: '2023-01-10',
          usedUntil: '2023-02-10',
          damagesPaidOn: '2023-02-20',
        },
        p,
      ),
    );
  }
  return reasons;
}

describe('article references of the payment rules', () => {
  it('resolves every article reference the rules produce with findProvisionText, each with a sentence', () => {
    const reasons = everyReasonProduced();
    const refs = [...new Set(reasons.map((r) => r.article))].sort();
    const unresolved = refs.filter((ref) => findProvisionText(p, ref) === undefined);
    expect(unresolved).toEqual([]);
    for (const r of reasons) expect(r.text, r.article).toMatch(/^\S.*[.!]$/s);
    // The battery reaches the articles this module applies; a shrinking battery would show here.
    expect(refs).toEqual(
      expect.arrayContaining([
        'Art 3.5',
        'Art 4.5',
        'Art 14.1',
        'Art 14.2',
        'Art 14.3',
        'Art 14.4',
        'Art 14.7',
        'Art 28.4',
        'Art 29.1',
        'Art 29.2',
        'Art 31.2',
        'Art 31.3',
        'Art 31.4',
        'Art 31.4a',
        'Art 31.4b',
        'Art 31.4c',
        'Art 31.5',
        'Art 31.6',
        'Art 31.7',
        'Art 31.8',
        'Art 31.9',
        'Art 31.10',
        'Art 32',
        'Art 32.1a',
        'Art 32.1b',
        'Art 32.2',
        'Art 33.1',
        'Art 33.2',
        'Art 33.3',
        'Art 33.4',
        'Art 33.5',
        'Art 34.1',
        'Art 34.2',
        'Art 34.3',
        'Art 34.4',
        'Art 34.5',
        'Art 35',
        'Art 37.2',
        'Art 37.3',
        'Art 38.1',
        'Art 38.2',
        'Art 39.1',
        'Art 39.2',
        'Art 40.1',
        'Art 40.3',
        'Art 40.4',
        'Art 40.5',
      ]),
    );
  });

  it('resolves every article reference written in the rule sources', () => {
    const folder = new URL('./', import.meta.url);
    const sources = readdirSync(folder).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const written = new Set<string>();
    for (const file of sources) {
      const text = readFileSync(new URL(file, folder), 'utf8');
      for (const m of text.matchAll(/article: '([^']+)'/g)) written.add(m[1]);
      for (const m of text.matchAll(/(?:none|setOffAgainstDebts)\([^']*'(Art [^']+)'/g)) written.add(m[1]);
    }
    expect(written.size).toBeGreaterThan(30);
    expect([...written].filter((ref) => findProvisionText(p, ref) === undefined)).toEqual([]);
  });
});
