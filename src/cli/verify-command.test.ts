import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallOutput } from '../shared/api';
import { systemActor } from '../core/context';
import { createDesk } from '../core/desk';
import { runCli } from './cli';

let folder: string;
let db: string;
let code: string;
let pdfFile: string;
let alteredFile: string;

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const exit = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code: exit, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'desk-cli-verify-'));
  db = join(folder, 'desk.sqlite');
  const desk = await createDesk({ databaseFile: db, clock: { now: () => new Date('2022-09-20T09:00:00Z') } });
  const at = '2022-09-20T09:00:00.000Z';
  const { id } = await desk.database.db
    .insertInto('students')
    .values({
      studentNumber: 'i6100002',
      familyName: 'Dvořák',
      givenNames: 'Łukasz',
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
  const issued = await desk.invokeAsOperator(systemActor, 'documents:issue', {
    enrolmentId: (enrolled.value as { id: number }).id,
    kind: 'enrolment-certificate',
  });
  if (!issued.ok) throw new Error(issued.error.message);
  const outcome = issued.value as CallOutput<'documents:issue'>;
  if (outcome.outcome !== 'issued') throw new Error('refused');
  code = outcome.document.verificationCode;
  const bytes = Buffer.from(outcome.pdfBase64, 'base64');
  pdfFile = join(folder, 'certificate.pdf');
  writeFileSync(pdfFile, bytes);
  bytes[2000] = (bytes[2000] ?? 0) ^ 0x20;
  alteredFile = join(folder, 'altered.pdf');
  writeFileSync(alteredFile, bytes);
  await desk.close();
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('desk verify', () => {
  it('says valid for a registered code, with what the register says', async () => {
    const result = await run('verify', code.toLowerCase(), '--db', db);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^VALID: The code belongs to UM-2022-000001/);
    expect(result.out).toContain('Łukasz Dvořák');
  });

  it('checks a presented file, and detects one changed byte', async () => {
    expect((await run('verify', pdfFile, '--db', db)).out).toMatch(
      /^VALID: The file is exactly UM-2022-000001/,
    );
    const altered = await run('verify', alteredFile, '--json', '--db', db);
    expect(altered.code).toBe(1);
    expect(JSON.parse(altered.out)).toMatchObject({
      outcome: 'altered',
      document: { number: 'UM-2022-000001' },
    });
  });

  it('says unknown for a code not in the register and explains usage mistakes', async () => {
    const unknown = await run('verify', 'ABCD-EFGH-JKMN-PQRS', '--db', db);
    expect(unknown.code).toBe(1);
    expect(unknown.out).toMatch(/^UNKNOWN/);
    expect((await run('verify', '--db', db)).code).toBe(2);
  });
});
