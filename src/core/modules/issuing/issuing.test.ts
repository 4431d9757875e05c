import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  IssueOutcome,
  IssuedDocument,
  VerificationResult,
} from '../../../shared/api/documents.contract';
import type { EnrolmentView } from '../../../shared/api/ledger.contract';
import { inspectPdf } from '../../testing/pdf-inspection';
import { createTestDesk, type TestDesk } from '../../testing/test-desk';
import { currentAcademicYear } from './issuing.rules';
import { formatVerificationCode, newVerificationCode, normaliseVerificationCode } from './verification-code';

let t: TestDesk;

const bachelor = {
  programmeCode: 'b-econometrics-and-operations-research',
  nationalities: ['PL'],
  startDate: '2022-09-01',
};

async function enrolledStudent(
  names: { givenNames: string; familyName: string },
  facts: Record<string, unknown> = bachelor,
  paid: 'paid' | 'unpaid' = 'paid',
): Promise<{ studentId: number; enrolment: EnrolmentView }> {
  const studentId = await t.addStudent({ studentNumber: `i6${String(Math.random()).slice(2, 8)}`, ...names });
  const enrolment = await t.call<EnrolmentView>('desk', 'ledger:enrol', { studentId, facts });
  if (paid === 'paid' && enrolment.fee.amountCents > 0)
    await t.call('desk', 'ledger:recordPayment', {
      studentId,
      enrolmentId: enrolment.id,
      amountCents: enrolment.fee.amountCents,
      paidOn: '2022-08-30',
    });
  return { studentId, enrolment };
}

async function issue(
  enrolmentId: number,
  kind: string,
  extra: Record<string, unknown> = {},
): Promise<IssueOutcome> {
  return t.call<IssueOutcome>('desk', 'documents:issue', { enrolmentId, kind, ...extra });
}

function issued(outcome: IssueOutcome) {
  if (outcome.outcome !== 'issued') throw new Error(`refused: ${JSON.stringify(outcome.reasons)}`);
  return outcome;
}

beforeEach(async () => {
  t = await createTestDesk();
});
afterEach(async () => {
  await t.close();
});

describe('verification codes', () => {
  it('are 80 random bits as 16 base32 characters, printed in groups of four and read back leniently', () => {
    const code = newVerificationCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    expect(newVerificationCode()).not.toBe(code);
    const printed = formatVerificationCode(code);
    expect(printed).toMatch(/^(\w{4}-){3}\w{4}$/);
    expect(normaliseVerificationCode(` ${printed.toLowerCase()} `)).toBe(code);
    expect(normaliseVerificationCode(`https://x.nl/verify?code=${printed}`)).toBe(code);
    expect(normaliseVerificationCode('OIL0-0000-0000-0000')).toBe('0110000000000000');
    expect(normaliseVerificationCode('too short')).toBeNull();
  });

  it('take the current academic year from the clock, the latest with provisions at most', () => {
    expect(currentAcademicYear('2022-10-03', ['2022-23'])).toBe('2022-23');
    expect(currentAcademicYear('2022-08-31', ['2021-22', '2022-23'])).toBe('2021-22');
    expect(currentAcademicYear('2026-11-23', ['2022-23'])).toBe('2022-23');
  });
});

