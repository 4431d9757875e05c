import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InstitutionsToInform, IssueOutcome, ReceivedBbc } from '../../../shared/api/documents.contract';
import type { EnrolmentView, StudentFeeFile } from '../../../shared/api/ledger.contract';
import { feeFactsSchema } from '../../../shared/facts/fee-facts';
import { inspectPdf } from '../../testing/pdf-inspection';
import { createTestDesk, type TestDesk } from '../../testing/test-desk';
import { unfeedReceivedBbc } from './received-bbcs.rules';

let t: TestDesk;

/** A second-year statutory-fee bachelor's student (not Art 17.1). */
const bachelor = {
  programmeCode: 'b-econometrics-and-operations-research',
  nationalities: ['DE'],
  startDate: '2022-09-01',
  rodHo: { firstEnrolment: { startedOn: '2021-09-01' } },
};

const radboud = {
  number: 'RU-2022-4711',
  institution: 'Radboud University',
  programmeLevel: 'bachelor',
  feeKind: 'statutory',
  amountCents: 220900,
  academicYear: '2022-23',
  periodFrom: '2022-09-01',
  periodTo: '2023-08-31',
  receivedOn: '2022-08-25',
};

type Recorded = { bbc: ReceivedBbc; reasons: { article: string; text: string }[] };

async function enrolledStudent(facts: Record<string, unknown> = bachelor) {
  const studentId = await t.addStudent({
    studentNumber: `i6${String(Math.random()).slice(2, 8)}`,
    givenNames: 'Dmitry',
    familyName: 'Ivanov',
  });
  const enrolment = await t.call<EnrolmentView>('desk', 'ledger:enrol', { studentId, facts });
  return { studentId, enrolment };
}

async function feeOf(studentId: number, enrolmentId: number) {
  const file = await t.call<StudentFeeFile>('desk', 'ledger:studentFile', { studentId });
  return { file, enrolment: file.enrolments.find((e) => e.id === enrolmentId) };
}

beforeEach(async () => {
  t = await createTestDesk();
});
afterEach(async () => {
  await t.close();
});

