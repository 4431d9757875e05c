import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/api';
import type { TranscriptBatchJob } from '../../../shared/api/exchange.contract';
import { inspectPdf } from '../../testing/pdf-inspection';
import { createTestDesk, type TestDesk } from '../../testing/test-desk';
import { validateTranscriptXml } from '../../testing/transcript-xml-validation';
import { readStoredZip } from '../../zip/stored-zip';
import { addExchangeStudent, seedExchangeCatalogue } from './exchange-test-support';
import { loadExchangeGuide } from './load-exchange-guide';
import { decideTranscriptInBatch } from './transcript-batch.rules';

const guide = loadExchangeGuide('2022-23');
const gradeTranscripts = 'Exchange guide, Grade transcripts';

let t: TestDesk;

/** Calls as a role in a fresh session: the tests move the clock past the end of a session. */
async function attempt(role: Role, name: string, input: unknown) {
  return t.desk.invoke(t.desk.sessions.start(t.staffIds[role]), name, input);
}

async function call<T = unknown>(role: Role, name: string, input: unknown): Promise<T> {
  const envelope = await attempt(role, name, input);
  if (!envelope.ok) throw new Error(`${name} failed: ${envelope.error.kind}: ${envelope.error.message}`);
  return envelope.value as T;
}

/** Who the seeded students are: number, name, semesters and what they registered for with which result. */
const cohort = [
  { number: 'i6100001', given: 'Giulia', family: 'Rossi', semesters: ['2022-fall'], courses: ['EBC1001'] },
  {
    number: 'i6100002',
    given: 'Łukasz',
    family: 'Dvořák',
    semesters: ['2022-fall', '2023-spring'],
    courses: ['EBC1001'],
  },
  { number: 'i6100003', given: 'Ελένη', family: 'Παπαδοπούλου', semesters: ['2022-fall'], courses: [] },
  { number: 'i6100004', given: 'Anna', family: 'Müller', semesters: ['2023-spring'], courses: [] },
  { number: 'i6100005', given: 'Zoë', family: 'Ångström', semesters: ['2022-fall'], courses: ['EBC2001'] },
] as const;

const ids: Record<string, number> = {};
const courseIds: Record<string, number> = {};

/** Seeds the cohort: stays, registrations in August, and a first-sitting 8.0 for EBC1001 only. */
async function seedCohort(extraFallStudents = 0) {
  t.clock.set('2022-08-15T09:00:00.000Z');
  Object.assign(
    courseIds,
    await seedExchangeCatalogue(t.desk.database.db, [
      { code: 'EBC1001', period: 1 },
      { code: 'EBC2001', period: 2 },
    ]),
  );
  const extra = Array.from({ length: extraFallStudents }, (_, i) => ({
    number: `i62000${String(i).padStart(2, '0')}`,
    given: 'Extra',
    family: `Student ${i}`,
    semesters: ['2022-fall'],
    courses: ['EBC1001'],
  }));
  for (const s of [...cohort, ...extra]) {
    const { studentId, enrolmentId } = await addExchangeStudent(
      t,
      { studentNumber: s.number, givenNames: s.given, familyName: s.family },
      { startDate: s.semesters[0] === '2022-fall' ? '2022-09-01' : '2023-02-01' },
    );
    ids[s.number] = studentId;
    await call('iro', 'exchange:recordStay', {
      enrolmentId,
      homeUniversity: 'Università Bocconi',
      homeCountry: 'IT',
      agreement: 'Erasmus+',
      semesters: [...s.semesters],
    });
    for (const code of s.courses)
      await call('iro', 'exchange:registerCourse', { studentId, courseId: courseIds[code] });
  }
  for (const number of ['i6100001', 'i6100002', ...extra.map((e) => e.number)])
    await call('iro', 'exchange:recordResult', {
      studentId: ids[number],
      courseId: courseIds['EBC1001'],
      sitting: 'first',
      grade: 8,
      gradedOn: '2022-10-28',
    });
  // The end of the fall semester.
  t.clock.set('2023-02-10T09:00:00.000Z');
}

