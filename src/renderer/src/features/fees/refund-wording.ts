import { formatCents } from '../../../../shared/money';
import { formatLongDate } from './long-date';
import type { RefundDecision, RefundFactsInput } from './useRefund';

/** How the levels of the refund facts are named on screen and on paper. */
export const levelLabels: Record<RefundFactsInput['level'], string> = {
  bachelor: "Bachelor's",
  'initial-master': "Initial master's",
  'pre-master': "Pre-master's",
  'professional-master': "Professional master's",
};

/** How the kinds of student are named (Art 1k, 27). */
export const studentKindLabels: Record<RefundFactsInput['studentKind'], string> = {
  student: 'Student',
  'external-student': 'External student',
};

/** How the ways an enrolment ends are named (Art 33, 35, 38). */
export const endingLabels: Record<RefundFactsInput['ending']['reason'], string> = {
  'student-request': "At the student's request",
  graduation: 'Graduation',
  death: 'Death of the student',
  arrears: 'Terminated by UM for payment arrears',
};

/** How the outcomes of a refund decision are named, with a badge colour. */
export const outcomeLabels: Record<RefundDecision['outcome'], { label: string; color: string }> = {
  terminated: { label: 'Terminated', color: 'indigo' },
  'cancelled-before-start': { label: 'Cancelled before the start', color: 'teal' },
  'continued-enrolment': { label: 'Enrolment continues', color: 'orange' },
  'request-not-processed': { label: 'Request not processed', color: 'red' },
  'ends-by-law': { label: 'Ends by law on 31 August', color: 'gray' },
};

/** What a refund is computed from. */
export const refundBasisLabels: Record<RefundDecision['refundBasis'], string> = {
  'remaining-months': 'for the remaining months',
  'remaining-ects': 'for the remaining ECTS',
  'full-amount-paid': 'everything paid',
  none: 'no refund',
};

/** Where a refund is paid (Art 34.4, 38.2). */
export const refundToLabels: Record<NonNullable<RefundDecision['refundTo']>, string> = {
  'account-paid-from': 'the account the fee was paid from',
  'third-party-account-on-record': "the third party's account on record",
  heirs: 'the heirs',
};

/** The fee a refund concerns. */
export const feeKindLabels: Record<RefundDecision['feeKind'], string> = {
  'tuition-fee': 'Tuition fee',
  'study-fee': 'Study fee',
  'examination-fee': 'Examination fee',
};

/** How and when the enrolment ends, as the facts state it, to follow its label ("termination requested on …"). */
export function describeEnding(ending: RefundFactsInput['ending']): string {
  switch (ending.reason) {
    case 'student-request':
      return `termination requested on ${formatLongDate(ending.requestDate)}${ending.requestedEffectiveDate ? `, asked to take effect on ${formatLongDate(ending.requestedEffectiveDate)}` : ''}`;
    case 'graduation':
      return `graduated on ${formatLongDate(ending.graduationDate)}; ${ending.terminationRequestDate ? `termination requested on ${formatLongDate(ending.terminationRequestDate)}` : 'termination not requested'}; examination requirements ${ending.examinationRequirementsCompleted ? 'completed' : 'not completed'}`;
    case 'death':
      return `died on ${formatLongDate(ending.dateOfDeath)}`;
    case 'arrears':
      return `warning notice of ${formatLongDate(ending.warningNoticeDate)}${ending.effectiveDate ? `; termination decided as of ${formatLongDate(ending.effectiveDate)}` : ''}`;
  }
}

/** The facts of a refund as label and value rows, for the printed calculation. */
export function refundFactRows(facts: RefundFactsInput): { label: string; value: string }[] {
  const charged = facts.fee.chargedCents;
  const debts = facts.outstandingDebts ?? [];
  return [
    { label: 'Academic year', value: facts.academicYear },
    {
      label: 'Programme level',
      value: `${levelLabels[facts.level]} (${studentKindLabels[facts.studentKind].toLowerCase()})`,
    },
    { label: 'Enrolment start', value: formatLongDate(facts.enrolmentStartDate) },
    {
      label: 'Fee',
      value: `${formatCents(facts.fee.applicableCents)} for the year${charged === undefined ? '' : `, ${formatCents(charged)} charged`}, ${formatCents(facts.fee.paidCents)} paid`,
    },
    ...(facts.ects
      ? [
          {
            label: 'ECTS',
            value: `${facts.ects.remaining} of ${facts.ects.programmeTotal} remaining`,
          },
        ]
      : []),
    { label: 'Ending', value: `${endingLabels[facts.ending.reason]}: ${describeEnding(facts.ending)}` },
    {
      label: 'Refund requested',
      value: `${facts.refundRequested ? 'Yes' : 'No'}${facts.paidByThirdParty ? '; paid by a third party' : ''}`,
    },
    ...(debts.length > 0
      ? [
          {
            label: 'Other debts',
            value: debts.map((d) => `${d.description} ${formatCents(d.amountCents)}`).join('; '),
          },
        ]
      : []),
  ];
}
