import type {
  HandlingFeeExemption,
  LongTermResidentState,
  MoneyFeeKey,
  PreMasterProgramme,
  ProfessionalMasterProgramme,
  ProgrammeProvision,
  Provisions,
  SmallScaleIntensiveRegime,
  WsfGroup,
} from '../../provisions/provisions.schema';
import type { ProgrammeLevel } from '../../../shared/facts/fee-facts';

/*
 * Lookups the fee rules need, computed once per provisions object (a WeakMap keyed by it), so that an
 * assessment does map look-ups only: no scans of the provisions, no parsing, in the hot path.
 */

/** ISO 3166-1 code of the Netherlands: Dutch nationals are App II a; App II k concerns Member States other than it. */
export const NETHERLANDS = 'NL';

/** A programme of Appendix I, IV or VI, resolved from its code. */
export interface ResolvedProgramme {
  code: string;
  /** The name with its level prefix, e.g. 'B Econometrics and Operations Research', 'Pre-master’s in Economics'. */
  printedName: string;
  /** The line of Appendix I as printed, with its notes, e.g. 'M Epidemiology (incl. part-time variant)'; null outside Appendix I. */
  appendixLabel: string | null;
  level: ProgrammeLevel;
  /** Appendix I programme (bachelor's or initial master's), else null. */
  initial: ProgrammeProvision | null;
  /** Appendix IV programme, else null. */
  preMaster: PreMasterProgramme | null;
  /** Appendix VI programme, else null. */
  professional: ProfessionalMasterProgramme | null;
  /** Art 20 / 21 regime, else null. */
  regime: SmallScaleIntensiveRegime | null;
  /** The heading of the Appendix I band of its funding category, e.g. 'Master’s programmes €18,200 or part-time €9,100'. */
  bandHeading: string | null;
  /** The heading of the Appendix I band of its institutional fee (the €14,217 band of Art 22.3 for UCM and MSP). */
  institutionalBandHeading: string | null;
  /** Article of the partial institutional fee of the band (Art 24.2), or null. */
  partTimeArticle: string | null;
}

/** The calendar of the academic year: month 0 is the month of the first day (September). */
export interface AcademicYearCalendar {
  startDate: string;
  endDate: string;
  startYear: number;
  startMonth: number;
  /** First day of each of the twelve months, e.g. ['2022-09-01', …, '2023-08-01']. */
  monthFirstDays: string[];
}

/** Everything the fee rules look up, precomputed from one provisions object. */
export interface FeeLookups {
  provisions: Provisions;
  calendar: AcademicYearCalendar;
  programmes: ReadonlyMap<string, ResolvedProgramme>;
  /** Art 1l as printed: the "EU/EEA countries" of these provisions. */
  euEeaCountries: ReadonlySet<string>;
  /** App II b, c, e: nationality → group. */
  nationalityGroups: ReadonlyMap<string, WsfGroup>;
  /** App II d: Turkish nationality. */
  associationDecisionCountries: ReadonlySet<string>;
  /** App II groups by letter. */
  wsfGroupsByLetter: ReadonlyMap<string, WsfGroup>;
  /** Art 16.1b: Suriname. */
  surinameCountries: ReadonlySet<string>;
  /** App II footnote: the United Kingdom. */
  unitedKingdomCountries: ReadonlySet<string>;
  /** App III per Member State (the terms are matched by `checkLongTermResidentWording`). */
  longTermResidentStates: ReadonlyMap<string, LongTermResidentState>;
  countryNames: ReadonlyMap<string, string>;
  /** Art 4.1 / 4.2: commencement date → intake. */
  commencementDates: ReadonlyMap<string, 'september' | 'february'>;
  /** Art 4.5: the month of enrolment that takes effect later (October), and the month it takes effect in (November). */
  octoberMonthIndex: number;
  octoberEffectiveMonthIndex: number;
  /** Art 20.7: the last day of the legacy cohort's academic year (31 August 2020), per regime id. */
  legacyCohortUntil: ReadonlyMap<string, string>;
  /** Art 15.4 exemptions by key. */
  handlingFeeExemptions: ReadonlyMap<string, HandlingFeeExemption>;
  /** Art 27.2 / 27.3: examination fee key per level and funding category. */
  examinationFeeKeys: Readonly<
    Record<'bachelor' | 'initial-master', Record<'low' | 'high' | 'top', MoneyFeeKey>>
  >;
}

