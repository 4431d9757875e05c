import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../core/context';
import { createDesk } from '../core/desk';
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
  folder = mkdtempSync(join(tmpdir(), 'desk-cli-documents-'));
  db = join(folder, 'desk.sqlite');
  const desk = await createDesk({ databaseFile: db, clock: { now: () => new Date('2022-06-01T09:00:00Z') } });
  const at = '2022-06-01T09:00:00.000Z';
  const { id } = await desk.database.db
    .insertInto('students')
    .values({
      studentNumber: 'i6100001',
      familyName: 'Wang',
      givenNames: 'Li',
      email: null,
      profileJson: JSON.stringify({
        dateOfBirth: '2000-02-10',
        nationalities: ['CN'],
        residence: { countryOfResidence: 'CN', permit: { type: 'study', validFrom: '2022-08-25' } },
        priorEducation: { country: 'CN', diploma: 'bachelor-degree' },
      }),
      createdAt: at,
      updatedAt: at,
      updatedBy: 'seed',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const applied = await desk.invokeAsOperator(systemActor, 'enrolments:apply', {
    studentId: id,
    request: {
      academicYear: '2022-23',
      programmeCode: 'b-psychology',
      startDate: '2022-09-01',
      admission: { status: 'admitted' },
    },
    facts: { programmeCode: 'b-psychology', nationalities: ['CN'], startDate: '2022-09-01' },
  });
  if (!applied.ok) throw new Error(applied.error.message);
  await desk.close();
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('desk documents required', () => {
  it('prints the Art 13 checklist with the reasons as JSON, by student number', async () => {
    const result = await run('documents', 'required', '--student', 'i6100001', '--json', '--db', db);
    expect(result.code).toBe(0);
    const value = JSON.parse(result.out) as {
      enrolments: {
        documents: {
          document: string;
          required: boolean;
          status: string | null;
          reasons: { article: string }[];
        }[];
      }[];
    };
    const documents = value.enrolments[0]?.documents ?? [];
    expect(documents.filter((d) => d.required).map((d) => d.document)).toEqual([
      'a',
      'b',
      'd',
      'e',
      'f',
      'g',
    ]);
    expect(documents.find((d) => d.document === 'f')).toMatchObject({ status: 'requested' });
    expect(documents.find((d) => d.document === 'f')?.reasons.map((r) => r.article)).toContain('Art 13.1f');
  });

  it('prints it for people by student id, and explains usage mistakes', async () => {
    const result = await run('documents', 'required', '--student', '1', '--db', db);
    expect(result.code).toBe(0);
    expect(result.out).toContain('f. REQUIRED');
    expect((await run('documents', 'required', '--db', db)).code).toBe(2);
    expect((await run('documents', 'required', '--student', 'x999', '--db', db)).code).toBe(1);
  });
});
