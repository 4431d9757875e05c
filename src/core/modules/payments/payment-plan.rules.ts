import type { Provisions } from '../../provisions/provisions.schema';
import {
  calendarMonthsFromUntil,
  firstDayOfMonthsLater,
  formatLongDate,
  monthName,
  parseIsoDate,
} from './calendar-dates';
import { formatEuroCents, proRataCents, splitCentsEvenly } from './euro-cents';
import type { ProvisionReason } from './provision-reason';
import { validateIban } from './sepa-iban';

export { validateIban, type IbanCheck } from './sepa-iban';

/** Whether the student enrols at UM for the first time (Art 14.1) or re-enrols (Art 1n, Art 14.2). */
export type EnrolmentRound = 'first-enrolment' | 're-enrolment';

/** The intake of an enrolment: 1 September (Art 4.1), 1 February (Art 4.2) or an interim enrolment (Art 4.4–4.5). */
export type Intake = 'september' | 'february' | 'interim';

/** The fee being paid: tuition fee (Art 16–26), study fee (Art 28) or examination fee of an external student (Art 27). */
export type FeeKind = 'tuition-fee' | 'study-fee' | 'examination-fee';

/** The ways of paying of Art 31.4: a lump-sum transfer (a), a lump-sum direct debit (b), direct debit in instalments (c). */
export type PaymentMethod = 'lump-sum-transfer' | 'lump-sum-direct-debit' | 'direct-debit-instalments';

/** The commencement date of an intake as the provisions state it (Art 4.1, 4.2). */
function commencementDate(provisions: Provisions, intake: 'september' | 'february'): string {
  const entry = provisions.enrolment.commencementDates.find((c) => c.intake === intake);
  if (!entry)
    throw new Error(`The provisions ${provisions.academicYear} name no ${intake} commencement date.`);
  return entry.date;
}

/** The number of months of the academic year (Art 1bb: 1 September up to and including 31 August). */
function monthsInAcademicYear(provisions: Provisions): number {
  return calendarMonthsFromUntil(provisions.startDate, provisions.endDate);
}

// ------------------------------------------------------------------------------ payment deadline

/** The facts that decide by when the fee must be paid (Art 14). */
export interface PaymentDeadlineFacts {
  round: EnrolmentRound;
  intake: 'september' | 'february';
  /** ISO 3166-1 alpha-2 code of the student's nationality (as registered, Art 16.6). */
  nationalityCountryCode: string;
  /**
   * The latest enrolment deadline of the programme for first-time applicants from non-EU/EEA
   * countries (Art 12.3); it is published per programme on the UM website, not in the provisions.
   * Null when it is not known.
   */
  latestEnrolmentDeadline: string | null;
}

/** By when the fee must be paid, how, and why. */
export interface PaymentDeadlineDecision {
  /** The deadline, or null when it depends on an enrolment deadline that was not given (Art 14.4). */
  date: string | null;
  /** 'by': on that day at the latest (Art 14.1–14.2); 'before': the day before at the latest (Art 14.4). */
  relation: 'by' | 'before';
  /** Whether submitting a direct-debit authorisation meets the deadline (Art 14.1) or only payment does (Art 14.4). */
  satisfiedBy: 'payment-or-direct-debit-authorisation' | 'payment';
  /** Art 14.4: the months of fee UM must have received before it applies for a visa/residence permit; null when 14.4 does not apply. */
  feeMonthsBeforeVisaApplication: number | null;
  reasons: ProvisionReason[];
}

/** Whether the nationality is one that Art 14.4 excludes (EU/EEA, Switzerland, Suriname), read from the country groups. */
function isExemptFromEarlyPayment(provisions: Provisions, countryCode: string): boolean {
  return provisions.countryGroups.some(
    (group) =>
      group.countryCodes.includes(countryCode) &&
      group.treatments.some((t) => t.article === 'Art 14.4' && t.effect === 'no-early-payment'),
  );
}

