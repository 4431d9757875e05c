import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IssuedDocument, VerificationResult } from '../../../shared/api/documents.contract';
import type { EnrolmentView } from '../../../shared/api/ledger.contract';
import type { SscRequestView } from '../../../shared/api/requests.contract';
import { inspectPdf } from '../../testing/pdf-inspection';
import { createTestDesk, type TestDesk } from '../../testing/test-desk';

let t: TestDesk;

beforeEach(async () => {
  // Today is Monday 5 September 2022 (the test desk's clock).
  t = await createTestDesk();
});
afterEach(async () => {
  await t.close();
});

const bachelor = {
  programmeCode: 'b-econometrics-and-operations-research',
  nationalities: ['NL'],
  startDate: '2022-09-01',
  rodHo: { firstEnrolment: { startedOn: '2020-09-01', hadLowStatutoryFee: true } },
};
const PDF = Buffer.from('%PDF-1.4\n% a scanned page\n%%EOF\n');

/** A board-position request, complete on 2 September 2022 and decided by the SSC director. */
async function decidedRequest(outcome: 'granted' | 'refused' = 'granted') {
  const studentId = await t.addStudent({
    studentNumber: `i6${String(Math.random()).slice(2, 8)}`,
    givenNames: 'Zoë',
    familyName: 'Janssen',
  });
  const enrolment = await t.call<EnrolmentView>('desk', 'ledger:enrol', { studentId, facts: bachelor });
  let request = await t.call<SscRequestView>('desk', 'requests:register', {
    studentId,
    enrolmentId: enrolment.id,
    kind: 'board-position-exemption',
    receivedOn: '2022-09-01',
    grounds: 'The student chairs the study association this year.',
  });
  for (const [evidence, receivedOn] of [
    ['written-request', '2022-09-01'],
    ['board-position-decision', '2022-09-02'],
  ] as const)
    request = await t.call<SscRequestView>('desk', 'requests:attachEvidence', {
      requestId: request.id,
      expectedVersion: request.version,
      evidence,
      receivedOn,
      fileName: `${evidence}.pdf`,
      contentBase64: PDF.toString('base64'),
    });
  const decided = await t.call<SscRequestView>('ssc', 'requests:decide', {
    requestId: request.id,
    expectedVersion: request.version,
    outcome,
    reasoning: 'The Executive Board honoured the board position for 2022-23.',
  });
  return { studentId, enrolment, request: decided };
}

function letterOf(requestId: number) {
  return t.call<{ fileName: string; pdfBase64: string }>('iro', 'requests:letter', { requestId });
}

