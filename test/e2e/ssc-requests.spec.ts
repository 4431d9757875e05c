import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectPdf } from '../../src/core/testing/pdf-inspection';
import { AppShell } from './pages/AppShell';
import { SignInPage } from './pages/SignInPage';
import { VerifyPage } from './pages/VerifyPage';
import { SscRequestsPage, StudentRequestsPanel } from './pages/SscRequestsPage';
import { startEnvironment, testPassword, testStaff, type E2eEnvironment } from './support/environment';

let env: E2eEnvironment;
beforeAll(async () => {
  env = await startEnvironment({ seeded: true });
});
afterAll(async () => {
  await env.close();
});

const scan = (name: string) => ({ name, bytes: Buffer.from(`%PDF-1.4\n% ${name}\n%%EOF\n`) });

/** A demo student with one enrolment charged the statutory fee, which a board position exempts (Art 30.9). */
async function statutoryStudent() {
  const db = env.desk.database.db;
  const rows = await db
    .selectFrom('enrolments')
    .innerJoin('students', 'students.id', 'enrolments.studentId')
    .select([
      'enrolments.id',
      'enrolments.studentId',
      'enrolments.feeCents',
      'students.givenNames',
      'students.familyName',
    ])
    .where('enrolments.feeKind', '=', 'statutory')
    .where('enrolments.status', '=', 'enrolled')
    .orderBy('enrolments.id')
    .execute();
  const counts = new Map<number, number>();
  for (const r of rows) counts.set(r.studentId, (counts.get(r.studentId) ?? 0) + 1);
  const all = await db.selectFrom('enrolments').select(['studentId']).execute();
  const total = new Map<number, number>();
  for (const r of all) total.set(r.studentId, (total.get(r.studentId) ?? 0) + 1);
  const found = rows.find((r) => total.get(r.studentId) === 1 && r.feeCents > 0);
  if (!found) throw new Error('the demo data has no student with one statutory-fee enrolment');
  return {
    id: found.studentId,
    enrolmentId: found.id,
    feeCents: found.feeCents,
    name: `${found.givenNames} ${found.familyName}`,
  };
}

describe('requests to the SSC in the browser', () => {
  it('a desk clerk registers a board-position exemption with evidence; an ssc user grants it; the fee follows with the Art 30.9 reason; the letter downloads, is registered, and a correction supersedes it', async () => {
    const student = await statutoryStudent();

    // The desk registers the request and attaches the evidence.
    const desk = await env.newPage();
    await new SignInPage(desk.page).signIn(testStaff.desk.username, testPassword);
    const panel = new StudentRequestsPanel(desk.page);
    await panel.openStudent(env.bridge.url, student.id);
    const request = await panel.newRequest(
      /board position/,
      'Full-time chair of the student association board in 2022-23.',
    );
    const reference = await panel.openReference();
    expect(reference).toMatch(/^SSC-\d{4}-\d{5}$/);
    expect(await request.completeness().innerText()).toMatch(/Art 30\.9[\s\S]*missing/i);
    expect(await request.status(reference).innerText()).toMatch(/incomplete/i);
    await request.attachScan(/written request/, scan('request-letter.pdf'));
    await request.attachScan(/Executive Board/, scan('executive-board-decision.pdf'));
    await expect.poll(async () => request.status(reference).innerText()).toMatch(/open/i);
    expect(await request.deadline(reference).innerText()).toMatch(/56 days left/i);
    // The desk cannot decide: no decision form is offered.
    expect(await request.dialog.getByRole('region', { name: 'Decision of the SSC director' }).count()).toBe(
      0,
    );
    await request.close();
    await desk.context.close();

    // The SSC user finds it on the worklist and grants it.
    const ssc = await env.newPage();
    await new SignInPage(ssc.page).signIn(testStaff.ssc.username, testPassword);
    await new AppShell(ssc.page).goTo('Requests to the SSC');
    const worklist = new SscRequestsPage(ssc.page);
    await worklist.row(reference).waitFor();
    const opened = await worklist.openRequest(reference);
    const letter = await opened.decide(
      'Grant',
      'The Executive Board honoured the application for a full-time board position for 2022-23.',
    );
    expect(letter.fileName).toMatch(new RegExp(`^${reference}-decision-\\w+\\.pdf$`));
    expect(await opened.decision().innerText()).toContain('Art 30.9');
    const text = inspectPdf(letter.bytes).flatText;
    expect(text).toContain('The director has GRANTED your request.');
    expect(text).toContain(student.name);
    expect(text).toContain(
      'within six weeks of receipt of this decision, by submitting it to the CSP for the attention of the Executive Board',
    );
    const again = await opened.downloadLetter();
    expect(again.bytes.equals(letter.bytes)).toBe(true);

    // The letter is in the document register: its number and verification code are printed on it.
    const registration = await opened.letterRegistration().innerText();
    const number = /UM-\d{4}-\d{6}/.exec(registration)?.[0] ?? '';
    const code = /(?:[0-9A-Z]{4}-){3}[0-9A-Z]{4}/.exec(registration)?.[0] ?? '';
    expect(text).toContain(number);
    expect(text).toContain(code);
    // The SSC director corrects it: the corrected letter supersedes it.
    const corrected = await opened.correctLetter(
      'the reasoning did not name the article',
      'The Executive Board honoured the application for a full-time board position for 2022-23 (Art 30.9).',
    );
    expect(corrected.fileName).toMatch(
      new RegExp(`^${reference}-decision-\\w+-corrected-UM-\\d{4}-\\d{6}\\.pdf$`),
    );
    expect(inspectPdf(corrected.bytes).flatText).toContain(`corrects and replaces letter ${number}`);
    await expect.poll(async () => opened.letterRegistration().innerText()).toContain(`corrects ${number}`);
    await opened.close();
    await new AppShell(ssc.page).goTo('Verify a document');
    expect(await new VerifyPage(ssc.page).verifyCode(code, 'Superseded')).toContain(
      'Corrected: the reasoning did not name the article',
    );
    await new AppShell(ssc.page).goTo('Requests to the SSC');
    expect(await worklist.row(reference).count()).toBe(0);

    // The student's fee is now nil, with the Art 30.9 reason, and the difference is on the ledger.
    await ssc.page.goto(`${env.bridge.url}/#/students?id=${student.id}`);
    const feePanel = ssc.page.getByRole('region', { name: /^Fee of / }).first();
    await feePanel.waitFor();
    await expect.poll(async () => feePanel.innerText()).toContain('Art 30.9');
    const row = await env.desk.database.db
      .selectFrom('enrolments')
      .select(['feeCents', 'feeReasonsJson'])
      .where('id', '=', student.enrolmentId)
      .executeTakeFirstOrThrow();
    expect(row.feeCents).toBe(0);
    expect(row.feeReasonsJson).toContain('Art 30.9');
    await ssc.context.close();
  });
});