/** The payment deadline of an enrolment (Art 14.1, 14.2, 14.4, 14.7). */
export function paymentDeadline(
  facts: PaymentDeadlineFacts,
  provisions: Provisions,
): PaymentDeadlineDecision {
  const { fees } = provisions;
  const reasons: ProvisionReason[] = [];
  const denial: ProvisionReason = {
    article: 'Art 14.7',
    text: 'If the fee owed is not paid on time, the enrolment is denied.',
  };

  if (facts.round === 're-enrolment') {
    const deadline = fees.paymentDeadlineReEnrolmentDate;
    // Art 14.2 names one date for every re-enrolment; it does not distinguish a February intake.
    reasons.push({
      article: deadline.article,
      text: `The student is re-enrolling, so the payment deadline is ${formatLongDate(deadline.date)}.`,
    });
    reasons.push(denial);
    return {
      date: deadline.date,
      relation: deadline.relation === 'before' ? 'before' : 'by',
      // Art 31.4: payment is effected by any of the ways a–c, including an authorised direct debit.
      satisfiedBy: 'payment-or-direct-debit-authorisation',
      feeMonthsBeforeVisaApplication: null,
      reasons,
    };
  }

  const regular =
    facts.intake === 'september'
      ? fees.paymentDeadlineFirstEnrolmentSeptemberDate
      : fees.paymentDeadlineFirstEnrolmentFebruaryDate;
  const code = facts.nationalityCountryCode.toUpperCase();

  if (isExemptFromEarlyPayment(provisions, code)) {
    reasons.push({
      article: regular.article,
      text: `First enrolment for the ${facts.intake} intake by a national of ${code}: the fee must be paid, or the direct-debit authorisation submitted, by ${formatLongDate(regular.date)}.`,
    });
    reasons.push(denial);
    return {
      date: regular.date,
      relation: regular.relation === 'before' ? 'before' : 'by',
      satisfiedBy: 'payment-or-direct-debit-authorisation',
      feeMonthsBeforeVisaApplication: null,
      reasons,
    };
  }

  // Art 14.4 follows the letter: it concerns every first-time student who is not a national of an
  // EU/EEA country, Switzerland or Suriname, whether or not UM applies for a permit, and it asks
  // for the fee to be paid (not merely authorised) before the enrolment deadline of Art 12.3.
  const prepaymentMonths =
    facts.intake === 'september'
      ? monthsInAcademicYear(provisions)
      : fees.februaryIntakeVisaPrepaymentMonths.months;
  const date = facts.latestEnrolmentDeadline;
  if (date !== null) parseIsoDate(date);
  reasons.push({
    article: 'Art 14.4',
    text:
      date === null
        ? `First enrolment by a national of ${code}, which is not an EU/EEA country, Switzerland or Suriname: the fee must be paid before the programme's latest enrolment deadline (Art 12.3), which is published on the UM website and was not given.`
        : `First enrolment by a national of ${code}, which is not an EU/EEA country, Switzerland or Suriname: the fee must be paid before the latest enrolment deadline of ${formatLongDate(date)} (Art 12.3).`,
  });
  reasons.push({
    article: 'Art 14.4',
    text:
      facts.intake === 'september'
        ? 'A visa/residence permit application is not submitted to the IND until UM has received the full fee for the whole academic year.'
        : `A visa/residence permit application is not submitted to the IND until UM has received the fee for ${prepaymentMonths} months (February intake).`,
  });
  reasons.push(denial);
  return {
    date,
    relation: 'before',
    satisfiedBy: 'payment',
    feeMonthsBeforeVisaApplication: prepaymentMonths,
    reasons,
  };
}

// ------------------------------------------------------------------------------- payment methods

