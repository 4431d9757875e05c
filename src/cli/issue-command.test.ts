import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../core/context';
import { createDesk } from '../core/desk';
import { readStoredZip } from '../core/zip/stored-zip';
import { runCli } from './cli';

let folder: string;
let db: string;

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const exit = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code: exit, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'desk-cli-issue-'));
  db = join(folder, 'desk.sqlite');
  const desk = await createDesk({ databaseFile: db, clock: { now: () => new Date('2022-09-20T09:00:00Z') } });
  const at = '2022-09-20T09:00:00.000Z';
  for (const [number, givenNames, familyName] of [
    ['i6100001', 'Ελένη', 'Παπαδοπούλου'],
    ['i6100002', 'Łukasz', 'Dvořák'],
  ] as const) {
    const { id } = await desk.database.db
      .insertInto('students')
      .values({
        studentNumber: number,
        familyName,
        givenNames,
        email: null,
        createdAt: at,
        updatedAt: at,
        updatedBy: 'seed',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const enrolled = await desk.invokeAsOperator(systemActor, 'ledger:enrol', {
      studentId: id,
      facts: { programmeCode: 'b-psychology', nationalities: ['PL'], startDate: '2022-09-01' },
    });
    if (!enrolled.ok) throw new Error(enrolled.error.message);
  }
  await desk.close();
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('desk issue', () => {
  it('issues certificates of enrolment for a programme and year into a ZIP, one line per student', async () => {
    const zipFile = join(folder, 'out', 'certificates.zip');
    const result = await run(
      'issue',
      '--kind',
      'enrolment-certificate',
      '--programme',
      'b-psychology',
      '--year',
      '2022-23',
      '--out',
      zipFile,
      '--db',
      db,
    );
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/i6100001\s+issued\s+UM-\d{4}-000001\s+\(Ελένη Παπαδοπούλου\)/);
    expect(result.out).toMatch(/2 issued, 0 refused, 0 failed of 2; 2 PDFs/);
    const names = readStoredZip(readFileSync(zipFile)).map((e) => e.name);
    expect(names).toHaveLength(3);
    expect(names[0]).toMatch(/^UM-\d{4}-000001-certificate-of-enrolment-i6100001\.pdf$/);
    expect(names[1]).toMatch(/^UM-\d{4}-000002-certificate-of-enrolment-i6100002\.pdf$/);
    expect(names[2]).toBe('batch-results.csv');
  });

  it('writes the PDFs into a folder, and reports refusals with their article (BBC unpaid, Art 5.2)', async () => {
    const dir = join(folder, 'bbcs');
    const result = await run(
      'issue',
      '--kind',
      'proof-of-payment',
      '--programme',
      'b-psychology',
      '--year',
      '2022-23',
      '--out',
      dir,
      '--db',
      db,
    );
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/i6100002\s+refused\s+Art 5\.2: The tuition fee is not paid/);
    expect(readdirSync(dir)).toEqual(['batch-results.csv']);
  });

  it('says what is missing', async () => {
    const result = await run('issue', '--kind', 'enrolment-certificate', '--db', db);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/--out/);
    const unknown = await run(
      'issue',
      '--kind',
      'enrolment-certificate',
      '--programme',
      'b-law',
      '--year',
      '2022-23',
      '--out',
      join(folder, 'none.zip'),
      '--db',
      db,
    );
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/No enrolment of b-law/);
    expect(existsSync(join(folder, 'none.zip'))).toBe(false);
  });
});
