import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { studentProfileSchema } from '../shared/facts/student-profile';
import { createDesk } from '../core/desk';
import { inspectPdf } from '../core/testing/pdf-inspection';
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
  folder = mkdtempSync(join(tmpdir(), 'desk-cli-study-progress-'));
  db = join(folder, 'desk.sqlite');
  const desk = await createDesk({ databaseFile: db });
  const at = '2022-08-01T08:00:00.000Z';
  const seeded = { createdAt: at, updatedAt: at, updatedBy: 'seed' };
  for (const [studentNumber, ects] of [
    ['i6500001', 12],
    ['i6500002', 31],
  ] as const) {
    const { id: studentId } = await desk.database.db
      .insertInto('students')
      .values({
        studentNumber,
        familyName: 'Okafor',
        givenNames: 'Ada',
        email: null,
        profileJson: JSON.stringify(
          studentProfileSchema.parse({
            dateOfBirth: '2002-01-02',
            nationalities: ['NG'],
            residence: { countryOfResidence: 'NL', permit: { type: 'study' } },
          }),
        ),
        ...seeded,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await desk.database.db
      .insertInto('enrolments')
      .values({
        studentId,
        academicYear: '2022-23',
        programmeCode: 'b-econometrics-and-operations-research',
        enrolmentKind: 'regular',
        mode: 'full-time',
        startDate: '2022-09-01',
        status: 'enrolled',
        feeFactsJson: '{}',
        feeKind: 'institutional',
        feeCents: 0,
        feeReasonsJson: '[]',
        ...seeded,
      })
      .execute();
    await desk.database.db
      .insertInto('studyProgressCredits')
      .values({
        studentId,
        academicYear: '2022-23',
        courseCode: null,
        description: 'Results of the year',
        creditsTenths: ects * 10,
        obtainedOn: '2023-06-30',
        source: 'test',
        createdAt: at,
        createdBy: 'test',
      })
      .execute();
  }
  await desk.close();
});
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('desk study-progress', () => {
  it('prints the outcomes and writes the list for the IND as PDF and CSV', async () => {
    const pdf = join(folder, 'out', 'ind.pdf');
    const csv = join(folder, 'out', 'ind.csv');
    const result = await run('study-progress', '--year', '2022-23', '--pdf', pdf, '--csv', csv, '--db', db);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain('2022-23: 2 study-permit students; 1 notify, 1 meets');
    expect(result.out).toContain('notify i6500001 Ada Okafor: 12 of 30 ECTS');
    expect(existsSync(pdf)).toBe(true);
    expect(inspectPdf(readFileSync(pdf)).flatText).toContain('i6500001');
    const lines = readFileSync(csv, 'utf8').split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^i6500001,Ada Okafor,2002-01-02,NG,/);
  });

  it('refuses a malformed year with the usage, and an unknown one with the error', async () => {
    expect(await run('study-progress', '--year', '2022', '--db', db)).toMatchObject({
      code: 2,
      err: expect.stringContaining('name the academic year with --year') as unknown,
    });
    expect(await run('study-progress', '--year', '2030-31', '--db', db)).toMatchObject({
      code: 1,
      err: expect.stringContaining(
        'academicYear: There are no study progress requirements for 2030-31',
      ) as unknown,
    });
  });
});
