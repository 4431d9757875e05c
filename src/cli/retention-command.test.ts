import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../core/context';
import { createDesk } from '../core/desk';
import { addExchangeEnrolment, insertExchangeStudent } from '../core/modules/exchange/exchange-test-support';
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
  folder = mkdtempSync(join(tmpdir(), 'desk-cli-retention-'));
  db = join(folder, 'desk.sqlite');
  const desk = await createDesk({ databaseFile: db, clock: { now: () => new Date('2022-08-15T09:00:00Z') } });
  const seedDb = desk.database.db;
  const studentId = await insertExchangeStudent(seedDb, {
    studentNumber: 'i6100001',
    familyName: 'Rossi',
    givenNames: 'Giulia',
  });
  const enrolmentId = await addExchangeEnrolment(seedDb, studentId);
  const recorded = await desk.invokeAsOperator(systemActor, 'exchange:recordStay', {
    enrolmentId,
    homeUniversity: 'Università Bocconi',
    agreement: 'Erasmus+',
    semesters: ['2022-fall'],
  });
  expect(recorded.ok).toBe(true);
  await desk.close();
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('desk retention', () => {
  it('previews with --dry-run, then removes the fall student once; a second run changes nothing', async () => {
    const dry = await run('retention', '--semester', '2022-fall', '--dry-run', '--db', db);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('i6100001 removed 2023-02-03, UM account until 2023-04-04 (remove)');
    expect(dry.out).toContain('2022-fall (dry run, nothing recorded): would remove 1, keep 0, unchanged 0');
    const first = await run('retention', '--semester', '2022-fall', '--db', db);
    expect(first.out).toMatch(/2022-fall: run 1 on \d{4}-\d{2}-\d{2}: removed 1, kept 0, unchanged 0/);
    const again = await run('retention', '--semester', '2022-fall', '--json', '--db', db);
    expect(JSON.parse(again.out)).toMatchObject({ dryRun: false, runId: 2, removed: 0, unchanged: 1 });
  });

  it('asks for a fall semester', async () => {
    const spring = await run('retention', '--semester', '2023-spring', '--db', db);
    expect(spring.code).not.toBe(0);
    expect(spring.err).toContain('name the fall semester with --semester, e.g. 2022-fall');
  });
});
