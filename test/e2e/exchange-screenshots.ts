import { join } from 'node:path';
import { AppShell } from './pages/AppShell';
import { ExchangePage } from './pages/ExchangePage';
import { SignInPage } from './pages/SignInPage';
import { testPassword, testStaff, type E2eEnvironment } from './support/environment';

/** The IRO's exchange screen: the overview, a student with results and a re-sit, a refusal, an extension check. */
export async function takeExchangeScreenshots(env: E2eEnvironment, out: string): Promise<void> {
  const db = env.desk.database.db;
  // A fall student with an automatic re-sit registration: results, re-sit and GPA all show.
  const student = await db
    .selectFrom('examAttempts as a')
    .innerJoin('students as s', 's.id', 'a.studentId')
    .innerJoin('exchangeStays as x', 'x.studentId', 's.id')
    .select(['s.id', 's.studentNumber'])
    .where('a.registeredHow', '=', 'automatic')
    .where('x.semestersJson', '=', '["2022-fall"]')
    .orderBy('s.id')
    .executeTakeFirstOrThrow();
  const course = await db
    .selectFrom('courses')
    .select('code')
    .where('period', '=', 2)
    .where('faculty', '=', 'SBE')
    .where('isSkillsTraining', '=', 0)
    .where(
      'id',
      'not in',
      db.selectFrom('courseRegistrations').select('courseId').where('studentId', '=', student.id),
    )
    .orderBy('code')
    .executeTakeFirstOrThrow();
  // An IRO officer in a window of their own, so the administrator's session stays for the screens after.
  const { page, context } = await env.newPage();
  await new SignInPage(page).signIn(testStaff.iro.username, testPassword);
  await new AppShell(page).goTo('Exchange');
  const exchange = new ExchangePage(page);
  await exchange.rows().first().waitFor();
  await page.screenshot({ path: join(out, '70-exchange-overview.png') });
  await exchange.filterSemester(/^Fall 2022/);
  await exchange.rows().first().waitFor();
  await page.screenshot({ path: join(out, '71-exchange-overview-fall.png') });
  const file = await exchange.openWithKeyboard(student.studentNumber);
  await page.waitForTimeout(300); // let the dialog finish opening
  await page.screenshot({ path: join(out, '72-exchange-student.png') });
  // Registration for period 2 closed on 10 October 2022, before the desk's day (17 October): the refusal shows with its rule.
  await file.registerCourse(2, course.code);
  await file.refusal().waitFor();
  await page.screenshot({ path: join(out, '73-exchange-refusal.png') });
  const extension = file.dialog.getByRole('region', { name: 'Extension' });
  await extension.getByLabel('Requested on').fill('2023-01-02');
  await extension.getByLabel('Home university permits').check();
  await extension.getByRole('button', { name: 'Check conditions' }).click();
  await extension.getByRole('list', { name: 'Extension conditions' }).waitFor();
  await extension.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(out, '74-exchange-extension.png') });
  await context.close();
}
