import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/AppShell';
import { PaymentPlanPage } from './pages/PaymentPlanPage';
import { RefundCalculatorPage } from './pages/RefundCalculatorPage';
import { SignInPage } from './pages/SignInPage';
import { startEnvironment, testPassword, testStaff, type E2eEnvironment } from './support/environment';

let env: E2eEnvironment;
beforeAll(async () => {
  env = await startEnvironment({ seeded: true });
});
afterAll(async () => {
  await env.close();
});

describe('the refund calculator and the payment plan in the browser', () => {
  it('refunds 7/12 of €9,200 for a termination requested on 16 January 2023, and prints it without the app around it', async () => {
    const { page, context } = await env.newPage();
    await new SignInPage(page).signIn(testStaff.desk.username, testPassword);
    await new AppShell(page).goTo('Refund calculator');
    const calculator = new RefundCalculatorPage(page);

    await calculator.enterFee({ applicable: '9200', paid: '9200' });
    await calculator.requestTermination('2023-01-16');
    await expect.poll(() => calculator.netRefund()).toBe('€5,366.67');
    expect(await calculator.figure('Effective date')).toBe('1 February 2023');
    expect(await calculator.figure('Months remaining')).toBe('7');
    expect((await calculator.figure('Refund')).replace(/\s/g, '')).toMatch(/^€5,366\.67/);
    expect(await calculator.figure('Refund due by')).toBe('1 May 2023');
    const articles = await calculator.articles();
    expect(articles).toContain('Art 33.2');
    expect(articles.some((article) => article.startsWith('Art 34'))).toBe(true);

    // An article opens its text without leaving the calculator.
    await calculator.result().getByRole('button', { name: 'Art 34.1' }).click();
    await page.getByRole('dialog').getByText('Article 34', { exact: false }).first().waitFor();
    await page.keyboard.press('Escape');

    await calculator.stubPrintDialog();
    await calculator.print();
    expect(await calculator.wasPrintRequested()).toBe(true);

    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Areas' }).isVisible()).toBe(false);
    expect(await page.getByRole('banner').isVisible()).toBe(false);
    expect(await page.getByRole('heading', { name: 'Refund calculator', exact: true }).isVisible()).toBe(
      false,
    );
    expect(await page.getByRole('heading', { name: 'Refund calculation', exact: true }).isVisible()).toBe(
      true,
    );
    // The page starts at the paper's margin: the room the navigation took is gone too.
    expect((await calculator.printout().boundingBox())?.x).toBeLessThan(40);
    const printed = await calculator.printout().innerText();
    expect(printed).toContain(testStaff.desk.displayName);
    expect(printed).toContain("At the student's request: termination requested on 16 January 2023");
    expect(printed).toContain('Art 34.1');
    expect(printed.replace(/\s/g, '')).toContain('€5,366.67');
    await page.emulateMedia({ media: 'screen' });
    expect(await page.getByRole('navigation', { name: 'Areas' }).isVisible()).toBe(true);
    expect(await calculator.printout().isVisible()).toBe(false);
    await context.close();
  });

  it('plans €1,105 for September in 8 instalments with €24 on the first, and refuses instalments when UM applies for a study permit (Art 31.6)', async () => {
    const { page, context } = await env.newPage();
    await new SignInPage(page).signIn(testStaff.desk.username, testPassword);
    await new AppShell(page).goTo('Payment plan');
    const plan = new PaymentPlanPage(page);

    await plan.enterFee('1105');
    await plan.chooseIntake('September');
    await plan.chooseMethod('Direct debit in instalments (Art 31.4c)');
    await expect.poll(() => plan.total('Total fee')).toBe('€1,105.00');
    const rows = await plan.scheduleRows();
    expect(rows).toHaveLength(8);
    expect(rows.map((row) => row[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(rows[0]).toEqual(['1', 'ontheUMwebsite', '€138.13', '€24.00', '€162.13']);
    expect(rows.slice(1).every((row) => row[3] === '—')).toBe(true);
    const cents = (text: string | undefined) => Math.round(Number((text ?? '').replace(/[€,]/g, '')) * 100);
    expect(rows.reduce((sum, row) => sum + cents(row[2]), 0)).toBe(110500);
    expect(rows.reduce((sum, row) => sum + cents(row[4]), 0)).toBe(112900);
    expect(await plan.total('Total amount')).toBe('€1,129.00');
    expect(await plan.methodStatus('direct-debit-instalments')).toBe('Allowed');

    await plan.setUmAppliesForStudyPermit(true);
    await expect.poll(() => plan.refusalArticles()).toEqual(['Art 31.6']);
    expect(await plan.instalments().innerText()).toContain('Instalments refused');
    expect(await plan.methodStatus('direct-debit-instalments')).toBe('Refused');
    expect(await plan.methodStatus('lump-sum-transfer')).toBe('Allowed');
    await context.close();
  });
});
