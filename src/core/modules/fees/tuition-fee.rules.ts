import { DeskError } from '../../../shared/errors';
import type { Provisions, SmallScaleIntensiveRegime } from '../../provisions/provisions.schema';
import { assessEnrolmentTiming, type EnrolmentTiming } from './enrolment-timing.rules';
import { assessExaminationFee } from './examination-fee.rules';
import type { AnnualFee, FeeAssessment, StatutoryFee, TuitionFeeContext } from './fee-assessment';
import type { FeeFacts, OtherEnrolment } from '../../../shared/facts/fee-facts';
import {
  feeLookupsFor,
  firstDayOfMonthIndex,
  monthIndexOf,
  type FeeLookups,
  type ResolvedProgramme,
} from './fee-lookups';
import { dateText, euroText, monthText, monthsText, type FeeReason } from './fee-reasons';
import { assessLowStatutoryFeeWindow, type LowFeeWindow } from './low-statutory-fee.rules';
import { applySimultaneousEnrolments } from './simultaneous-enrolments.rules';
import {
  assessParagraph1a,
  assessParagraph1b,
  refugeeStatusText,
  type Paragraph1aAssessment,
} from './statutory-eligibility.rules';
import { assessPreMasterStudyFee, assessProfessionalMasterStudyFee } from './study-fee.rules';

export { feeKindLabels, feeKinds, type FeeAssessment, type FeeKind, type FeePeriod } from './fee-assessment';

/*
 * The tuition fee, examination fee or study fee of one enrolment (Articles 10 and 16–30), as a pure
 * function of the facts and the provisions, with the reasons staff see on screen and on the letter.
 * Every amount comes from `provisions.fees` or Appendix I; amounts are integer cents; an amount for part
 * of the year is the sum of (annual fee × months) over the periods, divided by 12 and rounded once.
 */

/** Articles that change the fee during the year, for the reason that explains the sum of the periods. */
const PERIOD_CAUSES: ReadonlySet<string> = new Set([
  'Art 16.5',
  'Art 17.2',
  'Art 17.3',
  'Art 26.2',
  'Art 30.8',
]);

/**
 * Assesses the tuition fee (or examination or study fee) of one enrolment under Articles 10 and 16–30.
 *
 * Throws a DeskError ('validation', with the field) when the facts describe an enrolment the provisions
 * do not allow or leave open: an unknown programme, a level or category that disagrees with Appendix I,
 * a part-time variant that does not exist, an interim start without the SSC director's permission
 * (Art 4.4), a dual EU/EEA national without BRP nationality (Art 16.6), a pre-master's without ECTS.
 */
export function assessTuitionFee(facts: FeeFacts, provisions: Provisions): FeeAssessment {
  const lookups = feeLookupsFor(provisions);
  if (facts.enrolmentKind === 'exchange') {
    return noFee(
      'Art 10.4',
      'The student is an exchange student, enrolled at UM under an exchange contract with a foreign university, and pays no tuition fee to UM.',
    );
  }
  if (facts.enrolmentKind === 'subsidiary') {
    return noFee(
      'Art 10.1',
      'The student is a subsidiary student, enrolled in a bachelor’s or initial master’s programme at another Dutch institution and admitted on its BBC, and pays no tuition fee to UM.',
    );
  }
  const programme = resolveProgramme(facts, lookups);
  if (facts.enrolmentKind === 'external' && !programme.initial) {
    throw new DeskError(
      'validation',
      `External enrolment is possible only in a bachelor’s or initial master’s programme, not in ${programme.printedName} (Art 2.4).`,
      { field: 'enrolmentKind' },
    );
  }
  const { timing, reasons: timingReasons } = assessEnrolmentTiming(facts, lookups, programme);
  if (programme.level === 'pre-master') return assessPreMasterStudyFee(facts, lookups, programme);
  if (programme.level === 'professional-master') return assessProfessionalMasterStudyFee(facts, programme);
  if (facts.enrolmentKind === 'external') {
    return assessExaminationFee(facts, lookups, programme, timing, timingReasons);
  }
  return new TuitionFeeAssessor(facts, lookups, programme, timing).assess(timingReasons);
}

