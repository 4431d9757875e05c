import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  DeskEnrolment,
  DocumentRecord,
  DocumentsWorklistRow,
} from '../../../shared/api/enrolments.contract';
import { roles } from '../../../shared/api';
import type { StudentFeeFile } from '../../../shared/api/ledger.contract';
import type { StudentProfileInput } from '../../../shared/facts/student-profile';
import { inspectPdf } from '../../testing/pdf-inspection';
import { createTestDesk, type TestDesk } from '../../testing/test-desk';

let t: TestDesk;

/** A German national living in Maastricht, registered in the BRP, with a German Abitur: a, b and g. */
const EU_NATIONAL_IN_BRP: StudentProfileInput = {
  dateOfBirth: '2003-05-01',
  nationalities: ['DE'],
  registeredInBrp: true,
  brpRegisteredSince: '2021-08-20',
  residence: { countryOfResidence: 'NL' },
  priorEducation: { country: 'DE', diploma: 'other' },
};

/** A US national on a Dutch study permit with prior education in the US: a, b, d, e, f, g. */
const NON_EU_STUDY_PERMIT: StudentProfileInput = {
  dateOfBirth: '2000-02-10',
  nationalities: ['US'],
  residence: { countryOfResidence: 'US', permit: { type: 'study', validFrom: '2022-08-25' } },
  priorEducation: { country: 'US', diploma: 'bachelor-degree' },
};