/** The facts that decide which ways of paying are open (Art 28.4, 31.4, 31.6–31.8). */
export interface PaymentMethodFacts {
  feeKind: FeeKind;
  intake: Intake;
  /** UM is obliged to apply for a residence permit for the purposes of study for this student (Art 31.6). */
  universityAppliesForStudyResidencePermit: boolean;
  /** Study fee only: the faculty board offers payment in instalments (Art 28.4); not offered unless true. */
  facultyOffersInstalments?: boolean | null;
  /** The IBAN of the account to be debited, when already given; an invalid one closes the direct debits. */
  iban?: string | null;
}

/** One way of paying of Art 31.4 with whether it is open and why. */
export interface PaymentMethodOption {
  method: PaymentMethod;
  allowed: boolean;
  /** For direct debit in instalments that is allowed: the number of instalments (Art 31.4c); otherwise null. */
  instalmentCount: number | null;
  reasons: ProvisionReason[];
}

/** The ways of paying open to a student, each with its reasons. */
export interface PaymentMethodsDecision {
  options: PaymentMethodOption[];
  allowedMethods: PaymentMethod[];
  /** The reasons of all options, in order. */
  reasons: ProvisionReason[];
}

/** The number of instalments of Art 31.4c for an intake, with its article. */
function instalmentCountFor(
  provisions: Provisions,
  intake: 'september' | 'february',
): { count: number; article: string } {
  return intake === 'september'
    ? provisions.fees.instalmentsSeptemberIntakeCount
    : provisions.fees.instalmentsFebruaryIntakeCount;
}

/** Which ways of paying of Art 31.4 are open to the student, with a refusal naming its article. */
export function assessPaymentMethods(
  facts: PaymentMethodFacts,
  provisions: Provisions,
): PaymentMethodsDecision {
  const ibanCheck = facts.iban ? validateIban(facts.iban) : null;
  const ibanRefusal = ibanCheck && !ibanCheck.valid ? ibanCheck.reasons : null;

  const transfer: PaymentMethodOption = {
    method: 'lump-sum-transfer',
    allowed: true,
    instalmentCount: null,
    reasons: [
      facts.feeKind === 'examination-fee'
        ? {
            article: 'Art 31.8',
            text: 'The examination fee is paid by transferring the amount due in a single payment to the UM bank account indicated by the SSC; the external student bears the collection costs.',
          }
        : {
            article: 'Art 31.4a',
            text: 'The fee can always be paid by a lump-sum bank transfer.',
          },
    ],
  };

  const lumpSumDebit: PaymentMethodOption = {
    method: 'lump-sum-direct-debit',
    allowed: false,
    instalmentCount: null,
    reasons: [],
  };
  if (facts.feeKind === 'examination-fee') {
    lumpSumDebit.reasons.push({
      article: 'Art 31.8',
      text: 'An examination fee is paid by bank transfer in a single payment, not by direct debit.',
    });
  } else if (ibanRefusal) {
    lumpSumDebit.reasons.push(...ibanRefusal);
  } else {
    lumpSumDebit.allowed = true;
    lumpSumDebit.reasons.push({
      article: 'Art 31.4b',
      text: 'The fee can be paid by a lump-sum direct debit in euros from a SEPA bank account, authorised digitally.',
    });
    if (facts.universityAppliesForStudyResidencePermit) {
      lumpSumDebit.reasons.push({
        article: 'Art 31.6',
        text: 'UM applies for a residence permit for this student, so the whole fee must have been received in one payment before UM can apply.',
      });
    }
  }

  const instalments: PaymentMethodOption = {
    method: 'direct-debit-instalments',
    allowed: false,
    instalmentCount: null,
    reasons: [],
  };
  if (facts.feeKind === 'examination-fee') {
    instalments.reasons.push({
      article: 'Art 31.8',
      text: 'An examination fee is paid in a single payment, so it cannot be paid in instalments.',
    });
  } else if (facts.universityAppliesForStudyResidencePermit) {
    instalments.reasons.push({
      article: 'Art 31.6',
      text: 'UM is obliged to apply for a residence permit for the purposes of study for this student, so payment by direct-debit instalments cannot be authorised.',
    });
  } else if (facts.feeKind === 'study-fee' && facts.facultyOffersInstalments !== true) {
    instalments.reasons.push({
      article: 'Art 28.4',
      text: 'The faculty board decides whether the study fee can be paid in instalments, and it has not offered that option for this programme.',
    });
  } else if (facts.intake === 'interim') {
    // Art 31.4c sets instalments only "for enrolment as of 1 September" or "as of 1 February"; an
    // interim enrolment (Art 4.4–4.5) is neither, so by the letter it pays by way a or b.
    instalments.reasons.push({
      article: 'Art 31.4c',
      text: `Instalments are provided only for enrolment as of ${formatLongDate(commencementDate(provisions, 'september'))} or ${formatLongDate(commencementDate(provisions, 'february'))}, not for an interim enrolment permitted under Art 4.4.`,
    });
  } else if (ibanRefusal) {
    instalments.reasons.push(...ibanRefusal);
  } else {
    const { count, article } = instalmentCountFor(provisions, facts.intake);
    instalments.allowed = true;
    instalments.instalmentCount = count;
    instalments.reasons.push({
      article,
      text: `For enrolment as of ${formatLongDate(commencementDate(provisions, facts.intake))} the fee can be collected by direct debit from a SEPA bank account in ${count} equal instalments.`,
    });
  }

  const options = [transfer, lumpSumDebit, instalments];
  if (facts.universityAppliesForStudyResidencePermit && facts.intake === 'february') {
    transfer.reasons.push({
      article: 'Art 31.7',
      text: `A student with a study residence permit starting on ${formatLongDate(commencementDate(provisions, 'february'))} pays the fee for ${provisions.fees.februaryIntakeVisaPrepaymentMonths.months} months in advance, in effect part of the fee for the next academic year.`,
    });
  }
  return {
    options,
    allowedMethods: options.filter((o) => o.allowed).map((o) => o.method),
    reasons: options.flatMap((o) => o.reasons),
  };
}