describe('SSC decision letters in the document register (Art 42–44)', () => {
  it('registers the letter with a number, an 80-bit code printed with its QR address, the SHA-256, issuer and time', async () => {
    const { studentId, request } = await decidedRequest();
    const letter = request.decision?.letter;
    expect(letter).toMatchObject({
      number: 'UM-2022-000001',
      status: 'valid',
      issuedBy: 'Test ssc',
      issuedAt: '2022-09-05T09:00:00.000Z',
      supersedes: [],
    });
    expect(letter?.verificationCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);

    const documents = await t.call<IssuedDocument[]>('desk', 'documents:ofStudent', { studentId });
    expect(documents).toHaveLength(1);
    expect(documents[0]).toMatchObject({
      kind: 'ssc-decision-letter',
      kindLabel: 'Decision of the SSC director',
      number: letter?.number,
      requestReference: request.reference,
      issuedBy: 'Test ssc',
    });
    expect(documents[0]?.contents).toContainEqual(['Our reference', request.reference]);

    const file = await letterOf(request.id);
    expect(file.fileName).toBe(`${request.reference}-decision-${request.studentNumber}.pdf`);
    const bytes = Buffer.from(file.pdfBase64, 'base64');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(documents[0]?.sha256);
    const text = inspectPdf(bytes).flatText;
    expect(text).toContain(letter?.number ?? '?');
    expect(text).toContain(letter?.verificationCode ?? '?');
    expect(text).toContain(
      `https://www.maastrichtuniversity.nl/verify?code=${letter?.verificationCode ?? ''}`,
    );
    expect(text).toMatch(/objection within six weeks/);
  });

  it('verifies the letter by its code and as a file; one changed byte makes it altered', async () => {
    const { request } = await decidedRequest('refused');
    const code = request.decision?.letter?.verificationCode ?? '';
    const byCode = await t.call<VerificationResult>('iro', 'documents:verify', { code });
    expect(byCode).toMatchObject({ outcome: 'valid', document: { kind: 'ssc-decision-letter' } });
    expect(byCode.message).toMatch(/decision of the ssc director for Zoë Janssen/);

    const { pdfBase64 } = await letterOf(request.id);
    expect(await t.call<VerificationResult>('desk', 'documents:verify', { pdfBase64 })).toMatchObject({
      outcome: 'valid',
    });
    const bytes = Buffer.from(pdfBase64, 'base64');
    const at = Math.floor(bytes.length / 2);
    bytes[at] = (bytes[at] ?? 0) ^ 0x01;
    const altered = await t.call<VerificationResult>('desk', 'documents:verify', {
      pdfBase64: bytes.toString('base64'),
    });
    expect(altered).toMatchObject({
      outcome: 'altered',
      document: { number: request.decision?.letter?.number },
    });
  });

  it('lets the SSC director correct a letter: the new one supersedes the old, which verifies as superseded', async () => {
    const { request } = await decidedRequest();
    const before = request.decision?.letter;
    const corrected = await t.call<SscRequestView>('ssc', 'requests:correctLetter', {
      requestId: request.id,
      reason: 'the reasoning named the wrong academic year',
      reasoning: 'The Executive Board honoured the board position for the academic year 2022-23.',
    });
    expect(corrected.status).toBe('granted');
    expect(corrected.decision).toMatchObject({
      decidedBy: 'Test ssc',
      reasoning: 'The Executive Board honoured the board position for the academic year 2022-23.',
      letter: { number: 'UM-2022-000002', status: 'valid', supersedes: [before?.number] },
    });

    const old = await t.call<VerificationResult>('iro', 'documents:verify', {
      code: before?.verificationCode ?? '',
    });
    expect(old).toMatchObject({
      outcome: 'superseded',
      document: { supersededByNumber: 'UM-2022-000002' },
    });
    expect(old.message).toMatch(/Corrected: the reasoning named the wrong academic year/);

    const file = await letterOf(request.id);
    expect(file.fileName).toMatch(/-corrected-UM-2022-000002\.pdf$/);
    const text = inspectPdf(Buffer.from(file.pdfBase64, 'base64')).flatText;
    expect(text).toMatch(/corrects and replaces letter UM-2022-000001/);
    expect(text).toContain('for the academic year 2022-23');

    const audit = await t.desk.database.db
      .selectFrom('auditLog')
      .select(['action', 'actorName', 'reason'])
      .where('action', 'in', ['requests.correctLetter', 'documents.supersede'])
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      {
        action: 'documents.supersede',
        actorName: 'Test ssc',
        reason: 'Corrected: the reasoning named the wrong academic year',
      },
      {
        action: 'requests.correctLetter',
        actorName: 'Test ssc',
        reason: 'the reasoning named the wrong academic year',
      },
    ]);
  });

  it('refuses to correct an undecided request, by anyone but the SSC, and through the desk’s reissue and revoke', async () => {
    const { request } = await decidedRequest();
    for (const role of ['desk', 'iro', 'admin'] as const) {
      const attempt = await t.attempt(role, 'requests:correctLetter', {
        requestId: request.id,
        reason: 'typo',
      });
      expect(attempt.ok ? 'ok' : attempt.error.kind).toBe('forbidden');
    }
    const documentId = request.decision?.letter?.documentId ?? 0;
    const reissue = await t.attempt('desk', 'documents:reissue', { documentId, reason: 'typo in it' });
    expect(reissue.ok ? 'ok' : reissue.error).toMatchObject({
      kind: 'conflict',
      message: expect.stringMatching(/SSC director corrects a decision letter on the request/) as unknown,
    });
    const revoke = await t.attempt('desk', 'documents:revoke', { documentId, reason: 'wrong student' });
    expect(revoke.ok ? 'ok' : revoke.error).toMatchObject({
      kind: 'forbidden',
      message: expect.stringMatching(/\(Art 44\); only the SSC can revoke it/) as unknown,
    });

    const open = await t.call<SscRequestView>('desk', 'requests:register', {
      studentId: request.studentId,
      enrolmentId: null,
      kind: 'unforeseen-circumstances',
      receivedOn: '2022-09-05',
      grounds: 'Something the provisions do not cover.',
    });
    const early = await t.attempt('ssc', 'requests:correctLetter', { requestId: open.id, reason: 'typo' });
    expect(early.ok ? 'ok' : early.error).toMatchObject({
      kind: 'conflict',
      message: expect.stringMatching(/has not been decided yet/) as unknown,
    });
    // Nothing was issued by the refusals.
    const count = await t.desk.database.db
      .selectFrom('issuedDocuments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
  });

  it('cannot correct a letter the SSC revoked: a correction needs the letter it replaces', async () => {
    const { request } = await decidedRequest();
    await t.call('ssc', 'documents:revoke', {
      documentId: request.decision?.letter?.documentId,
      reason: 'sent to the wrong student',
    });
    const attempt = await t.attempt('ssc', 'requests:correctLetter', {
      requestId: request.id,
      reason: 'typo in the name',
    });
    expect(attempt.ok ? 'ok' : attempt.error).toMatchObject({
      kind: 'conflict',
      message: expect.stringMatching(/no valid decision letter in the register/) as unknown,
    });
    const view = await t.call<SscRequestView>('iro', 'requests:get', { requestId: request.id });
    expect(view.decision?.letter?.status).toBe('revoked');
  });
});
