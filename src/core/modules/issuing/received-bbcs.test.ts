import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InstitutionsToInform, IssueOutcome, ReceivedBbc } from '../../../shared/api/documents.contract';
import type { EnrolmentView, StudentFeeFile } from '../../../shared/api/ledger.contract';
import { feeFactsSchema } from '../../../shared/facts/fee-facts';
import { createTestDesk, type TestDesk } from '../../testing/test-desk';
import { checkReceivedBbc, feedReceivedBbc } from './received-bbcs.rules';

let t: TestDesk;

/** A second-year statutory-fee bachelor's student (ROD HO shows a first enrolment in 2021, so not Art 17.1). */
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

async function enrolledStudent(facts: Record<string, unknown> = bachelor) {
  const studentId = await t.addStudent({
    studentNumber: `i6${String(Math.random()).slice(2, 8)}`,
    givenNames: 'Dmitry',
    familyName: 'Ivanov',
  });
  const enrolment = await t.call<EnrolmentView>('desk', 'ledger:enrol', { studentId, facts });
  return { studentId, enrolment };
}

type Recorded = { bbc: ReceivedBbc; reasons: { article: string; text: string }[] };

beforeEach(async () => {
  t = await createTestDesk();
});
afterEach(async () => {
  await t.close();
});

describe('recording a BBC received from another institution (Art 14.6, 30.1)', () => {
  it('exempts the student from the statutory fee at UM when the BBC came in time, booking the difference with the reasons', async () => {
    const { studentId, enrolment } = await enrolledStudent();
    expect(enrolment.fee.amountCents).toBe(220900);

    const recorded = await t.call<Recorded>('desk', 'documents:recordReceivedBbc', {
      enrolmentId: enrolment.id,
      ...radboud,
    });
    expect(recorded.bbc).toMatchObject({
      number: 'RU-2022-4711',
      institution: 'Radboud University',
      institutionKind: 'dutch-higher-education',
      feeKind: 'statutory',
      amountCents: 220900,
      receivedOn: '2022-08-25',
      recordedBy: 'Test desk',
    });
    const articles = recorded.reasons.map((r) => r.article);
    expect(articles).toContain('Art 14.6');
    expect(articles).toContain('Art 30.1');
    expect(articles).toContain('Art 31.3');
    expect(recorded.reasons.find((r) => r.article === 'Art 31.3')?.text).toMatch(
      /difference of -?€\s?-?2,209\.00/,
    );
    expect(recorded.bbc.effect).toEqual(recorded.reasons);

    const file = await t.call<StudentFeeFile>('iro', 'ledger:studentFile', { studentId });
    const after = file.enrolments.find((e) => e.id === enrolment.id);
    expect(after?.fee.amountCents).toBe(0);
    expect(after?.fee.reasons.some((r) => r.article === 'Art 30.1')).toBe(true);
    const adjustment = file.ledger.find((e) => e.entryKind === 'adjustment');
    expect(adjustment).toMatchObject({ amountCents: -220900 });

    const listed = await t.call<ReceivedBbc[]>('iro', 'documents:receivedBbcs', { studentId });
    expect(listed.map((b) => b.number)).toEqual(['RU-2022-4711']);
  });

  it('records a BBC received after the deadline, and the fee stays with the Art 14.6 reason why', async () => {
    const { studentId, enrolment } = await enrolledStudent();
    const recorded = await t.call<Recorded>('desk', 'documents:recordReceivedBbc', {
      enrolmentId: enrolment.id,
      ...radboud,
      receivedOn: '2022-09-05',
    });
    const late = recorded.reasons.find((r) => r.article === 'Art 14.6' && /not/.test(r.text));
    expect(late?.text).toMatch(/submitted on 5 September 2022, not before 1 September 2022/);
    expect(recorded.reasons.find((r) => r.article === 'Art 31.2')?.text).toMatch(/stays/);
    const file = await t.call<StudentFeeFile>('desk', 'ledger:studentFile', { studentId });
    expect(file.enrolments[0]?.fee.amountCents).toBe(220900);
    expect(file.ledger.some((e) => e.entryKind === 'adjustment')).toBe(false);
  });

  it('charges the difference when the fee paid elsewhere is lower than the full statutory fee (Art 30.1)', async () => {
    const { enrolment } = await enrolledStudent();
    const recorded = await t.call<Recorded>('desk', 'documents:recordReceivedBbc', {
      enrolmentId: enrolment.id,
      ...radboud,
      feeKind: 'low-statutory',
      amountCents: 110450,
    });
    expect(recorded.reasons.find((r) => r.article === 'Art 30.1')?.text).toMatch(
      /lower than the full statutory fee .* pays the difference: €\s?1,104\.50/,
    );
  });

  it('completes an other enrolment already recorded without a BBC instead of adding a second one', () => {
    const facts = feeFactsSchema.parse({
      ...bachelor,
      otherEnrolments: [
        { institution: 'dutch-higher-education', level: 'bachelor', feeKind: 'statutory', feePaidCents: 0 },
      ],
    });
    const { enrolmentId: _ignored, ...bbc } = {
      enrolmentId: 1,
      ...radboud,
      institutionKind: 'dutch-higher-education' as const,
    };
    const fed = feedReceivedBbc(facts, bbc as Parameters<typeof feedReceivedBbc>[1]);
    expect(fed.facts.otherEnrolments).toEqual([
      expect.objectContaining({ feePaidCents: 220900, bbcSubmittedOn: '2022-08-25' }),
    ]);
    expect(fed.reasons[0]).toMatchObject({ article: 'Art 14.6' });
  });

  it('audits the BBC and the reassessment in the same transaction', async () => {
    const { enrolment } = await enrolledStudent();
    const recorded = await t.call<Recorded>('admin', 'documents:recordReceivedBbc', {
      enrolmentId: enrolment.id,
      ...radboud,
    });
    const rows = await t.desk.database.db
      .selectFrom('auditLog')
      .select(['action', 'actorName', 'entity', 'entityId', 'reason'])
      .where('action', 'in', ['documents.receiveBbc', 'enrolment.reassess'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      expect.objectContaining({ action: 'enrolment.reassess', actorName: 'Test admin' }),
      expect.objectContaining({
        action: 'documents.receiveBbc',
        entity: 'received_bbc',
        entityId: String(recorded.bbc.id),
        actorName: 'Test admin',
      }),
    ]);
    expect(rows[1]?.reason).toMatch(/Art 30\.1/);
    await expect(
      t.desk.database.db.deleteFrom('receivedBbcs').where('id', '=', recorded.bbc.id).execute(),
    ).rejects.toThrow(/cannot be deleted/);
  });
});

