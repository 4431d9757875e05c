import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ArrearsPage } from './pages/ArrearsPage';
import { AppShell } from './pages/AppShell';
import { CommandPalette } from './pages/CommandPalette';
import { CoursesPage } from './pages/CoursesPage';
import { takeApplicationScreenshots, takeEnrolmentDeskScreenshots } from './enrolment-screenshots';
import { OrphanCoursesPage } from './pages/OrphanCoursesPage';
import { PaymentPlanPage } from './pages/PaymentPlanPage';
import { takeResidenceScreenshots } from './residence-screenshots';
import { takeRequestsScreenshots } from './requests-screenshots';
import { takeReceivedBbcsScreenshots } from './received-bbcs-screenshots';
import { takeStudyProgressScreenshots } from './study-progress-screenshots';
import { takeExchangeScreenshots } from './exchange-screenshots';
import { takeExchangeTranscriptScreenshots } from './exchange-transcripts-screenshots';
import { takeResitRetentionScreenshots } from './resit-retention-screenshots';
import { RefundCalculatorPage } from './pages/RefundCalculatorPage';
import { SignInPage } from './pages/SignInPage';
import { StudentFeesPage } from './pages/StudentFeesPage';
import { StudentFilePage } from './pages/StudentFilePage';
import { startEnvironment, testPassword, testStaff } from './support/environment';

