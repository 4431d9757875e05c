import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/AppShell';
import { ExchangePage } from './pages/ExchangePage';
import { ResitRetentionDialog, ResitSections } from './pages/ResitRetentionDialog';
import { SignInPage } from './pages/SignInPage';
import { startEnvironment, testPassword, testStaff, type E2eEnvironment } from './support/environment';

// Monday 6 February 2023: the fall semester ended on Friday 3 February (the removal day of the exchange facts),
// the period-2 re-sits are still to come in March.
const startedAt = Date.now();
const clock = { now: () => new Date(Date.parse('2023-02-06T09:00:00.000Z') + (Date.now() - startedAt)) };

let env: E2eEnvironment;
beforeAll(async () => {
  env = await startEnvironment({ seeded: true, clock });
});
afterAll(async () => {
  await env.close();
});

/** Demo fall students: one registered for a period-2 re-sit, one with graded period-1 results and no re-sit. */
async function demoFallStudents() {
  const db = env.desk.database.db;
  const withResit = await db
    .selectFrom('examAttempts as a')
    .innerJoin('courses as c', 'c.id', 'a.courseId')
    .innerJoin('exchangeStays as x', 'x.studentId', 'a.studentId')
    .innerJoin('students as s', 's.id', 'a.studentId')
    .select(['s.studentNumber', 'c.code'])
    .where('x.semestersJson', '=', '["2022-fall"]')
    .where('a.sitting', '=', 'resit')
    .where('a.status', '=', 'registered')
    .where('c.period', '=', 2)
    .orderBy('s.studentNumber')
    .executeTakeFirstOrThrow();
  const withoutResit = await db
    .selectFrom('exchangeStays as x')
    .innerJoin('students as s', 's.id', 'x.studentId')
    .innerJoin('examAttempts as a', 'a.studentId', 'x.studentId')
    .innerJoin('courses as c', 'c.id', 'a.courseId')
    .select(['s.studentNumber', 'c.code'])
    .where('x.semestersJson', '=', '["2022-fall"]')
    .where('c.period', '=', 1)
    .where('a.sitting', '=', 'first')
    .where('a.status', '=', 'graded')
    .where('s.studentNumber', '!=', withResit.studentNumber)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('examAttempts as r')
            .select('r.id')
            .whereRef('r.studentId', '=', 'x.studentId')
            .where('r.sitting', '=', 'resit'),
        ),
      ),
    )
    .orderBy('s.studentNumber')
    .executeTakeFirstOrThrow();
  return { withResit, withoutResit };
}