// --------------------------------------------------------------------------- instalment schedule

/** The facts of an instalment plan: the payment-method facts plus the amount and the debit dates. */
export interface InstalmentPlanFacts extends PaymentMethodFacts {
  /** The fee owed for the enrolment as assessed, in cents (without the administration charge). */
  feeCents: number;
  /**
   * The direct-debit dates of the instalments, earliest first. Art 31.4c leaves them to the UM
   * website, so they are supplied, never invented; null when not yet known.
   */
  debitDates?: readonly string[] | null;
}

/** One instalment of a schedule. */
export interface Instalment {
  /** 1 for the first instalment. */
  number: number;
  /** The direct-debit date published on the UM website, or null when not given. */
  debitDate: string | null;
  /** The part of the fee collected with this instalment. */
  feeCents: number;
  /** The one-off administration charge, on the first instalment only (Art 31.10). */
  administrationChargeCents: number;
  /** What is collected: fee part plus administration charge. */
  amountCents: number;
}

/** A schedule of instalments, or the refusal of instalments with its article. */
export type InstalmentPlan =
  | {
      outcome: 'scheduled';
      instalments: Instalment[];
      feeCents: number;
      administrationChargeCents: number;
      /** The sum of all instalments: fee plus administration charge. */
      totalCents: number;
      reasons: ProvisionReason[];
    }
  | { outcome: 'refused'; reasons: ProvisionReason[] };

/**
 * The instalment schedule of Art 31.4c: the fee in equal instalments (8 for 1 September, 4 for
 * 1 February, from the provisions), the €24 administration charge added to the first (Art 31.10).
 * Equal to the cent where possible: the cents left over after dividing go one each to the first
 * instalments, so the instalments add up to the fee exactly and differ by at most one cent.
 */