describe('withdrawing a received BBC recorded by mistake (Art 14.6, 30.1)', () => {
  it('stops it feeding the fee: the fee is assessed again, the difference booked, and the reasons say why', async () => {
    const { studentId, enrolment } = await enrolledStudent();
    const recorded = await t.call<Recorded>('desk', 'documents:recordReceivedBbc', {
      enrolmentId: enrolment.id,
      ...radboud,
    });
    expect((await feeOf(studentId, enrolment.id)).enrolment?.fee.amountCents).toBe(0);

    t.clock.advanceMinutes(5);
    const withdrawn = await t.call<Recorded>('desk', 'documents:withdrawReceivedBbc', {
      receivedBbcId: recorded.bbc.id,
      reason: 'recorded on the wrong student',
    });
    expect(withdrawn.bbc.withdrawn).toMatchObject({
      at: '2022-09-05T09:05:00.000Z',
      by: 'Test desk',
      reason: 'recorded on the wrong student',
    });
    expect(withdrawn.reasons[0]).toMatchObject({
      article: 'Art 14.6',
      text: expect.stringMatching(
        /BBC RU-2022-4711 of Radboud University .* was withdrawn \(recorded on the wrong student\) and removed from the student’s other enrolments; it no longer counts for an exemption \(Art 30\.1\)/,
      ) as unknown,
    });
    expect(withdrawn.reasons.find((r) => r.article === 'Art 31.2')?.text).toMatch(
      /assessed again: .*€\s?0\.00 → .*€\s?2,209\.00; the difference of €\s?2,209\.00 was booked/,
    );
    expect(withdrawn.bbc.withdrawn?.effect).toEqual(withdrawn.reasons);

    const { file, enrolment: after } = await feeOf(studentId, enrolment.id);
    expect(after?.fee.amountCents).toBe(220900);
    expect(after?.fee.reasons.some((r) => r.article === 'Art 30.1')).toBe(false);
    expect(file.ledger.filter((e) => e.entryKind === 'adjustment').map((e) => e.amountCents)).toEqual([
      -220900, 220900,
    ]);
    const facts = await t.desk.database.db
      .selectFrom('enrolments')
      .select('feeFactsJson')
      .where('id', '=', enrolment.id)
      .executeTakeFirstOrThrow();
    expect(feeFactsSchema.parse(JSON.parse(facts.feeFactsJson)).otherEnrolments).toEqual([]);

    // The history is kept: the BBC is still listed, marked withdrawn, with what recording it did.
    const listed = await t.call<ReceivedBbc[]>('iro', 'documents:receivedBbcs', { studentId });
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ number: 'RU-2022-4711', effect: recorded.reasons });
    expect(listed[0]?.withdrawn?.reason).toBe('recorded on the wrong student');
  });

  it('restores the other enrolment a BBC completed, rather than dropping it', () => {
    const other = {
      institution: 'dutch-higher-education' as const,
      level: 'bachelor' as const,
      programmeCode: null,
      feeKind: 'statutory' as const,
      feePaidCents: 0,
      bbcSubmittedOn: null,
      completedOn: '2023-01-31',
    };
    const withBbc = feeFactsSchema.parse({
      ...bachelor,
      otherEnrolments: [{ ...other, feePaidCents: 220900, bbcSubmittedOn: '2022-08-25' }],
    });
    const unfed = unfeedReceivedBbc(
      withBbc,
      {
        ...radboud,
        institutionKind: 'dutch-higher-education',
        programmeLevel: 'bachelor',
        feeKind: 'statutory',
        replaced: { ...other, completedOn: null },
        completedExisting: true,
      },
      'wrong figures',
    );
    expect(unfed.facts.otherEnrolments).toEqual([other]);
    expect(unfed.reasons[0]?.text).toMatch(/the other enrolment it completed is back as it was without it/);

    const changedSince = unfeedReceivedBbc(
      feeFactsSchema.parse(bachelor),
      {
        ...radboud,
        institutionKind: 'dutch-higher-education',
        programmeLevel: 'bachelor',
        feeKind: 'statutory',
        replaced: null,
        completedExisting: false,
      },
      'wrong figures',
    );
    expect(changedSince.facts.otherEnrolments).toEqual([]);
    expect(changedSince.reasons[0]?.text).toMatch(/no longer carry it, so they stay as they are/);
  });

  it('audits the withdrawal with the reassessment, and lets the same BBC be recorded again on the right enrolment', async () => {
    const { enrolment } = await enrolledStudent();
    const recorded = await t.call<Recorded>('desk', 'documents:recordReceivedBbc', {
      enrolmentId: enrolment.id,
      ...radboud,
    });
    await t.call('admin', 'documents:withdrawReceivedBbc', {
      receivedBbcId: recorded.bbc.id,
      reason: 'recorded on the wrong student',
    });
    const rows = await t.desk.database.db
      .selectFrom('auditLog')
      .select(['action', 'actorName', 'entity', 'entityId', 'reason', 'beforeJson', 'afterJson'])
      .where('action', '=', 'documents.withdrawReceivedBbc')
      .execute();
    expect(rows).toEqual([
      expect.objectContaining({
        actorName: 'Test admin',
        entity: 'received_bbc',
        entityId: String(recorded.bbc.id),
      }),
    ]);
    expect(rows[0]?.reason).toMatch(/^recorded on the wrong student — Art 14\.6: .*Art 31\.2/);
    expect(JSON.parse(rows[0]?.afterJson ?? '{}')).toMatchObject({
      withdrawn: true,
      differenceCents: 220900,
    });

    const other = await enrolledStudent();
    const again = await t.call<Recorded>('desk', 'documents:recordReceivedBbc', {
      enrolmentId: other.enrolment.id,
      ...radboud,
    });
    expect(again.bbc).toMatchObject({ number: 'RU-2022-4711', withdrawn: null });
  });

  it('refuses a second withdrawal, an unknown BBC, a missing reason and the roles that may not record BBCs', async () => {
    const { enrolment } = await enrolledStudent();
    const recorded = await t.call<Recorded>('desk', 'documents:recordReceivedBbc', {
      enrolmentId: enrolment.id,
      ...radboud,
    });
    for (const role of ['iro', 'ssc'] as const) {
      const attempt = await t.attempt(role, 'documents:withdrawReceivedBbc', {
        receivedBbcId: recorded.bbc.id,
        reason: 'recorded on the wrong student',
      });
      expect(attempt.ok ? 'ok' : attempt.error.kind).toBe('forbidden');
    }
    const noReason = await t.attempt('desk', 'documents:withdrawReceivedBbc', {
      receivedBbcId: recorded.bbc.id,
      reason: ' ',
    });
    expect(noReason.ok ? 'ok' : noReason.error).toMatchObject({ kind: 'validation', field: 'reason' });
    const unknown = await t.attempt('desk', 'documents:withdrawReceivedBbc', {
      receivedBbcId: recorded.bbc.id + 99,
      reason: 'recorded on the wrong student',
    });
    expect(unknown.ok ? 'ok' : unknown.error).toMatchObject({ kind: 'not_found', field: 'receivedBbcId' });

    await t.call('desk', 'documents:withdrawReceivedBbc', {
      receivedBbcId: recorded.bbc.id,
      reason: 'recorded on the wrong student',
    });
    const twice = await t.attempt('desk', 'documents:withdrawReceivedBbc', {
      receivedBbcId: recorded.bbc.id,
      reason: 'again',
    });
    expect(twice.ok ? 'ok' : twice.error).toMatchObject({
      kind: 'conflict',
      message: expect.stringMatching(
        /already withdrawn on 2022-09-05 by Test desk: recorded on the wrong student/,
      ) as unknown,
    });
    const reassessments = await t.desk.database.db
      .selectFrom('auditLog')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'enrolment.reassess')
      .executeTakeFirstOrThrow();
    expect(reassessments.n).toBe(2);
  });

  it('refuses to withdraw a BBC of an enrolment that has ended, whose fee was settled then (Art 30.1, 34)', async () => {
    const { studentId, enrolment } = await enrolledStudent();
    const recorded = await t.call<Recorded>('desk', 'documents:recordReceivedBbc', {
      enrolmentId: enrolment.id,
      ...radboud,
    });
    const { enrolment: now } = await feeOf(studentId, enrolment.id);
    await t.call('desk', 'ledger:terminate', {
      enrolmentId: enrolment.id,
      version: now?.version,
      requestDate: '2022-09-05',
      dryRun: false,
    });
    const attempt = await t.attempt('desk', 'documents:withdrawReceivedBbc', {
      receivedBbcId: recorded.bbc.id,
      reason: 'recorded on the wrong student',
    });
    expect(attempt.ok ? 'ok' : attempt.error).toMatchObject({
      kind: 'refused',
      message: expect.stringMatching(
        /terminated: its fee was settled when it ended .*\(Art 30\.1\)/,
      ) as unknown,
    });
    const [listed] = await t.call<ReceivedBbc[]>('desk', 'documents:receivedBbcs', { studentId });
    expect(listed?.withdrawn).toBeNull();
  });

  it('keeps the evidence itself unchangeable in the database: only a withdrawal, once, with a reason', async () => {
    const { enrolment } = await enrolledStudent();
    const recorded = await t.call<Recorded>('desk', 'documents:recordReceivedBbc', {
      enrolmentId: enrolment.id,
      ...radboud,
    });
    const db = t.desk.database.db;
    await expect(
      sql`update received_bbcs set amount_cents = 1 where id = ${recorded.bbc.id}`.execute(db),
    ).rejects.toThrow(/can only be withdrawn, once, with a reason/);
    await expect(
      sql`update received_bbcs set withdrawn_at = '2022-09-05' where id = ${recorded.bbc.id}`.execute(db),
    ).rejects.toThrow(/can only be withdrawn/);
    await sql`update received_bbcs set withdrawn_at = '2022-09-05', withdrawn_by = 'x', withdrawal_reason = 'wrong student'
      where id = ${recorded.bbc.id}`.execute(db);
    await expect(
      sql`update received_bbcs set withdrawal_reason = 'other' where id = ${recorded.bbc.id}`.execute(db),
    ).rejects.toThrow(/can only be withdrawn/);
    await expect(sql`delete from received_bbcs`.execute(db)).rejects.toThrow(/cannot be deleted/);
  });
});