/** The smallest file that starts like a PDF. */
const PDF = Buffer.from('%PDF-1.4\n% scan of a diploma\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

async function addStudent(number: string, familyName: string, profile: StudentProfileInput | null) {
  const at = '2022-05-01T08:00:00.000Z';
  const row = await t.desk.database.db
    .insertInto('students')
    .values({
      studentNumber: number,
      familyName,
      givenNames: 'Alex',
      email: null,
      profileJson: profile === null ? null : JSON.stringify(profile),
      createdAt: at,
      updatedAt: at,
      updatedBy: 'seed',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function application(studentId: number, nationalities: string[], request: Record<string, unknown> = {}) {
  return {
    studentId,
    request: {
      academicYear: '2022-23',
      programmeCode: 'b-psychology',
      startDate: '2022-09-01',
      admission: { status: 'admitted' },
      ...request,
    },
    facts: { programmeCode: 'b-psychology', nationalities, startDate: '2022-09-01' },
  };
}

const apply = (studentId: number, nationalities = ['DE'], request: Record<string, unknown> = {}) =>
  t.call<DeskEnrolment>('desk', 'enrolments:apply', application(studentId, nationalities, request));

const file = async (studentId: number) =>
  t.call<{ enrolments: DeskEnrolment[]; hasProfile: boolean }>('desk', 'enrolments:ofStudent', { studentId });

const record = (e: DeskEnrolment, letter: string): DocumentRecord => {
  const found = e.checklist?.find((d) => d.document === letter)?.record;
  if (!found) throw new Error(`no record for ${letter}`);
  return found;
};

async function receive(document: DocumentRecord, bytes: Buffer = PDF, fileName = 'scan.pdf') {
  return t.call<DocumentRecord>('desk', 'enrolments:receiveDocument', {
    documentId: document.id,
    expectedVersion: document.version,
    fileName,
    contentBase64: bytes.toString('base64'),
  });
}

async function receiveAndVerify(document: DocumentRecord) {
  const received = await receive(document);
  return t.call<DocumentRecord>('desk', 'enrolments:verifyDocument', {
    documentId: received.id,
    expectedVersion: received.version,
  });
}

const transition = (e: DeskEnrolment, to: string, reason = 'decided at the desk') =>
  t.attempt('desk', 'enrolments:transition', {
    enrolmentId: e.enrolment.id,
    expectedVersion: e.enrolment.version,
    to,
    reason,
  });

async function moveTo(e: DeskEnrolment, to: string, reason = 'decided at the desk') {
  const result = await transition(e, to, reason);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as DeskEnrolment;
}

/** Moves the clock and signs everyone in again (a jump of days ends the sessions). */
function setClock(iso: string) {
  t.clock.set(iso);
  for (const role of roles) t.tokens[role] = t.desk.sessions.start(t.staffIds[role]);
}

beforeEach(async () => {
  t = await createTestDesk();
  setClock('2022-06-01T09:00:00.000Z');
});
afterEach(async () => {
  await t.close();
});

describe('applying for an enrolment (Art 2–4, 13)', () => {
  it('records an eligible application as applied, charges the fee and requests the documents Art 13 requires', async () => {
    const id = await addStudent('i6000001', 'Müller', EU_NATIONAL_IN_BRP);
    const e = await apply(id);
    expect(e.enrolment).toMatchObject({ status: 'applied', fee: { amountCents: 110500 } });
    expect(e.eligibility?.outcome).toBe('eligible');
    expect(e.checklist?.filter((d) => d.required).map((d) => d.document)).toEqual(['a', 'b', 'g']);
    expect(e.checklist?.filter((d) => d.record).map((d) => `${d.document}:${d.record?.status}`)).toEqual([
      'a:requested',
      'b:requested',
      'g:requested',
    ]);
    expect(e.checklist?.find((d) => d.document === 'd')?.reasons[0]?.text).toMatch(/registered/);
    expect(e.transitions).toEqual([expect.objectContaining({ from: null, to: 'applied', by: 'Test desk' })]);
    const fees = await t.call<StudentFeeFile>('desk', 'ledger:studentFile', { studentId: id });
    expect(fees.balanceCents).toBe(110500);
    const audit = await t.desk.database.db
      .selectFrom('auditLog')
      .select('action')
      .where('action', '=', 'enrolment.apply')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses an application with the article that refuses it (Art 3.2), and records nothing', async () => {
    const id = await addStudent('i6000002', 'Fraud', {
      ...EU_NATIONAL_IN_BRP,
      refusalFlags: { seriousFraudTermination: { terminatedOn: '2021-03-01' } },
    });
    const result = await t.attempt('desk', 'enrolments:apply', application(id, ['DE']));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('refused');
    expect(result.error.message).toContain('(Art 3.2)');
    expect(result.error.details?.map((d) => d.field)).toContain('Art 3.2');
    expect((await file(id)).enrolments).toEqual([]);
  });

  it('says clearly that the checklist cannot be computed without a profile', async () => {
    const id = await addStudent('i6000004', 'Nobody', null);
    const result = await t.attempt('desk', 'enrolments:apply', application(id, ['DE']));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/profile .* is not recorded/);
    await t.call('desk', 'ledger:enrol', {
      studentId: id,
      facts: { programmeCode: 'b-psychology', nationalities: ['DE'] },
    });
    const view = await file(id);
    expect(view.hasProfile).toBe(false);
    expect(view.enrolments[0]?.checklist).toBeNull();
    expect(view.enrolments[0]?.checklistUnavailable).toMatch(/fee only/);
  });
});

describe('the lifecycle of an enrolment', () => {
  it('enrols only when eligible and every required document is verified', async () => {
    const id = await addStudent('i6000010', 'Jansen', EU_NATIONAL_IN_BRP);
    let e = await apply(id);
    const refused = await transition(e, 'enrolled');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/not yet verified: a, b, g/);
    expect(e.options.find((o) => o.to === 'enrolled')).toMatchObject({ isAllowed: false });
    e = await moveTo(e, 'awaiting-documents', 'documents requested by e-mail');
    for (const letter of ['a', 'b', 'g']) await receiveAndVerify(record(e, letter));
    e = (await file(id)).enrolments[0];
    expect(e.options.find((o) => o.to === 'enrolled')?.isAllowed).toBe(true);
    e = await moveTo(e, 'enrolled', 'all documents verified');
    expect(e.enrolment).toMatchObject({ status: 'enrolled', statusReason: 'all documents verified' });
    expect(e.transitions.map((x) => `${x.from ?? '-'}→${x.to}: ${x.reason}`)).toEqual([
      '-→applied: Application recorded for a start on 1 September 2022.',
      'applied→awaiting-documents: documents requested by e-mail',
      'awaiting-documents→enrolled: all documents verified',
    ]);
  });

  it('refuses an enrolment with an outstanding admission decision, naming the article', async () => {
    const id = await addStudent('i6000011', 'Pending', EU_NATIONAL_IN_BRP);
    const e = await apply(id, ['DE'], { admission: { status: 'pending' } });
    expect(e.eligibility?.outcome).toBe('decision-required');
    for (const letter of ['a', 'b', 'g']) await receiveAndVerify(record(e, letter));
    const fresh = (await file(id)).enrolments[0];
    const result = await transition(fresh, 'enrolled');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/decision is outstanding under Art/);
  });

  it('refuses the changes the lifecycle does not allow, each with why', async () => {
    const id = await addStudent('i6000012', 'Refused', EU_NATIONAL_IN_BRP);
    const e = await apply(id);
    const expectations: [string, RegExp][] = [
      ['applied', /already applied/],
      ['terminated', /Art 33\.2/],
    ];
    for (const [to, message] of expectations) {
      const result = await transition(e, to);
      expect(result.ok, to).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(message);
    }
    // Art 39.1: cancelling is possible only before the start.
    setClock('2022-09-02T09:00:00.000Z');
    const late = await transition(e, 'cancelled', 'student withdrew');
    expect(late.ok).toBe(false);
    if (!late.ok) expect(late.error.message).toMatch(/Art 39\.1/);
    const denied = await moveTo(e, 'denied', 'language test not passed');
    expect(denied.options).toEqual([]);
    const after = await transition(denied, 'awaiting-documents');
    expect(after.ok).toBe(false);
    if (!after.ok) expect(after.error.message).toMatch(/final/);
  });

  it('refuses a change made on a stale version, naming who changed it', async () => {
    const id = await addStudent('i6000013', 'Stale', EU_NATIONAL_IN_BRP);
    const e = await apply(id);
    await moveTo(e, 'awaiting-documents');
    const result = await transition(e, 'administrative-hold');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ kind: 'conflict' });
  });

  it('places a hold and lifts it back to the status before the hold', async () => {
    const id = await addStudent('i6000014', 'Hold', EU_NATIONAL_IN_BRP);
    let e = await moveTo(await apply(id), 'awaiting-documents');
    e = await moveTo(e, 'administrative-hold', 'facilities blocked pending passport check');
    expect(e.statusBeforeHold).toBe('awaiting-documents');
    expect(e.options.map((o) => o.label)).toContain('Lift hold (back to awaiting documents)');
    const wrong = await transition(e, 'enrolled');
    expect(wrong.ok).toBe(false);
    e = await moveTo(e, 'awaiting-documents', 'passport checked');
    expect(e.enrolment.status).toBe('awaiting-documents');
    expect(e.transitions.slice(-2).map((x) => `${x.from}→${x.to}`)).toEqual([
      'awaiting-documents→administrative-hold',
      'administrative-hold→awaiting-documents',
    ]);
  });

  it('does not deny an enrolled student (Terminate instead), but may hold and lift back to enrolled', async () => {
    const id = await addStudent('i6000015', 'Enrolled', EU_NATIONAL_IN_BRP);
    let e = await apply(id);
    for (const letter of ['a', 'b', 'g']) await receiveAndVerify(record(e, letter));
    e = await moveTo((await file(id)).enrolments[0], 'enrolled');
    const deny = await transition(e, 'denied');
    expect(deny.ok).toBe(false);
    if (!deny.ok) expect(deny.error.message).toMatch(/Terminate/);
    e = await moveTo(e, 'administrative-hold', 'UM card blocked');
    e = await moveTo(e, 'enrolled', 'hold lifted');
    expect(e.enrolment.status).toBe('enrolled');
  });

  it('credits the fee charged when an enrolment is denied, with the article on the ledger', async () => {
    const id = await addStudent('i6000016', 'Denied', EU_NATIONAL_IN_BRP);
    await moveTo(await apply(id), 'denied', 'diploma does not give admission');
    const fees = await t.call<StudentFeeFile>('desk', 'ledger:studentFile', { studentId: id });
    expect(fees.balanceCents).toBe(0);
    const credit = fees.ledger.find((l) => l.amountCents < 0);
    expect(credit?.description).toBe('Fee credited: enrolment denied (diploma does not give admission)');
    expect(credit?.reasons.map((r) => r.article)).toContain('Art 13.3');
  });

  it('credits the full fee on cancellation before the start (Art 39.2)', async () => {
    const id = await addStudent('i6000017', 'Cancelled', EU_NATIONAL_IN_BRP);
    await moveTo(await apply(id), 'cancelled', 'student withdrew in Studielink');
    const fees = await t.call<StudentFeeFile>('desk', 'ledger:studentFile', { studentId: id });
    expect(fees.balanceCents).toBe(0);
    expect(fees.ledger.at(-1)?.reasons.map((r) => r.article)).toEqual(['Art 39.2']);
  });
});

