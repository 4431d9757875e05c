import { DeskError } from '../../../shared/errors';
import type { EnrolmentTiming } from './enrolment-timing.rules';
import type { FeeAssessment } from './fee-assessment';
import type { FeeFacts } from '../../../shared/facts/fee-facts';
import type { FeeLookups, ResolvedProgramme } from './fee-lookups';
import { dateText, euroText, type FeeReason } from './fee-reasons';
import { assessParagraph1a, assessParagraph1b, refugeeStatusText } from './statutory-eligibility.rules';

/** Art 27, 29.2: the examination fee of an external student, never reduced for a late start. */
export function assessExaminationFee(
  facts: FeeFacts,
  lookups: FeeLookups,
  programme: ResolvedProgramme,
  timing: EnrolmentTiming,
  timingReasons: FeeReason[],
): FeeAssessment {
  const { fees } = lookups.provisions;
  const initial = programme.initial;
  const level = programme.level === 'bachelor' ? 'bachelor' : 'initial-master';
  if (!initial) {
    throw new DeskError('validation', 'External students enrol in Appendix I programmes only (Art 2.4).', {
      field: 'enrolmentKind',
    });
  }
  // Art 14.5 names the statutory tuition fees of Articles 16–21, not examination fees: no permit deadline here.
  const paragraph1b = assessParagraph1b(facts, lookups, timing, 'Art 16.1b', false);
  const paragraph1a = assessParagraph1a(facts, lookups, timing, level, false, false);
  const isGroupMemberAtStart = paragraph1b.fromIndex !== null && paragraph1b.fromIndex <= timing.startIndex;
  const reasons: FeeReason[] = [...paragraph1b.reasons];
  if (isGroupMemberAtStart || facts.refugee) reasons.push(...paragraph1a.reasons);

  let amount: number;
  if (isGroupMemberAtStart && paragraph1a.isMet) {
    amount = fees.examinationFeeStatutoryCents.amountCents;
    reasons.push({
      article: fees.examinationFeeStatutoryCents.article,
      text: `The student enrols as an external student in ${programme.printedName} and meets Article 16, so pays an examination fee of ${euroText(amount)}.`,
    });
  } else if (facts.refugee && paragraph1a.isMet) {
    // Ambiguity (Art 27): 27.2 and 27.3 exclude students who meet Article 25, but 27.1 names only Article 16;
    // those meeting Article 25 are given the examination fee of 27.1, the only one left for them.
    amount = fees.examinationFeeStatutoryCents.amountCents;
    reasons.push({
      article: 'Art 25.1',
      text: `The student ${refugeeStatusText(facts)} and meets Article 16 apart from paragraph 1b.`,
    });
    reasons.push({
      article: fees.examinationFeeStatutoryCents.article,
      text: `Articles 27.2 and 27.3 exclude students meeting Article 25, so the external student pays the examination fee of paragraph 1: ${euroText(amount)}.`,
    });
  } else {
    // Ambiguity (Art 27.2): for UCM and MSP the fee "depending on the funding category" (€12,800) and "equal to
    // the institutional fee … in Appendix I" (€14,217, Art 22.3) differ; the amounts the paragraph names prevail.
    const entry = fees[lookups.examinationFeeKeys[level][initial.fundingCategory]];
    amount = entry.amountCents;
    reasons.push({
      article: entry.article,
      text: `The student enrols as an external student in ${programme.printedName} and meets neither Article 16 nor Article 25, so pays the examination fee of funding category ${initial.fundingCategory}: ${euroText(amount)}.`,
    });
    reasons.push({
      article: 'App I',
      text: `Appendix I lists “${programme.appendixLabel ?? programme.printedName}” under “${programme.bandHeading ?? ''}”.`,
    });
  }
  reasons.push(...timingReasons);
  if (timing.startIndex > 0) {
    reasons.push({
      article: 'Art 29.2',
      text: `The external student enrols after the start of the academic year (${dateText(timing.effectiveStart)}) but pays the full examination fee: examination fees are not reduced.`,
    });
  }
  return { kind: 'examination-fee', amountCents: amount, annualAmountCents: amount, reasons };
}