function noFee(article: string, text: string): FeeAssessment {
  return { kind: 'none', amountCents: 0, annualAmountCents: 0, reasons: [{ article, text }] };
}

/** The programme of the facts, checked against the appendices. */
function resolveProgramme(facts: FeeFacts, lookups: FeeLookups): ResolvedProgramme {
  const code = facts.programmeCode;
  const year = lookups.provisions.academicYear;
  if (code === null) {
    throw new DeskError('validation', 'A programme code is required.', { field: 'programmeCode' });
  }
  const programme = lookups.programmes.get(code);
  if (!programme) {
    throw new DeskError(
      'validation',
      `The programme "${code}" is not in Appendix I, IV or VI of the provisions ${year}.`,
      { field: 'programmeCode' },
    );
  }
  if (facts.level !== undefined && facts.level !== programme.level) {
    throw new DeskError(
      'validation',
      `${programme.printedName} is a ${programme.level} programme, not ${facts.level}.`,
      { field: 'level' },
    );
  }
  if (facts.fundingCategory !== undefined && facts.fundingCategory !== programme.initial?.fundingCategory) {
    throw new DeskError(
      'validation',
      programme.initial
        ? `Appendix I places ${programme.printedName} in funding category ${programme.initial.fundingCategory}, not ${facts.fundingCategory}.`
        : `${programme.printedName} has no funding category of Appendix I.`,
      { field: 'fundingCategory' },
    );
  }
  if (programme.initial && facts.enrolmentKind === 'regular') {
    if (programme.initial.reEnrolmentOnly && !facts.isReEnrolment) {
      throw new DeskError(
        'validation',
        `Appendix I lists ${programme.printedName} as only for re-enrolling students.`,
        { field: 'isReEnrolment' },
      );
    }
    if (facts.mode === 'part-time' && !programme.initial.hasPartTimeVariant) {
      throw new DeskError(
        'validation',
        `${programme.printedName} cannot be followed part-time: Appendix I names no part-time variant (Art 18.1, 24.1).`,
        { field: 'mode' },
      );
    }
  }
  return programme;
}

// ----------------------------------------------------------------------------- tuition fees (Art 16–30)

/** What changes from month to month of the year. */
interface MonthState {
  /** Paragraph 1b met in this month (Art 16.5). */
  isGroupMember: boolean;
  /** Art 17.1–17.3: the low fee applies in this month. */
  isLowFeeMonth: boolean;
  /** Art 25 / 26.1 still met in this month (Art 26.2). */
  isRefugeeCovered: boolean;
  /** Other enrolments not yet completed (Art 30.8). */
  activeOthers: OtherEnrolment[];
}

/**
 * The tuition fee of a bachelor's or initial master's enrolment (Art 16–26, 29.1, 30): the fee of each
 * stretch of months in which the facts are the same, added up and rounded once.
 */
class TuitionFeeAssessor {
  private readonly context: TuitionFeeContext;
  private readonly facts: FeeFacts;
  private readonly lookups: FeeLookups;
  private readonly programme: ResolvedProgramme;
  private readonly timing: EnrolmentTiming;
  private readonly isPartTime: boolean;
  private readonly level: 'bachelor' | 'initial-master';
  private readonly name: string;
  private readonly paragraph1a: Paragraph1aAssessment;
  private readonly low: LowFeeWindow;

  constructor(facts: FeeFacts, lookups: FeeLookups, programme: ResolvedProgramme, timing: EnrolmentTiming) {
    const isPartTime = facts.mode === 'part-time';
    const level = programme.level === 'bachelor' ? 'bachelor' : 'initial-master';
    const paragraph1a = assessParagraph1a(facts, lookups, timing, level, isPartTime, true);
    this.context = { facts, lookups, programme, timing, level, isPartTime, paragraph1a };
    this.facts = facts;
    this.lookups = lookups;
    this.programme = programme;
    this.timing = timing;
    this.isPartTime = isPartTime;
    this.level = level;
    this.name = programme.printedName;
    this.paragraph1a = paragraph1a;
    this.low = assessLowStatutoryFeeWindow(this.context);
  }

