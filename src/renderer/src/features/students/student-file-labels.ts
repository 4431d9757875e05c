import type { DutchDegreeType } from '../../../../shared/facts/fee-facts';
import type { PriorEducationKind, ResidencePermitType } from '../../../../shared/facts/student-profile';

/** What each kind of Dutch residence document is called on screen, with its App II group where it has one. */
export const permitTypeLabels: Record<ResidencePermitType, string> = {
  none: 'None',
  study: 'Study (purpose of stay: study)',
  'association-decision-1-80': 'Association Decision 1/80, Turkish national (App II d)',
  'eu-family-member': 'Family member of an EU/EEA citizen (App II f)',
  'asylum-fixed-period': 'Asylum, fixed period (App II g)',
  'asylum-indefinite-period': 'Asylum, indefinite period (App II h)',
  'regular-indefinite-period': 'Regular, indefinite period (App II i)',
  'eu-long-term-resident-netherlands': 'EU long-term resident, Netherlands (App II j)',
  'withdrawal-agreement-permanent': 'Withdrawal Agreement, permanent (App II l)',
  'regular-fixed-period': 'Regular, fixed period (App II m)',
  'application-pending': 'Application pending (App II n)',
  other: 'Other (work, highly skilled migrant …)',
};

/** Diploma kinds of prior education as staff call them. */
export const diplomaLabels: Record<PriorEducationKind, string> = {
  vwo: 'VWO',
  'international-baccalaureate': 'International Baccalaureate',
  'european-baccalaureate': 'European Baccalaureate',
  'swiss-maturity': 'Swiss Maturität',
  'uk-qualifications': 'UK qualifications',
  'vwo-caribbean': 'VWO from Curaçao, Bonaire, Aruba or Sint Maarten',
  'vwo-suriname': 'VWO from Suriname',
  'bachelor-degree': "Bachelor's degree",
  'master-degree': "Master's degree",
  other: 'Other',
};

/** Dutch degree types of ROD HO. */
export const degreeTypeLabels: Record<DutchDegreeType, string> = {
  bachelor: "Bachelor's degree",
  master: "Master's degree",
  'hbo-final-examination-168-credits': 'HBO final examination, 168 credits (Art 16.3a)',
  'university-final-examination-art-7-8': 'University final examination, Art 7.8 WHW (Art 16.3b)',
  'final-examination-art-18-15': 'Final examination, Art 18.15 WHW (Art 16.4b)',
};

/** The address kinds on screen. */
export const addressKindLabels = { home: 'Home', term: 'Term-time', postal: 'Postal' } as const;

const regionNames = new Intl.DisplayNames(['en-GB'], { type: 'region', fallback: 'code' });

/** A country's English name from its ISO code, e.g. "Germany" for DE. */
export function countryName(code: string): string {
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Options for a Select from a label map. */
export function optionsOf<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}

/** The age in whole years on a day, from an ISO date of birth. */
export function ageOn(dateOfBirth: string, today: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}