describe('the BBC issued for an institution, and informing it when the enrolment ends (Art 33.7)', () => {
  async function paidEnrolmentWithBbcs() {
    const { studentId, enrolment } = await enrolledStudent();
    await t.call('desk', 'ledger:recordPayment', {
      studentId,
      enrolmentId: enrolment.id,
      amountCents: enrolment.fee.amountCents,
      paidOn: '2022-08-30',
    });
    const issue = (extra: Record<string, unknown>) =>
      t.call<IssueOutcome>('desk', 'documents:issue', {
        enrolmentId: enrolment.id,
        kind: 'proof-of-payment',
        ...extra,
      });
    const leiden = await issue({ receivingInstitution: 'Leiden University' });
    const utrecht = await issue({ receivingInstitution: 'Utrecht University' });
    return { studentId, enrolment, leiden, utrecht };
  }

  async function terminate(studentId: number, enrolmentId: number) {
    const { enrolment } = await feeOf(studentId, enrolmentId);
    await t.call('desk', 'ledger:terminate', {
      enrolmentId,
      version: enrolment?.version,
      requestDate: '2022-09-05',
      dryRun: false,
    });
  }

  it('prints the institution on the BBC and keeps it with the register entry', async () => {
    const { leiden } = await paidEnrolmentWithBbcs();
    if (leiden.outcome !== 'issued') throw new Error('expected the BBC to be issued');
    expect(leiden.document.receivingInstitution).toBe('Leiden University');
    expect(leiden.document.contents).toContainEqual(['Issued for', 'Leiden University']);
    const text = inspectPdf(Buffer.from(leiden.pdfBase64, 'base64')).flatText;
    expect(text).toMatch(/Issued for Leiden University/);
  });

  it('records an institution as informed (when, how, by whom), audited, and the list shows who is still to be told', async () => {
    const { studentId, enrolment } = await paidEnrolmentWithBbcs();
    await terminate(studentId, enrolment.id);
    const [before] = await t.call<InstitutionsToInform[]>('desk', 'documents:institutionsToInform', {
      studentId,
    });
    expect(before).toMatchObject({
      notYetInformed: 2,
      institutions: [
        { institution: 'Leiden University', informed: null },
        { institution: 'Utrecht University', informed: null },
      ],
    });

    t.clock.advanceMinutes(5);
    const after = await t.call<InstitutionsToInform>('ssc', 'documents:recordInstitutionInformed', {
      enrolmentId: enrolment.id,
      institution: 'leiden university',
      informedOn: '2022-09-05',
      method: 'email',
      note: 'studentadministration@leiden.example',
    });
    expect(after).toMatchObject({
      notYetInformed: 1,
      institutions: [
        {
          institution: 'Leiden University',
          informed: {
            informedOn: '2022-09-05',
            method: 'email',
            note: 'studentadministration@leiden.example',
            recordedBy: 'Test ssc',
            recordedAt: '2022-09-05T09:05:00.000Z',
          },
        },
        { institution: 'Utrecht University', informed: null },
      ],
    });
    const audit = await t.desk.database.db
      .selectFrom('auditLog')
      .select(['actorName', 'entity', 'entityId', 'reason', 'afterJson'])
      .where('action', '=', 'documents.institutionInformed')
      .execute();
    expect(audit).toEqual([
      expect.objectContaining({ actorName: 'Test ssc', entity: 'enrolment', entityId: String(enrolment.id) }),
    ]);
    expect(audit[0]?.reason).toMatch(/^Art 33\.7: Leiden University informed/);
    expect(JSON.parse(audit[0]?.afterJson ?? '{}')).toMatchObject({
      method: 'email',
      informedOn: '2022-09-05',
    });
  });

  it('refuses before the enrolment ends, an institution no BBC names, a day to come, and informing twice', async () => {
    const { studentId, enrolment } = await paidEnrolmentWithBbcs();
    const inform = (changes: Record<string, unknown> = {}) =>
      t.attempt('desk', 'documents:recordInstitutionInformed', {
        enrolmentId: enrolment.id,
        institution: 'Leiden University',
        informedOn: '2022-09-05',
        method: 'letter',
        ...changes,
      });
    const early = await inform();
    expect(early.ok ? 'ok' : early.error).toMatchObject({
      kind: 'refused',
      message: expect.stringMatching(
        /enrolled; institutions are informed once it has ended \(Art 33\.7\)/,
      ) as unknown,
    });
    await terminate(studentId, enrolment.id);
    const stranger = await inform({ institution: 'Tilburg University' });
    expect(stranger.ok ? 'ok' : stranger.error).toMatchObject({
      kind: 'validation',
      field: 'institution',
      message: expect.stringMatching(/issued for Leiden University, Utrecht University/) as unknown,
    });
    const future = await inform({ informedOn: '2022-09-06' });
    expect(future.ok ? 'ok' : future.error).toMatchObject({ kind: 'validation', field: 'informedOn' });
    expect((await inform()).ok).toBe(true);
    const twice = await inform({ method: 'phone' });
    expect(twice.ok ? 'ok' : twice.error).toMatchObject({
      kind: 'conflict',
      message: expect.stringMatching(
        /already recorded as informed on 2022-09-05 \(letter\) by Test desk/,
      ) as unknown,
    });
    expect(
      (
        await t.attempt('iro', 'documents:recordInstitutionInformed', {
          enrolmentId: enrolment.id,
          institution: 'Utrecht University',
          informedOn: '2022-09-05',
          method: 'letter',
        })
      ).ok,
    ).toBe(false);
    const notices = await t.desk.database.db
      .selectFrom('bbcTerminationNotices')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(notices.n).toBe(1);
  });

  /** Moves the desk clock on to a later day, touching the session on the way so that it does not end as idle. */
  async function moveClockTo(iso: string) {
    while (t.clock.now().getTime() < new Date(iso).getTime()) {
      t.clock.set(
        new Date(Math.min(t.clock.now().getTime() + 6 * 3_600_000, new Date(iso).getTime())).toISOString(),
      );
      await t.call('desk', 'documents:institutionsToInform', {});
    }
  }

  it('refuses an informed-on day before the end of the enrolment was recorded, naming informedOn and the earliest day; accepts that day', async () => {
    const { studentId, enrolment } = await paidEnrolmentWithBbcs(); // BBCs issued on 2022-09-05
    await moveClockTo('2022-09-12T10:00:00.000Z');
    await terminate(studentId, enrolment.id); // recorded on 2022-09-12 (effective 2022-10-01, Art 33.2)
    await moveClockTo('2022-09-20T10:00:00.000Z');
    const inform = (informedOn: string) =>
      t.attempt('desk', 'documents:recordInstitutionInformed', {
        enrolmentId: enrolment.id,
        institution: 'Leiden University',
        informedOn,
        method: 'email',
      });
    const early = await inform('2022-09-11');
    expect(early.ok ? 'ok' : early.error).toMatchObject({
      kind: 'validation',
      field: 'informedOn',
      message: expect.stringMatching(
        /^informedOn 2022-09-11 is too early: the enrolment was recorded as terminated on 2022-09-12.* The earliest allowed day is 2022-09-12 \(Art 33\.7\)\.$/,
      ) as unknown,
    });
    const notices = () =>
      t.desk.database.db.selectFrom('bbcTerminationNotices').select('informedOn').execute();
    expect(await notices()).toEqual([]);
    // The boundary: the day the end was recorded is allowed, before the termination takes effect.
    expect((await inform('2022-09-12')).ok).toBe(true);
    expect(await notices()).toEqual([{ informedOn: '2022-09-12' }]);
  });

  it('refuses an informed-on day before UM issued the BBC the institution holds, naming informedOn and the issue day', async () => {
    const { studentId, enrolment } = await paidEnrolmentWithBbcs(); // Leiden and Utrecht, issued on 2022-09-05
    t.clock.advanceMinutes(60);
    await terminate(studentId, enrolment.id);
    // An end recorded before the BBC (as an imported enrolment history may have it): the BBC is then the bound.
    await t.desk.database.db
      .updateTable('enrolments')
      .set({ updatedAt: '2022-09-01T12:00:00.000Z' })
      .where('id', '=', enrolment.id)
      .execute();
    const leiden = await t.desk.database.db
      .selectFrom('issuedDocuments')
      .select('number')
      .where('receivingInstitution', '=', 'Leiden University')
      .executeTakeFirstOrThrow();
    await moveClockTo('2022-09-08T10:00:00.000Z');
    const inform = (informedOn: string) =>
      t.attempt('desk', 'documents:recordInstitutionInformed', {
        enrolmentId: enrolment.id,
        institution: 'Leiden University',
        informedOn,
        method: 'letter',
      });
    const beforeIssue = await inform('2022-09-04');
    expect(beforeIssue.ok ? 'ok' : beforeIssue.error).toMatchObject({
      kind: 'validation',
      field: 'informedOn',
      message: expect.stringMatching(
        new RegExp(
          `^informedOn 2022-09-04 is too early: UM issued BBC ${leiden.number} for Leiden University on 2022-09-05, .* The earliest allowed day is 2022-09-05 \\(Art 33\\.7\\)\\.$`,
        ),
      ) as unknown,
    });
    expect((await inform('2022-09-05')).ok).toBe(true);
  });

  it('takes the institution found for a BBC issued without naming one', async () => {
    const { studentId, enrolment } = await enrolledStudent();
    await t.call('desk', 'ledger:recordPayment', {
      studentId,
      enrolmentId: enrolment.id,
      amountCents: enrolment.fee.amountCents,
      paidOn: '2022-08-30',
    });
    await t.call('desk', 'documents:issue', { enrolmentId: enrolment.id, kind: 'proof-of-payment' });
    await terminate(studentId, enrolment.id);
    const after = await t.call<InstitutionsToInform>('desk', 'documents:recordInstitutionInformed', {
      enrolmentId: enrolment.id,
      institution: 'Tilburg University',
      informedOn: '2022-09-05',
      method: 'phone',
    });
    expect(after.institutions).toEqual([
      expect.objectContaining({ institution: 'Tilburg University', bbcNumbers: [] }),
    ]);
    expect(after.bbcsWithoutInstitution).toHaveLength(1);
    expect(after.notYetInformed).toBe(0);
  });
});