describe('the review of the documents of Art 13', () => {
  it('refuses a scan that is not a PDF, JPG or PNG, whatever its name', async () => {
    const id = await addStudent('i6000020', 'Scan', EU_NATIONAL_IN_BRP);
    const e = await apply(id);
    const result = await t.attempt('desk', 'enrolments:receiveDocument', {
      documentId: record(e, 'a').id,
      expectedVersion: 1,
      fileName: 'diploma.pdf',
      contentBase64: Buffer.from('MZ this is an executable').toString('base64'),
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ kind: 'validation', field: 'contentBase64' });
    expect((await file(id)).enrolments[0]?.checklist?.[0]?.record?.status).toBe('requested');
  });

  it('stores a scan once under its SHA-256 beside the database and gives it back for preview', async () => {
    const id = await addStudent('i6000021', 'Hash', EU_NATIONAL_IN_BRP);
    const e = await apply(id);
    const a = await receive(record(e, 'a'), PDF, 'diploma.pdf');
    const b = await receive(record(e, 'b'), PDF, 'same-scan.pdf');
    const g = await receive(record(e, 'g'), PNG, 'photo.png');
    const sha = createHash('sha256').update(PDF).digest('hex');
    expect(a.attachment).toEqual({ sha256: sha, fileName: 'diploma.pdf', contentType: 'application/pdf' });
    expect(b.attachment?.sha256).toBe(sha);
    expect(g.attachment?.contentType).toBe('image/png');
    const folder = t.desk.attachments.folder;
    expect(existsSync(join(folder, sha.slice(0, 2), sha))).toBe(true);
    const stored = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
    expect(stored).toHaveLength(2);
    const preview = await t.call<{ contentBase64: string; contentType: string }>(
      'iro',
      'enrolments:attachment',
      { documentId: a.id },
    );
    expect(Buffer.from(preview.contentBase64, 'base64').equals(PDF)).toBe(true);
    expect(preview.contentType).toBe('application/pdf');
  });

  it('verifies, rejects with a reason and requests again, keeping who and when at each step', async () => {
    const id = await addStudent('i6000022', 'Review', EU_NATIONAL_IN_BRP);
    const e = await apply(id);
    const early = await t.attempt('desk', 'enrolments:verifyDocument', {
      documentId: record(e, 'b').id,
      expectedVersion: 1,
    });
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.error.message).toMatch(/requested, so it cannot be verified/);
    const received = await receive(record(e, 'b'));
    setClock('2022-06-02T10:00:00.000Z');
    const noReason = await t.attempt('desk', 'enrolments:rejectDocument', {
      documentId: received.id,
      expectedVersion: received.version,
      reason: '',
    });
    expect(noReason.ok).toBe(false);
    const rejected = await t.call<DocumentRecord>('desk', 'enrolments:rejectDocument', {
      documentId: received.id,
      expectedVersion: received.version,
      reason: 'IELTS score below 6.5',
    });
    expect(rejected).toMatchObject({ status: 'rejected', rejectionReason: 'IELTS score below 6.5' });
    const again = await t.call<DocumentRecord>('admin', 'enrolments:requestDocument', {
      enrolmentId: e.enrolment.id,
      document: 'b',
      expectedVersion: rejected.version,
      reason: 'send the new test result',
    });
    expect(again.history.map((h) => `${h.status}|${h.by}|${h.at.slice(0, 10)}|${h.reason ?? ''}`)).toEqual([
      expect.stringMatching(/^requested\|Test desk\|2022-06-01\|.*Art 13\.1b/),
      expect.stringMatching(/^received\|Test desk\|2022-06-01\|$/),
      'rejected|Test desk|2022-06-02|IELTS score below 6.5',
      'requested|Test admin|2022-06-02|send the new test result',
    ]);
    expect(again.rejectionReason).toBeNull();
    const verified = await receiveAndVerify(again);
    expect(verified.status).toBe('verified');
    const actions = await t.desk.database.db
      .selectFrom('auditLog')
      .select('action')
      .where('action', 'like', 'document.%')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'document.received',
      'document.rejected',
      'document.requested',
      'document.received',
      'document.verified',
    ]);
  });

  it('lists enrolments with missing or rejected documents by deadline, with what is missing', async () => {
    const eu = await addStudent('i6000030', 'Europe', EU_NATIONAL_IN_BRP);
    const us = await addStudent('i6000031', 'America', NON_EU_STUDY_PERMIT);
    const done = await addStudent('i6000032', 'Complete', EU_NATIONAL_IN_BRP);
    const euEnrolment = await apply(eu);
    await apply(us, ['US'], { nonEuEnrolmentDeadline: '2022-07-01' });
    const complete = await apply(done);
    for (const letter of ['a', 'b', 'g']) await receive(record(complete, letter));
    const b = await receive(record(euEnrolment, 'b'));
    await t.call('desk', 'enrolments:rejectDocument', {
      documentId: b.id,
      expectedVersion: b.version,
      reason: 'unreadable',
    });
    const rows = await t.call<DocumentsWorklistRow[]>('ssc', 'enrolments:documentsWorklist', {});
    expect(rows.map((r) => `${r.studentNumber} ${r.deadline ?? '-'}`)).toEqual([
      'i6000031 2022-07-01',
      'i6000030 2022-08-31',
    ]);
    expect(rows[1]?.missing.map((m) => `${m.document}:${m.status}`)).toEqual([
      'a:requested',
      'b:rejected',
      'g:requested',
    ]);
    expect(rows[1]?.missing[1]?.rejectionReason).toBe('unreadable');
  });
});

