import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectPdf } from '../../src/core/testing/pdf-inspection';
import { AppShell } from './pages/AppShell';
import { IssuedDocumentsPanel } from './pages/IssuedDocumentsPanel';
import { SignInPage } from './pages/SignInPage';
import { VerifyPage } from './pages/VerifyPage';
import { startEnvironment, testPassword, testStaff, type E2eEnvironment } from './support/environment';

let env: E2eEnvironment;
beforeAll(async () => {
  env = await startEnvironment({ seeded: true });
});
afterAll(async () => {
  await env.close();
});

/** A demo student with one enrolled bachelor's or master's enrolment whose fee the ledger shows paid, or not. */
async function demoStudent(paid: boolean): Promise<{ id: number; name: string }> {
  const db = env.desk.database.db;
  const enrolments = await db
    .selectFrom('enrolments')
    .innerJoin('students', 'students.id', 'enrolments.studentId')
    .select(['enrolments.id', 'enrolments.studentId', 'students.givenNames', 'students.familyName'])
    .where('enrolments.status', '=', 'enrolled')
    .where('enrolments.feeCents', '>', 0)
    .where('enrolments.programmeCode', 'not like', 'pm-%')
    .orderBy('enrolments.id')
    .execute();
  const entries = await db
    .selectFrom('ledgerEntries')
    .select(['studentId', 'entryKind', 'amountCents'])
    .execute();
  const counts = new Map<number, number>();
  for (const e of enrolments) counts.set(e.studentId, (counts.get(e.studentId) ?? 0) + 1);
  const found = enrolments.find((e) => {
    const own = entries.filter((entry) => entry.studentId === e.studentId);
    const balance = own.reduce((sum, entry) => sum + entry.amountCents, 0);
    const hasPayment = own.some((entry) => entry.entryKind === 'payment');
    return counts.get(e.studentId) === 1 && (paid ? balance === 0 && hasPayment : !hasPayment);
  });
  if (!found) throw new Error(`the demo data has no ${paid ? 'paid' : 'unpaid'} enrolled student`);
  return { id: found.studentId, name: `${found.givenNames} ${found.familyName}` };
}

describe('issuing and verifying documents in the browser', () => {
  it('issues a BBC from the student page, opens it, verifies it, revokes it and verifies it again', async () => {
    const student = await demoStudent(true);
    const { page, context } = await env.newPage();
    await new SignInPage(page).signIn(testStaff.desk.username, testPassword);
    const documents = new IssuedDocumentsPanel(page);
    await documents.openStudent(env.bridge.url, student.id);

    const issued = await documents.issueBbc();
    const number = /^(UM-\d{4}-\d{6})-BBC-/.exec(issued.fileName)?.[1] ?? '';
    expect(number).not.toBe('');
    await documents.row(number).waitFor();
    expect(await documents.status(number).innerText()).toMatch(/valid/i);

    const opened = await documents.open(number);
    expect(opened.bytes.equals(issued.bytes)).toBe(true);
    const { flatText: text } = inspectPdf(opened.bytes);
    expect(text).toContain('Proof of payment of tuition fees (BBC)');
    expect(text).toContain(student.name);
    expect(text).toContain(number);
    const code = /Verification code ((?:[0-9A-Z]{4}-){3}[0-9A-Z]{4})/.exec(text)?.[1] ?? '';
    expect(code).not.toBe('');

    const shell = new AppShell(page);
    await shell.goTo('Verify a document');
    const verify = new VerifyPage(page);
    expect(await verify.verifyCode(code, 'Valid')).toContain(number);
    expect(await verify.verifyFile(opened.bytes, 'Valid')).toContain('The file is exactly');
    const altered = Buffer.from(opened.bytes);
    altered[Math.floor(altered.length / 2)] ^= 0x01;
    expect(await verify.verifyFile(altered, 'Altered')).toContain('NOT the document as issued');

    await documents.openStudent(env.bridge.url, student.id);
    await documents.revoke(number, 'fees refunded after withdrawal');
    await expect.poll(async () => documents.status(number).innerText()).toMatch(/revoked/i);

    await shell.goTo('Verify a document');
    const answer = await verify.verifyCode(code.toLowerCase(), 'Revoked');
    expect(answer).toContain('fees refunded after withdrawal');
    await context.close();
  });

  it('shows why a BBC is refused while the fee is unpaid (Art 5.2)', async () => {
    const student = await demoStudent(false);
    const { page, context } = await env.newPage();
    await new SignInPage(page).signIn(testStaff.desk.username, testPassword);
    const documents = new IssuedDocumentsPanel(page);
    await documents.openStudent(env.bridge.url, student.id);
    const refusal = await documents.issueBbcRefused();
    expect(refusal).toContain('Art 5.2');
    expect(refusal).toMatch(/not paid/);
    await context.close();
  });
});