export function planInstalments(facts: InstalmentPlanFacts, provisions: Provisions): InstalmentPlan {
  if (!Number.isSafeInteger(facts.feeCents) || facts.feeCents < 0) {
    throw new RangeError(`The fee must be a whole, non-negative number of cents; got ${facts.feeCents}.`);
  }
  const methods = assessPaymentMethods(facts, provisions);
  const option = methods.options.find((o) => o.method === 'direct-debit-instalments');
  if (!option?.allowed || option.instalmentCount === null || facts.intake === 'interim') {
    return { outcome: 'refused', reasons: option?.reasons ?? [] };
  }
  const count = option.instalmentCount;
  const dates = facts.debitDates ?? null;
  if (dates !== null) {
    if (dates.length !== count) {
      throw new RangeError(
        `A ${facts.intake} intake pays in ${count} instalments (Art 31.4c), but ${dates.length} debit dates were given.`,
      );
    }
    dates.forEach((d, i) => {
      parseIsoDate(d);
      if (i > 0 && d <= dates[i - 1]) {
        throw new RangeError(`The debit dates must be in order; ${d} does not come after ${dates[i - 1]}.`);
      }
    });
  }
  const charge = provisions.fees.instalmentAdministrationChargeCents;
  const parts = splitCentsEvenly(facts.feeCents, count);
  const instalments = parts.map((feeCents, i): Instalment => {
    const administrationChargeCents = i === 0 ? charge.amountCents : 0;
    return {
      number: i + 1,
      debitDate: dates === null ? null : dates[i],
      feeCents,
      administrationChargeCents,
      amountCents: feeCents + administrationChargeCents,
    };
  });
  const larger = parts.filter((p) => p === parts[0]).length;
  const reasons: ProvisionReason[] = [
    ...option.reasons,
    {
      article: 'Art 31.4c',
      text:
        parts[0] === parts[count - 1]
          ? `The fee of ${formatEuroCents(facts.feeCents)} divides into ${count} instalments of ${formatEuroCents(parts[0])}.`
          : `The fee of ${formatEuroCents(facts.feeCents)} does not divide into ${count} whole cents, so the first ${larger} instalments are ${formatEuroCents(parts[0])} and the other ${count - larger} are ${formatEuroCents(parts[count - 1])}, adding up exactly.`,
    },
    {
      article: 'Art 31.4c',
      text:
        dates === null
          ? 'The direct-debit dates of the instalments are listed on the UM website and were not given.'
          : `The instalments are debited on the dates listed on the UM website, from ${formatLongDate(dates[0])} to ${formatLongDate(dates[count - 1])}.`,
    },
    {
      article: charge.article,
      text: `Paying in instalments adds a one-off administration charge of ${formatEuroCents(charge.amountCents)} to the first instalment.`,
    },
    {
      article: 'Art 31.5',
      text: 'By authorising the direct debits the student or account holder agrees to pay the full fee for the academic year.',
    },
  ];
  return {
    outcome: 'scheduled',
    instalments,
    feeCents: facts.feeCents,
    administrationChargeCents: charge.amountCents,
    totalCents: facts.feeCents + charge.amountCents,
    reasons,
  };
}

// ------------------------------------------------------------------------- interim enrolment

/** The facts of an enrolment permitted during the academic year (Art 4.4–4.5, 29). */
export interface InterimEnrolmentFacts {
  feeKind: FeeKind;
  /** The fee that applies to the programme for the whole academic year, in cents. */
  annualFeeCents: number;
  /** The day on which the student enrolled, outside the regular periods, as permitted under Art 4.4. */
  enrolledOn: string;
}