  assess(timingReasons: FeeReason[]): FeeAssessment {
    const { facts, lookups, timing } = this;
    const paragraph1b = assessParagraph1b(
      facts,
      lookups,
      timing,
      this.isPartTime ? 'Art 18.1b' : 'Art 16.1b',
      true,
    );
    const low = this.low;
    // Art 26.2 (part-time only): from the month after the student ceased to meet Art 26.1.
    const refugeeEndedOn = this.isPartTime ? (facts.refugee?.statusEndedOn ?? null) : null;
    const refugeeLastIndex = refugeeEndedOn === null ? 11 : monthIndexOf(lookups.calendar, refugeeEndedOn);
    // Art 30.8: another programme completed during the year counts until the month of completion.
    const completionIndex = new Map<OtherEnrolment, number>();
    for (const other of facts.otherEnrolments) {
      if (other.completedOn !== null)
        completionIndex.set(other, monthIndexOf(lookups.calendar, other.completedOn));
    }

    // The months where a fact changes (Art 16.5, 17.2–17.3, 26.2, 30.8) start a new period.
    const changes = [
      paragraph1b.fromIndex ?? 12,
      low.from,
      low.to,
      facts.refugee ? refugeeLastIndex + 1 : 12,
    ];
    for (const index of completionIndex.values()) changes.push(index + 1);
    const starts = [timing.startIndex];
    for (const index of changes) {
      if (index > timing.startIndex && index < 12 && !starts.includes(index)) starts.push(index);
    }
    if (starts.length > 2) starts.sort((a, b) => a - b);

    const periods: { from: number; months: number; fee: AnnualFee }[] = [];
    const periodReasons: FeeReason[] = [];
    let isEverStatutory = false;
    for (let i = 0; i < starts.length; i++) {
      const from = starts[i];
      const months = (i + 1 < starts.length ? starts[i + 1] : 12) - from;
      const state: MonthState = {
        isGroupMember: paragraph1b.fromIndex !== null && from >= paragraph1b.fromIndex,
        isLowFeeMonth: from >= low.from && from < low.to,
        isRefugeeCovered: facts.refugee !== null && from <= refugeeLastIndex,
        activeOthers:
          completionIndex.size === 0
            ? facts.otherEnrolments
            : facts.otherEnrolments.filter((o) => (completionIndex.get(o) ?? 11) >= from),
      };
      const fee = this.annualFee(state);
      isEverStatutory ||= fee.isStatutory;
      const previous = periods.at(-1);
      if (previous && previous.fee.kind === fee.kind && previous.fee.annualCents === fee.annualCents) {
        previous.months += months;
        previous.fee.reasons.push(...fee.reasons);
      } else {
        periods.push({ from, months, fee });
      }
    }

    if (
      facts.refugee &&
      refugeeEndedOn !== null &&
      refugeeLastIndex + 1 < 12 &&
      refugeeLastIndex + 1 > timing.startIndex
    ) {
      periodReasons.push({
        article: 'Art 26.2',
        text: `The student ceased to meet Article 26.1 on ${dateText(refugeeEndedOn)}, so the remaining partial institutional fee of Article 24 is due from ${dateText(firstDayOfMonthIndex(lookups.calendar, refugeeLastIndex + 1))}.`,
      });
    }
    for (const [other, index] of completionIndex) {
      if (index + 1 > timing.startIndex && index + 1 < 12 && isEverStatutory && other.completedOn !== null) {
        periodReasons.push({
          article: 'Art 30.8',
          text: `The student completed the other programme on ${dateText(other.completedOn)}, so the applicable statutory fee is due for this programme for the remaining months from ${dateText(firstDayOfMonthIndex(lookups.calendar, index + 1))}.`,
        });
      }
    }

    const months = 12 - timing.startIndex;
    let total = 0;
    for (const period of periods) total += period.fee.annualCents * period.months;
    // Rounded once, to the cent (DESIGN.md §3).
    const amount = Math.round(total / 12);
    const last = periods[periods.length - 1];

    const reasons: FeeReason[] = [...paragraph1b.reasons];
    if (paragraph1b.fromIndex !== null || facts.refugee) reasons.push(...this.paragraph1a.reasons);
    for (const period of periods) reasons.push(...period.fee.reasons);
    reasons.push(...periodReasons, ...timingReasons);
    if (months < 12) {
      const computation =
        periods.length === 1
          ? `${months}/12 of ${euroText(last.fee.annualCents)}: ${euroText(amount)}`
          : `${periodsText(periods, lookups)}: ${euroText(amount)}`;
      reasons.push(
        timing.intake === 'february'
          ? {
              article: 'Art 4.3',
              text: `The enrolment as of ${dateText(timing.effectiveStart)} is valid for the remainder of the academic year, which ends on ${dateText(lookups.calendar.endDate)}, so the fee is charged for ${monthsText(months)}: ${computation}.`,
            }
          : {
              article: lookups.provisions.feeRules.interimEnrolmentProRata.article,
              text: `The student was permitted to enrol during the academic year, so the fee is calculated on the ${monthsText(months)} remaining from ${dateText(timing.effectiveStart)}: ${computation}.`,
            },
      );
    } else if (periods.length > 1) {
      const cause = periodReasons[0] ?? reasons.find((r) => PERIOD_CAUSES.has(r.article));
      reasons.push({
        article: cause?.article ?? 'Art 16.1',
        text: `Over the academic year: ${periodsText(periods, lookups)}, together ${euroText(amount)}.`,
      });
    }

    const assessment: FeeAssessment = {
      kind: last.fee.kind,
      amountCents: amount,
      annualAmountCents: last.fee.annualCents,
      months,
      reasons: dedupeReasons(reasons),
    };
    if (periods.length > 1) {
      assessment.periods = periods.map((p) => ({
        from: firstDayOfMonthIndex(lookups.calendar, p.from),
        months: p.months,
        kind: p.fee.kind,
        annualAmountCents: p.fee.annualCents,
      }));
    }
    return assessment;
  }