async function untilEnded(batchId: string): Promise<TranscriptBatchJob> {
  for (;;) {
    const job = await call<TranscriptBatchJob>('iro', 'exchange:transcriptBatchStatus', { batchId });
    if (job.state !== 'running') return job;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function zipOf(batchId: string) {
  const zip = await call<{ fileName: string; zipBase64: string; files: number }>(
    'iro',
    'exchange:transcriptBatchZip',
    { batchId },
  );
  return { ...zip, entries: readStoredZip(Buffer.from(zip.zipBase64, 'base64')) };
}

/** The transcripts in the document register, oldest first. */
async function registeredTranscripts() {
  return t.desk.database.db
    .selectFrom('issuedDocuments')
    .select(['number', 'studentId', 'sha256', 'status'])
    .where('kind', '=', 'transcript-of-records')
    .orderBy('id')
    .execute();
}

async function auditRows(action: string) {
  return t.desk.database.db
    .selectFrom('auditLog')
    .selectAll()
    .where('action', '=', action)
    .orderBy('id')
    .execute();
}

/** A fresh desk per test of the batch and the preview. */
function withFreshDesk() {
  beforeEach(async () => {
    t = await createTestDesk();
  });
  afterEach(async () => {
    await t.close();
  });
}

describe('whether the end-of-semester batch sends a transcript home (Exchange guide, Grade transcripts)', () => {
  it('produces the transcript of a stay that ends with the semester', () => {
    expect(
      decideTranscriptInBatch(guide, {
        semester: '2022-fall',
        staySemesters: ['2022-fall'],
        courses: 2,
        coursesInProgress: 0,
      }),
    ).toEqual({ outcome: 'produce', reasons: [] });
  });

  it('refuses a stay that goes on after the semester: the transcript goes home at the end of the exchange', () => {
    const decision = decideTranscriptInBatch(guide, {
      semester: '2022-fall',
      staySemesters: ['2022-fall', '2023-spring'],
      courses: 2,
      coursesInProgress: 0,
    });
    expect(decision.outcome).toBe('refuse');
    expect(decision.reasons).toEqual([
      {
        article: gradeTranscripts,
        text: expect.stringContaining('The exchange goes on until Spring 2023') as string,
      },
    ]);
    expect(decision.reasons[0]?.text).toContain('at the end of your exchange');
  });

  it('refuses a transcript without any course: there is nothing to send home', () => {
    const decision = decideTranscriptInBatch(guide, {
      semester: '2023-spring',
      staySemesters: ['2022-fall', '2023-spring'],
      courses: 0,
      coursesInProgress: 0,
    });
    expect(decision).toMatchObject({ outcome: 'refuse', reasons: [{ article: gradeTranscripts }] });
    expect(decision.reasons[0]?.text).toContain('No course is on the transcript');
  });

  it("produces one with courses still in progress, telling the IRO they print as 'In progress'", () => {
    const decision = decideTranscriptInBatch(guide, {
      semester: '2022-fall',
      staySemesters: ['2022-fall'],
      courses: 3,
      coursesInProgress: 2,
    });
    expect(decision).toEqual({
      outcome: 'produce',
      reasons: [
        {
          article: gradeTranscripts,
          text: "2 courses have no final result yet and show as 'In progress'; produce the transcript again once the result is in.",
        },
      ],
    });
  });
});

describe('the end-of-semester transcript batch (issue 6 point 4)', () => {
  withFreshDesk();

  it('produces every fall student’s transcript with progress and a result per student, refusing with the rule', async () => {
    await seedCohort();
    const started = await call<TranscriptBatchJob>('iro', 'exchange:startTranscriptBatch', {
      semester: '2022-fall',
    });
    // The spring-only student is not of the semester.
    expect(started).toMatchObject({ semester: '2022-fall', state: 'running', total: 4, processed: 0 });
    expect(started.startedBy).toBe('Test iro');
    const ended = await untilEnded(started.batchId);
    expect(ended).toMatchObject({ state: 'completed', processed: 4, produced: 2, refused: 2, failed: 0 });
    expect(ended.results.map((r) => [r.studentNumber, r.studentName, r.outcome, r.reference])).toEqual([
      ['i6100001', 'Giulia Rossi', 'produced', 'TOR-i6100001-2022-23'],
      ['i6100002', 'Łukasz Dvořák', 'refused', null],
      ['i6100003', 'Ελένη Παπαδοπούλου', 'refused', null],
      ['i6100005', 'Zoë Ångström', 'produced', 'TOR-i6100005-2022-23'],
    ]);
    const [rossi, dvorak, papadopoulou, angstrom] = ended.results;
    expect(rossi).toMatchObject({
      courses: 1,
      ectsObtained: 6.5,
      reasons: [],
      files: ['TOR-i6100001-2022-23.pdf', 'TOR-i6100001-2022-23.elmo.xml', 'TOR-i6100001-2022-23.tors.xml'],
    });
    expect(dvorak?.reasons).toEqual([
      { article: gradeTranscripts, text: expect.stringContaining('goes on until Spring 2023') as string },
    ]);
    expect(papadopoulou?.reasons[0]?.text).toContain('No course is on the transcript');
    expect(angstrom?.reasons).toEqual([
      {
        article: gradeTranscripts,
        text: "1 course has no final result yet and shows as 'In progress'; produce the transcript again once the result is in.",
      },
    ]);
    expect(ended.finishedAt).toBe('2023-02-10T09:00:00.000Z');
    // Each produced transcript is in the document register; a refused one is not.
    const registered = await registeredTranscripts();
    expect(registered.map((r) => [r.studentId, r.number])).toEqual([
      [ids['i6100001'], rossi?.documentNumber],
      [ids['i6100005'], angstrom?.documentNumber],
    ]);
    expect(dvorak?.documentNumber).toBeNull();
  });

  it('hands over a ZIP with each produced transcript as PDF, ELMO and EWP tors, and a CSV of every result', async () => {
    await seedCohort();
    const { batchId } = await call<TranscriptBatchJob>('iro', 'exchange:startTranscriptBatch', {
      semester: '2022-fall',
    });
    await untilEnded(batchId);
    const zip = await zipOf(batchId);
    expect(zip.fileName).toBe('transcripts-2022-fall.zip');
    expect(zip.files).toBe(6);
    expect(zip.entries.map((e) => e.name)).toEqual([
      'TOR-i6100001-2022-23.pdf',
      'TOR-i6100001-2022-23.elmo.xml',
      'TOR-i6100001-2022-23.tors.xml',
      'TOR-i6100005-2022-23.pdf',
      'TOR-i6100005-2022-23.elmo.xml',
      'TOR-i6100005-2022-23.tors.xml',
      'transcript-results.csv',
    ]);
    const file = (name: string) => Buffer.from(zip.entries.find((e) => e.name === name)?.bytes ?? []);
    const pdf = inspectPdf(file('TOR-i6100001-2022-23.pdf')).flatText;
    expect(pdf).toContain('Transcript of records');
    expect(pdf).toContain('Giulia Rossi');
    expect(pdf).toMatch(/EBC1001 Course EBC1001 2022-23 P1 6.5 8.0 Very good Passed/);
    expect(inspectPdf(file('TOR-i6100005-2022-23.pdf')).flatText).toContain('In progress');
    const elmo = file('TOR-i6100001-2022-23.elmo.xml').toString('utf8');
    expect(validateTranscriptXml('elmo', elmo).ok).toBe(true);
    expect(elmo).toContain(
      `data:application/pdf;base64,${file('TOR-i6100001-2022-23.pdf').toString('base64')}`,
    );
    expect(validateTranscriptXml('ewp-tors', file('TOR-i6100001-2022-23.tors.xml').toString('utf8')).ok).toBe(
      true,
    );
    const csv = file('transcript-results.csv').toString('utf8').split('\r\n');
    expect(csv[0]).toBe(
      '\uFEFFstudent_number,name,home_university,outcome,reference,document_number,courses,ects_obtained,sent_on,reasons',
    );
    expect(csv[1]).toMatch(
      /^i6100001,Giulia Rossi,Università Bocconi,produced,TOR-i6100001-2022-23,UM-\d{4}-\d{6},1,6.5,,$/,
    );
    expect(csv[2]).toMatch(
      /^i6100002,Łukasz Dvořák,Università Bocconi,refused,,,,,,"Exchange guide, Grade transcripts: The exchange goes on until Spring 2023/,
    );
  });

  it('stops after the student in hand when cancelled, and the ZIP holds only complete transcripts', async () => {
    await seedCohort(8);
    const { batchId, total } = await call<TranscriptBatchJob>('iro', 'exchange:startTranscriptBatch', {
      semester: '2022-fall',
    });
    expect(total).toBe(12);
    let job = await call<TranscriptBatchJob>('iro', 'exchange:transcriptBatchStatus', { batchId });
    while (job.processed < 2) {
      await new Promise((resolve) => setImmediate(resolve));
      job = await call<TranscriptBatchJob>('iro', 'exchange:transcriptBatchStatus', { batchId });
    }
    const zipWhileRunning = await attempt('iro', 'exchange:transcriptBatchZip', { batchId });
    expect(zipWhileRunning).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    await call('iro', 'exchange:cancelTranscriptBatch', { batchId });
    const ended = await untilEnded(batchId);
    expect(ended.state).toBe('cancelled');
    expect(ended.processed).toBeLessThan(12);
    expect(ended.results).toHaveLength(ended.processed);
    expect(ended.message).toBe(
      `Cancelled by Test iro after ${ended.processed} of 12; the ${ended.produced} transcripts produced are in the ZIP.`,
    );
    const { entries } = await zipOf(batchId);
    const produced = ended.results.filter((r) => r.outcome === 'produced');
    // Three files for every produced transcript and for nobody else: no student half in the ZIP.
    expect(entries.map((e) => e.name)).toEqual([
      ...produced.flatMap((r) => r.files),
      'transcript-results.csv',
    ]);
    for (const r of produced)
      expect(
        inspectPdf(Buffer.from(entries.find((e) => e.name === `${r.reference}.pdf`)?.bytes ?? [])).flatText,
      ).toContain(r.studentName);
    // The register holds exactly the transcripts produced, byte for byte the PDFs in the ZIP.
    const { createHash } = await import('node:crypto');
    expect((await registeredTranscripts()).map((r) => r.sha256)).toEqual(
      produced.map((r) =>
        createHash('sha256')
          .update(entries.find((e) => e.name === `${r.reference}.pdf`)?.bytes ?? new Uint8Array())
          .digest('hex'),
      ),
    );
    // Nothing was recorded as sent by producing or cancelling.
    expect(await t.desk.database.db.selectFrom('exchangeTranscriptDispatches').selectAll().execute()).toEqual(
      [],
    );
    const [audit] = await auditRows('exchange.transcriptBatch');
    expect(JSON.parse(audit?.afterJson ?? '{}')).toMatchObject({
      state: 'cancelled',
      produced: ended.produced,
    });
  });

  it('records one audit row per batch, with who ran it and what came of it', async () => {
    await seedCohort();
    const { batchId } = await call<TranscriptBatchJob>('iro', 'exchange:startTranscriptBatch', {
      semester: '2022-fall',
    });
    await untilEnded(batchId);
    const rows = await auditRows('exchange.transcriptBatch');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      entity: 'exchange_transcript_batch',
      entityId: batchId,
      actorName: 'Test iro',
    });
    expect(JSON.parse(rows[0]?.afterJson ?? '{}')).toEqual({
      semester: '2022-fall',
      state: 'completed',
      total: 4,
      produced: 2,
      refused: 2,
      failed: 0,
      references: ['TOR-i6100001-2022-23', 'TOR-i6100005-2022-23'],
    });
  });

  it('records the day every produced transcript was sent home in one go, once per day, audited per student', async () => {
    await seedCohort();
    const { batchId } = await call<TranscriptBatchJob>('iro', 'exchange:startTranscriptBatch', {
      semester: '2022-fall',
    });
    await untilEnded(batchId);
    expect(
      await attempt('iro', 'exchange:markTranscriptBatchSent', { batchId, sentOn: '2023-02-11' }),
    ).toMatchObject({
      ok: false,
      error: {
        kind: 'validation',
        field: 'sentOn',
        message: 'A transcript cannot be sent on a day still to come.',
      },
    });
    const first = await call<{ marked: number; alreadyMarked: number; job: TranscriptBatchJob }>(
      'iro',
      'exchange:markTranscriptBatchSent',
      { batchId, sentOn: '2023-02-10' },
    );
    expect(first).toMatchObject({ marked: 2, alreadyMarked: 0 });
    expect(first.job.results.map((r) => [r.studentNumber, r.sentOn])).toEqual([
      ['i6100001', ['2023-02-10']],
      ['i6100002', []],
      ['i6100003', []],
      ['i6100005', ['2023-02-10']],
    ]);
    const again = await call<{ marked: number; alreadyMarked: number }>(
      'iro',
      'exchange:markTranscriptBatchSent',
      {
        batchId,
        sentOn: '2023-02-10',
      },
    );
    expect(again).toMatchObject({ marked: 0, alreadyMarked: 2 });
    const dispatches = await t.desk.database.db
      .selectFrom('exchangeTranscriptDispatches')
      .select(['studentId', 'sentOn', 'sentTo', 'createdBy'])
      .orderBy('id')
      .execute();
    expect(dispatches).toEqual([
      {
        studentId: ids['i6100001'],
        sentOn: '2023-02-10',
        sentTo: 'Università Bocconi',
        createdBy: 'Test iro',
      },
      {
        studentId: ids['i6100005'],
        sentOn: '2023-02-10',
        sentTo: 'Università Bocconi',
        createdBy: 'Test iro',
      },
    ]);
    expect((await auditRows('exchange.markTranscriptSent')).map((r) => r.entityId)).toEqual([
      String(ids['i6100001']),
      String(ids['i6100005']),
    ]);
    const single = await call<{ sentOn: string[] }>('desk', 'exchange:transcript', {
      studentId: ids['i6100001'],
    });
    expect(single.sentOn).toEqual(['2023-02-10']);
  });

  it('lets only the IRO and an administrator run batches, and one batch at a time', async () => {
    await seedCohort();
    for (const role of ['desk', 'ssc'] as const) {
      const refused = await attempt(role, 'exchange:startTranscriptBatch', { semester: '2022-fall' });
      expect(refused).toMatchObject({
        ok: false,
        error: { kind: 'forbidden', message: `Your role (${role}) may not do this; it needs: iro, admin.` },
      });
    }
    const { batchId } = await call<TranscriptBatchJob>('admin', 'exchange:startTranscriptBatch', {
      semester: '2022-fall',
    });
    const second = await attempt('iro', 'exchange:startTranscriptBatch', { semester: '2023-spring' });
    expect(second).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    for (const name of [
      'exchange:transcriptBatchStatus',
      'exchange:cancelTranscriptBatch',
      'exchange:transcriptBatchZip',
    ])
      expect(await attempt('desk', name, { batchId })).toMatchObject({
        ok: false,
        error: { kind: 'forbidden' },
      });
    expect(
      await attempt('desk', 'exchange:markTranscriptBatchSent', { batchId, sentOn: '2023-02-10' }),
    ).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    await untilEnded(batchId);
    expect(
      (
        await call<{ job: TranscriptBatchJob | null }>('iro', 'exchange:latestTranscriptBatch', {
          semester: '2022-fall',
        })
      ).job?.batchId,
    ).toBe(batchId);
    expect(await call('iro', 'exchange:latestTranscriptBatch', { semester: '2023-spring' })).toEqual({
      job: null,
    });
    expect(await auditRows('exchange.transcriptBatch')).toHaveLength(1);
  });

  it('refuses a semester without exchange students, and a semester that is not one', async () => {
    await seedCohort();
    expect(await attempt('iro', 'exchange:startTranscriptBatch', { semester: '2024-fall' })).toMatchObject({
      ok: false,
      error: { kind: 'not_found', field: 'semester' },
    });
    expect(await attempt('iro', 'exchange:startTranscriptBatch', { semester: 'fall 2022' })).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: 'Use a semester such as 2022-fall or 2023-spring.' },
    });
  });
});

describe('the transcript preview', () => {
  withFreshDesk();

  it('carries a summary of what the PDF prints: courses, grades, status and totals', async () => {
    await seedCohort();
    const out = await call<{ summary: unknown }>('desk', 'exchange:transcript', {
      studentId: ids['i6100001'],
    });
    expect(out.summary).toEqual({
      name: 'Giulia Rossi',
      homeUniversity: 'Università Bocconi',
      semesters: ['2022-fall'],
      academicYear: '2022-23',
      courses: [
        {
          code: 'EBC1001',
          title: 'Course EBC1001',
          academicYear: '2022-23',
          period: 1,
          ects: 6.5,
          ectsObtained: 6.5,
          grade: '8.0',
          description: 'Very good',
          statusText: 'Passed',
        },
      ],
      totals: { courses: 1, ectsRegistered: 6.5, ectsObtained: 6.5 },
      gpa: { label: 'GPA (exchange, School of Business and Economics)', gpa: 8 },
      producedAt: '2023-02-10T09:00:00.000Z',
    });
  });
});
