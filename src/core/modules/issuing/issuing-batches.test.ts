import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BatchJob, BatchSelection } from '../../../shared/api/documents.contract';
import type { EnrolmentView } from '../../../shared/api/ledger.contract';
import type { AttachmentStore } from '../../attachments/attachment-store';
import { inspectPdf } from '../../testing/pdf-inspection';
import { createTestDesk, type TestDesk } from '../../testing/test-desk';
import { readStoredZip } from '../../zip/stored-zip';
import { IssuingBatches } from './issuing-batches';

let t: TestDesk;

const programmeCode = 'b-econometrics-and-operations-research';
const names = [
  ['Łukasz', 'Dvořák'],
  ['Ελένη', 'Παπαδοπούλου'],
  ['Дмитрий', 'Иванов'],
  ['Anna', 'Müller'],
  ['Zoë', 'Ångström'],
] as const;

/** Enrols the students above in the programme; the first `paid` of them pay their fee. */
async function enrolCohort(paid: number = names.length): Promise<EnrolmentView[]> {
  const enrolments: EnrolmentView[] = [];
  for (const [i, [givenNames, familyName]] of names.entries()) {
    const studentId = await t.addStudent({ studentNumber: `i610000${i}`, givenNames, familyName });
    const enrolment = await t.call<EnrolmentView>('desk', 'ledger:enrol', {
      studentId,
      facts: { programmeCode, nationalities: ['PL'], startDate: '2022-09-01' },
    });
    if (i < paid)
      await t.call('desk', 'ledger:recordPayment', {
        studentId,
        enrolmentId: enrolment.id,
        amountCents: enrolment.fee.amountCents,
        paidOn: '2022-08-30',
      });
    enrolments.push(enrolment);
  }
  return enrolments;
}

