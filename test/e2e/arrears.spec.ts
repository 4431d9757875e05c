import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArrearsWorklistRow } from '../../src/shared/api/ledger.contract';
import { systemActor } from '../../src/core/context';
import { inspectPdf } from '../../src/core/testing/pdf-inspection';
import { AppShell } from './pages/AppShell';
import { ArrearsPage } from './pages/ArrearsPage';
import { SignInPage } from './pages/SignInPage';
import { StudentFeesPage } from './pages/StudentFeesPage';
import { startEnvironment, testPassword, testStaff, type E2eEnvironment } from './support/environment';

let env: E2eEnvironment;
beforeAll(async () => {
  env = await startEnvironment({ seeded: true });
});
afterAll(async () => {
  await env.close();
});

async function worklist(): Promise<ArrearsWorklistRow[]> {
  const result = await env.desk.invokeAsOperator(systemActor, 'ledger:arrearsWorklist', {});
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ArrearsWorklistRow[];
}

describe('the arrears worklist in the browser', () => {
  it('shows why a step is due, refuses it before its day, records it and books the administration charge', async () => {
    const [first] = await worklist();
    if (!first) throw new Error('the demo data has no student in arrears');
    expect(first.nextAction.id).toBe('block-facilities');
    const { page, context } = await env.newPage();
    await new SignInPage(page).signIn(testStaff.desk.username, testPassword);
    const shell = new AppShell(page);
    await shell.goTo('Arrears');
    const arrears = new ArrearsPage(page);
    await arrears.row(first.studentNumber).first().waitFor();
    expect(await arrears.row(first.studentNumber).first().innerText()).toContain(
      'Block the UM card and digital facilities',
    );

    await arrears.open(first.studentNumber);
    expect(await arrears.reasonArticles()).toContain('Art 32.2');
    await arrears.recordStep('2000-01-03');
    await shell.notification(/may be taken from .* \(Art 32\.2\), not on 2000-01-03/).waitFor();
    expect(await arrears.dialog().isVisible()).toBe(true);

    await arrears.recordStep(first.dueOn ?? '');
    await shell.notification(/Block the UM card and digital facilities: recorded for/).waitFor();
    await arrears.dialog().waitFor({ state: 'hidden' });
    await expect
      .poll(async () => arrears.row(first.studentNumber).first().innerText())
      .not.toContain('Block the UM card and digital facilities');

    // Next comes the reminder with the administration charge: the letter is a PDF for the student.
    await arrears.open(first.studentNumber);
    const letter = await arrears.downloadReminderLetter();
    expect(letter.fileName).toMatch(/\.pdf$/);
    const { flatText: text } = inspectPdf(letter.bytes);
    expect(text).toContain(first.name);
    expect(text).toContain('Art 32.2');
    expect(text).toContain('Art 35');
    await page.keyboard.press('Escape');

    await shell.goTo('Students and fees');
    const fees = new StudentFeesPage(page);
    await fees.open(first.studentNumber);
    expect(await fees.ledgerRows().filter({ hasText: 'Administration charge for arrears' }).count()).toBe(1);
    await context.close();
  });
});
