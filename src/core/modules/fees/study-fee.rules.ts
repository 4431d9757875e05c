import { DeskError } from '../../../shared/errors';
import type { FeeAssessment } from './fee-assessment';
import type { FeeFacts } from '../../../shared/facts/fee-facts';
import type { FeeLookups, ResolvedProgramme } from './fee-lookups';
import { dateText, euroText, type FeeReason } from './fee-reasons';
import { STATUTORY_BBC_KINDS } from './simultaneous-enrolments.rules';

/** Art 28.1–28.2, 30.5: the study fee of a pre-master's programme, by the ECTS credits of the year. */
export function assessPreMasterStudyFee(
  facts: FeeFacts,
  lookups: FeeLookups,
  programme: ResolvedProgramme,
): FeeAssessment {
  const { fees } = lookups.provisions;
  const reasons: FeeReason[] = [
    {
      article: 'Art 28.1',
      text: `${programme.printedName} is a pre-master’s programme, whose students pay a study fee rather than a tuition fee.`,
    },
  ];
  // Art 30.5: exempt on a BBC of the other institution for a bachelor's or initial master's with the statutory fee.
  // Ambiguity: "a higher education institution in the Netherlands" could include UM, but "a BBC from the other
  // institution" presupposes another one; the letter is followed and UM enrolments do not count.
  const basis = facts.otherEnrolments.find(
    (o) =>
      (o.institution === 'dutch-higher-education' || o.institution === 'open-university') &&
      o.level !== 'other' &&
      STATUTORY_BBC_KINDS.has(o.feeKind) &&
      o.bbcSubmittedOn !== null &&
      o.completedOn === null,
  );
  if (basis) {
    reasons.push({
      article: 'Art 30.5',
      text: `The student follows a ${basis.level === 'bachelor' ? 'bachelor’s' : 'initial master’s'} programme at another Dutch institution for the statutory fee and submitted its BBC on ${dateText(basis.bbcSubmittedOn ?? '')}, so is exempt from the study fee.`,
    });
    return { kind: 'none', amountCents: 0, annualAmountCents: 0, reasons };
  }
  if (facts.otherEnrolments.some((o) => o.institution === 'um' && STATUTORY_BBC_KINDS.has(o.feeKind))) {
    reasons.push({
      article: 'Art 30.5',
      text: 'The exemption rests on a BBC of another institution; the student’s statutory-fee enrolment at UM itself gives none.',
    });
  }
  const preMaster = facts.preMaster;
  if (preMaster === null) {
    throw new DeskError(
      'validation',
      'The study fee of a pre-master’s depends on the ECTS credits that can be obtained this year (Art 28.2): record them.',
      { field: 'preMaster' },
    );
  }
  let amount: number;
  if (preMaster.isTailored) {
    const perEcts = fees.preMasterStudyFeeTailoredPerEctsCents.amountCents;
    amount = perEcts * preMaster.ects;
    reasons.push({
      article: fees.preMasterStudyFeeTailoredPerEctsCents.article,
      text: `The tailored pre-master’s of ${preMaster.ects} ECTS costs ${euroText(perEcts)} per ECTS: ${euroText(amount)}.`,
    });
  } else {
    const entry =
      preMaster.ects === 30
        ? fees.preMasterStudyFee30EctsCents
        : preMaster.ects === 60
          ? fees.preMasterStudyFee60EctsCents
          : null;
    if (entry === null) {
      throw new DeskError(
        'validation',
        `Art 28.2 sets the study fee of a pre-master’s of 30 or 60 ECTS, or of a tailored programme per ECTS; ${preMaster.ects} ECTS must be recorded as tailored.`,
        { field: 'preMaster' },
      );
    }
    amount = entry.amountCents;
    reasons.push({
      article: entry.article,
      text: `The pre-master’s of ${preMaster.ects} ECTS this academic year costs ${euroText(amount)}.`,
    });
  }
  return { kind: 'study-fee', amountCents: amount, annualAmountCents: amount, reasons };
}

/** Art 28.1, 28.3: the study fee of a master's programme for professionals, set by the faculty board. */
export function assessProfessionalMasterStudyFee(
  facts: FeeFacts,
  programme: ResolvedProgramme,
): FeeAssessment {
  const professional = programme.professional;
  const fromProvisions = professional?.studyFeeCents ?? null;
  const amount = fromProvisions ?? facts.professionalMasterStudyFeeCents;
  if (amount === null) {
    throw new DeskError(
      'validation',
      `The study fee of ${programme.printedName} is set by the faculty board and published on the UM website, not in the provisions (Art 28.3): record it.`,
      { field: 'professionalMasterStudyFeeCents' },
    );
  }
  return {
    kind: 'study-fee',
    amountCents: amount,
    annualAmountCents: amount,
    reasons: [
      {
        article: 'Art 28.1',
        text: `${programme.printedName} is a master’s programme for professionals, whose students pay a study fee rather than a tuition fee.`,
      },
      {
        article: professional?.studyFeeArticle ?? 'Art 28.3',
        text: `The faculty board set the study fee of this programme at ${euroText(amount)}${fromProvisions === null ? ' (as recorded from the UM website)' : ''}.`,
      },
    ],
  };
}