async function untilEnded(batchId: string): Promise<BatchJob> {
  for (;;) {
    const job = await t.call<BatchJob>('desk', 'documents:batchStatus', { batchId });
    if (job.state !== 'running') return job;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function registerRows() {
  return t.desk.database.db.selectFrom('issuedDocuments').select(['id', 'number', 'sha256']).execute();
}

beforeEach(async () => {
  t = await createTestDesk();
});
afterEach(async () => {
  await t.close();
});

describe('issuing a document kind for a programme and year in one batch (issue 5 point 6)', () => {
  it('previews how many enrolments each programme of the year has', async () => {
    await enrolCohort();
    const selection = await t.call<BatchSelection>('desk', 'documents:batchSelection', {
      kind: 'enrolment-certificate',
    });
    expect(selection.academicYears).toEqual(['2022-23']);
    expect(selection.academicYear).toBe('2022-23');
    expect(selection.programmes).toEqual([
      { code: programmeCode, name: 'B Econometrics and Operations Research', enrolments: 5 },
    ]);
  });

  it('issues a certificate of enrolment to every enrolled student, with progress, numbers and one ZIP of the PDFs', async () => {
    await enrolCohort();
    const started = await t.call<BatchJob>('desk', 'documents:startBatch', {
      kind: 'enrolment-certificate',
      programmeCode,
      academicYear: '2022-23',
    });
    expect(started).toMatchObject({ state: 'running', total: 5, processed: 0, startedBy: 'Test desk' });
    const ended = await untilEnded(started.batchId);
    expect(ended).toMatchObject({ state: 'completed', total: 5, processed: 5, issued: 5, refused: 0 });
    expect(ended.results.map((r) => [r.studentName, r.outcome, r.number])).toEqual([
      ['Łukasz Dvořák', 'issued', 'UM-2022-000001'],
      ['Ελένη Παπαδοπούλου', 'issued', 'UM-2022-000002'],
      ['Дмитрий Иванов', 'issued', 'UM-2022-000003'],
      ['Anna Müller', 'issued', 'UM-2022-000004'],
      ['Zoë Ångström', 'issued', 'UM-2022-000005'],
    ]);

    const zip = await t.call<{ fileName: string; zipBase64: string; files: number }>(
      'desk',
      'documents:batchZip',
      { batchId: started.batchId },
    );
    expect(zip.fileName).toBe(`enrolment-certificate-${programmeCode}-2022-23.zip`);
    expect(zip.files).toBe(5);
    const entries = readStoredZip(Buffer.from(zip.zipBase64, 'base64'));
    expect(entries.map((e) => e.name)).toEqual([
      ...ended.results.map((r) => r.fileName),
      'batch-results.csv',
    ]);
    const rows = await registerRows();
    for (const [i, entry] of entries.slice(0, 5).entries()) {
      const text = inspectPdf(Buffer.from(entry.bytes)).flatText;
      expect(text).toContain('Certificate of enrolment');
      expect(text).toContain(ended.results[i]?.studentName);
      expect(text).toContain(ended.results[i]?.number);
    }
    // The files in the ZIP are the files in the register, byte for byte.
    const { createHash } = await import('node:crypto');
    expect(entries.slice(0, 5).map((e) => createHash('sha256').update(e.bytes).digest('hex'))).toEqual(
      rows.map((r) => r.sha256),
    );
    // PDF quality (issue 5 point 5): A4, fonts embedded, and on every page the number and the verification footer.
    for (const entry of entries.slice(0, 5)) {
      const read = inspectPdf(Buffer.from(entry.bytes));
      expect(read.info['Page size']).toBe('595.28 x 841.89 pts (A4)');
      expect(read.fonts.length).toBeGreaterThan(0);
      expect(read.fonts.every((f) => f.embedded)).toBe(true);
      const number = /^(UM-\d{4}-\d{6})/.exec(entry.name)?.[1] ?? '?';
      for (const page of read.pages) {
        const flat = page.replace(/\s+/g, ' ');
        expect(flat).toContain(`Reference ${number}`);
        expect(flat).toMatch(/Verification code (\w{4}-){3}\w{4}/);
        expect(flat).toContain('Verify at https://www.maastrichtuniversity.nl/verify?code=');
      }
    }
    const csv = Buffer.from(entries[5]?.bytes ?? []).toString('utf8');
    expect(csv).toContain('i6100000,Łukasz Dvořák,issued,UM-2022-000001');

    const audit = await t.desk.database.db
      .selectFrom('auditLog')
      .select(['action'])
      .where('action', 'like', 'documents.%')
      .execute();
    expect(audit.filter((a) => a.action === 'documents.issue')).toHaveLength(5);
    expect(audit.filter((a) => a.action === 'documents.batch')).toHaveLength(1);
  });

  it('refuses a BBC to a student whose fee is unpaid, saying why with the article, and issues the others (Art 5.2)', async () => {
    await enrolCohort(3);
    const started = await t.call<BatchJob>('desk', 'documents:startBatch', {
      kind: 'proof-of-payment',
      programmeCode,
      academicYear: '2022-23',
    });
    const ended = await untilEnded(started.batchId);
    expect(ended).toMatchObject({ state: 'completed', issued: 3, refused: 2 });
    const refused = ended.results.filter((r) => r.outcome === 'refused');
    expect(refused.map((r) => r.studentName)).toEqual(['Anna Müller', 'Zoë Ångström']);
    for (const r of refused) {
      expect(r.number).toBeNull();
      expect(r.reasons[0]?.article).toBe('Art 5.2');
      expect(r.reasons[0]?.text).toMatch(/not paid/);
    }
    expect(await registerRows()).toHaveLength(3);
    const zip = await t.call<{ files: number; zipBase64: string }>('desk', 'documents:batchZip', {
      batchId: started.batchId,
    });
    expect(zip.files).toBe(3);
    const csv = readStoredZip(Buffer.from(zip.zipBase64, 'base64')).at(-1);
    expect(Buffer.from(csv?.bytes ?? []).toString('utf8')).toMatch(
      /Anna Müller,refused,,,"Art 5\.2: The tuition fee is not paid/,
    );
  });

  it('stops a cancelled batch after the document in hand, leaving the documents issued so far fully registered', async () => {
    await enrolCohort();
    const started = await t.call<BatchJob>('desk', 'documents:startBatch', {
      kind: 'enrolment-certificate',
      programmeCode,
      academicYear: '2022-23',
    });
    for (;;) {
      const job = await t.call<BatchJob>('desk', 'documents:batchStatus', { batchId: started.batchId });
      if (job.processed >= 2) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    const cancelling = await t.call<BatchJob>('desk', 'documents:cancelBatch', { batchId: started.batchId });
    expect(cancelling.state).toBe('running');
    const ended = await untilEnded(started.batchId);
    expect(ended.state).toBe('cancelled');
    expect(ended.processed).toBeLessThan(5);
    expect(ended.message).toMatch(/^Cancelled by Test desk after \d of 5/);
    // Every issued result has its register row and its file; no row exists without a result.
    const rows = await registerRows();
    expect(rows.map((r) => r.number)).toEqual(ended.results.map((r) => r.number));
    for (const row of rows)
      expect(t.desk.attachments.get(row.sha256).subarray(0, 5).toString()).toBe('%PDF-');
    const zip = await t.call<{ files: number }>('desk', 'documents:batchZip', { batchId: started.batchId });
    expect(zip.files).toBe(ended.issued);
  });

  it('ends a batch as failed when the store fails, and never leaves a register row without its file', async () => {
    await enrolCohort();
    let puts = 0;
    const failingStore: AttachmentStore = {
      ...t.desk.attachments,
      put(bytes) {
        puts += 1;
        if (puts === 3) throw new Error('disk full');
        return t.desk.attachments.put(bytes);
      },
      get: (sha256) => t.desk.attachments.get(sha256),
    };
    const batches = new IssuingBatches();
    const ctx = { ...t.contextOf('desk'), attachments: failingStore };
    const started = await batches.start(ctx, {
      kind: 'enrolment-certificate',
      programmeCode,
      academicYear: '2022-23',
    });
    const ended = await batches.settled(started.batchId);
    expect(ended).toMatchObject({ state: 'failed', processed: 2, issued: 2 });
    expect(ended.message).toMatch(/disk full/);
    const rows = await registerRows();
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(() => t.desk.attachments.get(row.sha256)).not.toThrow();
  });

  it('runs one batch at a time, keeps the ZIP until the batch ends and says when a batch is unknown', async () => {
    await enrolCohort();
    const input = { kind: 'enrolment-certificate', programmeCode, academicYear: '2022-23' };
    const started = await t.call<BatchJob>('desk', 'documents:startBatch', input);
    const second = await t.attempt('admin', 'documents:startBatch', input);
    expect(second).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    const early = await t.attempt('desk', 'documents:batchZip', { batchId: started.batchId });
    expect(early).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    await untilEnded(started.batchId);
    expect(await t.attempt('desk', 'documents:batchStatus', { batchId: 'nope' })).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    });
    expect(
      await t.attempt('desk', 'documents:startBatch', { ...input, programmeCode: 'b-psychology' }),
    ).toMatchObject({ ok: false, error: { kind: 'not_found', field: 'programmeCode' } });
    expect(await t.attempt('iro', 'documents:startBatch', input)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
  });
});
