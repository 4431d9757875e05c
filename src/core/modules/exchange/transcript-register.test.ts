import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IssuedDocument, VerificationResult } from '../../../shared/api/documents.contract';
import { inspectPdf } from '../../testing/pdf-inspection';
import { createTestDesk, type TestDesk } from '../../testing/test-desk';
import { addExchangeStudent, seedExchangeCatalogue } from './exchange-test-support';
import { produceTranscript } from './transcript.service';

let t: TestDesk;
let studentId: number;

type Role = 'desk' | 'iro' | 'ssc' | 'admin';
/** Calls in a session started now, since the clock moves across the exchange's semester. */
const attempt = (role: Role, name: string, input: unknown) =>
  t.desk.invoke(t.desk.sessions.start(t.staffIds[role]), name, input);
async function call<T>(role: Role, name: string, input: unknown): Promise<T> {
  const envelope = await attempt(role, name, input);
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
  return envelope.value as T;
}

/** An exchange student of the fall semester with one course and its grade. */
beforeEach(async () => {
  t = await createTestDesk();
  t.clock.set('2022-08-15T09:00:00.000Z');
  const added = await addExchangeStudent(t, {
    studentNumber: 'i6100002',
    familyName: 'Novák',
    givenNames: 'Jana',
  });
  studentId = added.studentId;
  const { EBC1001: courseId } = await seedExchangeCatalogue(t.desk.database.db, [
    { code: 'EBC1001', period: 1, title: 'Microeconomics' },
  ]);
  await call('iro', 'exchange:recordStay', {
    enrolmentId: added.enrolmentId,
    homeUniversity: 'Univerzita Karlova',
    homeCountry: 'CZ',
    agreement: 'Erasmus+ SBE–Charles 2021-2027',
    semesters: ['2022-fall'],
  });
  await call('iro', 'exchange:registerCourse', { studentId, courseId });
  t.clock.set('2022-11-10T09:00:00.000Z');
  await call('iro', 'exchange:recordResult', {
    studentId,
    courseId,
    sitting: 'first',
    grade: 8,
    gradedOn: '2022-11-04',
  });
});
afterEach(async () => {
  await t.close();
});

type TranscriptOut = {
  pdfBase64: string;
  elmoXml: string;
  reference: string;
  documentNumber: string | null;
  verificationCode: string | null;
  isIssued: boolean;
};

describe('transcripts of records in the document register', () => {
  it('registers the transcript with number, code and QR in the footer; the ELMO carries exactly the registered PDF', async () => {
    const out = await call<TranscriptOut>('iro', 'exchange:issueTranscript', { studentId });
    expect(out.documentNumber).toBe('UM-2022-000001');
    const [document] = await call<IssuedDocument[]>('desk', 'documents:ofStudent', { studentId });
    expect(document).toMatchObject({
      kind: 'transcript-of-records',
      kindLabel: 'Transcript of records',
      number: out.documentNumber,
      verificationCode: out.verificationCode,
      issuedBy: 'Test iro',
      status: 'valid',
    });
    const bytes = Buffer.from(out.pdfBase64, 'base64');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(document?.sha256);
    const embedded = /data:application\/pdf;base64,([^<]+)</.exec(out.elmoXml)?.[1];
    expect(embedded).toBe(out.pdfBase64);
    const text = inspectPdf(bytes).flatText;
    expect(text).toContain('TOR-i6100002-2022-23 · UM-2022-000001');
    expect(text).toContain(out.verificationCode ?? '?');

    const stored = await call<{ pdfBase64: string }>('desk', 'documents:pdf', { documentId: document?.id });
    expect(stored.pdfBase64).toBe(out.pdfBase64);
    expect(
      await call<VerificationResult>('desk', 'documents:verify', { pdfBase64: out.pdfBase64 }),
    ).toMatchObject({ outcome: 'valid', document: { kind: 'transcript-of-records' } });
  });

  it('supersedes the transcript before when it is produced again, which is not reissued at the desk', async () => {
    const first = await call<TranscriptOut>('iro', 'exchange:issueTranscript', { studentId });
    t.clock.advanceMinutes(10);
    const second = await call<TranscriptOut>('iro', 'exchange:issueTranscript', { studentId });
    expect(second.documentNumber).toBe('UM-2022-000002');
    const old = await call<VerificationResult>('desk', 'documents:verify', {
      code: first.verificationCode ?? '',
    });
    expect(old).toMatchObject({ outcome: 'superseded', document: { supersededByNumber: 'UM-2022-000002' } });
    const reissue = await attempt('desk', 'documents:reissue', {
      documentId: (await call<IssuedDocument[]>('desk', 'documents:ofStudent', { studentId }))[0]?.id,
      reason: 'grade corrected',
    });
    expect(reissue.ok ? 'ok' : reissue.error.message).toMatch(/produce the transcript again/);
  });

  it('previews without registering: the PDF says it is not issued, and only the IRO may issue', async () => {
    const preview = await call<TranscriptOut>('desk', 'exchange:transcript', { studentId });
    expect(preview).toMatchObject({ isIssued: false, documentNumber: null, verificationCode: null });
    const text = inspectPdf(Buffer.from(preview.pdfBase64, 'base64')).flatText;
    expect(text).toContain('Preview — not issued.');
    expect(text).toContain('TOR-i6100002-2022-23 · preview, not issued');
    expect(await call<IssuedDocument[]>('desk', 'documents:ofStudent', { studentId })).toEqual([]);
    const refused = await attempt('desk', 'exchange:issueTranscript', { studentId });
    expect(refused.ok ? 'issued' : refused.error.kind).toBe('forbidden');
    const issued = await call<TranscriptOut>('iro', 'exchange:issueTranscript', { studentId });
    expect(issued.isIssued).toBe(true);
    expect(inspectPdf(Buffer.from(issued.pdfBase64, 'base64')).flatText).not.toContain('Preview');
  });

  it('leaves a transcript unregistered when produced without an issuer and a store (e.g. a benchmark)', async () => {
    const t2 = await produceTranscript({ db: t.desk.database.db, clock: t.clock }, studentId);
    expect(t2.document).toBeNull();
    expect(inspectPdf(t2.pdf).flatText).not.toContain('Verification code');
  });
});
