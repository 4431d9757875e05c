import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EnrolmentView, StudentFeeFile } from '../../../shared/api/ledger.contract';
import type { SscRequestView } from '../../../shared/api/requests.contract';
import { feeFactsSchema } from '../../../shared/facts/fee-facts';
import { loadProvisions } from '../../provisions/load-provisions';
import { inspectPdf } from '../../testing/pdf-inspection';
import { createTestDesk, type TestDesk } from '../../testing/test-desk';
import { assessHandlingFee } from '../fees/handling-fee.rules';
import { checkCompleteness, compareWorklistEntries, daysUntil, decisionTerm } from './requests.rules';

let t: TestDesk;

const PDF = Buffer.from('%PDF-1.4\n% a scanned page\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const term = { weeks: 8, article: 'Art 42' };

const bachelor = {
  programmeCode: 'b-econometrics-and-operations-research',
  nationalities: ['NL'],
  startDate: '2022-09-01',
  // Not a first enrolment, so the full statutory fee applies (Art 16.1, not the low fee of Art 17.1).
  rodHo: { firstEnrolment: { startedOn: '2020-09-01', hadLowStatutoryFee: true } },
};

beforeEach(async () => {
  // Today is Monday 5 September 2022 (the test desk's clock).
  t = await createTestDesk();
});
afterEach(async () => {
  await t.close();
});

async function enrolledStudent(
  facts: Record<string, unknown> = bachelor,
): Promise<{ studentId: number; enrolment: EnrolmentView }> {
  const studentId = await t.addStudent({
    studentNumber: `i6${String(Math.random()).slice(2, 8)}`,
    givenNames: 'Ελένη',
    familyName: 'Παπαδοπούλου',
  });
  const enrolment = await t.call<EnrolmentView>('desk', 'ledger:enrol', { studentId, facts });
  return { studentId, enrolment };
}

function register(input: Record<string, unknown>): Promise<SscRequestView> {
  return t.call<SscRequestView>('desk', 'requests:register', {
    receivedOn: '2022-09-05',
    grounds: 'The student asks for an exemption and explains why.',
    ...input,
  });
}

function attach(request: SscRequestView, evidence: string, receivedOn = '2022-09-05', bytes = PDF) {
  return t.call<SscRequestView>('desk', 'requests:attachEvidence', {
    requestId: request.id,
    expectedVersion: request.version,
    evidence,
    receivedOn,
    fileName: `${evidence}.pdf`,
    contentBase64: bytes.toString('base64'),
  });
}

function decide(request: SscRequestView, outcome: 'granted' | 'refused', reasoning?: string) {
  return t.call<SscRequestView>('ssc', 'requests:decide', {
    requestId: request.id,
    expectedVersion: request.version,
    outcome,
    reasoning: reasoning ?? 'The Executive Board honoured the application for 2022-23.',
  });
}

async function completeBoardPositionRequest() {
  const { studentId, enrolment } = await enrolledStudent();
  let request = await register({
    studentId,
    enrolmentId: enrolment.id,
    kind: 'board-position-exemption',
    receivedOn: '2022-09-01',
  });
  request = await attach(request, 'written-request', '2022-09-01');
  request = await attach(request, 'board-position-decision', '2022-09-02');
  return { studentId, enrolment, request };
}

describe('the completeness check (Art 42)', () => {
  it('lists what each kind still lacks, with its article', () => {
    const check = checkCompleteness({
      kind: 'handling-fee-exemption',
      receivedOn: '2022-10-03',
      details: {},
      evidence: [{ evidence: 'written-request', receivedOn: '2022-10-03' }],
    });
    expect(check.isComplete).toBe(false);
    expect(check.completedOn).toBeNull();
    expect(check.missing).toEqual([
      { article: 'Art 15.5', text: expect.stringMatching(/^Missing: proof of a scholarship/) as string },
      { article: 'Art 15.5', text: expect.stringMatching(/insurmountable obstacle/) as string },
    ]);
    const simultaneous = checkCompleteness({
      kind: 'simultaneous-enrolment-exemption',
      receivedOn: '2022-10-03',
      details: {},
      evidence: [],
    });
    expect(simultaneous.missing.map((m) => m.article)).toEqual(['Art 42', 'Art 30.1', 'Art 30.1']);
    expect(simultaneous.missing[2]?.text).toMatch(/other enrolment/);
    const interim = checkCompleteness({
      kind: 'interim-enrolment',
      receivedOn: '2022-10-03',
      details: { requestedStartDate: '2022-11-14' },
      evidence: [{ evidence: 'written-request', receivedOn: '2022-10-03' }],
    });
    expect(interim.missing).toEqual([
      { article: 'Art 4.4', text: expect.stringMatching(/evident hardship/) as string },
    ]);
  });

  it('is complete on the day the last required piece arrived', () => {
    const check = checkCompleteness({
      kind: 'board-position-exemption',
      receivedOn: '2022-10-03',
      details: {},
      evidence: [
        { evidence: 'board-position-decision', receivedOn: '2022-10-10' },
        { evidence: 'written-request', receivedOn: '2022-10-03' },
        { evidence: 'board-position-decision', receivedOn: '2022-10-12' },
      ],
    });
    expect(check).toMatchObject({ isComplete: true, completedOn: '2022-10-10', missing: [] });
  });
});

describe('the decision term (Art 42)', () => {
  it('starts the day after the request is complete and runs eight whole weeks', () => {
    // Complete on Monday 3 October 2022: the term starts Tuesday 4 October, its last day is Monday 28 November.
    expect(decisionTerm('2022-10-03', term)).toEqual({
      startsOn: '2022-10-04',
      deadline: '2022-11-28',
      weeks: 8,
      article: 'Art 42',
    });
    // Across the turn of the year and a month end.
    expect(decisionTerm('2022-12-31', term)).toMatchObject({
      startsOn: '2023-01-01',
      deadline: '2023-02-25',
    });
    expect(decisionTerm('2023-01-31', term).startsOn).toBe('2023-02-01');
  });

  it('takes the number of weeks from the provisions data', () => {
    expect(loadProvisions('2022-23').procedures.hardshipDecisionTermWeeks).toMatchObject({
      weeks: 8,
      article: 'Art 42',
    });
    expect(loadProvisions('2022-23').procedures.objectionTermWeeks.weeks).toBe(6);
  });

  it('counts the days left, negative once overdue', () => {
    expect(daysUntil('2022-11-27', '2022-11-28')).toBe(1);
    expect(daysUntil('2022-11-28', '2022-11-28')).toBe(0);
    expect(daysUntil('2022-12-01', '2022-11-28')).toBe(-3);
  });

  it('is shown on the request from the day after the last evidence', async () => {
    const { request } = await completeBoardPositionRequest();
    expect(request.completeness).toMatchObject({ isComplete: true, completedOn: '2022-09-02' });
    expect(request.term).toEqual({
      startsOn: '2022-09-03',
      deadline: '2022-10-28',
      weeks: 8,
      article: 'Art 42',
    });
    expect(request.daysLeft).toBe(53);
    expect(request.isOverdue).toBe(false);
  });
});

describe('the worklist', () => {
  it('orders by deadline, overdue first and marked, incomplete requests after them', () => {
    const entries = [
      { id: 1, deadline: null, receivedOn: '2022-09-01' },
      { id: 2, deadline: '2022-11-30', receivedOn: '2022-09-05' },
      { id: 3, deadline: '2022-10-20', receivedOn: '2022-08-20' },
      { id: 4, deadline: null, receivedOn: '2022-08-01' },
    ];
    expect([...entries].sort(compareWorklistEntries).map((e) => e.id)).toEqual([3, 2, 4, 1]);
  });

  it('lists open requests by their deadline with the overdue ones marked, and drops decided ones', async () => {
    const { studentId, enrolment } = await enrolledStudent();
    let old = await register({
      studentId,
      enrolmentId: enrolment.id,
      kind: 'unforeseen-circumstances',
      receivedOn: '2022-07-01',
    });
    old = await attach(old, 'written-request', '2022-07-01');
    old = await attach(old, 'circumstances-evidence', '2022-07-01');
    const incomplete = await register({
      studentId,
      enrolmentId: enrolment.id,
      kind: 'handling-fee-exemption',
    });
    const { request: recent } = await completeBoardPositionRequest();
    const decided = await completeBoardPositionRequest();
    await decide(decided.request, 'refused', 'No decision of the Executive Board for this academic year.');

    const list = await t.call<{ today: string; rows: SscRequestView[] }>('iro', 'requests:worklist', {});
    expect(list.today).toBe('2022-09-05');
    expect(list.rows.map((r) => r.reference)).toEqual([
      old.reference,
      recent.reference,
      incomplete.reference,
    ]);
    expect(list.rows[0]).toMatchObject({ isOverdue: true, term: { deadline: '2022-08-26' }, daysLeft: -10 });
    expect(list.rows[1]?.isOverdue).toBe(false);
    expect(list.rows[2]).toMatchObject({ term: null, isOverdue: false, daysLeft: null });
  });
});

describe('registering a request and its evidence', () => {
  it('needs the enrolment for a request that changes one, but not for an Art 41 request', async () => {
    const { studentId } = await enrolledStudent();
    const missing = await t.attempt('desk', 'requests:register', {
      studentId,
      kind: 'board-position-exemption',
      receivedOn: '2022-09-05',
      grounds: 'Board member of the student union.',
    });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error).toMatchObject({ kind: 'validation', field: 'enrolmentId' });
    const alone = await register({ studentId, kind: 'unforeseen-circumstances' });
    expect(alone).toMatchObject({
      reference: 'SSC-2022-00001',
      enrolmentId: null,
      status: 'open',
      version: 1,
    });
  });

  it('accepts only scans by their first bytes and only evidence the kind needs', async () => {
    const { studentId, enrolment } = await enrolledStudent();
    const request = await register({
      studentId,
      enrolmentId: enrolment.id,
      kind: 'board-position-exemption',
    });
    const text = await t.attempt('desk', 'requests:attachEvidence', {
      requestId: request.id,
      expectedVersion: request.version,
      evidence: 'written-request',
      receivedOn: '2022-09-05',
      fileName: 'notes.txt',
      contentBase64: Buffer.from('just text').toString('base64'),
    });
    expect(text.ok).toBe(false);
    if (!text.ok) expect(text.error.message).toMatch(/not a PDF, JPG or PNG/);
    const wrongKind = await t.attempt('desk', 'requests:attachEvidence', {
      requestId: request.id,
      expectedVersion: request.version,
      evidence: 'hardship-scholarship',
      receivedOn: '2022-09-05',
      fileName: 'scholarship.pdf',
      contentBase64: PDF.toString('base64'),
    });
    expect(wrongKind.ok).toBe(false);
    if (!wrongKind.ok) expect(wrongKind.error.field).toBe('evidence');
    const withPng = await attach(request, 'written-request', '2022-09-05', PNG);
    expect(withPng.evidence[0]).toMatchObject({ contentType: 'image/png', attachedBy: 'Test desk' });
    const file = await t.call<{ contentBase64: string }>('iro', 'requests:evidenceFile', {
      evidenceId: withPng.evidence[0]?.id,
    });
    expect(Buffer.from(file.contentBase64, 'base64')).toEqual(PNG);
  });

  it('refuses a change made against a stale version, naming who changed it', async () => {
    const { studentId, enrolment } = await enrolledStudent();
    const request = await register({
      studentId,
      enrolmentId: enrolment.id,
      kind: 'board-position-exemption',
    });
    await attach(request, 'written-request');
    const stale = await t.attempt('desk', 'requests:attachEvidence', {
      requestId: request.id,
      expectedVersion: request.version,
      evidence: 'board-position-decision',
      receivedOn: '2022-09-05',
      fileName: 'decision.pdf',
      contentBase64: PDF.toString('base64'),
    });
    expect(stale.ok).toBe(false);
    if (!stale.ok) {
      expect(stale.error.kind).toBe('conflict');
      expect(stale.error.message).toMatch(/changed by Test desk/);
    }
    const staleDecision = await t.attempt('ssc', 'requests:decide', {
      requestId: request.id,
      expectedVersion: request.version,
      outcome: 'refused',
      reasoning: 'Nothing shows a board position.',
    });
    expect(staleDecision.ok).toBe(false);
    if (!staleDecision.ok) expect(staleDecision.error.kind).toBe('conflict');
  });

  it('audits registering and every scan', async () => {
    const { request } = await completeBoardPositionRequest();
    const rows = await t.desk.database.db
      .selectFrom('auditLog')
      .select(['action', 'actorName', 'entityId', 'reason'])
      .where('entity', '=', 'ssc_request')
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      expect.objectContaining({
        action: 'requests.register',
        actorName: 'Test desk',
        entityId: request.reference,
      }),
      expect.objectContaining({
        action: 'requests.attachEvidence',
        reason: expect.stringMatching(/Art 42/) as string,
      }),
      expect.objectContaining({
        action: 'requests.attachEvidence',
        reason: expect.stringMatching(/Art 30\.9/) as string,
      }),
    ]);
  });
});