// `npm run screenshots [-- --out DIR]`: the real screens with demo data, as PNGs to look at.
const { values } = parseArgs({ options: { out: { type: 'string', default: 'test-results/screenshots' } } });
const out = resolve(values.out);
mkdirSync(out, { recursive: true });
// The demo data is of 2022-23: the desk's clock starts on Monday 17 October 2022 and runs on from there, so the
// days the screens offer as today (useToday) belong to the demo year. Study progress (after the year) and re-sit
// retention (after the fall semester) run on desks with clocks of their own.
const startedAt = Date.now();
const clock = { now: () => new Date(Date.parse('2022-10-17T09:00:00.000Z') + (Date.now() - startedAt)) };
const env = await startEnvironment({ seeded: true, clock, seedOnDeskClock: true });
try {
  const { page } = await env.newPage();
  await page.screenshot({ path: join(out, '01-sign-in.png') });
  await new SignInPage(page).signIn(testStaff.admin.username, testPassword);
  const shell = new AppShell(page);
  await page.screenshot({ path: join(out, '02-overview.png') });
  await shell.goTo('Courses without programme');
  const orphans = new OrphanCoursesPage(page);
  await orphans.table().locator('tbody tr').first().waitFor();
  const codes = await orphans.courseCodes();
  for (const code of codes.slice(0, 3)) await orphans.select(code);
  await page.screenshot({ path: join(out, '03-orphans.png') });
  await orphans.linkButton().click();
  await page.getByRole('dialog').getByLabel('Programmes').fill('econ');
  await page.screenshot({ path: join(out, '04-link-dialog.png') });
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await shell.goTo('Courses');
  const courses = new CoursesPage(page);
  await page.getByRole('table', { name: 'Courses' }).locator('tbody tr').first().waitFor();
  await page.screenshot({ path: join(out, '05-courses.png') });
  await courses.open(codes[5] ?? '');
  await page.waitForTimeout(400); // let the drawer finish sliding in
  await page.screenshot({ path: join(out, '06-course-drawer.png') });
  await page.keyboard.press('Escape');
  await shell.goTo('Programmes');
  await page.screenshot({ path: join(out, '07-programmes.png') });
  await shell.goTo('Import and export');
  await page.screenshot({ path: join(out, '08-import-export.png') });
  await page.goto(`${env.bridge.url}/#/provisions?ref=${encodeURIComponent('Art 20.1')}`);
  await page.getByRole('article').waitFor();
  await page.screenshot({ path: join(out, '09-provisions.png') });
  await shell.goTo('Audit trail');
  await page.screenshot({ path: join(out, '10-audit.png') });
  await shell.goTo('Staff');
  await page.screenshot({ path: join(out, '11-staff.png') });
  await shell.goTo('Refund calculator');
  const refunds = new RefundCalculatorPage(page);
  await refunds.enterFee({ applicable: '9200', paid: '5750' });
  await refunds.requestTermination('2023-01-16');
  await refunds.result().waitFor();
  await page.screenshot({ path: join(out, '12-refund-calculator.png'), fullPage: true });
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: join(out, '13-refund-printed.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await shell.goTo('Payment plan');
  const plan = new PaymentPlanPage(page);
  await plan.enterFee('1105');
  await plan.instalments().getByLabel('Total fee').filter({ hasText: '1,105' }).waitFor();
  await page.screenshot({ path: join(out, '14-payment-plan.png'), fullPage: true });
  await shell.goTo('Students and fees');
  const students = new StudentFeesPage(page);
  await students.open('i6000150');
  await page.screenshot({ path: join(out, '15-student-fees.png'), fullPage: true });
  const programme =
    (
      await page
        .getByRole('region', { name: /^Fee of / })
        .first()
        .getAttribute('aria-label')
    )?.slice(7) ?? '';
  await students.chooseInstalments(
    programme,
    { iban: 'NL91 ABNA 0417 1643 00', accountHolder: 'Account holder', signedOn: '2022-08-20' },
    [
      '2022-09-26',
      '2022-10-26',
      '2022-11-28',
      '2022-12-27',
      '2023-01-26',
      '2023-02-27',
      '2023-03-27',
      '2023-04-26',
    ],
  );
  await students.instalmentRows(programme).first().waitFor();
  await page.screenshot({ path: join(out, '15b-student-instalments.png'), fullPage: true });
  await shell.goTo('Fee calculator');
  await page.getByRole('region', { name: 'Assessment' }).waitFor();
  await page.screenshot({ path: join(out, '16-fee-calculator.png'), fullPage: true });
  await shell.goTo('Arrears');
  const arrears = new ArrearsPage(page);
  await arrears.rows().first().waitFor();
  await page.screenshot({ path: join(out, '17-arrears.png') });
  await arrears.rows().first().focus();
  await page.keyboard.press('Enter');
  await arrears.dialog().waitFor();
  await page.screenshot({ path: join(out, '18-arrears-step.png') });
  await page.keyboard.press('Escape');
  await takeResidenceScreenshots(env, page, out);
  await takeStudyProgressScreenshots(out);
  await takeEnrolmentDeskScreenshots(env, page, out);
  await shell.goTo('Students and fees');
  const file = new StudentFilePage(page);
  await file.search('muller', 'Müller');
  await page.screenshot({ path: join(out, '19-student-search.png') });
  await file.search('i6000514');
  await file.openFirstResultWithKeyboard();
  await page.getByLabel('Balance').waitFor();
  await page.screenshot({ path: join(out, '20-student-file.png'), fullPage: true });
  await file.edit('Residence');
  await page.waitForTimeout(300); // let the dialog finish opening
  await page.screenshot({ path: join(out, '21-student-edit-residence.png') });
  await page.keyboard.press('Escape');
  const palette = new CommandPalette(page);
  await palette.open();
  await palette.input().pressSequentially('anna', { delay: 20 });
  await palette.actions().first().waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, '22-command-palette.png') });
  await page.keyboard.press('Escape');
  await takeRequestsScreenshots(env, page, out);
  await takeReceivedBbcsScreenshots(env, page, out);
  await takeExchangeScreenshots(env, out);
  await takeExchangeTranscriptScreenshots(env, out);
  await takeResitRetentionScreenshots(out);
  // Last: applying the start-date run changes the statuses the screens above show.
  await takeApplicationScreenshots(env, page, out);
  console.log(`Screenshots in ${out}`);
} finally {
  await env.close();
}
