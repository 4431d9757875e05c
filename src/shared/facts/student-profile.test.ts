import { describe, expect, it } from 'vitest';
import { priorEducationDiplomaSchema } from './fee-facts';
import { enrolmentRequestSchema, priorEducationKindSchema, studentProfileSchema } from './student-profile';

describe('the student profile', () => {
  it('fills the most common case from date of birth, nationalities and country of residence', () => {
    expect(
      studentProfileSchema.parse({
        dateOfBirth: '2003-05-01',
        nationalities: ['DE'],
        residence: { countryOfResidence: 'NL' },
      }),
    ).toEqual({
      dateOfBirth: '2003-05-01',
      nationalities: ['DE'],
      brpNationality: null,
      registeredInBrp: false,
      brpRegisteredSince: null,
      residence: {
        countryOfResidence: 'NL',
        permit: {
          type: 'none',
          validFrom: null,
          validUntil: null,
          groupMConditions: [],
          receivesStudentFinance: false,
        },
        longTermResident: null,
        recordedWsfGroup: null,
        hasReceivedWtosAllowance: false,
      },
      priorEducation: { country: null, diploma: 'other' },
      dutchHigherEducation: { degrees: [], enrolments: [] },
      refusalFlags: {
        negativeBindingStudyAdvice: [],
        seriousFraudTermination: null,
        iudiciumAbeundi: [],
        disciplinaryTermination: null,
        arrears: { debts: [], terminationForArrears: null },
      },
    });
  });

  it('knows every diploma kind of the fee facts and the further kinds of the desk', () => {
    for (const kind of priorEducationDiplomaSchema.options)
      expect(priorEducationKindSchema.options).toContain(kind);
    expect(priorEducationKindSchema.options).toEqual(
      expect.arrayContaining([
        'uk-qualifications',
        'vwo-caribbean',
        'vwo-suriname',
        'bachelor-degree',
        'master-degree',
      ]),
    );
  });

  it('leaves the App III decision undecided until the wording is checked', () => {
    const profile = studentProfileSchema.parse({
      dateOfBirth: '1998-02-02',
      nationalities: ['MA'],
      residence: {
        countryOfResidence: 'NL',
        permit: { type: 'study' },
        longTermResident: { memberState: 'ES' },
      },
    });
    expect(profile.residence.longTermResident).toEqual({
      memberState: 'ES',
      documentWording: null,
      reviewedBy: null,
      reviewedOn: null,
    });
    expect(profile.residence.longTermResident?.decided).toBeUndefined();
  });

  it.each([
    [
      { brpNationality: 'FR' },
      'brpNationality',
      'The BRP nationality must be one of the nationalities of the student (Art 16.6).',
    ],
    [
      { brpRegisteredSince: '2020-01-01' },
      'brpRegisteredSince',
      'A BRP registration date needs the student to be registered in the BRP (Art 13.1d).',
    ],
    [
      { residence: { countryOfResidence: 'NL', permit: { type: 'study', groupMConditions: [1] } } },
      'residence.permit.groupMConditions',
      'Conditions 1°–7° belong to a regular residence permit for a fixed period only (App II m).',
    ],
    [
      {
        residence: {
          countryOfResidence: 'NL',
          permit: { type: 'study', validFrom: '2022-09-01', validUntil: '2022-08-01' },
        },
      },
      'residence.permit.validUntil',
      'The residence permit cannot end before it starts.',
    ],
  ])('refuses an inconsistent profile (%#)', (change, path, message) => {
    const result = studentProfileSchema.safeParse({
      dateOfBirth: '2003-05-01',
      nationalities: ['DE'],
      residence: { countryOfResidence: 'NL' },
      ...change,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([[path, message]]);
  });

  it('refuses a country that is not an ISO alpha-2 code', () => {
    expect(
      studentProfileSchema.safeParse({
        dateOfBirth: '2003-05-01',
        nationalities: ['Germany'],
        residence: { countryOfResidence: 'NL' },
      }).success,
    ).toBe(false);
  });
});

describe('the enrolment applied for', () => {
  it('needs a programme unless the student is an exchange or subsidiary student (Art 10)', () => {
    const base = { academicYear: '2022-23', startDate: '2022-09-01' };
    expect(enrolmentRequestSchema.safeParse(base).error?.issues[0].message).toBe(
      'A programme code is required unless the student is an exchange or subsidiary student (Art 10).',
    );
    expect(enrolmentRequestSchema.parse({ ...base, kind: 'exchange' })).toMatchObject({
      programmeCode: null,
      kind: 'exchange',
      mode: 'full-time',
      admission: { status: 'pending', hasDeficiencies: false },
      interimStartDecision: null,
      isExternalEnrolmentPermitted: false,
      nonEuEnrolmentDeadline: null,
    });
  });
});
