import { join } from 'node:path';
import { AppShell } from './pages/AppShell';
import { ExchangePage } from './pages/ExchangePage';
import { TranscriptBatchDialog, TranscriptPreviewDialog } from './pages/ExchangeTranscripts';
import { SignInPage } from './pages/SignInPage';
import { testPassword, testStaff, type E2eEnvironment } from './support/environment';

/** The IRO's transcripts: a student's transcript preview, and the end-of-semester batch with its results. */
export async function takeExchangeTranscriptScreenshots(env: E2eEnvironment, out: string): Promise<void> {
  // A fall student with graded results and a re-sit: the transcript has grades, a fail and a GPA.
  const student = await env.desk.database.db
    .selectFrom('examAttempts as a')
    .innerJoin('students as s', 's.id', 'a.studentId')
    .innerJoin('exchangeStays as x', 'x.studentId', 's.id')
    .select(['s.studentNumber'])
    .where('a.registeredHow', '=', 'automatic')
    .where('x.semestersJson', '=', '["2022-fall"]')
    .orderBy('s.id')
    .executeTakeFirstOrThrow();
  const { page, context } = await env.newPage();
  await new SignInPage(page).signIn(testStaff.iro.username, testPassword);
  await new AppShell(page).goTo('Exchange');
  const exchange = new ExchangePage(page);
  await exchange.rows().first().waitFor();
  const file = await exchange.openWithKeyboard(student.studentNumber);
  const preview = await TranscriptPreviewDialog.openFrom(file);
  await page.waitForTimeout(2500); // let the dialog open and the PDF viewer paint
  await page.screenshot({ path: join(out, '75-exchange-transcript-preview.png') });
  await preview.close();
  await page.keyboard.press('Escape');
  await file.dialog.waitFor({ state: 'detached' });
  const batch = await TranscriptBatchDialog.open(page);
  await batch.chooseSemester('Fall 2022');
  await batch.start();
  await batch.state().filter({ hasText: 'Completed' }).waitFor({ timeout: 120_000 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, '76-exchange-transcript-batch.png') });
  await batch.dialog.getByRole('button', { name: 'Mark all produced as sent' }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, '77-exchange-transcript-batch-confirm.png') });
  await context.close();
}
