import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/AppShell';
import { CommandPalette } from './pages/CommandPalette';
import { SignInPage } from './pages/SignInPage';
import { StudentFilePage } from './pages/StudentFilePage';
import { startEnvironment, testPassword, testStaff, type E2eEnvironment } from './support/environment';

let env: E2eEnvironment;
beforeAll(async () => {
  env = await startEnvironment({ seeded: true });
});
afterAll(async () => {
  await env.close();
});

describe('the student file in the browser', () => {
  it('finds "Müller" when the clerk types "Muller", opens the file with the keyboard and records a residence permit', async () => {
    const { page, context } = await env.newPage();
    await new SignInPage(page).signIn(testStaff.desk.username, testPassword);
    await new AppShell(page).goTo('Students and fees');
    const students = new StudentFilePage(page);
    await students.search('Muller', 'Müller');
    await students.resultRows().first().waitFor();
    const names = await students.resultRows().allInnerTexts();
    expect(names.length).toBeGreaterThan(0);
    for (const row of names) expect(row).toContain('Müller');

    await students.openFirstResultWithKeyboard();
    expect(await students.studentName().innerText()).toContain('Müller');
    expect(await students.section('Personal & contact').innerText()).toMatch(
      /Date of birth\s+\d{4}-\d{2}-\d{2}/,
    );

    await students.recordResidencePermit({
      type: 'Asylum, fixed period (App II g)',
      validFrom: '2022-03-01',
      validUntil: '2027-02-28',
      reason: 'Permit shown at the desk',
    });
    await expect
      .poll(() => students.section('Residence').innerText())
      .toMatch(/Asylum, fixed period \(App II g\)[\s\S]*2022-03-01 – 2027-02-28/);
    await new AppShell(page).notification('Residence: saved.').waitFor();

    // Read again from the server: the change is on file.
    await page.reload();
    await students.section('Residence').getByText('2027-02-28').waitFor();
    await context.close();
  });

  it('shows the server’s error beside the field: a permit that ends before it starts', async () => {
    const { page, context } = await env.newPage();
    await new SignInPage(page).signIn(testStaff.desk.username, testPassword);
    await new AppShell(page).goTo('Students and fees');
    const students = new StudentFilePage(page);
    await students.search('i60001');
    await students.openFirstResultWithKeyboard();
    const dialog = await students.edit('Residence');
    await dialog.getByLabel('Valid from').fill('2023-01-01');
    await dialog.getByLabel('Valid until').fill('2022-01-01');
    await dialog.getByLabel('Why the file changes').fill('Typo check');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('The residence permit cannot end before it starts.').waitFor();
    await context.close();
  });

  it('jumps to a student and to a screen with Ctrl+K from anywhere', async () => {
    const { page, context } = await env.newPage();
    await new SignInPage(page).signIn(testStaff.desk.username, testPassword);
    const palette = new CommandPalette(page);
    await palette.jumpTo('i6000150', 'i6000150');
    const students = new StudentFilePage(page);
    await students.studentName().waitFor();
    expect(page.url()).toMatch(/#\/students\?id=\d+$/);
    expect(await page.getByLabel('Student number').innerText()).toBe('i6000150');

    await palette.jumpTo('arrears', 'Arrears');
    await page.getByRole('heading', { level: 2, name: 'Arrears' }).waitFor();
    expect(page.url()).toMatch(/#\/arrears$/);
    await context.close();
  });
});