describe('the BBC, proof of payment of tuition fees (Art 5.2)', () => {
  it('is issued once the fee of the current year is paid, with number, code, hash and the Art 30.1 contents', async () => {
    const { studentId, enrolment } = await enrolledStudent({ givenNames: 'Łukasz', familyName: 'Dvořák' });
    const result = issued(await issue(enrolment.id, 'proof-of-payment'));
    expect(result.document).toMatchObject({
      number: 'UM-2022-000001',
      kind: 'proof-of-payment',
      status: 'valid',
      studentName: 'Łukasz Dvořák',
      issuedBy: 'Test desk',
      academicYear: '2022-23',
    });
    expect(result.document.verificationCode).toMatch(/^(\w{4}-){3}\w{4}$/);
    expect(result.document.sha256).toMatch(/^[0-9a-f]{64}$/);

    const pdf = inspectPdf(Buffer.from(result.pdfBase64, 'base64'));
    expect(pdf.flatText).toContain('Proof of payment of tuition fees (BBC)');
    expect(pdf.flatText).toContain('Łukasz Dvořák');
    expect(pdf.flatText).toContain('B Econometrics and Operations Research');
    expect(pdf.flatText).toContain('2022-23');
    expect(pdf.flatText).toContain('1 September 2022 – 31 August 2023');
    expect(pdf.flatText).toContain(enrolment.fee.kindLabel);
    expect(pdf.flatText).toMatch(/Amount paid €\s?1,105\.00/);
    expect(pdf.flatText).toContain(result.document.verificationCode);
    expect(pdf.flatText).toContain('UM-2022-000001');
    expect(pdf.fonts.every((f) => f.embedded)).toBe(true);

    const list = await t.call<IssuedDocument[]>('iro', 'documents:ofStudent', { studentId });
    expect(list.map((d) => d.number)).toEqual(['UM-2022-000001']);
    const stored = await t.call<{ pdfBase64: string }>('iro', 'documents:pdf', {
      documentId: result.document.id,
    });
    expect(stored.pdfBase64).toBe(result.pdfBase64);
  });

  it('is refused while the fee is unpaid, saying what the ledger shows (Art 5.2)', async () => {
    const { enrolment } = await enrolledStudent(
      { givenNames: 'Anna', familyName: 'Müller' },
      bachelor,
      'unpaid',
    );
    const result = await issue(enrolment.id, 'proof-of-payment');
    expect(result.outcome).toBe('refused');
    if (result.outcome !== 'refused') return;
    expect(result.reasons[0]).toMatchObject({ article: 'Art 5.2' });
    expect(result.reasons[0]?.text).toMatch(/not paid: the ledger shows €0.00 paid of €1,105.00 charged/);
  });

  it('is never issued to a pre-master’s student, even when paid (Art 5.2)', async () => {
    const { enrolment } = await enrolledStudent(
      { givenNames: 'Ελένη', familyName: 'Παπαδοπούλου' },
      {
        programmeCode: 'pm-economics',
        nationalities: ['GR'],
        startDate: '2022-09-01',
        preMaster: { ects: 60 },
      },
    );
    const result = await issue(enrolment.id, 'proof-of-payment');
    expect(result).toMatchObject({ outcome: 'refused', reasons: [{ article: 'Art 5.2' }] });
    if (result.outcome === 'refused')
      expect(result.reasons[0]?.text).toMatch(/Pre-master’s students pay a study fee/);
  });

  it('is refused for another academic year than the current one', async () => {
    const { enrolment } = await enrolledStudent({ givenNames: 'Anna', familyName: 'Müller' });
    t.clock.set('2022-08-15T10:00:00.000Z');
    const result = await issue(enrolment.id, 'proof-of-payment');
    expect(result.outcome).toBe('refused');
  });
});

describe('certificates (Art 5.1, 8.3)', () => {
  it('issues a certificate of enrolment only for an enrolled enrolment', async () => {
    const { enrolment } = await enrolledStudent(
      { givenNames: 'Дмитрий', familyName: 'Иванов' },
      bachelor,
      'unpaid',
    );
    const result = issued(await issue(enrolment.id, 'enrolment-certificate'));
    const text = inspectPdf(Buffer.from(result.pdfBase64, 'base64')).flatText;
    expect(text).toContain('Certificate of enrolment');
    expect(text).toContain('Дмитрий Иванов');
    expect(text).toContain('Article 5 paragraph 1');

    const { enrolment: applied } = await enrolledStudent({ givenNames: 'Jan', familyName: 'Jansen' });
    await t.desk.database.db
      .updateTable('enrolments')
      .set({ status: 'awaiting-documents' })
      .where('id', '=', applied.id)
      .execute();
    const refused = await issue(applied.id, 'enrolment-certificate');
    expect(refused).toMatchObject({ outcome: 'refused', reasons: [{ article: 'Art 5.1' }] });
    if (refused.outcome === 'refused')
      expect(refused.reasons[0]?.text).toMatch(/this enrolment is awaiting-documents/);
  });

  it('issues a pre-master’s certificate naming the master’s programme it admits to (Art 8.3)', async () => {
    const { enrolment } = await enrolledStudent(
      { givenNames: 'Ελένη', familyName: 'Παπαδοπούλου' },
      {
        programmeCode: 'pm-european-studies',
        nationalities: ['GR'],
        startDate: '2022-09-01',
        preMaster: { ects: 30 },
      },
    );
    const withoutDay = await issue(enrolment.id, 'pre-master-certificate');
    expect(withoutDay).toMatchObject({ outcome: 'refused', reasons: [{ article: 'Art 8.3' }] });
    const result = issued(await issue(enrolment.id, 'pre-master-certificate', { completedOn: '2023-07-14' }));
    const text = inspectPdf(Buffer.from(result.pdfBase64, 'base64')).flatText;
    expect(text).toContain('Pre-master’s in European Studies');
    expect(text).toContain('Gives admission to M European Studies');
    expect(text).toContain('Ελένη Παπαδοπούλου');
    expect(text).toContain('14 July 2023');

    const { enrolment: bachelorEnrolment } = await enrolledStudent({ givenNames: 'A', familyName: 'B' });
    expect(
      await issue(bachelorEnrolment.id, 'pre-master-certificate', { completedOn: '2023-07-14' }),
    ).toMatchObject({
      outcome: 'refused',
    });
  });
});

