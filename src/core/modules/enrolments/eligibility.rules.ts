import { DeskError } from '../../../shared/errors';
import type { EnrolmentRequest, StudentProfile } from '../../../shared/facts/student-profile';
import type { Provisions } from '../../provisions/provisions.schema';
import { NETHERLANDS, feeLookupsFor, type ResolvedProgramme } from '../fees/fee-lookups';
import { countriesText, countryText } from '../fees/fee-reasons';
import { isReEnrolmentRefusedForArrears } from '../payments/arrears.rules';
import { firstDayOfMonthsLater, formatLongDate, monthOf, parseIsoDate } from '../payments/calendar-dates';
import type { EnrolmentRound } from '../payments/payment-plan.rules';
import type { ProvisionReason } from '../payments/provision-reason';

/*
 * Who may be enrolled (Art 2), who is refused (Art 3) and on which day an enrolment may start (Art 4),
 * as pure rules over the student profile and the enrolment applied for. Country lists, ages, dates and
 * the February programmes come from the provisions; the checks below only name which data applies.
 */

export type { EnrolmentRound };

/** A check that stands in the way of the enrolment, with its article and one sentence of why. */
export interface BlockingReason extends ProvisionReason {
  /** 'refusal': the provisions refuse the enrolment; 'decision-required': someone must first decide (UM may refuse, an admission or appeal is pending). */
  effect: 'refusal' | 'decision-required';
}

/** The outcome of Articles 2–4 for one enrolment applied for. */
export interface EligibilityDecision {
  /** 'refused' when any check refuses; 'decision-required' when only decisions are outstanding; else 'eligible'. */
  outcome: 'eligible' | 'decision-required' | 'refused';
  /** Art 1n: first-time enrolment or re-enrolment. */
  round: EnrolmentRound;
  /** The checks that stand in the way, in the order of the articles. */
  blockingReasons: BlockingReason[];
  /** Every reason, met and blocking, in the order of the articles. */
  reasons: ProvisionReason[];
}

/** Whether the start date of an enrolment is allowed (Art 4), and from which day it takes effect. */
export interface StartDateDecision {
  isAllowed: boolean;
  /** Art 4.1 / 4.2 commencement date, an interim date (Art 4.4), or the programme's own dates (Art 4.6, 4.7, Art 10). */
  intake: 'september' | 'february' | 'interim' | 'programme-specific';
  /** Art 4.5: the day the enrolment takes effect; null when the start is not allowed. */
  effectiveStart: string | null;
  reasons: ProvisionReason[];
}

// ------------------------------------------------------------------------------------- lookups

/** Country codes of the country groups to which the provisions attach a treatment (article, basis and effect). */
export function countriesWithTreatment(
  provisions: Provisions,
  article: string,
  basis: 'nationality' | 'prior-education' | 'residence' | 'residence-document',
  effect?: string,
): ReadonlySet<string> {
  let byKey = treatmentCache.get(provisions);
  if (!byKey) {
    byKey = new Map();
    treatmentCache.set(provisions, byKey);
  }
  const key = `${article}|${basis}|${effect ?? '*'}`;
  let codes = byKey.get(key);
  if (!codes) {
    codes = new Set(
      provisions.countryGroups
        .filter((g) =>
          g.treatments.some(
            (t) =>
              t.article === article && t.basis === basis && (effect === undefined || t.effect === effect),
          ),
        )
        .flatMap((g) => g.countryCodes),
    );
    byKey.set(key, codes);
  }
  return codes;
}
const treatmentCache = new WeakMap<Provisions, Map<string, ReadonlySet<string>>>();

/** The student's age in whole years on a date. */
export function ageOn(dateOfBirth: string, date: string): number {
  const born = parseIsoDate(dateOfBirth);
  const on = parseIsoDate(date);
  const hadBirthday = on.month > born.month || (on.month === born.month && on.day >= born.day);
  return on.year - born.year - (hadBirthday ? 0 : 1);
}