describe('the start date (Art 13.3)', () => {
  async function twoApplicants() {
    // Missing only the photo (g): administrative hold. Missing the diploma (a): denied.
    const held = await addStudent('i6000040', 'Held', EU_NATIONAL_IN_BRP);
    const denied = await addStudent('i6000041', 'Denied', EU_NATIONAL_IN_BRP);
    const h = await apply(held);
    for (const letter of ['a', 'b']) await receiveAndVerify(record(h, letter));
    const d = await apply(denied);
    for (const letter of ['b', 'g']) await receive(record(d, letter));
    return { held, denied, h, d };
  }

  it('in a dry run lists the denials and holds and changes nothing', async () => {
    const { held, denied } = await twoApplicants();
    const before = await t.desk.database.db.selectFrom('enrolmentTransitions').select('id').execute();
    const run = await t.call<{ actions: { studentNumber: string; to: string; missing: string[] }[] }>(
      'desk',
      'enrolments:startDateRun',
      { today: '2022-09-01', dryRun: true },
    );
    expect(run.actions.map((a) => `${a.studentNumber} ${a.to} ${a.missing.join('')}`)).toEqual([
      'i6000040 administrative-hold g',
      'i6000041 denied a',
    ]);
    expect((await file(held)).enrolments[0]?.enrolment.status).toBe('applied');
    expect((await file(denied)).enrolments[0]?.enrolment.status).toBe('applied');
    const after = await t.desk.database.db.selectFrom('enrolmentTransitions').select('id').execute();
    expect(after).toHaveLength(before.length);
  });

  it('does nothing before the start date', async () => {
    await twoApplicants();
    const run = await t.call<{ actions: unknown[] }>('desk', 'enrolments:startDateRun', {
      today: '2022-08-31',
      dryRun: false,
    });
    expect(run.actions).toEqual([]);
  });

  it('holds or denies on the start date, credits the fee of a denial and keeps everything else', async () => {
    const { held, denied } = await twoApplicants();
    setClock('2022-09-01T06:00:00.000Z');
    await t.call('desk', 'enrolments:startDateRun', { today: '2022-09-01', dryRun: false });
    const h = (await file(held)).enrolments[0];
    const d = (await file(denied)).enrolments[0];
    expect(h.enrolment.status).toBe('administrative-hold');
    expect(h.enrolment.statusReason).toMatch(/^Start-date check of 2022-09-01: .*\(Art 13\.3\)/);
    expect(d.enrolment.status).toBe('denied');
    expect(d.checklist?.filter((c) => c.record).map((c) => `${c.document}:${c.record?.status}`)).toEqual([
      'a:requested',
      'b:received',
      'g:received',
    ]);
    const fees = await t.call<StudentFeeFile>('desk', 'ledger:studentFile', { studentId: denied });
    expect(fees.balanceCents).toBe(0);
    const heldFees = await t.call<StudentFeeFile>('desk', 'ledger:studentFile', { studentId: held });
    expect(heldFees.balanceCents).toBe(110500);
    const student = await t.desk.database.db
      .selectFrom('students')
      .select('profileJson')
      .where('id', '=', denied)
      .executeTakeFirstOrThrow();
    expect(student.profileJson).toBe(JSON.stringify(EU_NATIONAL_IN_BRP));
  });

  it('writes the letter with the missing documents, the consequence and the articles', async () => {
    const { d } = await twoApplicants();
    setClock('2022-09-01T06:00:00.000Z');
    await t.call('desk', 'enrolments:startDateRun', { today: '2022-09-01', dryRun: false });
    const letter = await t.call<{ fileName: string; pdfBase64: string }>(
      'desk',
      'enrolments:missingDocumentsLetter',
      { enrolmentId: d.enrolment.id },
    );
    expect(letter.fileName).toBe('missing-documents-i6000041-2022-09-01.pdf');
    const pdf = inspectPdf(Buffer.from(letter.pdfBase64, 'base64'));
    expect(pdf.flatText).toContain('Your enrolment is denied: documents missing');
    expect(pdf.flatText).toMatch(/a\. .*diploma/i);
    expect(pdf.flatText).toContain('so the enrolment is denied. (Art 13.3)');
    expect(pdf.flatText).toContain('Art 13.3 —');
    expect(pdf.flatText).toContain('Everything else on your student file is kept');
  });
});
