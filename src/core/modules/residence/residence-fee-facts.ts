import { feeFactsSchema, type FeeFacts, type PermitWsfGroup } from '../../../shared/facts/fee-facts';
import type { ResidencePermitType, StudentProfile } from '../../../shared/facts/student-profile';

/*
 * Residence → fee facts (issue 4 point 5): the facts of the fee engine (Art 14.5, 16.1b, 16.5, 16.6,
 * App II, App III) that follow from the student's recorded profile. The enrolment keeps what only it
 * knows (the day the permit was submitted, Art 14.5); everything else about nationality and residence
 * comes from the profile, so that a change on the student file reaches every current enrolment.
 */

/** The group of Appendix II a Dutch residence document shows on the fee side, by its type. */
const PERMIT_GROUP: Readonly<Partial<Record<ResidencePermitType, PermitWsfGroup>>> = {
  'association-decision-1-80': 'd',
  'eu-family-member': 'f',
  'asylum-fixed-period': 'g',
  'asylum-indefinite-period': 'h',
  'regular-indefinite-period': 'i',
  'eu-long-term-resident-netherlands': 'j',
  'withdrawal-agreement-permanent': 'l',
  'regular-fixed-period': 'm',
  'application-pending': 'n',
};

/** The residence facts of the fee engine that the student's profile decides. */
export type FeeResidenceFacts = Pick<
  FeeFacts,
  'nationalities' | 'brpNationality' | 'brpRegisteredSince' | 'residencePermit' | 'euLongTermResidence'
>;

/**
 * The fee facts of nationality and residence that a student's profile shows: nationalities and the BRP
 * nationality (Art 16.6), BRP registration (App II footnote), the Dutch residence permit with its
 * purpose, App II group and first day (Art 16.5), and EU long-term residence of another Member State
 * only when the desk recorded that its wording matches Appendix III (App II k).
 */
export function feeResidenceFactsFromProfile(profile: StudentProfile): FeeResidenceFacts {
  const permit = profile.residence.permit;
  const residence = profile.residence;
  let wsfGroup: PermitWsfGroup | null = PERMIT_GROUP[permit.type] ?? null;
  // App II n counts only for a student who already receives student finance.
  if (permit.type === 'application-pending' && !permit.receivesStudentFinance) wsfGroup = null;
  // App II o: an earlier WTOS allowance, shown with whatever Dutch permit the student holds.
  if (wsfGroup === null && residence.hasReceivedWtosAllowance && permit.type !== 'none') wsfGroup = 'o';
  const ltr = residence.longTermResident;
  return {
    nationalities: [...profile.nationalities],
    brpNationality: profile.brpNationality,
    brpRegisteredSince: profile.registeredInBrp ? profile.brpRegisteredSince : null,
    residencePermit:
      permit.type === 'none'
        ? null
        : {
            purpose: permit.type === 'study' ? 'study' : 'other',
            wsfGroup,
            groupMConditions: wsfGroup === 'm' ? [...permit.groupMConditions] : [],
            validFrom: permit.validFrom,
            submittedOn: null,
          },
    // App III: only a recorded 'match' shows the status; 'needs-review' and 'no-match' do not.
    euLongTermResidence:
      ltr !== null && ltr.decided === 'match' && ltr.documentWording !== null
        ? { memberState: ltr.memberState, permitTerm: ltr.documentWording }
        : null,
  };
}

/**
 * An enrolment's fee facts with the residence facts of the profile merged in. The day the permit was
 * submitted to UM stays as the enrolment records it (Art 14.5): the profile does not know it.
 */
export function mergeResidenceIntoFeeFacts(facts: FeeFacts, residence: FeeResidenceFacts): FeeFacts {
  const submittedOn = facts.residencePermit?.submittedOn ?? null;
  return feeFactsSchema.parse({
    ...facts,
    ...residence,
    residencePermit:
      residence.residencePermit === null ? null : { ...residence.residencePermit, submittedOn },
  });
}