describe('refusing a received BBC', () => {
  it('lets only desk and admin record one; everyone reads them', async () => {
    const { studentId, enrolment } = await enrolledStudent();
    for (const role of ['iro', 'ssc'] as const) {
      const attempt = await t.attempt(role, 'documents:recordReceivedBbc', {
        enrolmentId: enrolment.id,
        ...radboud,
      });
      expect(attempt.ok).toBe(false);
      if (!attempt.ok) expect(attempt.error.kind).toBe('forbidden');
    }
    for (const role of ['desk', 'iro', 'ssc', 'admin'] as const)
      expect((await t.attempt(role, 'documents:receivedBbcs', { studentId })).ok).toBe(true);
  });

  it('refuses a BBC of another academic year, a period outside the year, a future date and a duplicate number', async () => {
    const { enrolment } = await enrolledStudent();
    const refusedWith = async (changes: Record<string, unknown>) => {
      const attempt = await t.attempt('desk', 'documents:recordReceivedBbc', {
        enrolmentId: enrolment.id,
        ...radboud,
        ...changes,
      });
      if (attempt.ok) throw new Error('expected a refusal');
      return attempt.error;
    };
    expect(await refusedWith({ academicYear: '2021-22' })).toMatchObject({
      kind: 'refused',
      field: 'academicYear',
      message: expect.stringMatching(/same academic year .*\(Art 30\.1\)/) as unknown,
    });
    expect(await refusedWith({ periodTo: '2023-09-30' })).toMatchObject({
      kind: 'refused',
      field: 'periodFrom',
    });
    expect(await refusedWith({ receivedOn: '2022-09-06' })).toMatchObject({
      kind: 'refused',
      field: 'receivedOn',
    });

    await t.call('desk', 'documents:recordReceivedBbc', { enrolmentId: enrolment.id, ...radboud });
    expect(await refusedWith({})).toMatchObject({ kind: 'conflict', field: 'number' });
    const count = await t.desk.database.db
      .selectFrom('receivedBbcs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
  });

  it('refuses a BBC on an enrolment that has ended', () => {
    const check = checkReceivedBbc({
      bbc: radboud,
      enrolment: { academicYear: '2022-23', status: 'terminated' },
      today: '2022-10-01',
    });
    expect(check).toMatchObject({ outcome: 'refuse', reasons: [{ article: 'Art 30.1' }] });
  });
});

describe('the institutions to inform when a UM enrolment ends (Art 33.7)', () => {
  it('lists the institutions UM issued a BBC to once the enrolment is terminated, and not before', async () => {
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
    const first = await issue({ receivingInstitution: 'Leiden University' });
    expect(first).toMatchObject({
      outcome: 'issued',
      document: { receivingInstitution: 'Leiden University' },
    });
    const second = await issue({});
    const revoked = await issue({ receivingInstitution: 'Utrecht University' });
    if (revoked.outcome === 'issued')
      await t.call('desk', 'documents:revoke', {
        documentId: revoked.document.id,
        reason: 'issued by mistake',
      });
    if (first.outcome === 'issued') {
      const again = await t.call<IssueOutcome>('desk', 'documents:reissue', {
        documentId: first.document.id,
        reason: 'name corrected',
      });
      expect(again).toMatchObject({ document: { receivingInstitution: 'Leiden University' } });
    }

    expect(
      await t.call<InstitutionsToInform[]>('iro', 'documents:institutionsToInform', { studentId }),
    ).toEqual([]);

    await t.call('desk', 'ledger:terminate', {
      enrolmentId: enrolment.id,
      version: (await t.call<StudentFeeFile>('desk', 'ledger:studentFile', { studentId })).enrolments[0]
        ?.version,
      requestDate: '2022-09-05',
      dryRun: false,
    });
    const list = await t.call<InstitutionsToInform[]>('iro', 'documents:institutionsToInform', {});
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      enrolmentId: enrolment.id,
      status: 'terminated',
      // The test catalogue has no programmes: the name falls back to the code.
      programmeName: 'b-econometrics-and-operations-research',
      institutions: [
        { institution: 'Leiden University', bbcNumbers: [expect.any(String), expect.any(String)] },
      ],
      bbcsWithoutInstitution: second.outcome === 'issued' ? [second.document.number] : [],
      reasons: [{ article: 'Art 33.7' }],
    });
  });
});