describe('the decision (Art 42, 44)', () => {
  it('is taken by the ssc role only; the desk and the administrator are refused', async () => {
    const { request } = await completeBoardPositionRequest();
    for (const role of ['desk', 'iro', 'admin'] as const) {
      const attempt = await t.attempt(role, 'requests:decide', {
        requestId: request.id,
        expectedVersion: request.version,
        outcome: 'granted',
        reasoning: 'The Executive Board honoured the application.',
      });
      expect(attempt.ok).toBe(false);
      if (!attempt.ok) expect(attempt.error.kind).toBe('forbidden');
    }
    expect((await t.call<SscRequestView>('desk', 'requests:get', { requestId: request.id })).status).toBe(
      'open',
    );
  });

  it('cannot grant an incomplete request, but can refuse it', async () => {
    const { studentId, enrolment } = await enrolledStudent();
    const request = await register({
      studentId,
      enrolmentId: enrolment.id,
      kind: 'board-position-exemption',
    });
    const grant = await t.attempt('ssc', 'requests:decide', {
      requestId: request.id,
      expectedVersion: request.version,
      outcome: 'granted',
      reasoning: 'The Executive Board honoured the application.',
    });
    expect(grant.ok).toBe(false);
    if (!grant.ok) expect(grant.error.message).toMatch(/not complete.*\(Art 42\).*Art 30\.9/);
    const refused = await decide(
      request,
      'refused',
      'The request came without the evidence Art 42 requires.',
    );
    expect(refused).toMatchObject({ status: 'refused', decision: { outcome: 'refused', effects: [] } });
  });

  it('grants a board-position exemption: the fee fact is set, the fee re-assessed with the Art 30.9 reason and the difference booked', async () => {
    const { studentId, enrolment, request } = await completeBoardPositionRequest();
    expect(enrolment.fee.amountCents).toBeGreaterThan(0);
    const decided = await decide(request, 'granted');
    expect(decided).toMatchObject({
      status: 'granted',
      decision: { decidedBy: 'Test ssc', decidedOn: '2022-09-05' },
    });
    expect(decided.decision?.effects.map((e) => e.article)).toEqual(['Art 30.9', 'Art 31.3', 'Art 30.9']);
    expect(decided.decision?.effects[2]?.text).toMatch(/board position/);

    const file = await t.call<StudentFeeFile>('desk', 'ledger:studentFile', { studentId });
    const after = file.enrolments[0];
    expect(after?.fee.amountCents).toBe(0);
    expect(after?.facts).toMatchObject({ isBoardPositionExemptionGranted: true });
    expect(after?.fee.reasons.some((r) => r.article === 'Art 30.9')).toBe(true);
    const adjustment = file.ledger.find((e) => e.entryKind === 'adjustment');
    expect(adjustment?.amountCents).toBe(-enrolment.fee.amountCents);
    expect(adjustment?.description).toContain(request.reference);

    const audit = await t.desk.database.db
      .selectFrom('auditLog')
      .select(['action', 'actorName', 'reason'])
      .where('action', 'in', ['requests.decide', 'enrolment.reassess'])
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      expect.objectContaining({ action: 'enrolment.reassess', actorName: 'Test ssc' }),
      expect.objectContaining({
        action: 'requests.decide',
        reason: 'The Executive Board honoured the application for 2022-23.',
      }),
    ]);
  });

  it('writes the decision letter with the outcome, the reasons and the objection route of Art 43–44', async () => {
    const { request } = await completeBoardPositionRequest();
    await decide(request, 'granted');
    const letter = await t.call<{ fileName: string; pdfBase64: string }>('desk', 'requests:letter', {
      requestId: request.id,
    });
    expect(letter.fileName).toMatch(/^SSC-2022-00001-decision-i6\d+\.pdf$/);
    const text = inspectPdf(Buffer.from(letter.pdfBase64, 'base64')).flatText;
    expect(text).toContain('Ελένη Παπαδοπούλου');
    expect(text).toContain('Decision on your request: granted');
    expect(text).toContain('The director has GRANTED your request.');
    expect(text).toContain('Exemption for a board position (Art 30.9)');
    expect(text).toContain('The Executive Board honoured the application for 2022-23.');
    expect(text).toContain(
      'you may lodge an objection within six weeks of receipt of this decision, by submitting it to the CSP for the attention of the Executive Board (Article 43',
    );
    expect(text).toContain('Dispute Advisory Committee for Student Affairs (Article 44)');
    for (const ref of ['Art 30.9', 'Art 42', 'Art 43', 'Art 44']) expect(text).toContain(`${ref} —`);
    expect(text).toContain(request.reference);
  });

  it('stands once taken: deciding again is a conflict', async () => {
    const { request } = await completeBoardPositionRequest();
    const decided = await decide(request, 'refused', 'No decision of the Executive Board was submitted.');
    const again = await t.attempt('ssc', 'requests:decide', {
      requestId: request.id,
      expectedVersion: decided.version,
      outcome: 'granted',
      reasoning: 'On second thoughts the request is granted.',
    });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.message).toMatch(/already refused.*Art 43/);
  });

  it('grants a handling-fee exemption: the Art 15.5 fact is set and the handling fee rule gives its reason', async () => {
    const { studentId, enrolment } = await enrolledStudent({
      programmeCode: 'b-econometrics-and-operations-research',
      nationalities: ['IN'],
      startDate: '2022-09-01',
      priorEducation: { country: 'IN' },
    });
    let request = await register({ studentId, enrolmentId: enrolment.id, kind: 'handling-fee-exemption' });
    request = await attach(request, 'written-request');
    request = await attach(request, 'hardship-scholarship');
    request = await attach(request, 'insurmountable-obstacle-statement');
    const decided = await decide(
      request,
      'granted',
      'The scholarship was granted partly on grounds of hardship.',
    );
    expect(decided.decision?.effects[0]?.article).toBe('Art 15.5');
    const file = await t.call<StudentFeeFile>('desk', 'ledger:studentFile', { studentId });
    const facts = feeFactsSchema.parse(file.enrolments[0]?.facts);
    expect(facts.handlingFee.isHardshipExemptionGranted).toBe(true);
    const handling = assessHandlingFee(facts, loadProvisions('2022-23'));
    expect(handling.amountCents).toBe(0);
    expect(handling.reasons.some((r) => r.article === 'Art 15.5')).toBe(true);
  });

  it('grants a simultaneous-enrolment exemption: the other enrolment is recorded and the fee falls (Art 30.1)', async () => {
    const { studentId, enrolment } = await enrolledStudent();
    const statutory = enrolment.fee.amountCents;
    let request = await register({
      studentId,
      enrolmentId: enrolment.id,
      kind: 'simultaneous-enrolment-exemption',
      details: {
        otherEnrolment: {
          institution: 'dutch-higher-education',
          level: 'bachelor',
          feeKind: 'statutory',
          feePaidCents: statutory,
          // Art 14.6: submitted before 1 September, so the BBC counts.
          bbcSubmittedOn: '2022-08-30',
        },
      },
    });
    request = await attach(request, 'written-request');
    request = await attach(request, 'other-institution-bbc');
    expect(request.completeness.isComplete).toBe(true);
    const decided = await decide(request, 'granted', 'The BBC shows the full statutory fee paid elsewhere.');
    expect(decided.decision?.effects[0]?.article).toBe('Art 30.1');
    const file = await t.call<StudentFeeFile>('desk', 'ledger:studentFile', { studentId });
    expect(file.enrolments[0]?.fee.amountCents).toBeLessThan(statutory);
    expect(file.enrolments[0]?.fee.reasons.some((r) => r.article.startsWith('Art 30.1'))).toBe(true);
  });

  it('grants an interim enrolment: the SSC-director decision is recorded in the enrolment request and the fee follows Art 4.4–4.5', async () => {
    const { studentId, enrolment } = await enrolledStudent();
    await t.desk.database.db
      .updateTable('enrolments')
      .set({
        requestJson: JSON.stringify({
          academicYear: '2022-23',
          programmeCode: 'b-econometrics-and-operations-research',
          startDate: '2022-09-01',
        }),
      })
      .where('id', '=', enrolment.id)
      .execute();
    let request = await register({
      studentId,
      enrolmentId: enrolment.id,
      kind: 'interim-enrolment',
      details: { requestedStartDate: '2022-11-14' },
    });
    request = await attach(request, 'written-request');
    request = await attach(request, 'evident-hardship-evidence');
    const decided = await decide(request, 'granted', 'A serious illness prevented enrolment on 1 September.');
    expect(decided.decision?.effects.map((e) => e.article)).toContain('Art 4.4');
    const row = await t.desk.database.db
      .selectFrom('enrolments')
      .select(['requestJson', 'startDate', 'feeReasonsJson', 'feeCents'])
      .where('id', '=', enrolment.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.requestJson ?? '{}')).toMatchObject({
      startDate: '2022-11-14',
      interimStartDecision: { decidedOn: '2022-09-05', reference: request.reference },
    });
    expect(row.startDate).toBe('2022-11-14');
    expect(row.feeCents).toBeLessThan(enrolment.fee.amountCents);
    expect(row.feeReasonsJson).toContain('Art 4.4–4.5');
  });

  it('decides an Art 41 request without changing any fee', async () => {
    const { studentId } = await enrolledStudent();
    let request = await register({ studentId, kind: 'unforeseen-circumstances' });
    request = await attach(request, 'written-request');
    request = await attach(request, 'circumstances-evidence');
    const decided = await decide(
      request,
      'granted',
      'Applying Art 13.3 would be seriously inequitable here.',
    );
    expect(decided.decision?.effects).toEqual([]);
    const letter = await t.call<{ pdfBase64: string }>('desk', 'requests:letter', { requestId: request.id });
    expect(inspectPdf(Buffer.from(letter.pdfBase64, 'base64')).flatText).toContain('Art 41 —');
  });
});
