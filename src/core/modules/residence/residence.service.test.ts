import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EnrolmentView, StudentFeeFile } from '../../../shared/api/ledger.contract';
import type { CallOutput } from '../../../shared/api';
import type { StudentProfileInput } from '../../../shared/facts/student-profile';
import { createTestDesk, testStaffName, type TestDesk } from '../../testing/test-desk';
import { reassessForResidenceChange } from './residence.service';
import { studentProfileSchema } from '../../../shared/facts/student-profile';

type Recorded = CallOutput<'residence:recordLongTermResidentDecision'>;
type Residence = CallOutput<'residence:wsfGroup'>;

let t: TestDesk;
let studentId: number;

/** A US national living in the Netherlands on a Dutch residence permit for study. */
const usStudentOnStudyPermit: StudentProfileInput = {
  dateOfBirth: '2001-03-04',
  nationalities: ['US'],
  residence: { countryOfResidence: 'NL', permit: { type: 'study', validFrom: '2022-08-01' } },
};

async function recordProfile(id: number, profile: StudentProfileInput) {
  await t.desk.database.db
    .updateTable('students')
    .set({ profileJson: JSON.stringify(studentProfileSchema.parse(profile)) })
    .where('id', '=', id)
    .execute();
}

async function studentVersion(id: number) {
  return (await t.call<Residence>('desk', 'residence:wsfGroup', { studentId: id })).version;
}

async function enrolInstitutional() {
  return t.call<EnrolmentView>('desk', 'ledger:enrol', {
    studentId,
    facts: {
      programmeCode: 'b-econometrics-and-operations-research',
      nationalities: ['US'],
      residencePermit: { purpose: 'study', validFrom: '2022-08-01' },
      startDate: '2022-09-01',
    },
  });
}

beforeEach(async () => {
  t = await createTestDesk();
  studentId = await t.addStudent({ studentNumber: 'i6200001', familyName: 'Okafor', givenNames: 'Grace' });
});
afterEach(async () => {
  await t.close();
});

