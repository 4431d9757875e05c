import { DeskError } from '../../../shared/errors';
import type { HandlingFeeExemption, Provisions } from '../../provisions/provisions.schema';
import type { FeeFacts } from '../../../shared/facts/fee-facts';
import { feeLookupsFor, type FeeLookups } from './fee-lookups';
import { countryText, euroText, type FeeReason } from './fee-reasons';

/** The handling fee of Art 15 for an application, with the articles that decided it. */
export interface HandlingFeeAssessment {
  /** Art 15.1: the handling fee must be paid (no exemption of 15.4, no hardship exemption of 15.5). */
  isDue: boolean;
  /** The amount due, in cents (0 when not due). */
  amountCents: number;
  /** Art 15.3: refunded to the student's SEPA account when the application leads to definitive enrolment. */
  isRefundableOnEnrolment: boolean;
  reasons: FeeReason[];
}

/** Whether an exemption of Art 15.4 applies, by its key in `provisions.handlingFeeExemptions`, and why. */
type ExemptionTest = (facts: FeeFacts, exemption: HandlingFeeExemption, lookups: FeeLookups) => string | null;

const EXEMPTION_TESTS: Readonly<Record<string, ExemptionTest>> = {
  'recognised-refugee-or-w-document': (facts) =>
    facts.refugee === null
      ? null
      : facts.refugee.status === 'recognised-refugee'
        ? 'The student is regarded in the Netherlands as a recognised refugee.'
        : 'The student holds a valid W-document (Article 8f Aliens Act).',
  'uaf-supported': (facts) =>
    facts.refugee?.isUafSupported ? 'The student is financially supported by the UAF.' : null,
  'previously-enrolled-at-um': (facts) =>
    facts.handlingFee.wasPreviouslyEnrolledAtUm || facts.isReEnrolment
      ? 'The student was previously enrolled at UM in a bachelor’s, pre-master’s or initial master’s programme or as an exchange student.'
      : null,
  'previously-paid-handling-fee': (facts) =>
    facts.handlingFee.hasPreviouslyPaidHandlingFee
      ? 'The student previously paid a handling fee to UM.'
      : null,
  'joint-programme-assessed-by-partner': (facts) =>
    facts.handlingFee.wasAssessedByJointProgrammePartner
      ? 'The foreign partner university of the joint programme has already assessed the student’s admissibility.'
      : null,
  'united-kingdom-prior-education': (facts, exemption, lookups) =>
    facts.priorEducation.country !== null && exemption.countryCodes.includes(facts.priorEducation.country)
      ? `The student completed their prior education in ${countryText(lookups, facts.priorEducation.country)}, one of the countries of the United Kingdom.`
      : null,
  'european-or-international-baccalaureate': (facts) =>
    facts.priorEducation.diploma === 'european-baccalaureate'
      ? 'The student holds a European Baccalaureate diploma.'
      : facts.priorEducation.diploma === 'international-baccalaureate'
        ? 'The student holds an International Baccalaureate diploma.'
        : null,
  'caribbean-or-suriname-vwo': (facts, exemption, lookups) =>
    facts.priorEducation.diploma === 'vwo' &&
    facts.priorEducation.country !== null &&
    exemption.countryCodes.includes(facts.priorEducation.country)
      ? `The student holds a pre-university (VWO) diploma obtained in ${countryText(lookups, facts.priorEducation.country)}.`
      : null,
  'swiss-maturity-certificate': (facts) =>
    facts.priorEducation.diploma === 'swiss-maturity'
      ? 'The student holds a Swiss Maturitätszeugnis / Certificat de Maturité / Attesto di Maturità.'
      : null,
};

/**
 * Assesses the handling fee of Art 15: €100 (from the provisions) for the assessment of prior education
 * received outside the EU/EEA, unless an exemption of 15.4 a–i or the hardship exemption of 15.5 applies;
 * refunded on definitive enrolment (15.3).
 */