/** What an interim enrolment costs and how it is paid. */
export interface InterimEnrolmentCharge {
  /** The date the enrolment takes effect: the first day of the month of enrolment, or 1 November for October (Art 4.5). */
  effectiveDate: string;
  /** Months of the academic year from the effective date up to and including 31 August. */
  remainingMonths: number;
  /** The fee charged, rounded once to the cent. */
  chargeCents: number;
  /** The ways of paying open to an interim enrolment (Art 31.4a–b; no instalments, Art 31.4c). */
  paymentMethods: PaymentMethod[];
  reasons: ProvisionReason[];
}

/**
 * The pro-rata charge of an interim enrolment (Art 29.1): the tuition fee for the remaining months
 * of the academic year, rounded once to the cent, payable in one sum before the enrolment.
 */
export function interimEnrolmentCharge(
  facts: InterimEnrolmentFacts,
  provisions: Provisions,
): InterimEnrolmentCharge {
  const { feeRules } = provisions;
  if (facts.enrolledOn < provisions.startDate || facts.enrolledOn > provisions.endDate) {
    throw new RangeError(
      `An interim enrolment for ${provisions.academicYear} lies between ${provisions.startDate} and ${provisions.endDate}; got ${facts.enrolledOn}.`,
    );
  }
  const reasons: ProvisionReason[] = [];
  const lateMonth = feeRules.octoberEnrolmentEffectiveMonth;
  // Art 4.5: retroactive to the first day of the month of enrolment, except in October, when the
  // enrolment takes effect on the first day of the month the data names (November): the exception
  // month is the one before it.
  const exceptionMonth = ((Number(lateMonth.month) + 10) % 12) + 1;
  const enrolledInExceptionMonth = parseIsoDate(facts.enrolledOn).month === exceptionMonth;
  const effectiveDate = firstDayOfMonthsLater(facts.enrolledOn, enrolledInExceptionMonth ? 1 : 0);
  reasons.push({
    article: lateMonth.article,
    text: enrolledInExceptionMonth
      ? `The student enrolled on ${formatLongDate(facts.enrolledOn)}; an enrolment in ${monthName(exceptionMonth)} cannot be backdated and takes effect on ${formatLongDate(effectiveDate)}.`
      : `The student enrolled on ${formatLongDate(facts.enrolledOn)}, so the enrolment takes effect retroactively on ${formatLongDate(effectiveDate)}, the first day of that month.`,
  });
  const remainingMonths = calendarMonthsFromUntil(effectiveDate, provisions.endDate);
  const yearMonths = monthsInAcademicYear(provisions);

  let chargeCents: number;
  if (facts.feeKind === 'tuition-fee') {
    chargeCents = proRataCents(facts.annualFeeCents, remainingMonths, yearMonths);
    reasons.push({
      article: feeRules.interimEnrolmentProRata.article,
      text: `The tuition fee is charged for the ${remainingMonths} remaining months of the academic year: ${remainingMonths}/${yearMonths} of ${formatEuroCents(facts.annualFeeCents)} is ${formatEuroCents(chargeCents)}.`,
    });
  } else if (facts.feeKind === 'examination-fee') {
    chargeCents = facts.annualFeeCents;
    reasons.push({
      article: 'Art 29.2',
      text: `An external student is not eligible for a reduction of the examination fee when enrolling after the start of the academic year, so the full ${formatEuroCents(chargeCents)} is charged.`,
    });
  } else {
    chargeCents = facts.annualFeeCents;
    // Art 29.1 reduces the statutory or institutional tuition fee only; it says nothing of study fees.
    reasons.push({
      article: 'Art 29.1',
      text: `The reduction for the remaining months applies to tuition fees only, so the study fee of ${formatEuroCents(chargeCents)} is not reduced.`,
    });
  }
  const methods = assessPaymentMethods(
    { feeKind: facts.feeKind, intake: 'interim', universityAppliesForStudyResidencePermit: false },
    provisions,
  );
  reasons.push(...(methods.options.find((o) => o.method === 'direct-debit-instalments')?.reasons ?? []));
  reasons.push({
    article: 'Art 31.4',
    text: `The ${formatEuroCents(chargeCents)} is paid in one sum, by transfer or direct debit, before the enrolment is effected.`,
  });
  return {
    effectiveDate,
    remainingMonths,
    chargeCents,
    paymentMethods: methods.allowedMethods,
    reasons,
  };
}

