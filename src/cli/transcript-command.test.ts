import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../core/context';
import { createDesk } from '../core/desk';
import {
  addExchangeEnrolment,
  insertExchangeStudent,
  seedExchangeCatalogue,
} from '../core/modules/exchange/exchange-test-support';
import { validateTranscriptXml } from '../core/testing/transcript-xml-validation';
import { runCli } from './cli';

let folder: string;
let db: string;

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'desk-cli-transcript-'));
  db = join(folder, 'desk.sqlite');
  const desk = await createDesk({ databaseFile: db, clock: { now: () => new Date('2022-08-15T09:00:00Z') } });
  const seedDb = desk.database.db;
  const studentId = await insertExchangeStudent(seedDb, {
    studentNumber: 'i6100001',
    familyName: 'Rossi',
    givenNames: 'Giulia',
  });
  const enrolmentId = await addExchangeEnrolment(seedDb, studentId);
  const { EBC1001: courseId } = await seedExchangeCatalogue(seedDb, [
    { code: 'EBC1001', period: 1, title: 'Accounting' },
  ]);
  for (const [name, input] of [
    [
      'exchange:recordStay',
      {
        enrolmentId,
        homeUniversity: 'Università Bocconi',
        agreement: 'Erasmus+',
        semesters: ['2022-fall'],
      },
    ],
    ['exchange:registerCourse', { studentId, courseId }],
    ['exchange:recordResult', { studentId, courseId, sitting: 'first', grade: 8, gradedOn: '2022-11-04' }],
  ] as const) {
    const envelope = await desk.invokeAsOperator(systemActor, name, input);
    if (!envelope.ok) throw new Error(envelope.error.message);
  }
  await desk.close();
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('desk transcript and desk transcripts', () => {
  it('writes the PDF and the ELMO XML of one student, by student number', async () => {
    const pdf = join(folder, 'one', 'tor.pdf');
    const elmo = join(folder, 'one', 'tor.xml');
    const result = await run('transcript', '--student', 'i6100001', '--pdf', pdf, '--elmo', elmo, '--db', db);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toContain('TOR-i6100001-2022-23');
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(validateTranscriptXml('elmo', readFileSync(elmo, 'utf8')).ok).toBe(true);
  });

  it('refuses to run without a file to write, as a usage error', async () => {
    expect((await run('transcript', '--student', 'i6100001', '--db', db)).code).toBe(2);
  });

  it('writes every exchange student of a semester into a folder with a line per student', async () => {
    const out = join(folder, 'batch');
    const result = await run('transcripts', '--semester', '2022-fall', '--out', out, '--db', db);
    expect(result.code).toBe(0);
    expect(result.out).toContain('2022-fall: 1 transcripts written');
    expect(readdirSync(out).sort()).toEqual([
      'TOR-i6100001-2022-23.elmo.xml',
      'TOR-i6100001-2022-23.pdf',
      'TOR-i6100001-2022-23.tors.xml',
      'transcript-results.csv',
    ]);
    expect(result.out).toContain('[1/1] i6100001 produced: TOR-i6100001-2022-23');
    expect(readFileSync(join(out, 'transcript-results.csv'), 'utf8')).toMatch(
      /\r\ni6100001,Giulia Rossi,Università Bocconi,produced,TOR-i6100001-2022-23,UM-\d{4}-\d{6},1,6.5,/,
    );
    expect(
      validateTranscriptXml('ewp-tors', readFileSync(join(out, 'TOR-i6100001-2022-23.tors.xml'), 'utf8')).ok,
    ).toBe(true);
    expect(existsSync(join(folder, 'none'))).toBe(false);
  });
});
