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
    const found = await env.desk.invokeAsOperator(systemActor, 'students:search', {
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

  it('ends an enrolment at the student’s request with the refund of Art 34, booked on the ledger', async () => {
    // A student of our own, with nothing on the ledger yet (demo students may owe demo fees).
    const at = new Date().toISOString();
    const student = { studentNumber: 'i7777777' };
    await env.desk.database.db
      .insertInto('students')
      .values({
        studentNumber: student.studentNumber,
        familyName: 'Dvořák',
        givenNames: 'Łukasz',
        email: null,
        createdAt: at,
        updatedAt: at,
        updatedBy: 'e2e set-up',
      })
      .execute();
    const { page, context } = await env.newPage();
    await new SignInPage(page).signIn(testStaff.desk.username, testPassword);
    await new AppShell(page).goTo('Students and fees');
    const fees = new StudentFeesPage(page);
    await fees.open(student.studentNumber);
    await fees.enrol('Econometrics and Operations Research', { name: 'United States', code: 'US' });
    const programme = 'B Econometrics and Operations Research';
    await expect.poll(() => fees.feeAmount(programme)).toBe('€9,200.00');
    await fees.recordPayment('9200');
    await expect.poll(() => fees.balance()).toBe('Nothing owed');

    const calculation = await fees.endEnrolment(programme, '2023-01-16');
    expect(calculation).toMatch(/5,366\.67/);
    expect(calculation).toContain('Art 34');
    await new AppShell(page)
      .notification(/^Enrolment terminated as of 2023-02-01; refund €\s?5,366\.67 booked\.$/)
      .waitFor();
    await expect.poll(() => fees.balance()).toBe('Nothing owed');
    await fees.feePanel(programme).getByLabel('Enrolment status').waitFor();
    expect((await fees.feePanel(programme).getByLabel('Enrolment status').textContent()) ?? '').toBe(
      'terminated',
    );
    expect(await fees.ledgerRows().filter({ hasText: 'Refund to be paid' }).count()).toBe(1);
    expect(
      await fees.ledgerRows().filter({ hasText: 'Fee for the 7 months after termination credited' }).count(),
    ).toBe(1);
    await context.close();
  });

  it('records payment in instalments with a SEPA mandate: the IBAN is checked, the schedule adds up, payments show per instalment', async () => {
    const at = new Date().toISOString();
    const studentNumber = 'i7777778';
    await env.desk.database.db
      .insertInto('students')
      .values({
        studentNumber,
        familyName: 'Παπαδοπούλου',
        givenNames: 'Ελένη',
        email: null,
        createdAt: at,
        updatedAt: at,
        updatedBy: 'e2e set-up',
      })
      .execute();
    const { page, context } = await env.newPage();
    await new SignInPage(page).signIn(testStaff.desk.username, testPassword);
    await new AppShell(page).goTo('Students and fees');
    const fees = new StudentFeesPage(page);
    await fees.open(studentNumber);
    await fees.enrol('Econometrics and Operations Research', { name: 'Greece', code: 'GR' });
    const programme = 'B Econometrics and Operations Research';
    await expect.poll(() => fees.feeAmount(programme)).toBe('€1,105.00');

    const debitDates = [
      '2022-09-26',
      '2022-10-26',
      '2022-11-28',
      '2022-12-27',
      '2023-01-26',
      '2023-02-27',
      '2023-03-27',
      '2023-04-26',
    ];
    const mandate = {
      iban: 'NL91 ABNA 0417 1643 01',
      accountHolder: 'Ε. Παπαδοπούλου',
      signedOn: '2022-08-20',
    };
    await fees.chooseInstalments(programme, mandate, debitDates);
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/check digits/i).waitFor();
    await dialog.getByLabel('IBAN').fill('NL91 ABNA 0417 1643 00');
    await dialog.getByRole('button', { name: 'Record the arrangement' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await expect.poll(() => fees.instalmentRows(programme).count()).toBe(8);
    expect(
      (await fees.feePanel(programme).getByLabel('Instalments total').innerText()).replace(/\s/g, ''),
    ).toBe('€1,129.00');
    expect(
      await fees.ledgerRows().filter({ hasText: 'Administration charge for payment in instalments' }).count(),
    ).toBe(1);
    expect(
      await fees
        .feePanel(programme)
        .getByText(/SEPA mandate UM-I7777778-2022-23-\d+: NL91/)
        .count(),
    ).toBe(1);

    await fees.recordPayment('162.13');
    await expect
      .poll(() => fees.instalmentRows(programme).first().innerText())
      .toMatch(/€\s?162\.13\s+paid$/i);
    await context.close();
  });
});
