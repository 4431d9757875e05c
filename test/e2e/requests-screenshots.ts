import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { AppShell } from './pages/AppShell';
import { SignInPage } from './pages/SignInPage';
import { SscRequestsPage, StudentRequestsPanel } from './pages/SscRequestsPage';
import { testPassword, testStaff, type E2eEnvironment } from './support/environment';

const scan = (name: string) => ({ name, bytes: Buffer.from(`%PDF-1.4\n% ${name}\n%%EOF\n`) });

/** Screens of the requests to the SSC: a student's requests, a request with evidence, the worklist, the decision. */
export async function takeRequestsScreenshots(env: E2eEnvironment, page: Page, out: string): Promise<void> {
  const student = await env.desk.database.db
    .selectFrom('enrolments')
    .select('studentId')
    .where('feeKind', '=', 'statutory')
    .where('status', '=', 'enrolled')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const panel = new StudentRequestsPanel(page);
  await panel.openStudent(env.bridge.url, student.studentId);
  const incomplete = await panel.newRequest(
    /handling fee/,
    'Scholarship holder; the fee would stop the enrolment.',
  );
  await incomplete.attachScan(/written request/, scan('request.pdf'));
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, '60-request-incomplete.png') });
  await incomplete.close();
  const request = await panel.newRequest(
    /board position/,
    'Full-time chair of the student association in 2022-23.',
  );
  await request.attachScan(/written request/, scan('request.pdf'));
  await request.attachScan(/Executive Board/, scan('executive-board-decision.pdf'));
  await request.close();
  await panel.section().scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(out, '61-student-requests.png') });

  const { page: sscPage, context } = await env.newPage();
  await new SignInPage(sscPage).signIn(testStaff.ssc.username, testPassword);
  await new AppShell(sscPage).goTo('Requests to the SSC');
  const worklist = new SscRequestsPage(sscPage);
  await worklist.table().locator('tbody tr').first().waitFor();
  await sscPage.screenshot({ path: join(out, '62-requests-worklist.png') });
  const references = await worklist.references();
  const board = references.at(-1) ?? '';
  const opened = await worklist.openRequest(references.find((r) => r !== '') ?? board);
  await opened.dialog
    .getByLabel('Reasoning')
    .fill('The Executive Board honoured the application for 2022-23.');
  await sscPage.waitForTimeout(300);
  await sscPage.screenshot({ path: join(out, '63-request-decide.png') });
  await opened.close();
  await context.close();
}