// ---------------------------------------------------------------------------- third-party payer

/** The facts of who pays the fee (Art 14.3, 31.9, 34.4). */
export interface PayerFacts {
  round: EnrolmentRound;
  /** The student is of age (18 or older). */
  isAdult: boolean;
  isExternalStudent: boolean;
  /** Who pays: the student or a named third party (a parent, an employer, a sponsor). */
  payer: 'student' | 'third-party';
  /** The authorisation for the named third party to pay has been submitted in this enrolment round (Art 14.3). */
  thirdPartyAuthorisationSubmitted: boolean;
  method: PaymentMethod;
}

/** Who pays, what that requires, and where a refund goes. */
export interface PayerArrangement {
  payer: 'student' | 'third-party';
  /** Art 14.3: an authorisation for the named third party is required in this enrolment round. */
  authorisationRequired: boolean;
  /** The required authorisation has not been submitted; the enrolment is incomplete. */
  authorisationMissing: boolean;
  /** Where a refund is paid (Art 34.4). */
  refundAccount: 'account-paid-from' | 'third-party-account-on-record';
  reasons: ProvisionReason[];
}

/** What it changes when a third party pays the fee for the student (Art 14.3, 31.5, 31.9, 34.4). */
export function describePayerArrangement(facts: PayerFacts): PayerArrangement {
  const reasons: ProvisionReason[] = [];
  const isThirdParty = facts.payer === 'third-party';
  const authorisationRequired = isThirdParty && (facts.isAdult || facts.isExternalStudent);
  const who = facts.isExternalStudent
    ? 'an external student'
    : facts.isAdult
      ? 'an adult student'
      : 'a minor';
  const round = facts.round === 'first-enrolment' ? 'initial enrolment' : 're-enrolment';

  if (authorisationRequired) {
    reasons.push({
      article: 'Art 14.3',
      text: facts.thirdPartyAuthorisationSubmitted
        ? `A named third party pays for ${who}, and the authorisation for that payer was submitted at ${round}.`
        : `A named third party pays for ${who}, so an authorisation for that payer must be submitted at ${round}, and it has not been.`,
    });
  } else if (isThirdParty) {
    // Art 14.3 names adult and external students only; a minor's payer needs no authorisation.
    reasons.push({
      article: 'Art 14.3',
      text: 'A third party pays for a minor who is not an external student, for whom no payer authorisation is required.',
    });
  }

  const refundToThirdParty = isThirdParty && facts.isAdult;
  reasons.push({
    article: 'Art 34.4',
    text: refundToThirdParty
      ? 'A fee paid for an adult student by a third party is refunded into the bank account UM has on record for that third party.'
      : 'A refund is paid into the bank account from which UM received or debited the fee.',
  });

  if (facts.method !== 'lump-sum-transfer') {
    reasons.push({
      article: 'Art 31.5',
      text: `By authorising the direct debit the ${isThirdParty ? 'account holder' : 'student'} agrees to pay the full fee for the academic year.`,
    });
    reasons.push({
      article: 'Art 31.9',
      text: authorisationRequired
        ? 'The authorisation cannot be revoked during the year; if the account is closed the new account number must be given at once, with a new payer statement.'
        : 'The authorisation cannot be revoked during the year; if the account is closed the new account number must be given at once.',
    });
  }

  return {
    payer: facts.payer,
    authorisationRequired,
    authorisationMissing: authorisationRequired && !facts.thirdPartyAuthorisationSubmitted,
    refundAccount: refundToThirdParty ? 'third-party-account-on-record' : 'account-paid-from',
    reasons,
  };
}
