import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findProvisionText, loadProvisions } from '../../provisions/load-provisions';
import { feeFactsSchema } from '../../../shared/facts/fee-facts';
import { assessHandlingFee } from './handling-fee.rules';
import { assessTuitionFee, type FeeKind } from './tuition-fee.rules';

const provisions = loadProvisions('2022-23');
const examplesFolder = new URL('../../../../docs/fee-facts/', import.meta.url);

/** What each example file of docs/fee-facts must come to (kept here, not in the JSON). */
const expectedByExample: Readonly<
  Record<string, { kind: FeeKind; amountCents: number; handlingFeeCents: number }>
> = {
  'first-year-eu-bachelor.json': { kind: 'low-statutory', amountCents: 110500, handlingFeeCents: 0 },
  're-enrolling-eu-bachelor.json': { kind: 'statutory', amountCents: 220900, handlingFeeCents: 0 },
  'non-eu-master-study-permit.json': { kind: 'institutional', amountCents: 1820000, handlingFeeCents: 10000 },
  'part-time-master.json': { kind: 'partial-statutory', amountCents: 157200, handlingFeeCents: 0 },
  'pre-master-60-ects.json': { kind: 'study-fee', amountCents: 220900, handlingFeeCents: 0 },
  'external-student.json': { kind: 'examination-fee', amountCents: 220900, handlingFeeCents: 0 },
  'exchange-student.json': { kind: 'none', amountCents: 0, handlingFeeCents: 0 },
  'msp-student.json': { kind: 'high-statutory', amountCents: 365500, handlingFeeCents: 0 },
  'msp-legacy-cohort-student.json': { kind: 'statutory', amountCents: 220900, handlingFeeCents: 0 },
  'february-intake-eu-bachelor.json': { kind: 'low-statutory', amountCents: 64458, handlingFeeCents: 0 },
  'w-document-holder-master.json': {
    kind: 'institutional-at-statutory',
    amountCents: 220900,
    handlingFeeCents: 0,
  },
  'dual-national-second-programme.json': { kind: 'none', amountCents: 0, handlingFeeCents: 10000 },
};

const exampleFiles = readdirSync(examplesFolder)
  .filter((name) => name.endsWith('.json'))
  .sort();

describe('the example facts in docs/fee-facts', () => {
  it('has an expectation for every example file and a file for every expectation', () => {
    expect(exampleFiles).toEqual(Object.keys(expectedByExample).sort());
  });

  it.each(exampleFiles)('parses %s and assesses it as expected', (name) => {
    const facts = feeFactsSchema.parse(JSON.parse(readFileSync(new URL(name, examplesFolder), 'utf8')));
    const tuition = assessTuitionFee(facts, provisions);
    const handlingFee = assessHandlingFee(facts, provisions);
    const expected = expectedByExample[name];
    expect({
      kind: tuition.kind,
      amountCents: tuition.amountCents,
      handlingFeeCents: handlingFee.amountCents,
    }).toEqual(expected);
    for (const reason of [...tuition.reasons, ...handlingFee.reasons]) {
      expect(findProvisionText(provisions, reason.article), reason.article).toBeDefined();
    }
  });
});

describe('the facts schema', () => {
  it('completes a minimal facts object with the defaults of the most common case', () => {
    const facts = feeFactsSchema.parse({ programmeCode: 'b-psychology', nationalities: ['DE'] });
    expect(facts).toEqual({
      programmeCode: 'b-psychology',
      mode: 'full-time',
      enrolmentKind: 'regular',
      isInterimEnrolmentPermitted: false,
      isReEnrolment: false,
      programmeFirstEnrolledOn: null,
      followsProgrammeInConsecutiveYears: true,
      nationalities: ['DE'],
      brpNationality: null,
      brpRegisteredSince: null,
      residencePermit: null,
      euLongTermResidence: null,
      refugee: null,
      rodHo: { firstEnrolment: null, degrees: [] },
      isFirstDegreeInHealthcareOrTeaching: false,
      otherEnrolments: [],
      isBoardPositionExemptionGranted: false,
      preMaster: null,
      professionalMasterStudyFeeCents: null,
      priorEducation: { country: null, diploma: 'other' },
      handlingFee: {
        wasPreviouslyEnrolledAtUm: false,
        hasPreviouslyPaidHandlingFee: false,
        wasAssessedByJointProgrammePartner: false,
        isHardshipExemptionGranted: false,
      },
    });
  });

  it('refuses unknown fields, so that a misspelt fact is not silently ignored', () => {
    const result = feeFactsSchema.safeParse({
      programmeCode: 'b-psychology',
      nationalities: ['DE'],
      nationality: 'DE',
    });
    expect(result.success).toBe(false);
  });

  it('refuses country codes and dates that are not ISO', () => {
    expect(
      feeFactsSchema.safeParse({ programmeCode: 'b-psychology', nationalities: ['Germany'] }).success,
    ).toBe(false);
    expect(
      feeFactsSchema.safeParse({
        programmeCode: 'b-psychology',
        nationalities: ['DE'],
        startDate: '1-9-2022',
      }).success,
    ).toBe(false);
  });

  it('requires a programme code except for exchange and subsidiary students (Art 10)', () => {
    const missing = feeFactsSchema.safeParse({ nationalities: ['DE'] });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0].path).toEqual(['programmeCode']);
    expect(feeFactsSchema.safeParse({ enrolmentKind: 'exchange', nationalities: ['DE'] }).success).toBe(true);
  });

  it('requires the BRP nationality to be one of the student’s nationalities (Art 16.6)', () => {
    const result = feeFactsSchema.safeParse({
      programmeCode: 'm-economics',
      nationalities: ['DE', 'US'],
      brpNationality: 'FR',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(['brpNationality']);
  });

  it('accepts the conditions 1°–7° only for a permit of group m (App II m)', () => {
    const result = feeFactsSchema.safeParse({
      programmeCode: 'm-economics',
      nationalities: ['IN'],
      residencePermit: { wsfGroup: 'i', groupMConditions: [2] },
    });
    expect(result.success).toBe(false);
  });
});
