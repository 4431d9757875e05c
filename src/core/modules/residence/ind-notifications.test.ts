import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { roles, type CallOutput } from '../../../shared/api';
import type { EnrolmentView } from '../../../shared/api/ledger.contract';
import { studentProfileSchema, type StudentProfileInput } from '../../../shared/facts/student-profile';
import { createTestDesk, testStaffName, type TestDesk } from '../../testing/test-desk';

type Worklist = CallOutput<'residence:indNotificationsWorklist'>;

let t: TestDesk;

const onStudyPermit: StudentProfileInput = {
  dateOfBirth: '2000-06-01',
  nationalities: ['IN'],
  residence: { countryOfResidence: 'NL', permit: { type: 'study' } },
};
const euNational: StudentProfileInput = {
  dateOfBirth: '2000-06-01',
  nationalities: ['BE'],
  residence: { countryOfResidence: 'NL' },
};

async function studentWithEnrolment(
  studentNumber: string,
  profile: StudentProfileInput,
  status: 'enrolled' | 'terminated' | 'cancelled' | 'denied' = 'enrolled',
) {
  const studentId = await t.addStudent({
    studentNumber,
    familyName: `Family ${studentNumber}`,
    givenNames: 'Sam',
  });
  await t.desk.database.db
    .updateTable('students')
    .set({ profileJson: JSON.stringify(studentProfileSchema.parse(profile)) })
    .where('id', '=', studentId)
    .execute();
  const enrolment = await t.call<EnrolmentView>('desk', 'ledger:enrol', {
    studentId,
    facts: {
      programmeCode: 'b-econometrics-and-operations-research',
      nationalities: profile.nationalities,
      startDate: '2022-09-01',
    },
  });
  if (status !== 'enrolled') {
    await t.desk.database.db
      .updateTable('enrolments')
      .set({ status, updatedAt: '2022-11-14T10:00:00.000Z' })
      .where('id', '=', enrolment.id)
      .execute();
  }
  return { studentId, enrolmentId: enrolment.id };
}

/** Moves the clock months on; sessions idle that long have ended, so everyone signs in again. */
function moveClockTo(iso: string) {
  t.clock.set(iso);
  for (const role of roles) t.tokens[role] = t.desk.sessions.start(t.staffIds[role]);
}

beforeEach(async () => {
  t = await createTestDesk();
});
afterEach(async () => {
  await t.close();
});

describe('residence:indNotificationsWorklist (Art 33.8)', () => {
  it('lists a study-permit student whose enrolment was terminated, with what to notify and by when', async () => {
    const { studentId, enrolmentId } = await studentWithEnrolment('i6300001', onStudyPermit, 'terminated');
    await studentWithEnrolment('i6300002', onStudyPermit);
    await studentWithEnrolment('i6300003', euNational, 'terminated');
    moveClockTo('2022-11-20T09:00:00.000Z');
    const { items } = await t.call<Worklist>('iro', 'residence:indNotificationsWorklist');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      studentId,
      enrolmentId,
      studentNumber: 'i6300001',
      ground: 'enrolment-ended',
      enrolmentStatus: 'terminated',
      arisenOn: '2022-11-14',
      dueBy: '2022-12-12',
      isOverdue: false,
      article: 'Art 33.8',
    });
    expect(items[0].notify).toContain('De-register Sam Family i6300001 (i6300001) with the IND');
    expect(items[0].notify).toContain('was terminated on 14 November 2022');
    expect(items[0].reasons.map((r) => r.article)).toEqual(['Art 33.8', 'Art 33.8']);
  });

  it('lists cancelled and denied enrolments too, and marks an overdue notification', async () => {
    await studentWithEnrolment('i6300011', onStudyPermit, 'cancelled');
    await studentWithEnrolment('i6300012', onStudyPermit, 'denied');
    moveClockTo('2023-01-20T09:00:00.000Z');
    const { items } = await t.call<Worklist>('desk', 'residence:indNotificationsWorklist');
    expect(items.map((i) => [i.studentNumber, i.enrolmentStatus, i.isOverdue])).toEqual([
      ['i6300011', 'cancelled', true],
      ['i6300012', 'denied', true],
    ]);
  });

  it('lists a study-permit student who has not re-enrolled by 1 September of the next year (Art 33.1, 33.8)', async () => {
    const { enrolmentId } = await studentWithEnrolment('i6300021', onStudyPermit);
    moveClockTo('2023-08-31T09:00:00.000Z');
    expect((await t.call<Worklist>('desk', 'residence:indNotificationsWorklist')).items).toEqual([]);
    moveClockTo('2023-09-04T09:00:00.000Z');
    const { items } = await t.call<Worklist>('desk', 'residence:indNotificationsWorklist');
    expect(items).toEqual([
      expect.objectContaining({
        enrolmentId,
        ground: 're-enrolment-not-completed',
        arisenOn: '2023-09-01',
        dueBy: '2023-09-29',
      }),
    ]);
    expect(items[0].notify).toContain('re-enrolment for 2023-24 was not completed by 1 September 2023');
    expect(items[0].reasons.map((r) => r.article)).toEqual(['Art 33.1', 'Art 33.8', 'Art 33.8']);
  });
});