const cache = new WeakMap<Provisions, FeeLookups>();

/** The lookups of the fee rules for a provisions object, computed on first use and cached. */
export function feeLookupsFor(provisions: Provisions): FeeLookups {
  const cached = cache.get(provisions);
  if (cached) return cached;
  const lookups = buildFeeLookups(provisions);
  cache.set(provisions, lookups);
  return lookups;
}

function buildFeeLookups(provisions: Provisions): FeeLookups {
  const [startYear, startMonth] = provisions.startDate.split('-').map(Number);
  const monthFirstDays: string[] = [];
  for (let i = 0; i < 12; i++) {
    const month = ((startMonth - 1 + i) % 12) + 1;
    const year = startYear + Math.floor((startMonth - 1 + i) / 12);
    monthFirstDays.push(`${year}-${String(month).padStart(2, '0')}-01`);
  }
  const calendar: AcademicYearCalendar = {
    startDate: provisions.startDate,
    endDate: provisions.endDate,
    startYear,
    startMonth,
    monthFirstDays,
  };

  const regimes = new Map(provisions.smallScaleIntensiveRegimes.map((r) => [r.id, r]));
  const bands = new Map(provisions.feeBands.map((b) => [b.id, b]));
  const programmes = new Map<string, ResolvedProgramme>();
  for (const programme of provisions.programmes) {
    const band = bands.get(programme.feeBand);
    programmes.set(programme.code, {
      code: programme.code,
      printedName: `${programme.level === 'bachelor' ? 'B' : 'M'} ${programme.name}`,
      appendixLabel: programme.appendixLabels[0],
      level: programme.level === 'bachelor' ? 'bachelor' : 'initial-master',
      initial: programme,
      preMaster: null,
      professional: null,
      regime: programme.smallScaleIntensiveRegime
        ? (regimes.get(programme.smallScaleIntensiveRegime) ?? null)
        : null,
      bandHeading: band?.appendixHeading ?? null,
      institutionalBandHeading:
        (programme.smallScaleIntensiveFeeBand ? bands.get(programme.smallScaleIntensiveFeeBand) : band)
          ?.appendixHeading ?? null,
      partTimeArticle: band?.partTimeArticle ?? null,
    });
  }
  for (const programme of provisions.preMasterProgrammes) {
    programmes.set(programme.code, {
      code: programme.code,
      printedName: programme.printedName,
      appendixLabel: null,
      level: 'pre-master',
      initial: null,
      preMaster: programme,
      professional: null,
      regime: null,
      bandHeading: null,
      institutionalBandHeading: null,
      partTimeArticle: null,
    });
  }
  for (const programme of provisions.professionalMasterProgrammes) {
    programmes.set(programme.code, {
      code: programme.code,
      printedName: programme.printedName,
      appendixLabel: null,
      level: 'professional-master',
      initial: null,
      preMaster: null,
      professional: programme,
      regime: null,
      bandHeading: null,
      institutionalBandHeading: null,
      partTimeArticle: null,
    });
  }

  const groupsWithTreatment = (article: string, effect?: string) =>
    provisions.countryGroups.filter((g) =>
      g.treatments.some((t) => t.article === article && (effect === undefined || t.effect === effect)),
    );
  // Art 1l as printed (27 EU Member States, Liechtenstein and Norway; Iceland is missing there, see Art 1l note).
  const euEeaCountries = new Set(
    provisions.countryGroups.filter((g) => g.article === 'Art 1l').flatMap((g) => g.countryCodes),
  );
  const wsfGroupsByLetter = new Map(provisions.wsfGroups.groups.map((g) => [g.letter, g]));
  const nationalityGroups = new Map<string, WsfGroup>();
  const associationDecisionCountries = new Set<string>();
  for (const group of provisions.wsfGroups.groups) {
    if (!group.countryCodes) continue;
    // App II d applies "under special conditions" only: shown by a residence permit (Art 14.5), not by nationality.
    if (group.letter === 'd') {
      for (const code of group.countryCodes) associationDecisionCountries.add(code);
      continue;
    }
    for (const code of group.countryCodes)
      if (!nationalityGroups.has(code)) nationalityGroups.set(code, group);
  }
  const surinameCountries = new Set(
    groupsWithTreatment('Art 16.1b', 'statutory-fee-nationality').flatMap((g) => g.countryCodes),
  );
  const unitedKingdomCountries = new Set(
    groupsWithTreatment('App II footnote', 'withdrawal-agreement-statutory-fee').flatMap(
      (g) => g.countryCodes,
    ),
  );

  const longTermResidentStates = new Map(
    provisions.longTermResidentTerms.states.map((state) => [state.code, state]),
  );

  const monthIndexOfNumber = (month: number) => (month - startMonth + 12) % 12;
  const octoberEffectiveMonthIndex = monthIndexOfNumber(
    Number(provisions.feeRules.octoberEnrolmentEffectiveMonth.month),
  );

  const [, endMonthDay] = /^\d{4}-(\d{2}-\d{2})$/.exec(provisions.endDate) ?? [];
  const legacyCohortUntil = new Map<string, string>();
  for (const regime of provisions.smallScaleIntensiveRegimes) {
    if (!regime.legacyCohort) continue;
    // Academic year '2019-20' ends on 31 August 2020 (Art 1bb).
    const lastYear = Number(regime.legacyCohort.enrolledInOrBeforeAcademicYear.slice(0, 4)) + 1;
    legacyCohortUntil.set(regime.id, `${lastYear}-${endMonthDay}`);
  }

  return {
    provisions,
    calendar,
    programmes,
    euEeaCountries,
    nationalityGroups,
    associationDecisionCountries,
    wsfGroupsByLetter,
    surinameCountries,
    unitedKingdomCountries,
    longTermResidentStates,
    countryNames: new Map(provisions.countries.map((c) => [c.code, c.name])),
    commencementDates: new Map(provisions.enrolment.commencementDates.map((c) => [c.date, c.intake])),
    // Art 4.5: "enrolment in October … will take effect on 1 November": the month before the effective month.
    octoberMonthIndex: (octoberEffectiveMonthIndex + 11) % 12,
    octoberEffectiveMonthIndex,
    legacyCohortUntil,
    handlingFeeExemptions: new Map(provisions.handlingFeeExemptions.map((e) => [e.key, e])),
    examinationFeeKeys: {
      bachelor: {
        low: 'examinationFeeBachelorLowCents',
        high: 'examinationFeeBachelorHighCents',
        top: 'examinationFeeBachelorTopCents',
      },
      'initial-master': {
        low: 'examinationFeeMasterLowCents',
        high: 'examinationFeeMasterHighCents',
        top: 'examinationFeeMasterTopCents',
      },
    },
  };
}

/** The month of the academic year (0 = first month) in which an ISO date falls; negative before, 12 or more after. */
export function monthIndexOf(calendar: AcademicYearCalendar, isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return (year - calendar.startYear) * 12 + (month - calendar.startMonth);
}

/** The first day of a month of the academic year, also outside it (index 12 is the month after the year). */
export function firstDayOfMonthIndex(calendar: AcademicYearCalendar, index: number): string {
  if (index >= 0 && index < 12) return calendar.monthFirstDays[index];
  const absolute = calendar.startYear * 12 + (calendar.startMonth - 1) + index;
  const year = Math.floor(absolute / 12);
  const month = (absolute % 12) + 1;
  return `${year}-${String(month).padStart(2, '0')}-01`;
}