  /** The annual fee that applies in the months of a state. */
  private annualFee(state: MonthState): AnnualFee {
    const { facts } = this;
    if (state.isGroupMember && this.paragraph1a.isMet) {
      const statutory = this.statutoryFee(state.isLowFeeMonth);
      if (facts.isBoardPositionExemptionGranted) {
        return {
          kind: 'none',
          annualCents: 0,
          isStatutory: true,
          reasons: [
            ...statutory.reasons,
            {
              article: 'Art 30.9',
              text: `The Executive Board honoured the student’s application for exemption for a full-time board position for ${this.academicYearText()}, so no statutory tuition fee is charged.`,
            },
          ],
        };
      }
      return applySimultaneousEnrolments(
        this.context,
        statutory,
        state.activeOthers,
        state.isLowFeeMonth,
        this.low.isFirstEnrolment,
      );
    }
    // Art 25 / 26: Article 16 (18) met apart from paragraph 1b; the exception of Art 19 is not part of Article 16.
    const isRefugeeRoute =
      state.isRefugeeCovered && this.paragraph1a.isMet && this.paragraph1a.via !== 'simultaneous-programmes';
    const fee = isRefugeeRoute ? this.refugeeFee() : this.institutionalFee();
    if (state.activeOthers.length > 0) {
      fee.reasons.push(
        isRefugeeRoute
          ? {
              article: 'Art 30.7',
              text: 'The student claims the fee at the statutory level on the grounds of Article 25 or 26, so is not exempt from it for another simultaneous enrolment.',
            }
          : {
              article: 'Art 30.6',
              text: 'The student is not eligible for the statutory fee, so the other enrolment gives no reduction or exemption.',
            },
      );
    }
    if (facts.isBoardPositionExemptionGranted) {
      fee.reasons.push({
        article: 'Art 30.9',
        text: 'The exemption for a board position concerns the statutory tuition fee; the student pays an institutional fee, to which it does not apply.',
      });
    }
    return fee;
  }

