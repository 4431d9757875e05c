import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/AppShell';
import { ExchangePage } from './pages/ExchangePage';
import { SignInPage } from './pages/SignInPage';
import { startEnvironment, testPassword, testStaff, type E2eEnvironment } from './support/environment';

// Mid-August 2022: registration for the fall periods is open (Exchange guide, Course registration periods).
const startedAt = Date.now();
const clock = { now: () => new Date(Date.parse('2022-08-15T09:00:00.000Z') + (Date.now() - startedAt)) };

let env: E2eEnvironment;
beforeAll(async () => {
  env = await startEnvironment({ seeded: true, clock });
});
afterAll(async () => {
  await env.close();
});

/** A demo exchange student of the fall who has no course yet, and three full courses of period 1. */
async function freshFallStudent() {
  const db = env.desk.database.db;
  const stay = await db
    .selectFrom('exchangeStays as s')
    .innerJoin('students as st', 'st.id', 's.studentId')
    .select(['st.studentNumber', 's.homeUniversity'])
    .where('s.semestersJson', '=', '["2022-fall"]')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('courseRegistrations as r')
            .select('r.courseId')
            .whereRef('r.studentId', '=', 's.studentId'),
        ),
      ),
    )
    .orderBy('s.id')
    .executeTakeFirstOrThrow();
  const courses = await db
    .selectFrom('courses')
    .select('code')
    .where('period', '=', 1)
    .where('isSkillsTraining', '=', 0)
    .where('ects', '>=', 6.5)
    .where('faculty', '=', 'SBE')
    .orderBy('code')
    .limit(3)
    .execute();
  return { ...stay, codes: courses.map((c) => c.code) };
}

describe('the IRO at the exchange screen', () => {
  it('registers courses, is refused a third in a period with the rule, drops one, records a grade that registers the re-sit, and deregisters and registers it again', async () => {
    const student = await freshFallStudent();
    const [first, second, third] = student.codes as [string, string, string];
    const { page } = await env.newPage();
    await new SignInPage(page).signIn(testStaff.iro.username, testPassword);
    await new AppShell(page).goTo('Exchange');
    const exchange = new ExchangePage(page);
    await exchange.filterSemester(/^Fall 2022/);
    await exchange.filterHomeUniversity(student.homeUniversity);
    await exchange.rows().first().waitFor();
    for (const text of await exchange.rows().allInnerTexts()) expect(text).toContain(student.homeUniversity);

    const file = await exchange.openWithKeyboard(student.studentNumber);
    // Nothing registered yet: period 1 breaks the minimum, with the guide's rule.
    expect(await file.violations(1).innerText()).toContain('at least one course per period');

    await file.registerCourse(1, first);
    await file.registration(first).waitFor();
    expect(await file.lastDecision().innerText()).toContain(`Registered for ${first}`);
    expect(await file.period(1).getByText('in order').count()).toBe(1);
    await file.registerCourse(1, second);
    await file.registration(second).waitFor();

    await file.registerCourse(1, third);
    const refusal = await file.refusal().innerText();
    expect(refusal).toContain('no more than two courses per period');
    expect(refusal).toContain('(Exchange guide, Course registration periods and deadlines)');
    expect(await file.registration(third).count()).toBe(0);

    // Before the registration deadline a drop leaves the transcript.
    await file.dropCourse(second);
    await file.lastDecision().getByText(`${second} dropped; it leaves the transcript`).waitFor();
    await file
      .registration(second)
      .getByText(/off the transcript/)
      .waitFor();
    // The only course of a period may not be dropped.
    await file.dropCourse(first);
    expect(await file.refusal().innerText()).toContain('not allowed to drop this course');

    await file.recordResult(first, 'First sitting', '4.5', '2022-10-28');
    await file.attempt(first, 're-sit').waitFor();
    expect(await file.attempt(first, 'first sitting').innerText()).toMatch(/4\.5\s+Insufficient/);
    expect(await file.attempt(first, 're-sit').innerText()).toContain('registered (automatically)');
    expect(await file.lastDecision().innerText()).toContain(`Result recorded for ${first}`);

    // The student may step out of the re-sit and back in.
    await file.deregisterResit(first);
    await file.attempt(first, 're-sit').getByText('deregistered').waitFor();
    await file.registerResit(first);
    await file.attempt(first, 're-sit').getByText('registered (on request)').waitFor();
  });

  it('shows the desk the same screen without the IRO actions', async () => {
    const { page } = await env.newPage();
    await new SignInPage(page).signIn(testStaff.desk.username, testPassword);
    await new AppShell(page).goTo('Exchange');
    const exchange = new ExchangePage(page);
    await exchange.rows().first().waitFor();
    const number = (await exchange.rows().first().innerText()).match(/i\d{7}/)?.[0] ?? '';
    const file = await exchange.openWithKeyboard(number);
    expect(await file.dialog.getByRole('form', { name: 'Register a course' }).count()).toBe(0);
    expect(await file.dialog.getByRole('button', { name: /^Drop / }).count()).toBe(0);
  });
});