describe('residence:recordIndNotification', () => {
  it('records the notification append-only with an audit row, and removes it from the worklist', async () => {
    const { studentId, enrolmentId } = await studentWithEnrolment('i6300031', onStudyPermit, 'terminated');
    moveClockTo('2022-11-20T09:00:00.000Z');
    const recorded = await t.call<CallOutput<'residence:recordIndNotification'>>(
      'desk',
      'residence:recordIndNotification',
      { studentId, enrolmentId, notifiedOn: '2022-11-18', reference: ' IND-2022-0042 ' },
    );
    expect(recorded).toMatchObject({
      studentId,
      enrolmentId,
      ground: 'enrolment-ended',
      notifiedOn: '2022-11-18',
      reference: 'IND-2022-0042',
      recordedBy: testStaffName('desk'),
    });
    expect((await t.call<Worklist>('desk', 'residence:indNotificationsWorklist')).items).toEqual([]);
    const audit = await t.desk.database.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'student.ind-notification')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entityId: 'i6300031', actorName: testStaffName('desk') });
    await expect(
      t.desk.database.db.deleteFrom('indNotifications').where('id', '=', recorded.id).execute(),
    ).rejects.toThrow(/cannot be deleted/);
    await expect(
      t.desk.database.db.updateTable('indNotifications').set({ reference: 'x' }).execute(),
    ).rejects.toThrow(/cannot be changed/);
  });

  it('refuses a second notification, one for nothing due, another student’s enrolment and a day to come', async () => {
    const ended = await studentWithEnrolment('i6300041', onStudyPermit, 'terminated');
    const current = await studentWithEnrolment('i6300042', onStudyPermit);
    moveClockTo('2022-11-20T09:00:00.000Z');
    const input = { ...ended, notifiedOn: '2022-11-19', reference: 'IND-1' };
    await t.call('admin', 'residence:recordIndNotification', input);
    expect(await t.attempt('desk', 'residence:recordIndNotification', input)).toMatchObject({
      ok: false,
      error: { kind: 'refused' },
    });
    expect(
      await t.attempt('desk', 'residence:recordIndNotification', { ...input, ...current }),
    ).toMatchObject({ ok: false, error: { kind: 'refused' } });
    expect(
      await t.attempt('desk', 'residence:recordIndNotification', {
        ...input,
        studentId: current.studentId,
        enrolmentId: ended.enrolmentId,
      }),
    ).toMatchObject({ ok: false, error: { kind: 'validation', field: 'enrolmentId' } });
    expect(
      await t.attempt('desk', 'residence:recordIndNotification', { ...input, notifiedOn: '2022-12-01' }),
    ).toMatchObject({ ok: false, error: { kind: 'validation', field: 'notifiedOn' } });
    expect(
      await t.attempt('desk', 'residence:recordIndNotification', { ...input, reference: '  ' }),
    ).toMatchObject({ ok: false, error: { kind: 'validation', field: 'reference' } });
  });

  it.each(['iro', 'ssc'] as const)('is refused to %s staff', async (role) => {
    const ended = await studentWithEnrolment('i6300051', onStudyPermit, 'terminated');
    expect(
      await t.attempt(role, 'residence:recordIndNotification', {
        ...ended,
        notifiedOn: '2022-09-05',
        reference: 'IND-2',
      }),
    ).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });
});
