import { describe, expect, it } from 'vitest';
import { feeFactsSchema } from '../../../shared/facts/fee-facts';
import { studentProfileSchema, type StudentProfileInput } from '../../../shared/facts/student-profile';
import { feeResidenceFactsFromProfile, mergeResidenceIntoFeeFacts } from './residence-fee-facts';

const profile = (input: Partial<StudentProfileInput> & { residence: StudentProfileInput['residence'] }) =>
  studentProfileSchema.parse({ dateOfBirth: '2000-01-01', nationalities: ['US'], ...input });

describe('feeResidenceFactsFromProfile', () => {
  it('takes nationalities, the BRP nationality and registration from the profile (Art 16.6, App II footnote)', () => {
    const facts = feeResidenceFactsFromProfile(
      profile({
        nationalities: ['GB', 'US'],
        brpNationality: 'GB',
        registeredInBrp: true,
        brpRegisteredSince: '2019-05-01',
        residence: { countryOfResidence: 'NL' },
      }),
    );
    expect(facts).toEqual({
      nationalities: ['GB', 'US'],
      brpNationality: 'GB',
      brpRegisteredSince: '2019-05-01',
      residencePermit: null,
      euLongTermResidence: null,
    });
  });

  it('maps a study permit to purpose study without a group, and a regular indefinite permit to group i', () => {
    const study = feeResidenceFactsFromProfile(
      profile({
        residence: { countryOfResidence: 'NL', permit: { type: 'study', validFrom: '2022-08-15' } },
      }),
    );
    expect(study.residencePermit).toEqual({
      purpose: 'study',
      wsfGroup: null,
      groupMConditions: [],
      validFrom: '2022-08-15',
      submittedOn: null,
    });
    const indefinite = feeResidenceFactsFromProfile(
      profile({ residence: { countryOfResidence: 'NL', permit: { type: 'regular-indefinite-period' } } }),
    );
    expect(indefinite.residencePermit).toMatchObject({ purpose: 'other', wsfGroup: 'i' });
    const fixed = feeResidenceFactsFromProfile(
      profile({
        residence: {
          countryOfResidence: 'NL',
          permit: { type: 'regular-fixed-period', groupMConditions: [3] },
        },
      }),
    );
    expect(fixed.residencePermit).toMatchObject({ wsfGroup: 'm', groupMConditions: [3] });
  });

  it('shows App II n only with student finance already received', () => {
    const pending = (receivesStudentFinance: boolean) =>
      feeResidenceFactsFromProfile(
        profile({
          residence: {
            countryOfResidence: 'NL',
            permit: { type: 'application-pending', receivesStudentFinance },
          },
        }),
      ).residencePermit?.wsfGroup;
    expect(pending(true)).toBe('n');
    expect(pending(false)).toBeNull();
  });

  it.each([
    ['match', { memberState: 'DE', permitTerm: 'Daueraufenthalt-EU' }],
    ['needs-review', null],
    ['no-match', null],
    [undefined, null],
  ] as const)(
    'counts EU long-term residence only when the recorded App III decision is a match (%s)',
    (decided, expected) => {
      const facts = feeResidenceFactsFromProfile(
        profile({
          residence: {
            countryOfResidence: 'NL',
            permit: { type: 'study' },
            longTermResident: {
              memberState: 'DE',
              documentWording: 'Daueraufenthalt-EU',
              ...(decided === undefined ? {} : { decided }),
              reviewedBy: 'Test desk',
              reviewedOn: '2022-09-05',
            },
          },
        }),
      );
      expect(facts.euLongTermResidence).toEqual(expected);
    },
  );
});

describe('mergeResidenceIntoFeeFacts', () => {
  it('replaces the residence facts and keeps the enrolment’s own, including the day the permit was submitted (Art 14.5)', () => {
    const facts = feeFactsSchema.parse({
      programmeCode: 'b-econometrics-and-operations-research',
      nationalities: ['US'],
      residencePermit: { purpose: 'study', submittedOn: '2022-08-20' },
      isReEnrolment: true,
    });
    const merged = mergeResidenceIntoFeeFacts(
      facts,
      feeResidenceFactsFromProfile(
        profile({
          nationalities: ['US', 'CA'],
          residence: { countryOfResidence: 'NL', permit: { type: 'regular-indefinite-period' } },
        }),
      ),
    );
    expect(merged).toMatchObject({
      programmeCode: 'b-econometrics-and-operations-research',
      isReEnrolment: true,
      nationalities: ['US', 'CA'],
      residencePermit: { purpose: 'other', wsfGroup: 'i', submittedOn: '2022-08-20' },
    });
  });
});