/** The academic year before one such as '2022-23' ('2021-22'). */
function previousAcademicYear(academicYear: string): string {
  const start = Number(academicYear.slice(0, 4)) - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** 'a national of DE (Germany)', 'a national of US and IN', or 'stateless'. */
export function nationalityText(provisions: Provisions, nationalities: readonly string[]): string {
  return nationalities.length === 0
    ? 'stateless'
    : `a national of ${countriesText(feeLookupsFor(provisions), nationalities)}`;
}

/** A programme's name for a reason: 'B Psychology', or its code when the provisions do not list it. */
function programmeName(provisions: Provisions, code: string): string {
  return feeLookupsFor(provisions).programmes.get(code)?.printedName ?? code;
}

/**
 * The programme of the enrolment as the provisions list it (App I, IV, VI), or null for an exchange or
 * subsidiary enrolment without one; an unknown code or a level that disagrees is a validation error.
 */
export function resolveEnrolmentProgramme(
  enrolment: EnrolmentRequest,
  provisions: Provisions,
): ResolvedProgramme | null {
  if (enrolment.academicYear !== provisions.academicYear) {
    throw new DeskError(
      'validation',
      `The enrolment is for ${enrolment.academicYear} but the provisions are those of ${provisions.academicYear}.`,
      { field: 'academicYear' },
    );
  }
  if (enrolment.programmeCode === null) return null;
  const programme = feeLookupsFor(provisions).programmes.get(enrolment.programmeCode);
  if (!programme) {
    throw new DeskError(
      'validation',
      `The provisions ${provisions.academicYear} list no programme "${enrolment.programmeCode}" (App I, IV, VI).`,
      { field: 'programmeCode' },
    );
  }
  if (enrolment.level !== undefined && enrolment.level !== programme.level) {
    throw new DeskError(
      'validation',
      `${programme.printedName} is a ${programme.level} programme, not ${enrolment.level}.`,
      { field: 'level' },
    );
  }
  return programme;
}

/** Art 1n: a re-enrolment when the student was enrolled in a UM programme in an earlier academic year. */
export function enrolmentRound(
  profile: StudentProfile,
  enrolment: EnrolmentRequest,
): { round: EnrolmentRound; previousUmYear: string | null; reason: ProvisionReason } {
  const earlier = profile.dutchHigherEducation.enrolments
    .filter((e) => e.institution === 'um' && e.academicYear < enrolment.academicYear)
    .sort((a, b) => b.academicYear.localeCompare(a.academicYear));
  if (earlier.length > 0) {
    return {
      round: 're-enrolment',
      previousUmYear: earlier[0].academicYear,
      reason: {
        article: 'Art 1n',
        text: `The student was enrolled at UM in ${earlier[0].academicYear}, an earlier academic year, so this is a re-enrolment.`,
      },
    };
  }
  return {
    round: 'first-enrolment',
    previousUmYear: null,
    reason: {
      article: 'Art 1n',
      text: 'The student was not enrolled at UM in an earlier academic year, so this is a first-time enrolment.',
    },
  };
}

// ------------------------------------------------------------------------------------ Article 4

/**
 * Art 4: whether the enrolment may start on its start date: 1 September (4.1), 1 February for the
 * programmes that have that intake (4.2), another day only with a recorded decision of the SSC director
 * (4.4), retroactive to the first of the month except October (4.5); pre-master's and professional
 * master's programmes (4.6, 4.7) and exchange and subsidiary students (Art 10) have their own dates.
 */
export function interimStartAllowed(enrolment: EnrolmentRequest, provisions: Provisions): StartDateDecision {
  const programme = resolveEnrolmentProgramme(enrolment, provisions);
  const start = enrolment.startDate;
  const startText = formatLongDate(start);
  if (start < provisions.startDate || start > provisions.endDate) {
    return {
      isAllowed: false,
      intake: 'interim',
      effectiveStart: null,
      reasons: [
        {
          article: 'Art 1bb',
          text: `${startText} lies outside the academic year ${provisions.academicYear}, which runs from ${formatLongDate(provisions.startDate)} up to and including ${formatLongDate(provisions.endDate)}.`,
        },
      ],
    };
  }
  if (enrolment.kind === 'exchange' || enrolment.kind === 'subsidiary') {
    const article = enrolment.kind === 'exchange' ? 'Art 10.4' : 'Art 10.1';
    const basis =
      enrolment.kind === 'exchange' ? 'the exchange contract' : 'the permission of the Board of Examiners';
    return {
      isAllowed: true,
      intake: 'programme-specific',
      effectiveStart: start,
      reasons: [
        {
          article,
          text: `Article 4 sets the commencement dates of bachelor’s and initial master’s programmes only, so this ${enrolment.kind} enrolment may start on ${startText} as ${basis} provides.`,
        },
      ],
    };
  }
  if (programme && (programme.level === 'pre-master' || programme.level === 'professional-master')) {
    const article = programme.level === 'pre-master' ? 'Art 4.6' : 'Art 4.7';
    return {
      isAllowed: true,
      intake: 'programme-specific',
      effectiveStart: start,
      reasons: [
        {
          article,
          text: `${programme.printedName} has its own commencement dates published on the UM website, so the enrolment may start on ${startText}.`,
        },
      ],
    };
  }

  const commencement = provisions.enrolment.commencementDates.find((c) => c.date === start);
  const name = programme?.printedName ?? 'The programme';
  if (commencement?.intake === 'september') {
    return {
      isAllowed: true,
      intake: 'september',
      effectiveStart: start,
      reasons: [
        {
          article: commencement.article,
          text: `${name} commences on ${startText}, like every bachelor’s and initial master’s programme.`,
        },
      ],
    };
  }
  const hasFebruaryIntake = programme?.initial?.februaryIntake ?? false;
  if (commencement?.intake === 'february' && hasFebruaryIntake) {
    return {
      isAllowed: true,
      intake: 'february',
      effectiveStart: start,
      reasons: [
        {
          article: commencement.article,
          text: `${name} has the additional commencement date of ${startText}.`,
        },
      ],
    };
  }

  const reasons: ProvisionReason[] = [];
  if (commencement?.intake === 'february') {
    reasons.push({
      article: commencement.article,
      text: `${name} is not among the programmes with the additional commencement date of ${startText}, so starting then is a deviation from the enrolment periods.`,
    });
  }
  const intake = commencement?.intake ?? 'interim';
  const decision = enrolment.interimStartDecision;
  if (decision === null) {
    reasons.push({
      article: 'Art 4.4',
      text: `Only the director of the SSC may permit enrolment on ${startText}, in a case of evident hardship (Art 41), and no such decision is recorded.`,
    });
    return { isAllowed: false, intake, effectiveStart: null, reasons };
  }
  if (intake === 'february') {
    reasons.push({
      article: 'Art 4.4',
      text: `The director of the SSC permitted enrolment as of ${startText} on ${formatLongDate(decision.decidedOn)}${decision.reference ? ` (${decision.reference})` : ''}.`,
    });
    return { isAllowed: true, intake: 'interim', effectiveStart: start, reasons };
  }
  // Art 4.5: retroactive to the first day of the month of enrolment, except October, which takes effect on 1 November.
  const deferredTo = provisions.feeRules.octoberEnrolmentEffectiveMonth;
  const isDeferredMonth = monthOf(firstDayOfMonthsLater(start, 1)) === deferredTo.month;
  const effectiveStart = firstDayOfMonthsLater(start, isDeferredMonth ? 1 : 0);
  reasons.push({
    article: 'Art 4.4–4.5',
    text: isDeferredMonth
      ? `The director of the SSC permitted enrolment on ${startText} (decision of ${formatLongDate(decision.decidedOn)}), and an enrolment in that month takes effect not retroactively but on ${formatLongDate(effectiveStart)}.`
      : `The director of the SSC permitted enrolment on ${startText} (decision of ${formatLongDate(decision.decidedOn)}), which takes effect retroactively from the first day of that month, ${formatLongDate(effectiveStart)}.`,
  });
  return { isAllowed: true, intake: 'interim', effectiveStart, reasons };
}

// ------------------------------------------------------------------------------------ Article 2

/** Art 2.2: the first day of the programme for which enrolment is desired for the first time. */
function firstDayOfProgramme(profile: StudentProfile, enrolment: EnrolmentRequest): string {
  const earlier = profile.dutchHigherEducation.enrolments
    .filter(
      (e) =>
        e.institution === 'um' && e.programmeCode !== null && e.programmeCode === enrolment.programmeCode,
    )
    .map((e) => e.startedOn)
    .sort();
  return earlier.length > 0 && earlier[0] < enrolment.startDate ? earlier[0] : enrolment.startDate;
}

/** Art 2.2 a–e: Dutch nationality, a minor, lawful residence, residence abroad, or continuing a programme. */
function assessArticle2Paragraph2(
  profile: StudentProfile,
  enrolment: EnrolmentRequest,
  provisions: Provisions,
): { met: boolean; reason: ProvisionReason } {
  const lookups = feeLookupsFor(provisions);
  if (profile.nationalities.includes(NETHERLANDS)) {
    return {
      met: true,
      reason: { article: 'Art 2.2a', text: 'The student is a Dutch national and so may enrol.' },
    };
  }
  const firstDay = firstDayOfProgramme(profile, enrolment);
  const firstDayText = formatLongDate(firstDay);
  const age = ageOn(profile.dateOfBirth, firstDay);
  const adultAge = provisions.enrolment.adultAgeYears.years;
  const who = `The student is ${nationalityText(provisions, profile.nationalities)}`;
  if (age < adultAge) {
    return {
      met: true,
      reason: {
        article: 'Art 2.2b',
        text: `${who} and is ${age}, younger than ${adultAge}, on ${firstDayText}, the first day of the programme, and so may enrol.`,
      },
    };
  }
  const lawfulByNationality = profile.nationalities.filter((c) =>
    countriesWithTreatment(provisions, 'Art 2.2c', 'nationality', 'lawful-residence-by-nationality').has(c),
  );
  if (lawfulByNationality.length > 0) {
    return {
      met: true,
      reason: {
        article: 'Art 2.2c',
        text: `The student is ${age} on ${firstDayText} and, as a national of ${countryText(lookups, lawfulByNationality[0])}, resides lawfully in the Netherlands under Article 8 of the Aliens Act 2000, and so may enrol.`,
      },
    };
  }
  const permit = profile.residence.permit;
  const isPermitValid =
    permit.type !== 'none' &&
    (permit.validFrom === null || permit.validFrom <= firstDay) &&
    (permit.validUntil === null || permit.validUntil >= firstDay);
  if (isPermitValid) {
    return {
      met: true,
      reason: {
        article: 'Art 2.2c',
        text: `${who}, is ${age} on ${firstDayText} and resides lawfully in the Netherlands on a residence document (${permit.type.replaceAll('-', ' ')}) valid on that day, and so may enrol.`,
      },
    };
  }
  if (profile.residence.countryOfResidence !== NETHERLANDS) {
    return {
      met: true,
      reason: {
        article: 'Art 2.2d',
        text: `${who} who lives in ${countryText(lookups, profile.residence.countryOfResidence)}, outside the Netherlands, on ${firstDayText}, and so may enrol.`,
      },
    };
  }
  const continued = profile.dutchHigherEducation.enrolments.find(
    (e) =>
      e.institution === 'um' &&
      e.programmeCode !== null &&
      e.programmeCode === enrolment.programmeCode &&
      e.academicYear === previousAcademicYear(enrolment.academicYear) &&
      !e.isCompleted,
  );
  if (continued) {
    return {
      met: true,
      reason: {
        article: 'Art 2.2e',
        text: `${who} without lawful residence now, but was enrolled in this programme in ${continued.academicYear} and has not completed it, and so may continue.`,
      },
    };
  }
  const permitText =
    permit.type === 'none'
      ? 'holds no Dutch residence document'
      : `holds a residence document (${permit.type.replaceAll('-', ' ')}) that is not valid on that day`;
  return {
    met: false,
    reason: {
      article: 'Art 2.2',
      text: `${who}, is ${age} on ${firstDayText}, lives in the Netherlands and ${permitText}, so none of the grounds a–e of paragraph 2 allows enrolment.`,
    },
  };
}

/** The article under which admission to the programme or enrolment is decided (Art 6–8, 10, 11). */
function admissionArticle(enrolment: EnrolmentRequest, programme: ResolvedProgramme | null): string {
  if (enrolment.kind === 'exchange') return 'Art 10.4';
  if (enrolment.kind === 'subsidiary') return 'Art 10.1';
  switch (programme?.level) {
    case 'bachelor':
      return 'Art 6.1';
    case 'pre-master':
      return 'Art 8.1';
    case 'professional-master':
      return 'Art 11.2';
    default:
      return 'Art 7.1';
  }
}

// ------------------------------------------------------------------------------------ Article 3

function assessArticle3(
  profile: StudentProfile,
  enrolment: EnrolmentRequest,
  round: EnrolmentRound,
  provisions: Provisions,
  today: string,
): { reason: ProvisionReason; effect: BlockingReason['effect'] | null }[] {
  const checks: { reason: ProvisionReason; effect: BlockingReason['effect'] | null }[] = [];
  const flags = profile.refusalFlags;
  const code = enrolment.programmeCode;
  const startText = formatLongDate(enrolment.startDate);

  for (const advice of flags.negativeBindingStudyAdvice) {
    const isSame = code === advice.programmeCode;
    const isSharedPhase = code !== null && advice.sharedFirstPhaseProgrammeCodes.includes(code);
    if (!isSame && !isSharedPhase) continue;
    const what = `The negative binding study advice of ${formatLongDate(advice.issuedOn)} for ${programmeName(provisions, advice.programmeCode)}${isSame ? '' : ', which shares its first phase of 60 ECTS with this programme,'}`;
    if (enrolment.startDate > advice.termUntil) {
      checks.push({
        reason: {
          article: 'Art 3.1',
          text: `${what} no longer bars enrolment, as its term ended on ${formatLongDate(advice.termUntil)}, before the start on ${startText}.`,
        },
        effect: null,
      });
    } else if (advice.hardshipAppeal === 'upheld') {
      checks.push({
        reason: {
          article: 'Art 3.1',
          text: `${what} does not bar enrolment, as the Faculty Board upheld the student’s appeal on grounds of excessive severity.`,
        },
        effect: null,
      });
    } else if (advice.hardshipAppeal === 'pending') {
      checks.push({
        reason: {
          article: 'Art 3.1',
          text: `${what} bars enrolment until ${formatLongDate(advice.termUntil)} if the Faculty Board rejects the student’s pending appeal on grounds of excessive severity, so that decision is awaited.`,
        },
        effect: 'decision-required',
      });
    } else {
      checks.push({
        reason: {
          article: 'Art 3.1',
          text: `${what} bars enrolment as long as its term, until ${formatLongDate(advice.termUntil)}, has not passed${advice.hardshipAppeal === 'rejected' ? ' and the appeal on grounds of excessive severity was rejected' : ''}.`,
        },
        effect: 'refusal',
      });
    }
  }

  if (flags.seriousFraudTermination) {
    checks.push({
      reason: {
        article: 'Art 3.2',
        text: `The student’s enrolment at UM was terminated on ${formatLongDate(flags.seriousFraudTermination.terminatedOn)} on the grounds of serious fraud, so enrolment is refused.`,
      },
      effect: 'refusal',
    });
  }

  for (const termination of flags.iudiciumAbeundi) {
    const where = termination.institution === 'um' ? 'UM' : 'another institution';
    const isSame = code !== null && termination.programmeCode === code;
    const isSimilar = code !== null && termination.similarProgrammeCodes.includes(code);
    const what = `The enrolment in ${termination.programmeName} at ${where} was terminated on ${formatLongDate(termination.terminatedOn)} for unsuitability for future professional practice (iudicium abeundi)`;
    checks.push(
      isSame || isSimilar
        ? {
            reason: {
              article: 'Art 3.3',
              text: `${what}, and this is ${isSame ? 'the same' : 'a similar'} programme, so UM may refuse the enrolment and must decide whether it does.`,
            },
            effect: 'decision-required',
          }
        : {
            reason: {
              article: 'Art 3.3',
              text: `${what}, but this is not recorded as the same or a similar programme, so it is no ground for refusal.`,
            },
            effect: null,
          },
    );
  }

  if (flags.disciplinaryTermination) {
    checks.push({
      reason: {
        article: 'Art 3.4',
        text: `The student’s enrolment at UM was terminated on ${formatLongDate(flags.disciplinaryTermination.terminatedOn)} for violating UM’s internal regulations, so UM may refuse the enrolment and must decide whether it does.`,
      },
      effect: 'decision-required',
    });
  }

  const arrears = flags.arrears;
  if (round === 're-enrolment') {
    const decision = isReEnrolmentRefusedForArrears(
      {
        decidedOn: today,
        enrolmentStartDate: enrolment.startDate,
        debts: arrears.debts,
        terminationForArrears: arrears.terminationForArrears,
      },
      provisions,
    );
    for (const reason of decision.reasons) {
      const isRefusing =
        decision.refused &&
        (reason.article === 'Art 35' || (reason.article === 'Art 3.5' && decision.feeArrearsCents > 0));
      checks.push({ reason, effect: isRefusing ? 'refusal' : null });
    }
  } else if (arrears.debts.length > 0) {
    checks.push({
      reason: {
        article: 'Art 3.5',
        text: 'The student owes UM money, but Art 3.5 refuses re-enrolment only and this is a first-time enrolment.',
      },
      effect: null,
    });
  }
  return checks;
}

// -------------------------------------------------------------------------------- the decision

/**
 * Articles 2–4 for one enrolment applied for: eligibility to enrol (Art 2), the refusals of Art 3,
 * the admission the programme requires (Art 6–8, 10, 11), the programme listing (App I) and the start
 * date (Art 4), each as a reason, with the blocking ones listed apart. `today` is the day of the check
 * (arrears are those owed on it).
 */
export function assessEligibility(
  profile: StudentProfile,
  enrolment: EnrolmentRequest,
  provisions: Provisions,
  today: string,
): EligibilityDecision {
  parseIsoDate(today);
  const programme = resolveEnrolmentProgramme(enrolment, provisions);
  const reasons: ProvisionReason[] = [];
  const blockingReasons: BlockingReason[] = [];
  const add = (reason: ProvisionReason, effect: BlockingReason['effect'] | null) => {
    reasons.push(reason);
    if (effect !== null) blockingReasons.push({ ...reason, effect });
  };

  const { round, reason: roundReason } = enrolmentRound(profile, enrolment);
  add(roundReason, null);

  // Art 2.2
  const paragraph2 = assessArticle2Paragraph2(profile, enrolment, provisions);
  add(paragraph2.reason, paragraph2.met ? null : 'refusal');

  // Art 2.3 and App I: the programme as listed, and its part-time variant.
  if (programme?.initial) {
    if (enrolment.mode === 'part-time' && !programme.initial.hasPartTimeVariant) {
      add(
        {
          article: 'Art 2.3',
          text: `${programme.printedName} is not listed with a part-time variant, so part-time enrolment is not possible.`,
        },
        'refusal',
      );
    }
    if (programme.initial.reEnrolmentOnly) {
      const wasEnrolled = profile.dutchHigherEducation.enrolments.some(
        (e) =>
          e.institution === 'um' &&
          e.programmeCode === programme.code &&
          e.academicYear < enrolment.academicYear,
      );
      add(
        wasEnrolled
          ? {
              article: 'App I',
              text: `${programme.printedName} is open only to re-enrolling students, and the student was enrolled in it before.`,
            }
          : {
              article: 'App I',
              text: `${programme.printedName} is open only to re-enrolling students, and the student was not enrolled in it before.`,
            },
        wasEnrolled ? null : 'refusal',
      );
    }
  }

  // Art 2.4: external students.
  if (enrolment.kind === 'external') {
    const level = programme?.level;
    if (level !== 'bachelor' && level !== 'initial-master') {
      add(
        {
          article: 'Art 2.4',
          text: `Enrolment as an external student is possible only in a bachelor’s or initial master’s programme, and ${programme?.printedName ?? 'this enrolment'} is not one.`,
        },
        'refusal',
      );
    } else if (!enrolment.isExternalEnrolmentPermitted) {
      add(
        {
          article: 'Art 2.4',
          text: 'External enrolment requires the Executive Board to find that it does not go against the nature or interests of the programme, and no such finding is recorded.',
        },
        'decision-required',
      );
    } else {
      add(
        {
          article: 'Art 2.4',
          text: 'The Executive Board found that external enrolment does not go against the nature or interests of the programme.',
        },
        null,
      );
    }
  }

  // Art 6–8, 10, 11: admission.
  const admissionRef = admissionArticle(enrolment, programme);
  const admissionStatus = enrolment.admission.status;
  const admissionTo =
    enrolment.kind === 'exchange' || enrolment.kind === 'subsidiary'
      ? `${enrolment.kind} enrolment`
      : (programme?.printedName ?? 'the programme');
  add(
    {
      article: admissionRef,
      text:
        admissionStatus === 'admitted'
          ? `The student was admitted to ${admissionTo}.`
          : admissionStatus === 'refused'
            ? `The student was refused admission to ${admissionTo}, so cannot be enrolled in it.`
            : `No admission to ${admissionTo} is recorded yet, and enrolment requires it.`,
    },
    admissionStatus === 'admitted' ? null : admissionStatus === 'refused' ? 'refusal' : 'decision-required',
  );

  // Art 3
  for (const check of assessArticle3(profile, enrolment, round, provisions, today))
    add(check.reason, check.effect);

  // Art 4: a start outside the year is refused; any other start not allowed waits for the SSC director (Art 4.4).
  const start = interimStartAllowed(enrolment, provisions);
  start.reasons.forEach((reason, index) => {
    const isDecisive = !start.isAllowed && index === start.reasons.length - 1;
    add(reason, isDecisive ? (reason.article === 'Art 1bb' ? 'refusal' : 'decision-required') : null);
  });

  const outcome = blockingReasons.some((r) => r.effect === 'refusal')
    ? 'refused'
    : blockingReasons.length > 0
      ? 'decision-required'
      : 'eligible';
  return { outcome, round, blockingReasons, reasons };
}
