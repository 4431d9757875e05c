import { join } from 'node:path';
import { AppShell } from './pages/AppShell';
import { SignInPage } from './pages/SignInPage';
import { StudyProgressPage } from './pages/StudyProgressPage';
import { startEnvironment, testPassword, testStaff } from './support/environment';

/**
 * The study progress list of the demo data, and a student's dialog with the excusable reason form, on a desk
 * of its own whose clock stands at Friday 15 September 2023: the outcomes of 2022-23 are known once the year
 * has ended (31 August 2023), so the list has students to notify.
 */
export async function takeStudyProgressScreenshots(out: string): Promise<void> {
  const startedAt = Date.now();
  const clock = { now: () => new Date(Date.parse('2023-09-15T09:00:00.000Z') + (Date.now() - startedAt)) };
  const env = await startEnvironment({ seeded: true, clock });
  try {
    const { page, context } = await env.newPage();
    await new SignInPage(page).signIn(testStaff.admin.username, testPassword);
    await new AppShell(page).goTo('Study progress');
    const progress = new StudyProgressPage(page);
    await progress.rows().first().waitFor();
    await page.screenshot({ path: join(out, '40-study-progress.png') });
    await progress.show(/^Notify the IND/);
    const first = progress.rows().first();
    await first.waitFor();
    const studentNumber = (await first.locator('td').first().innerText()).trim();
    await progress.open(studentNumber);
    await page.waitForTimeout(300); // let the dialog finish opening
    await page.screenshot({ path: join(out, '41-study-progress-excusable-reason.png') });
    await context.close();
  } finally {
    await env.close();
  }
}
