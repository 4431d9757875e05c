import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/core/context';
import { AppShell } from './pages/AppShell';
import { StudentFeesPage } from './pages/StudentFeesPage';
import { SignInPage } from './pages/SignInPage';
import { startEnvironment, testPassword, testStaff, type E2eEnvironment } from './support/environment';

let env: E2eEnvironment;
beforeAll(async () => {
  env = await startEnvironment({ seeded: true });
});
afterAll(async () => {
  await env.close();
});

describe("a student's Fee panel and ledger in the browser", () => {
  it('enrols with the fee and its articles, books a payment, and books the difference when a fact changes', async () => {
    const found = await env.desk.invokeAsOperator(systemActor, 'ledger:searchStudents', {
      query: 'i60',
      limit: 1,
    });
    const [student] = found.ok ? (found.value as { studentNumber: string }[]) : [];
    if (!student) throw new Error('the demo data has no students');
    const { page, context } = await env.newPage();
    await new SignInPage(page).signIn(testStaff.desk.username, testPassword);
    await new AppShell(page).goTo('Students and fees');
    const fees = new StudentFeesPage(page);
    await fees.open(student.studentNumber);
    expect(await fees.balance()).toBe('Nothing owed');

    await fees.enrol('Econometrics and Operations Research', { name: 'Germany', code: 'DE' });
    const programme = 'B Econometrics and Operations Research';
    await expect.poll(() => fees.feeAmount(programme)).toBe('€1,105.00');
    expect(await fees.feePanel(programme).getByRole('list').getByRole('button').allInnerTexts()).toContain(
      'Art 17.1',
    );
    await expect.poll(() => fees.balance()).toMatch(/^Owes €\s?1,105\.00$/);

    await fees.recordPayment('1105');
    await expect.poll(() => fees.balance()).toBe('Nothing owed');

    await fees.changeFirstDutchEnrolment(programme, '2020-09-01', 'ROD HO shows a Dutch enrolment in 2020');
    await new AppShell(page)
      .notification(/undercharge of €\s?1,104\.00 booked, €\s?1,104\.00 due at once \(Art 31\.2\)/)
      .waitFor();
    await expect.poll(() => fees.feeAmount(programme)).toBe('€2,209.00');
    await expect.poll(() => fees.balance()).toMatch(/^Owes €\s?1,104\.00$/);
    expect(await fees.ledgerRows().last().innerText()).toContain('ROD HO shows a Dutch enrolment in 2020');
    await context.close();
  });
});