describe('verification, reissue and revocation', () => {
  it('says valid for the code and the file, altered for one changed byte, unknown otherwise', async () => {
    const { enrolment } = await enrolledStudent({ givenNames: 'Łukasz', familyName: 'Dvořák' });
    const { document, pdfBase64 } = issued(await issue(enrolment.id, 'proof-of-payment'));

    const byCode = await t.call<VerificationResult>('iro', 'documents:verify', {
      code: document.verificationCode,
    });
    expect(byCode).toMatchObject({ outcome: 'valid', document: { number: document.number } });
    const byFile = await t.call<VerificationResult>('iro', 'documents:verify', { pdfBase64 });
    expect(byFile).toMatchObject({ outcome: 'valid', presentedSha256: document.sha256 });

    const bytes = Buffer.from(pdfBase64, 'base64');
    const at = Math.floor(bytes.length / 2);
    bytes[at] = (bytes[at] ?? 0) ^ 0x01;
    const altered = await t.call<VerificationResult>('iro', 'documents:verify', {
      pdfBase64: bytes.toString('base64'),
    });
    expect(altered).toMatchObject({ outcome: 'altered', document: { number: document.number } });
    expect(altered.message).toMatch(/NOT the document as issued/);

    expect(
      await t.call<VerificationResult>('iro', 'documents:verify', { code: 'ABCD-EFGH-JKMN-PQRS' }),
    ).toMatchObject({ outcome: 'unknown', document: null });
    expect(
      await t.call<VerificationResult>('iro', 'documents:verify', {
        pdfBase64: Buffer.from('%PDF-1.7 nothing').toString('base64'),
      }),
    ).toMatchObject({ outcome: 'unknown' });
  });

  it('supersedes the old document on reissue and says revoked with the reason after revoking', async () => {
    const { studentId, enrolment } = await enrolledStudent({ givenNames: 'Anna', familyName: 'Müller' });
    const first = issued(await issue(enrolment.id, 'enrolment-certificate')).document;
    t.clock.advanceMinutes(5);
    const second = issued(
      await t.call<IssueOutcome>('desk', 'documents:reissue', {
        documentId: first.id,
        reason: 'lost by the student',
      }),
    ).document;
    expect(second).toMatchObject({
      number: 'UM-2022-000002',
      supersedesNumber: first.number,
      status: 'valid',
    });
    expect(second.verificationCode).not.toBe(first.verificationCode);

    const old = await t.call<VerificationResult>('desk', 'documents:verify', {
      code: first.verificationCode,
    });
    expect(old).toMatchObject({ outcome: 'superseded', document: { supersededByNumber: second.number } });
    expect(old.message).toContain('SUPERSEDED by UM-2022-000002');

    const revoked = await t.call<IssuedDocument>('ssc', 'documents:revoke', {
      documentId: second.id,
      reason: 'issued in error',
    });
    expect(revoked).toMatchObject({
      status: 'revoked',
      statusReason: 'issued in error',
      statusChangedBy: 'Test ssc',
    });
    const check = await t.call<VerificationResult>('desk', 'documents:verify', {
      code: second.verificationCode,
    });
    expect(check.outcome).toBe('revoked');
    expect(check.message).toContain('issued in error');

    const again = await t.attempt('desk', 'documents:revoke', { documentId: second.id, reason: 'twice' });
    expect(again).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    const reissueRevoked = await t.attempt('desk', 'documents:reissue', {
      documentId: first.id,
      reason: 'again',
    });
    expect(reissueRevoked).toMatchObject({ ok: false, error: { kind: 'conflict' } });

    const list = await t.call<IssuedDocument[]>('desk', 'documents:ofStudent', { studentId });
    expect(list.map((d) => [d.number, d.status])).toEqual([
      ['UM-2022-000002', 'revoked'],
      ['UM-2022-000001', 'superseded'],
    ]);
    const audit = await t.desk.database.db
      .selectFrom('auditLog')
      .select('action')
      .where('entity', '=', 'issued_document')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'documents.issue',
      'documents.issue',
      'documents.supersede',
      'documents.revoke',
    ]);
  });

  it('keeps the register append-only: no rewriting an issued document, no deleting one', async () => {
    const { enrolment } = await enrolledStudent({ givenNames: 'Anna', familyName: 'Müller' });
    const { document } = issued(await issue(enrolment.id, 'enrolment-certificate'));
    const db = t.desk.database.db;
    await expect(
      db
        .updateTable('issuedDocuments')
        .set({ sha256: '0'.repeat(64) })
        .where('id', '=', document.id)
        .execute(),
    ).rejects.toThrow(/cannot be changed/);
    await expect(db.deleteFrom('issuedDocuments').where('id', '=', document.id).execute()).rejects.toThrow(
      /cannot be deleted/,
    );
  });

  it('lets only desk, ssc and admin issue or revoke; iro may verify', async () => {
    const { enrolment } = await enrolledStudent({ givenNames: 'Anna', familyName: 'Müller' });
    expect(
      await t.attempt('iro', 'documents:issue', { enrolmentId: enrolment.id, kind: 'proof-of-payment' }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    const { document } = issued(await issue(enrolment.id, 'proof-of-payment'));
    expect(
      await t.attempt('iro', 'documents:revoke', { documentId: document.id, reason: 'not mine' }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect(await t.attempt(null, 'documents:verify', { code: document.verificationCode })).toMatchObject({
      ok: false,
      error: { kind: 'unauthenticated' },
    });
  });
});