describe('residence:recordLongTermResidentDecision', () => {
  it('moves a non-EU student with a matching German long-term resident card to group k and the statutory fee, booking the difference (App II k, App III, Art 31.3)', async () => {
    await recordProfile(studentId, usStudentOnStudyPermit);
    const enrolment = await enrolInstitutional();
    expect(enrolment.fee.kind).toBe('institutional');

    const before = await t.call<Residence>('iro', 'residence:wsfGroup', { studentId });
    expect(before.wsfGroup).toMatchObject({ outcome: 'no-group', group: null });

    const result = await t.call<Recorded>('desk', 'residence:recordLongTermResidentDecision', {
      studentId,
      expectedVersion: before.version,
      memberState: 'de',
      wording: 'Daueraufenthalt-EU',
    });
    expect(result.check).toMatchObject({ outcome: 'match', matchedTerm: { term: 'Daueraufenthalt – EG' } });
    expect(result.residence.longTermResident).toEqual({
      memberState: 'DE',
      memberStateName: 'Germany',
      documentWording: 'Daueraufenthalt-EU',
      decided: 'match',
      reviewedBy: testStaffName('desk'),
      reviewedOn: '2022-09-05',
      matchedTerm: 'Daueraufenthalt – EG',
    });
    expect(result.residence.version).toBe(before.version + 1);
    expect(result.residence.wsfGroup).toMatchObject({ outcome: 'group', group: 'k' });
    expect(result.residence.wsfGroup?.reasons.map((r) => r.article)).toEqual(
      expect.arrayContaining(['App II k', 'App III']),
    );

    expect(result.reassessments).toHaveLength(1);
    const [reassessment] = result.reassessments;
    expect(reassessment.feeBefore.kind).toBe('institutional');
    expect(['statutory', 'low-statutory']).toContain(reassessment.feeAfter.kind);
    expect(reassessment.differenceCents).toBe(
      reassessment.feeAfter.amountCents - reassessment.feeBefore.amountCents,
    );
    expect(reassessment.differenceCents).toBeLessThan(0);
    const articles = reassessment.reasons.map((r) => r.article);
    expect(articles).toEqual(expect.arrayContaining(['App II k', 'App III']));

    const file = await t.call<StudentFeeFile>('desk', 'ledger:studentFile', { studentId });
    expect(file.enrolments[0].fee.kind).toBe(reassessment.feeAfter.kind);
    expect(file.enrolments[0].facts).toMatchObject({
      euLongTermResidence: { memberState: 'DE', permitTerm: 'Daueraufenthalt-EU' },
    });
    const adjustment = file.ledger.find((e) => e.entryKind === 'adjustment');
    expect(adjustment?.amountCents).toBe(reassessment.differenceCents);
    expect(file.balanceCents).toBe(reassessment.feeAfter.amountCents);

    const audit = await t.desk.database.db
      .selectFrom('auditLog')
      .selectAll()
      .where('entityId', '=', 'i6200001')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'enrolment.create',
      'student.long-term-resident.decide',
      'enrolment.reassess',
    ]);
    expect(audit[1]).toMatchObject({
      actorName: testStaffName('desk'),
      reason: 'App III: match (“Daueraufenthalt – EG”)',
    });
  });

  it('records a wording that needs review without group k and without touching the fee', async () => {
    await recordProfile(studentId, usStudentOnStudyPermit);
    const enrolment = await enrolInstitutional();
    const result = await t.call<Recorded>('ssc', 'residence:recordLongTermResidentDecision', {
      studentId,
      expectedVersion: await studentVersion(studentId),
      memberState: 'FR',
      wording: 'Daueraufenthalt – EG',
    });
    expect(result.check.outcome).toBe('needs-review');
    expect(result.residence.longTermResident?.decided).toBe('needs-review');
    expect(result.residence.wsfGroup).toMatchObject({ outcome: 'needs-review', group: null });
    expect(result.reassessments).toEqual([]);
    const file = await t.call<StudentFeeFile>('desk', 'ledger:studentFile', { studentId });
    expect(file.enrolments[0]).toMatchObject({ version: enrolment.version, fee: { kind: 'institutional' } });
  });

  it('takes a match back when a later decision is no match, charging the difference again (Art 31.2)', async () => {
    await recordProfile(studentId, usStudentOnStudyPermit);
    await enrolInstitutional();
    const first = await t.call<Recorded>('desk', 'residence:recordLongTermResidentDecision', {
      studentId,
      expectedVersion: await studentVersion(studentId),
      memberState: 'DE',
      wording: 'Daueraufenthalt – EU',
    });
    const second = await t.call<Recorded>('admin', 'residence:recordLongTermResidentDecision', {
      studentId,
      expectedVersion: first.residence.version,
      memberState: 'DE',
      wording: 'Aufenthaltserlaubnis',
    });
    expect(second.check.outcome).toBe('no-match');
    expect(second.reassessments).toHaveLength(1);
    expect(second.reassessments[0].feeAfter.kind).toBe('institutional');
    expect(second.reassessments[0].differenceCents).toBe(-first.reassessments[0].differenceCents);
  });

  it('records the facts on the enrolment without a ledger entry when the fee stays the same', async () => {
    await recordProfile(studentId, {
      ...usStudentOnStudyPermit,
      residence: { countryOfResidence: 'NL', permit: { type: 'study', validFrom: '2022-07-01' } },
    });
    const enrolment = await enrolInstitutional();
    const ctx = t.contextOf('desk');
    const profile = studentProfileSchema.parse({
      ...usStudentOnStudyPermit,
      residence: { countryOfResidence: 'NL', permit: { type: 'study', validFrom: '2022-07-01' } },
    });
    const result = await ctx.db
      .transaction()
      .execute((trx) => reassessForResidenceChange(trx, ctx, studentId, profile, 'profile saved'));
    expect(result.map((r) => [r.enrolmentId, r.differenceCents])).toEqual([[enrolment.id, 0]]);
    const file = await t.call<StudentFeeFile>('desk', 'ledger:studentFile', { studentId });
    expect(file.enrolments[0].facts).toMatchObject({ residencePermit: { validFrom: '2022-07-01' } });
    expect(file.ledger.filter((e) => e.entryKind === 'adjustment')).toEqual([]);
  });

  it('leaves ended enrolments alone', async () => {
    await recordProfile(studentId, usStudentOnStudyPermit);
    const enrolment = await enrolInstitutional();
    await t.desk.database.db
      .updateTable('enrolments')
      .set({ status: 'terminated' })
      .where('id', '=', enrolment.id)
      .execute();
    const result = await t.call<Recorded>('desk', 'residence:recordLongTermResidentDecision', {
      studentId,
      expectedVersion: await studentVersion(studentId),
      memberState: 'DE',
      wording: 'Daueraufenthalt – EU',
    });
    expect(result.reassessments).toEqual([]);
  });

  it('refuses a student without a recorded profile, and changes nothing', async () => {
    const envelope = await t.attempt('desk', 'residence:recordLongTermResidentDecision', {
      studentId,
      expectedVersion: 1,
      memberState: 'DE',
      wording: 'Daueraufenthalt – EU',
    });
    expect(envelope).toMatchObject({ ok: false, error: { kind: 'refused', field: 'studentId' } });
    if (!envelope.ok) expect(envelope.error.message).toContain('no recorded profile');
    const audit = await t.desk.database.db.selectFrom('auditLog').select('action').execute();
    expect(audit).toEqual([]);
  });

  it('refuses a stale version naming who changed the file, and changes nothing (optimistic concurrency)', async () => {
    await recordProfile(studentId, usStudentOnStudyPermit);
    const version = await studentVersion(studentId);
    await t.call<Recorded>('desk', 'residence:recordLongTermResidentDecision', {
      studentId,
      expectedVersion: version,
      memberState: 'DE',
      wording: 'Daueraufenthalt – EU',
    });
    const envelope = await t.attempt('ssc', 'residence:recordLongTermResidentDecision', {
      studentId,
      expectedVersion: version,
      memberState: 'DE',
      wording: 'Aufenthaltserlaubnis',
    });
    expect(envelope).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    if (!envelope.ok) expect(envelope.error.message).toContain(testStaffName('desk'));
    const residence = await t.call<Residence>('desk', 'residence:wsfGroup', { studentId });
    expect(residence.longTermResident?.decided).toBe('match');
  });

  it('refuses a country outside the EU, an unknown student and the IRO role', async () => {
    await recordProfile(studentId, usStudentOnStudyPermit);
    const version = await studentVersion(studentId);
    const input = { studentId, expectedVersion: version, memberState: 'DE', wording: 'Daueraufenthalt – EU' };
    expect(
      await t.attempt('desk', 'residence:recordLongTermResidentDecision', { ...input, memberState: 'CH' }),
    ).toMatchObject({ ok: false, error: { kind: 'validation', field: 'memberState' } });
    expect(
      await t.attempt('desk', 'residence:recordLongTermResidentDecision', { ...input, studentId: 9999 }),
    ).toMatchObject({ ok: false, error: { kind: 'not_found', field: 'studentId' } });
    expect(await t.attempt('iro', 'residence:recordLongTermResidentDecision', input)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect(await t.attempt(null, 'residence:recordLongTermResidentDecision', input)).toMatchObject({
      ok: false,
      error: { kind: 'unauthenticated' },
    });
  });
});