  /** Art 16.1, 17.1, 18.1, 20.1–20.2, 20.7, 21.1: the statutory fee of this programme for an eligible student. */
  private statutoryFee(isLowFeeMonth: boolean): StatutoryFee {
    const { fees } = this.lookups.provisions;
    if (this.isPartTime) {
      const entry = fees.partialStatutoryTuitionFeeCents;
      return {
        kind: 'partial-statutory',
        annualCents: entry.amountCents,
        isStatutory: true,
        statutoryPartCents: entry.amountCents,
        supplementCents: 0,
        regime: null,
        reasons: [
          {
            article: entry.article,
            text: `The student enrols part-time in ${this.name} and ${this.eligibilityText()}, so pays the partial statutory tuition fee: ${euroText(entry.amountCents)} a year.`,
          },
        ],
      };
    }
    const statutory = fees.statutoryTuitionFeeCents;
    const regime = this.programme.regime;
    const eligibility: FeeReason = {
      article: statutory.article,
      text: `The student enrols full-time in ${this.name} and ${this.eligibilityText()}, so is eligible for the statutory tuition fee of ${euroText(statutory.amountCents)} a year.`,
    };
    // Art 17.1–17.3: why the low fee of the first bachelor's year does or does not apply.
    const lowReasons = this.low.reasons;
    if (regime && this.isLegacyCohort(regime)) {
      const legacy = regime.legacyCohort;
      const entry = legacy ? fees[legacy.feeKey] : statutory;
      return {
        kind: 'statutory',
        annualCents: entry.amountCents,
        isStatutory: true,
        statutoryPartCents: entry.amountCents,
        supplementCents: 0,
        regime: null,
        reasons: [
          eligibility,
          {
            article: legacy?.article ?? entry.article,
            text: `The student was enrolled in ${this.name} since ${dateText(this.facts.programmeFirstEnrolledOn ?? '')}, in ${legacy?.enrolledInOrBeforeAcademicYear ?? ''} or earlier, and re-enrols, so pays the non-high statutory fee of ${euroText(entry.amountCents)}.`,
          },
        ],
      };
    }
    if (regime) {
      const supplement = fees[regime.feeKeys.supplement].amountCents;
      const lowKey = isLowFeeMonth ? regime.feeKeys.highLowStatutory : null;
      if (lowKey !== null) {
        const entry = fees[lowKey];
        return {
          kind: 'high-statutory',
          annualCents: entry.amountCents,
          isStatutory: true,
          statutoryPartCents: fees.lowStatutoryTuitionFeeCents.amountCents,
          supplementCents: supplement,
          regime,
          reasons: [
            eligibility,
            ...lowReasons,
            {
              article: entry.article,
              text: `${this.name} is small-scale and intensive education, so the student of Article 17.1 pays the high statutory fee of ${euroText(entry.amountCents)}: the low fee of ${euroText(fees.lowStatutoryTuitionFeeCents.amountCents)} plus ${euroText(supplement)}.`,
            },
          ],
        };
      }
      const entry = fees[regime.feeKeys.highStatutory];
      return {
        kind: 'high-statutory',
        annualCents: entry.amountCents,
        isStatutory: true,
        statutoryPartCents: statutory.amountCents,
        supplementCents: supplement,
        regime,
        reasons: [
          eligibility,
          ...lowReasons,
          {
            article: entry.article,
            text: `${this.name} is small-scale and intensive education, so the student pays the high statutory fee of ${euroText(entry.amountCents)}: the statutory fee of ${euroText(statutory.amountCents)} plus ${euroText(supplement)}.`,
          },
        ],
      };
    }
    if (isLowFeeMonth) {
      const entry = fees.lowStatutoryTuitionFeeCents;
      return {
        kind: 'low-statutory',
        annualCents: entry.amountCents,
        isStatutory: true,
        statutoryPartCents: entry.amountCents,
        supplementCents: 0,
        regime: null,
        reasons: [eligibility, ...lowReasons],
      };
    }
    return {
      kind: 'statutory',
      annualCents: statutory.amountCents,
      isStatutory: true,
      statutoryPartCents: statutory.amountCents,
      supplementCents: 0,
      regime: null,
      reasons: [eligibility, ...lowReasons],
    };
  }

