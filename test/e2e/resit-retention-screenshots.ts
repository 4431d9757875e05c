import { join } from 'node:path';
import { AppShell } from './pages/AppShell';
import { ExchangePage } from './pages/ExchangePage';
import { ResitRetentionDialog, ResitSections } from './pages/ResitRetentionDialog';
import { SignInPage } from './pages/SignInPage';
import { startEnvironment, testPassword, testStaff } from './support/environment';

/**
 * Re-sit retention (issue 6.6) on a desk of its own whose clock stands at Monday 6 February 2023, just after
 * the fall semester: a student's stay request and plagiarism sections, the worklist, the dry run and the run.
 */
export async function takeResitRetentionScreenshots(out: string): Promise<void> {
  const startedAt = Date.now();
  const clock = { now: () => new Date(Date.parse('2023-02-06T09:00:00.000Z') + (Date.now() - startedAt)) };
  const env = await startEnvironment({ seeded: true, clock });
  try {
    const student = await env.desk.database.db
      .selectFrom('examAttempts as a')
      .innerJoin('courses as c', 'c.id', 'a.courseId')
      .innerJoin('exchangeStays as x', 'x.studentId', 'a.studentId')
      .innerJoin('students as s', 's.id', 'a.studentId')
      .select(['s.studentNumber'])
      .where('x.semestersJson', '=', '["2022-fall"]')
      .where('a.sitting', '=', 'resit')
      .where('a.status', '=', 'registered')
      .where('c.period', '=', 2)
      .orderBy('s.studentNumber')
      .executeTakeFirstOrThrow();
    const { page, context } = await env.newPage();
    await new SignInPage(page).signIn(testStaff.iro.username, testPassword);
    await new AppShell(page).goTo('Exchange');
    const exchange = new ExchangePage(page);
    await exchange.rows().first().waitFor();
    const file = await exchange.openWithKeyboard(student.studentNumber);
    const sections = new ResitSections(page, file.dialog);
    await sections.recordStayRequest('2023-02-06', 'E-mail of 6 February');
    await sections
      .request()
      .getByText(/Asked on/)
      .waitFor();
    await sections.stay().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(out, '80-exchange-resit-stay.png') });
    const confirm = await sections.startPlagiarism(2, '2023-02-01', 'Essay copied');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(out, '81-exchange-plagiarism-confirm.png') });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await page.keyboard.press('Escape');
    await file.dialog.waitFor({ state: 'hidden' });
    const retention = await ResitRetentionDialog.open(page);
    await page.waitForTimeout(300);
    await retention.row(student.studentNumber).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(out, '82-exchange-retention-worklist.png') });
    await retention.dryRun();
    await page.screenshot({ path: join(out, '83-exchange-retention-dry-run.png') });
    await retention.dialog.getByRole('button', { name: 'Run retention…' }).click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(out, '84-exchange-retention-confirm.png') });
    await page
      .getByRole('dialog', { name: 'Run the re-sit retention?' })
      .getByRole('button', { name: /^Remove/ })
      .click();
    await retention.dialog.getByRole('region', { name: 'Run result' }).waitFor();
    await page.screenshot({ path: join(out, '85-exchange-retention-run.png') });
    await retention.close();
    await page.screenshot({ path: join(out, '86-exchange-overview-after-retention.png') });
    await context.close();
  } finally {
    await env.close();
  }
}