describe('residence:wsfGroup', () => {
  it('says when no profile is recorded yet', async () => {
    const residence = await t.call<Residence>('iro', 'residence:wsfGroup', { studentId });
    expect(residence).toMatchObject({
      studentNumber: 'i6200001',
      name: 'Grace Okafor',
      hasProfile: false,
      wsfGroup: null,
      longTermResident: null,
      onDate: '2022-09-05',
    });
  });

  it('derives the group on the day asked, with its reasons (App II)', async () => {
    await recordProfile(studentId, {
      ...usStudentOnStudyPermit,
      residence: {
        countryOfResidence: 'NL',
        permit: { type: 'regular-indefinite-period', validFrom: '2022-10-01' },
      },
    });
    const early = await t.call<Residence>('desk', 'residence:wsfGroup', { studentId, onDate: '2022-09-15' });
    expect(early.wsfGroup?.group).toBeNull();
    const later = await t.call<Residence>('desk', 'residence:wsfGroup', { studentId, onDate: '2022-10-15' });
    expect(later.wsfGroup).toMatchObject({ outcome: 'group', group: 'i' });
    expect(later.wsfGroup?.reasons[0].article).toBe('App II i');
  });

  it('refuses an unknown student', async () => {
    expect(await t.attempt('desk', 'residence:wsfGroup', { studentId: 4242 })).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    });
  });
});

describe('reassessForResidenceChange', () => {
  it('does nothing when the residence facts are those the enrolment already has', async () => {
    await recordProfile(studentId, usStudentOnStudyPermit);
    const enrolment = await enrolInstitutional();
    const ctx = t.contextOf('desk');
    // A profile that differs only in what the fee does not follow from (the permit's last day).
    const profile = studentProfileSchema.parse({
      ...usStudentOnStudyPermit,
      residence: {
        countryOfResidence: 'NL',
        permit: { type: 'study', validFrom: '2022-08-01', validUntil: '2023-08-31' },
      },
    });
    const again = await ctx.db
      .transaction()
      .execute((trx) => reassessForResidenceChange(trx, ctx, studentId, profile, 'profile saved'));
    expect(again).toEqual([]);
    const file = await t.call<StudentFeeFile>('desk', 'ledger:studentFile', { studentId });
    expect(file.enrolments[0].version).toBe(enrolment.version);
    expect(file.ledger.filter((e) => e.entryKind === 'adjustment')).toEqual([]);
  });
});

describe('residence:longTermResidentStates', () => {
  it('lists the Member States of Appendix III other than the Netherlands, with their terms', async () => {
    const { states } = await t.call<CallOutput<'residence:longTermResidentStates'>>(
      'iro',
      'residence:longTermResidentStates',
      {},
    );
    expect(states.map((s) => s.code)).not.toContain('NL');
    const germany = states.find((s) => s.code === 'DE');
    expect(germany).toMatchObject({ name: 'Germany', neverMatches: false });
    expect(germany?.terms).toContainEqual({ text: 'Daueraufenthalt – EG', former: false });
    expect(states.find((s) => s.code === 'DK')?.neverMatches).toBe(true);
  });
});