  /** Art 20.7: enrolled in the programme in the legacy academic year or earlier, and re-enrolling. */
  private isLegacyCohort(regime: SmallScaleIntensiveRegime): boolean {
    const legacy = regime.legacyCohort;
    const enrolledOn = this.facts.programmeFirstEnrolledOn;
    const until = this.lookups.legacyCohortUntil.get(regime.id);
    return (
      legacy !== null &&
      legacy.programmeCodes.includes(this.programme.code) &&
      enrolledOn !== null &&
      until !== undefined &&
      enrolledOn <= until &&
      enrolledOn < this.timing.effectiveStart
    );
  }

  /** Art 25.1, 20.6, 21.2, 26.1: a recognised refugee or W-document holder. */
  private refugeeFee(): AnnualFee {
    const { fees } = this.lookups.provisions;
    const status = refugeeStatusText(this.facts);
    if (this.isPartTime) {
      const entry = fees.partialInstitutionalFeeAtPartialStatutoryLevelCents;
      return {
        kind: 'partial-institutional-at-partial-statutory',
        annualCents: entry.amountCents,
        isStatutory: false,
        reasons: [
          {
            article: entry.article,
            text: `The student ${status} and meets Article 18 apart from paragraph 1b, so pays the institutional fee at the level of the partial statutory fee: ${euroText(entry.amountCents)} a year.`,
          },
        ],
      };
    }
    const regime = this.programme.regime;
    const statutoryLevel = fees.institutionalFeeAtStatutoryLevelCents;
    if (regime && this.isLegacyCohort(regime)) {
      const legacy = regime.legacyCohort;
      const entry = legacy ? fees[legacy.feeKey] : statutoryLevel;
      return {
        kind: 'institutional-at-statutory',
        annualCents: entry.amountCents,
        isStatutory: false,
        reasons: [
          {
            article: statutoryLevel.article,
            text: `The student ${status} and meets Article 16 apart from paragraph 1b, so pays an institutional fee at the level of the statutory fee.`,
          },
          {
            article: legacy?.article ?? entry.article,
            text: `The student was enrolled in ${this.name} in ${legacy?.enrolledInOrBeforeAcademicYear ?? ''} or earlier and re-enrols, so the non-high level of ${euroText(entry.amountCents)} applies.`,
          },
        ],
      };
    }
    if (regime) {
      const entry = fees[regime.feeKeys.institutionalAtHighStatutoryLevel];
      return {
        kind: 'institutional-at-statutory',
        annualCents: entry.amountCents,
        isStatutory: false,
        reasons: [
          {
            article: statutoryLevel.article,
            text: `The student ${status} and meets Article 16 apart from paragraph 1b, so pays an institutional fee at the level of the statutory fee.`,
          },
          {
            article: entry.article,
            text: `${this.name} is small-scale and intensive education, so that institutional fee amounts to the high statutory fee: ${euroText(entry.amountCents)} a year.`,
          },
        ],
      };
    }
    return {
      kind: 'institutional-at-statutory',
      annualCents: statutoryLevel.amountCents,
      isStatutory: false,
      reasons: [
        {
          article: statutoryLevel.article,
          text: `The student ${status} and meets Article 16 apart from paragraph 1b, so pays an institutional fee at the level of the statutory fee: ${euroText(statutoryLevel.amountCents)} a year.`,
        },
      ],
    };
  }