describe('re-sit retention at the end of the fall semester', () => {
  it('the IRO records a stay request, sees the worklist, previews and runs the retention, and sees the outcome; plagiarism is recorded after a confirmation', async () => {
    const { withResit, withoutResit } = await demoFallStudents();
    const { page } = await env.newPage();
    await new SignInPage(page).signIn(testStaff.iro.username, testPassword);
    await new AppShell(page).goTo('Exchange');
    const exchange = new ExchangePage(page);
    await exchange.rows().first().waitFor();

    // Plagiarism in period 1, through the student's panel, after a confirmation that states the consequence.
    let file = await exchange.openWithKeyboard(withoutResit.studentNumber);
    let sections = new ResitSections(page, file.dialog);
    expect(await sections.exclusion().innerText()).toBe('no finding');
    const confirm = await sections.startPlagiarism(1, '2023-02-01', 'Essay copied from a classmate');
    const warning = await confirm.innerText();
    expect(warning).toMatch(
      new RegExp(`Every result of period 1 \\([^)]*${withoutResit.code}[^)]*\\) becomes 0\\.0`),
    );
    expect(warning).toContain('becomes 0.0');
    expect(warning).toContain('Exchange guide, Plagiarism');
    await confirm.getByRole('button', { name: 'Record plagiarism', exact: true }).click();
    await confirm.waitFor({ state: 'hidden' });
    await sections.finding(1).waitFor();
    expect(await sections.finding(1).innerText()).toMatch(
      /2022-23\s+1\s+2023-02-01\s+Essay copied from a classmate\s+Ingrid IRO/,
    );
    expect(await sections.exclusion().innerText()).toContain(
      'excluded from re-sits for the rest of 2022-23 (period 1',
    );
    await file.attempt(withoutResit.code, 'first sitting').getByText('0.0').waitFor();
    // No period-2 re-sit: a request to stay is refused with the rule, before it is even tried.
    expect(await sections.stay().innerText()).toContain('A request to stay cannot be recorded');
    const recordButton = sections.recordStayButton();
    expect(await recordButton.isDisabled()).toBe(true);
    expect(await recordButton.getAttribute('title')).toMatch(
      /^A request to stay cannot be recorded: .*\(Exchange guide, /,
    );
    await page.keyboard.press('Escape');
    await file.dialog.waitFor({ state: 'hidden' });

    // The student registered for a period-2 re-sit asks to stay.
    file = await exchange.openWithKeyboard(withResit.studentNumber);
    sections = new ResitSections(page, file.dialog);
    expect(await sections.registrationState().innerText()).toBe('active');
    await sections.recordStayRequest('2023-02-06', 'E-mail of 6 February');
    await sections
      .request()
      .getByText(/Asked on 2023-02-06 to stay for the period 2 re-sits/)
      .waitFor();
    expect(await sections.request().innerText()).toContain('(until 2023-03-31): E-mail of 6 February');
    await page.keyboard.press('Escape');
    await file.dialog.waitFor({ state: 'hidden' });

    // The worklist: every fall student with the outcome and its reasons.
    const retention = await ResitRetentionDialog.open(page);
    expect(await retention.outcome(withResit.studentNumber).innerText()).toBe('kept until 2023-03-31');
    const reasons = await retention.reasons(withResit.studentNumber).innerText();
    expect(reasons).toContain('Exchange guide, Location of the re-sit');
    expect(reasons).toContain(`registered for the re-sit of ${withResit.code}`);
    expect(await retention.outcome(withoutResit.studentNumber).innerText()).toBe('removed 2023-02-03');
    expect(await retention.reasons(withoutResit.studentNumber).innerText()).toContain(
      'Exchange guide, Plagiarism',
    );
    const total = await retention.rows().count();
    // The worklist scrolls in its own area under a header that stays in view; End reaches the last row.
    const scroll = await retention.scrollToLastRowWithKeyboard();
    expect(scroll.focusedIsLast).toBe(true);
    expect(scroll.firstRowTop).toBeLessThan(scroll.viewportTop);
    expect(Math.abs(scroll.headerTop - scroll.viewportTop)).toBeLessThan(2);
    expect(await retention.summary().innerText()).toContain(
      `${total} fall students: 1 kept until the re-sits`,
    );

    const dry = await retention.dryRun();
    expect(await dry.innerText()).toContain(`Would remove ${total - 1}, keep 1, 0 unchanged`);
    expect(await env.desk.database.db.selectFrom('exchangeRetentionRuns').select('id').execute()).toEqual([]);

    const result = await retention.run();
    expect(await result.innerText()).toContain(`Removed ${total - 1}, kept 1, 0 unchanged`);
    expect(await result.innerText()).toContain('UM account until 2023-05-30');
    await retention
      .runs()
      .getByText(`Run 1 on 2023-02-06 by Ingrid IRO: ${total - 1} removed, 1 kept, 0 unchanged`)
      .waitFor();
    await retention.row(withResit.studentNumber).getByText('recorded 2023-02-06').waitFor();
    await retention.close();

    // The overview and the student's panel show the state; the removed student can no longer register a re-sit.
    await exchange.page.getByLabel('Filter exchange students').fill(withResit.studentNumber);
    await page
      .getByLabel(`Registration of ${withResit.studentNumber}`)
      .getByText('kept until 2023-03-31')
      .waitFor();
    file = await exchange.openWithKeyboard(withResit.studentNumber);
    sections = new ResitSections(page, file.dialog);
    await sections.registrationState().filter({ hasText: 'kept until' }).waitFor();
    expect(await sections.registrationState().innerText()).toBe(
      'kept until 2023-03-31 for the period 2 re-sits',
    );
    // The stay's UM account end moved with the retention (last re-sit + 60 days).
    await file.dialog
      .getByLabel('UM account until', { exact: true })
      .filter({ hasText: '2023-05-30' })
      .waitFor();
    await page.keyboard.press('Escape');
    await file.dialog.waitFor({ state: 'hidden' });
    file = await exchange.openWithKeyboard(withoutResit.studentNumber);
    sections = new ResitSections(page, file.dialog);
    await sections.registrationState().filter({ hasText: 'removed' }).waitFor();
    expect(await sections.registrationState().innerText()).toBe(
      'removed from active registration on 2023-02-03',
    );
    expect(await sections.stay().getByRole('form').count()).toBe(0);
  });
});
