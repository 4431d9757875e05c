import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { studentProfileSchema } from '../../src/shared/facts/student-profile';
import { AppShell } from './pages/AppShell';
import { SignInPage } from './pages/SignInPage';
import { StudyProgressPage } from './pages/StudyProgressPage';
import { startEnvironment, testPassword, testStaff, type E2eEnvironment } from './support/environment';

let env: E2eEnvironment;
beforeAll(async () => {
  env = await startEnvironment({ seeded: true });
});
afterAll(async () => {
  await env.close();
});

/** A study-permit student of 2022-23 with 10 of the 30 ECTS required. */
async function studentBelowTheNorm(studentNumber: string): Promise<void> {
  const at = new Date().toISOString();
  const db = env.desk.database.db;
  const { id: studentId } = await db
    .insertInto('students')
    .values({
      studentNumber,
      familyName: 'Adeyemi',
      givenNames: 'Tolu',
      email: null,
      profileJson: JSON.stringify(
        studentProfileSchema.parse({
          dateOfBirth: '2002-04-05',
          nationalities: ['NG'],
          residence: { countryOfResidence: 'NL', permit: { type: 'study' } },
        }),
      ),
      createdAt: at,
      updatedAt: at,
      updatedBy: 'e2e set-up',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('enrolments')
    .values({
      studentId,
      academicYear: '2022-23',
      programmeCode: 'b-econometrics-and-operations-research',
      enrolmentKind: 'regular',
      mode: 'full-time',
      startDate: '2022-09-01',
      status: 'enrolled',
      feeFactsJson: '{}',
      feeKind: 'institutional',
      feeCents: 0,
      feeReasonsJson: '[]',
      createdAt: at,
      updatedAt: at,
      updatedBy: 'e2e set-up',
    })
    .execute();
  await db
    .insertInto('studyProgressCredits')
    .values({
      studentId,
      academicYear: '2022-23',
      courseCode: 'EBC1010',
      description: 'Mathematics I',
      creditsTenths: 100,
      obtainedOn: '2023-01-27',
      source: 'e2e set-up',
      createdAt: at,
      createdBy: 'e2e set-up',
    })
    .execute();
}

describe('the study progress list in the browser', () => {
  it('shows a student below the norm, records the adviser’s excusable reason, and leaves the student off the IND list', async () => {
    await studentBelowTheNorm('i6999001');
    const { page, context } = await env.newPage();
    await new SignInPage(page).signIn(testStaff.desk.username, testPassword);
    await new AppShell(page).goTo('Study progress');
    const progress = new StudyProgressPage(page);
    await progress.rows().first().waitFor();
    // The demo's study-permit students are on the list, some of them to notify.
    expect(await progress.rows().count()).toBeGreaterThan(50);

    await progress.filter('i6999001');
    const row = progress.row('i6999001');
    await row.waitFor();
    expect(await row.innerText()).toContain('10 / 30');
    expect(await row.innerText()).toMatch(/Notify the IND/i);

    await progress.open('i6999001');
    expect(await progress.reasonArticles()).toEqual(
      expect.arrayContaining([
        'Study progress, Study progress requirements',
        'Art 13.1f',
        'Study progress, Credits per year',
        'Study progress, IND',
      ]),
    );
    await progress.recordExcusableReason(
      'Serious illness',
      'Dr. M. Janssen',
      '2023-07-10',
      'Referred by the study adviser.',
    );
    await progress.dialog().waitFor({ state: 'hidden' });
    await expect.poll(() => row.innerText()).toMatch(/Excused/i);
    expect(await row.innerText()).toContain('Study adviser Dr. M. Janssen found an excusable reason');

    await progress.filter('');
    await progress.show(/^Notify the IND/);
    await progress.rows().first().waitFor();
    expect(await progress.row('i6999001').count()).toBe(0);
    const notifyCount = await progress.rows().count();
    expect(notifyCount).toBeGreaterThan(0);

    const download = await progress.download('CSV');
    expect(download.suggestedFilename()).toBe('ind-study-progress-2022-23.csv');
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    const lines = Buffer.concat(chunks)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Student number,Name,Date of birth,Nationality,Programme,Enrolled from,ECTS obtained,ECTS required,Ground,Article',
    );
    expect(lines).toHaveLength(notifyCount + 1);
    expect(lines.some((line) => line.startsWith('i6999001'))).toBe(false);
    await context.close();
  });

  it('lets the IRO read the list but not record an excusable reason', async () => {
    const { page, context } = await env.newPage();
    await new SignInPage(page).signIn(testStaff.iro.username, testPassword);
    await new AppShell(page).goTo('Study progress');
    const progress = new StudyProgressPage(page);
    await progress.show(/^Notify the IND/);
    const first = progress.rows().first();
    await first.waitFor();
    await first.focus();
    await page.keyboard.press('Enter');
    await progress.dialog().waitFor();
    expect(await progress.dialog().innerText()).toContain(
      'Excusable reasons are recorded by the desk or an administrator.',
    );
    expect(await progress.dialog().getByRole('button', { name: 'Record excusable reason' }).count()).toBe(0);
    await context.close();
  });
});