  /** Art 22, 23, 24: the (partial) institutional fee of Appendix I. */
  private institutionalFee(): AnnualFee {
    const initial = this.programme.initial;
    if (!initial) throw new DeskError('validation', `${this.name} has no institutional fee in Appendix I.`);
    if (this.isPartTime) {
      const amount = initial.institutionalFeePartTimeCents ?? 0;
      const article = this.programme.partTimeArticle ?? 'Art 24.2';
      return {
        kind: 'partial-institutional',
        annualCents: amount,
        isStatutory: false,
        reasons: [
          {
            article: 'Art 24.1',
            text: `The student enrols part-time in ${this.name} and meets neither Article 18 nor Article 26, so pays the partial institutional tuition fee.`,
          },
          {
            article,
            text: `${this.name} is in funding category ${initial.fundingCategory}: ${euroText(amount)} a year part-time.`,
          },
          {
            article: 'App I',
            text: `Appendix I lists “${this.programme.appendixLabel ?? this.name}” under “${this.programme.bandHeading ?? ''}”.`,
          },
        ],
      };
    }
    const paragraph1 = this.level === 'bachelor' ? 'Art 22.1' : 'Art 23.1';
    const isSmallScale = initial.institutionalFeeCents !== initial.fundingCategoryFeeCents;
    return {
      kind: 'institutional',
      annualCents: initial.institutionalFeeCents,
      isStatutory: false,
      reasons: [
        {
          article: paragraph1,
          text: `The student enrols full-time in ${this.name} and does not meet the requirements for the statutory fee of Articles 16 to 21, so pays the institutional tuition fee.`,
        },
        {
          article: initial.institutionalFeeArticle,
          text: isSmallScale
            ? `${this.name} is small-scale and intensive education, so the high institutional fee replaces that of its funding category: ${euroText(initial.institutionalFeeCents)} a year.`
            : `${this.name} is in funding category ${initial.fundingCategory}: ${euroText(initial.institutionalFeeCents)} a year.`,
        },
        {
          article: 'App I',
          text: `Appendix I lists “${this.programme.appendixLabel ?? this.name}” under “${this.programme.institutionalBandHeading ?? ''}”.`,
        },
      ],
    };
  }

  /** How the student meets paragraph 1, for the sentence of Art 16.1 / 18.1. */
  private eligibilityText(): string {
    switch (this.paragraph1a.via) {
      case 'healthcare-or-teaching':
        return 'meets paragraph 1b, paragraph 1a not applying to a first degree in healthcare or teaching';
      case 'simultaneous-programmes':
        return 'meets paragraph 1b and keeps the statutory fee for this programme under Article 19.1';
      default:
        return 'meets paragraphs 1a and 1b';
    }
  }

  private academicYearText(): string {
    return this.lookups.provisions.academicYear.replace('-', '/');
  }
}

/** The periods of a fee in a sentence: '5 months from September 2022 at €1,105 a year and …'. */
function periodsText(
  periods: readonly { from: number; months: number; fee: AnnualFee }[],
  lookups: FeeLookups,
): string {
  return periods
    .map(
      (p) =>
        `${monthsText(p.months)} from ${monthText(firstDayOfMonthIndex(lookups.calendar, p.from))} at ${euroText(p.fee.annualCents)} a year`,
    )
    .join(' and ');
}

/** Drops repeated reasons (same article and text), keeping the first; the lists are short, so pairwise. */
function dedupeReasons(reasons: FeeReason[]): FeeReason[] {
  const result: FeeReason[] = [];
  for (const reason of reasons) {
    if (!result.some((r) => r.article === reason.article && r.text === reason.text)) result.push(reason);
  }
  return result;
}
