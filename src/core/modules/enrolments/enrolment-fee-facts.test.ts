import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskEnrolment } from '../../../shared/api/enrolments.contract';
import type { StudentFeeFile } from '../../../shared/api/ledger.contract';
import type { FeeFacts } from '../../../shared/facts/fee-facts';
import {
  enrolmentRequestSchema,
  studentProfileSchema,
  type StudentProfileInput,
} from '../../../shared/facts/student-profile';
import { createTestDesk, type TestDesk } from '../../testing/test-desk';
import { feeFactsFromProfile } from './enrolment-fee-facts';

const request = enrolmentRequestSchema.parse({
  academicYear: '2022-23',
  programmeCode: 'b-psychology',
  startDate: '2022-09-01',
  admission: { status: 'admitted' },
});

/** A US national on a Dutch study permit, with an earlier enrolment at UM and an IB diploma. */
const US_STUDY_PERMIT: StudentProfileInput = {
  dateOfBirth: '2000-02-10',
  nationalities: ['US'],
  registeredInBrp: true,
  brpRegisteredSince: '2020-08-20',
  residence: { countryOfResidence: 'NL', permit: { type: 'study', validFrom: '2020-08-25' } },
  priorEducation: { country: 'US', diploma: 'international-baccalaureate' },
  dutchHigherEducation: {
    enrolments: [
      {
        institution: 'um',
        programmeCode: 'b-psychology',
        academicYear: '2020-21',
        startedOn: '2020-09-01',
      },
    ],
  },
};

describe('fee facts prefilled from the profile', () => {
  it('takes the enrolment from the request and residence, ROD HO and prior education from the profile', () => {
    const facts = feeFactsFromProfile(studentProfileSchema.parse(US_STUDY_PERMIT), request);
    expect(facts).toMatchObject({
      programmeCode: 'b-psychology',
      enrolmentKind: 'regular',
      mode: 'full-time',
      startDate: '2022-09-01',
      isInterimEnrolmentPermitted: false,
      isReEnrolment: true,
      programmeFirstEnrolledOn: '2020-09-01',
      nationalities: ['US'],
      brpRegisteredSince: '2020-08-20',
      residencePermit: { purpose: 'study', wsfGroup: null, validFrom: '2020-08-25', submittedOn: null },
      rodHo: { firstEnrolment: { startedOn: '2020-09-01', hadLowStatutoryFee: false }, degrees: [] },
      priorEducation: { country: 'US', diploma: 'international-baccalaureate' },
      handlingFee: { wasPreviouslyEnrolledAtUm: true },
    });
  });

  it('counts a diploma Art 15.4 does not name as "other", and an SSC-director decision as an interim start (Art 4.4)', () => {
    const profile = studentProfileSchema.parse({
      dateOfBirth: '2001-01-01',
      nationalities: ['GB'],
      residence: { countryOfResidence: 'GB' },
      priorEducation: { country: 'GB', diploma: 'uk-qualifications' },
    });
    const interim = enrolmentRequestSchema.parse({
      ...request,
      startDate: '2022-11-01',
      interimStartDecision: { decidedOn: '2022-10-15', reference: 'SSC-2022-17' },
    });
    const facts = feeFactsFromProfile(profile, interim);
    expect(facts.priorEducation).toEqual({ country: 'GB', diploma: 'other' });
    expect(facts.isInterimEnrolmentPermitted).toBe(true);
    expect(facts.isReEnrolment).toBe(false);
    expect(facts.rodHo.firstEnrolment).toBeNull();
    expect(facts.residencePermit).toBeNull();
  });
});

describe('enrolments:feeFactsFromProfile', () => {
  let t: TestDesk;
  beforeEach(async () => {
    t = await createTestDesk();
    t.clock.set('2022-06-01T09:00:00.000Z');
  });
  afterEach(async () => {
    await t.close();
  });

  it('gives facts that enrolments:apply accepts, so the fee of the profile is charged', async () => {
    const student = await t.call<{ id: number }>('desk', 'students:create', {
      studentNumber: 'i6100001',
      givenNames: 'Jamie',
      familyName: 'Fisher',
      profile: US_STUDY_PERMIT,
    });
    const facts = await t.call<FeeFacts>('desk', 'enrolments:feeFactsFromProfile', {
      studentId: student.id,
      request,
    });
    const applied = await t.call<DeskEnrolment>('desk', 'enrolments:apply', {
      studentId: student.id,
      request,
      facts,
    });
    expect(applied.enrolment.status).toBe('applied');
    const fees = await t.call<StudentFeeFile>('desk', 'ledger:studentFile', { studentId: student.id });
    expect(fees.balanceCents).toBe(applied.enrolment.fee.amountCents);
    expect(applied.enrolment.fee.amountCents).toBeGreaterThan(0);
  });

  it('refuses a student without a profile, saying what to record first', async () => {
    const student = await t.call<{ id: number }>('desk', 'students:create', {
      studentNumber: 'i6100002',
      givenNames: 'Noa',
      familyName: 'Blank',
    });
    const result = await t.attempt('desk', 'enrolments:feeFactsFromProfile', {
      studentId: student.id,
      request,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('refused');
      expect(result.error.message).toMatch(/profile .* is not recorded/);
    }
  });
});
