import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { AppShell } from './pages/AppShell';
import { StudyProgressPage } from './pages/StudyProgressPage';

/** The study progress list of the demo data, and a student's dialog with the excusable reason form. */
export async function takeStudyProgressScreenshots(page: Page, out: string): Promise<void> {
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
  await page.keyboard.press('Escape');
}