export function assessHandlingFee(facts: FeeFacts, provisions: Provisions): HandlingFeeAssessment {
  const lookups = feeLookupsFor(provisions);
  const fee = provisions.fees.handlingFeeCents;
  const notDue = (reasons: FeeReason[]): HandlingFeeAssessment => ({
    isDue: false,
    amountCents: 0,
    isRefundableOnEnrolment: false,
    reasons,
  });

  if (facts.enrolmentKind === 'exchange' || facts.enrolmentKind === 'subsidiary') {
    return notDue([
      {
        article: fee.article,
        text: `The handling fee concerns admissibility to a bachelor’s, pre-master’s or initial master’s programme, not enrolment as ${facts.enrolmentKind === 'exchange' ? 'an exchange' : 'a subsidiary'} student.`,
      },
    ]);
  }
  const programme = facts.programmeCode === null ? undefined : lookups.programmes.get(facts.programmeCode);
  if (!programme) {
    throw new DeskError(
      'validation',
      `The programme "${facts.programmeCode ?? ''}" is not in Appendix I, IV or VI of the provisions ${provisions.academicYear}.`,
      { field: 'programmeCode' },
    );
  }
  if (programme.level === 'professional-master') {
    return notDue([
      {
        article: fee.article,
        text: `The handling fee concerns admissibility to a bachelor’s, pre-master’s or initial master’s programme; ${programme.printedName} is a master’s programme for professionals.`,
      },
    ]);
  }

  const country = facts.priorEducation.country;
  if (country === null) {
    return notDue([
      {
        article: fee.article,
        text: 'No country of prior education is recorded; the handling fee is due only for prior education received in a non-EU/EEA country.',
      },
    ]);
  }
  // Art 1l defines the "EU/EEA countries" of these provisions; as printed it omits Iceland (see editorialNotes),
  // so by the letter prior education from Iceland incurs the handling fee.
  if (lookups.euEeaCountries.has(country)) {
    return notDue([
      {
        article: fee.article,
        text: `The student received their prior education in ${countryText(lookups, country)}, an EU/EEA country (Art 1l), so no handling fee is due.`,
      },
    ]);
  }

  const reasons: FeeReason[] = [];
  const exemptions: FeeReason[] = [];
  for (const exemption of provisions.handlingFeeExemptions) {
    const test = EXEMPTION_TESTS[exemption.key] as ExemptionTest | undefined;
    const why = test?.(facts, exemption, lookups) ?? null;
    if (why === null) continue;
    if (exemption.bachelorOnly && programme.level !== 'bachelor') {
      reasons.push({
        article: exemption.article,
        text: `${why.slice(0, -1)}, but this exemption applies only to enrolment in a bachelor’s programme.`,
      });
      continue;
    }
    exemptions.push({
      article: exemption.article,
      text: `${why.slice(0, -1)}, so the student is exempt from the handling fee.`,
    });
  }
  if (exemptions.length > 0) {
    return notDue([
      {
        article: fee.article,
        text: `The student received their prior education in ${countryText(lookups, country)}, a non-EU/EEA country.`,
      },
      ...reasons,
      ...exemptions,
    ]);
  }
  if (facts.handlingFee.isHardshipExemptionGranted) {
    return notDue([
      {
        article: fee.article,
        text: `The student received their prior education in ${countryText(lookups, country)}, a non-EU/EEA country.`,
      },
      ...reasons,
      {
        article: provisions.handlingFeeHardshipExemption.article,
        text: 'The director of the SSC granted exemption because payment would be an insurmountable obstacle to enrolment and the student holds a scholarship granted partly on grounds of financial hardship.',
      },
    ]);
  }
  return {
    isDue: true,
    amountCents: fee.amountCents,
    isRefundableOnEnrolment: true,
    reasons: [
      {
        article: fee.article,
        text: `The student received their prior education in ${countryText(lookups, country)}, a non-EU/EEA country, and no exemption applies, so a handling fee of ${euroText(fee.amountCents)} is due for the assessment of the diploma.`,
      },
      ...reasons,
      {
        article: 'Art 15.2',
        text: 'The handling fee must be paid before the latest enrolment deadline of the programme (Art 12.2); otherwise enrolment is denied.',
      },
      {
        article: 'Art 15.3',
        text: 'If the application leads to definitive enrolment, the handling fee is refunded to the student’s SEPA bank account.',
      },
    ],
  };
}
