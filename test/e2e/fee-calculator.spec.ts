import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/AppShell';
import { FeeCalculatorPage } from './pages/FeeCalculatorPage';
import { SignInPage } from './pages/SignInPage';
import { startEnvironment, testPassword, testStaff, type E2eEnvironment } from './support/environment';

let env: E2eEnvironment;
beforeAll(async () => {
  env = await startEnvironment({ seeded: true });
});
afterAll(async () => {
  await env.close();
});

describe('the fee calculator in the browser', () => {
  it('shows the fee with its articles, and the old and new fee side by side after one fact changes', async () => {
    const { page, context } = await env.newPage();
    await new SignInPage(page).signIn(testStaff.desk.username, testPassword);
    await new AppShell(page).goTo('Fee calculator');
    const calculator = new FeeCalculatorPage(page);

    // The opening example: an EU national new to Dutch higher education, B Econometrics, 1 September 2022.
    await expect.poll(() => calculator.amountOf('Assessment')).toBe('€1,105.00');
    expect(await calculator.kindOf('Assessment')).toBe('Low statutory tuition fee');
    expect(await calculator.articlesOf('Assessment')).toContain('Art 17.1');

    await calculator.pin();
    await calculator.setFirstDutchEnrolment('2020-09-01');
    await expect.poll(() => calculator.amountOf('With your change')).toBe('€2,209.00');
    expect(await calculator.amountOf('Pinned')).toBe('€1,105.00');
    expect(await calculator.kindOf('With your change')).toBe('Statutory tuition fee');
    expect(
      (await calculator.card('With your change').getByLabel('Difference').innerText()).replace(/\s/g, ''),
    ).toBe('+€1,104.00');
    expect(await calculator.card('With your change').getByText('changed').count()).toBeGreaterThan(0);

    // An article opens its text without leaving the calculator.
    await calculator.card('Pinned').getByRole('button', { name: 'Art 17.1' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Article 17 Low statutory tuition fee', { exact: false }).first().waitFor();
    expect(await dialog.innerText()).toContain('€1,105');
    await page.keyboard.press('Escape');
    await context.close();
  });

  it('charges the institutional fee to a non-EU master student on a study permit (Art 23, App I)', async () => {
    const { page, context } = await env.newPage();
    await new SignInPage(page).signIn(testStaff.iro.username, testPassword);
    await new AppShell(page).goTo('Fee calculator');
    const calculator = new FeeCalculatorPage(page);
    await calculator.chooseProgramme('Data Science for Decision');
    await page.getByLabel('Nationalities').first().click();
    await page.keyboard.press('Backspace');
    await page.getByLabel('Nationalities').first().fill('India');
    await page.getByRole('option', { name: 'India (IN)' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => calculator.amountOf('Assessment')).toBe('€18,200.00');
    expect(await calculator.kindOf('Assessment')).toBe('Institutional tuition fee');
    expect(await calculator.articlesOf('Assessment')).toContain('Art 23.2');
    await context.close();
  });
});
