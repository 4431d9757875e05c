import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/core/context';
import { AppShell } from './pages/AppShell';
import { EnrolmentDeskPanel } from './pages/EnrolmentDeskPanel';
import { ImportExportPage } from './pages/ImportExportPage';
import { SignInPage } from './pages/SignInPage';
import { startEnvironment, testPassword, testStaff, type E2eEnvironment } from './support/environment';

let env: E2eEnvironment;
beforeAll(async () => {
  env = await startEnvironment({ seeded: true });
});
afterAll(async () => {
  await env.close();
});

async function courseCount(): Promise<number> {
  const envelope = await env.desk.invokeAsOperator(systemActor, 'catalogue:summary', {});
  if (!envelope.ok) throw new Error(envelope.error.message);
  return (envelope.value as { courses: number }).courses;
}

describe('import and export in the browser', () => {
  it('checks a file, names the bad row and column, imports nothing; then imports the corrected file', async () => {
    const { page, context } = await env.newPage();
    await new SignInPage(page).signIn(testStaff.desk.username, testPassword);
    await new AppShell(page).goTo('Import and export');
    const screen = new ImportExportPage(page);
    const before = await courseCount();

    await screen.chooseKind('Courses');
    const header = 'code;title;ects;period;faculty;coordinator;is_skills_training';
    await screen.chooseFile(
      'new-courses.csv',
      `${header}\nNEW1001;Law and Data;6,5;2;FL;Dr. Kaya;no\nNEW1002;Bad Period;6,5;7;FL;;no\n`,
    );
    await screen.check();
    await screen.problemRows().first().waitFor();
    const problem = await screen.problemRows().first().innerText();
    expect(problem).toMatch(/^3\s+period/);
    expect(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
    expect(await courseCount()).toBe(before);

    await screen.chooseFile(
      'new-courses.csv',
      `${header}\nNEW1001;Law and Data;6,5;2;FL;Dr. Kaya;no\nNEW1002;Good Period;6,5;6;FL;;no\n`,
    );
    await screen.check();
    await page.getByText('The file is fine').waitFor();
    await screen.importConfirmed();
    await new AppShell(page).notification(/Imported new-courses\.csv: 2 created/).waitFor();
    expect(await courseCount()).toBe(before + 2);
    await context.close();
  });

  it('checks an enrolments file with a bad row (nothing imported), then imports it fixed; the student page shows it', async () => {
    const created = await env.desk.invokeAsOperator(systemActor, 'students:create', {
      studentNumber: 'i7100001',
      familyName: 'Importova',
      givenNames: 'Irina',
      profile: {
        dateOfBirth: '2003-05-01',
        nationalities: ['DE'],
        registeredInBrp: true,
        residence: { countryOfResidence: 'NL' },
        priorEducation: { country: 'DE', diploma: 'other' },
      },
    });
    if (!created.ok) throw new Error(created.error.message);
    const studentId = (created.value as { id: number }).id;
    const enrolmentCount = async () => {
      const envelope = await env.desk.invokeAsOperator(systemActor, 'enrolments:ofStudent', { studentId });
      if (!envelope.ok) throw new Error(envelope.error.message);
      return (envelope.value as { enrolments: unknown[] }).enrolments.length;
    };

    const { page, context } = await env.newPage();
    await new SignInPage(page).signIn(testStaff.desk.username, testPassword);
    await new AppShell(page).goTo('Import and export');
    const screen = new ImportExportPage(page);
    await screen.chooseKind('Enrolment applications');
    await page.getByText(/Columns: student_number, academic_year, programme_code/).waitFor();
    const header = 'student_number,academic_year,programme_code,kind,mode,start_date,admission_status';
    await screen.chooseFile(
      'enrolments.csv',
      `${header}\ni7100001,2022-23,b-psychology,regular,full-time,2022-09-01,admitted\ni7100001,2022-23,b-astrology,regular,full-time,2022-09-01,admitted\n`,
    );
    await screen.check();
    await screen.problemRows().first().waitFor();
    expect(await screen.problemRows().first().innerText()).toMatch(
      /^3\s+programme_code\s+programme_code b-astrology is not a programme/,
    );
    expect(await screen.outcomeRows().nth(1).innerText()).toMatch(/^3\s+Problem/i);
    expect(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
    expect(await enrolmentCount()).toBe(0);

    await screen.chooseFile(
      'enrolments.csv',
      `${header}\ni7100001,2022-23,b-psychology,regular,full-time,2022-09-01,admitted\n`,
    );
    await screen.check();
    await page.getByText('The file is fine').waitFor();
    expect(await screen.outcomeRows().first().innerText()).toMatch(
      /^2\s+Create\s+the application of i7100001 for b-psychology in 2022-23/i,
    );
    expect(await enrolmentCount()).toBe(0);
    await screen.importConfirmed();
    await new AppShell(page).notification(/Imported enrolments\.csv: 1 created/).waitFor();
    expect(await enrolmentCount()).toBe(1);

    const desk = new EnrolmentDeskPanel(page);
    await desk.openStudent(env.bridge.url, studentId);
    expect(await desk.enrolment().innerText()).toContain('Psychology');
    await context.close();
  });

  it('exports the courses without programme as CSV that lists them', async () => {
    const { page, context } = await env.newPage();
    await new SignInPage(page).signIn(testStaff.iro.username, testPassword);
    await new AppShell(page).goTo('Import and export');
    const download = await new ImportExportPage(page).export('Courses without programme', 'CSV');
    expect(download.suggestedFilename()).toMatch(/^orphanCourses-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.split(/\r\n/)[0]).toContain('registered_students');
    const envelope = await env.desk.invokeAsOperator(systemActor, 'catalogue:listOrphanCourses', {});
    const orphans = envelope.ok ? (envelope.value as { code: string }[]) : [];
    expect(orphans.length).toBeGreaterThan(0);
    for (const orphan of orphans) expect(csv).toContain(orphan.code);
    await context.close();
  });
});
