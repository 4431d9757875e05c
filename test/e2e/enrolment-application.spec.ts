import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/core/context';
import { inspectPdf } from '../../src/core/testing/pdf-inspection';
import { AppShell } from './pages/AppShell';
import { ApplyForEnrolmentDialog } from './pages/ApplyForEnrolmentDialog';
import { EnrolmentDeskPanel } from './pages/EnrolmentDeskPanel';
import { NewStudentDialog } from './pages/NewStudentDialog';
import { SignInPage } from './pages/SignInPage';
import { StartDateRunDialog } from './pages/StartDateRunDialog';
import { StudentFilePage } from './pages/StudentFilePage';
import { startEnvironment, testPassword, testStaff, type E2eEnvironment } from './support/environment';

let env: E2eEnvironment;
const newNumber = 'i6990101';

beforeAll(async () => {
  env = await startEnvironment({ seeded: true });
});
afterAll(async () => {
  await env.close();
});

describe('applying for an enrolment in the browser', () => {
  it('adds a student, applies for an enrolment with the facts of the profile, and shows the fee and the documents', async () => {
    const { page, context } = await env.newPage();
    await new SignInPage(page).signIn(testStaff.desk.username, testPassword);
    const shell = new AppShell(page);
    await shell.goTo('Students and fees');

    // A Greek national living in the Netherlands, names in Greek script.
    const newStudent = new NewStudentDialog(page);
    await newStudent.open();
    await newStudent.fill({
      studentNumber: newNumber,
      givenNames: 'Ελένη',
      familyName: 'Παπαδοπούλου',
      email: 'eleni@example.org',
      dateOfBirth: '2003-03-03',
      livesIn: { type: 'Netherl', option: 'Netherlands (NL)' },
      nationalities: [{ type: 'Greece', option: 'Greece (GR)' }],
    });
    await newStudent.submit();
    const file = new StudentFilePage(page);
    await expect.poll(() => file.studentName().innerText()).toContain('Παπαδοπούλου');
    expect(await page.getByLabel('Student number').innerText()).toBe(newNumber);

    // The same number again is refused beside its field, saying whose it is.
    await page.getByRole('button', { name: 'All students' }).click();
    await newStudent.open();
    await newStudent.fill({ studentNumber: newNumber, givenNames: 'Other', familyName: 'Person' });
    await newStudent.submit();
    await expect
      .poll(() => newStudent.fieldError('Student number').textContent())
      .toMatch(/already in use \(Ελένη Παπαδοπούλου\)/);
    await page.keyboard.press('Escape');

    await file.search(newNumber);
    await file.openFirstResultWithKeyboard();

    // Apply: the fee facts come from the profile.
    const apply = new ApplyForEnrolmentDialog(page);
    await apply.open();
    await apply.chooseProgramme('Psycho', 'B Psychology');
    expect(await apply.factsNationalities()).toEqual(['Greece (GR)']);
    await apply.submit();
    await shell.notification(/Application recorded: .*Psychology, fee €.* charged/).waitFor();
    await apply.dialog().waitFor({ state: 'hidden' });

    const panel = new EnrolmentDeskPanel(page);
    await panel.documentRow('a').waitFor();
    expect(await panel.statusText()).toBe('Applied');
    expect(await panel.documentStatus('a')).toBe('Requested');
    expect(await panel.enrolment().innerText()).toMatch(/fee €\s?[\d,.]+/);
    expect(await page.getByLabel('Balance').textContent()).toMatch(/^Owes €1,105\.00$/);
    await context.close();
  });

  it('shows the article when Art 3 refuses the application (a termination for serious fraud)', async () => {
    const created = await env.desk.invokeAsOperator(systemActor, 'students:create', {
      studentNumber: 'i6990102',
      givenNames: 'Marek',
      familyName: 'Novák',
      profile: {
        dateOfBirth: '2001-06-01',
        nationalities: ['CZ'],
        residence: { countryOfResidence: 'NL' },
        refusalFlags: { seriousFraudTermination: { terminatedOn: '2021-03-01' } },
      },
    });
    if (!created.ok) throw new Error(created.error.message);
    const { page, context } = await env.newPage();
    await new SignInPage(page).signIn(testStaff.desk.username, testPassword);
    await page.goto(`${env.bridge.url}/#/students?id=${(created.value as { id: number }).id}`);
    const apply = new ApplyForEnrolmentDialog(page);
    await apply.open();
    await apply.chooseProgramme('Psycho', 'B Psychology');
    await apply.submit();
    await apply.refusal().waitFor();
    expect(await apply.refusal().innerText()).toContain('Art 3.2');
    await context.close();
  });

  it('lists the enrolment with missing documents in a dry run, applies Art 13.3 and writes the letter', async () => {
    const { page, context } = await env.newPage();
    await new SignInPage(page).signIn(testStaff.desk.username, testPassword);
    await new AppShell(page).goTo('Documents');
    const run = new StartDateRunDialog(page);
    await run.open();
    await run.dryRun('2022-09-01');
    await run.row(newNumber).waitFor();
    // The diploma (a) is missing on the start date: no enrolment (Art 13.3).
    const expected = await run.outcome(newNumber);
    expect(['Denied', 'Administrative hold']).toContain(expected);
    expect(await run.row(newNumber).innerText()).toContain('Art 13.3');

    await run.apply();
    expect(await run.outcome(newNumber)).toBe(expected);
    const letter = await run.downloadLetter(newNumber);
    expect(letter.fileName).toMatch(/\.pdf$/);
    const { flatText } = inspectPdf(letter.bytes);
    expect(flatText).toContain('Παπαδοπούλου');
    expect(flatText).toContain('Art 13.3');
    await page.keyboard.press('Escape');

    const panel = new EnrolmentDeskPanel(page);
    const student = await env.desk.database.db
      .selectFrom('students')
      .select('id')
      .where('studentNumber', '=', newNumber)
      .executeTakeFirstOrThrow();
    await panel.openStudent(env.bridge.url, student.id);
    await expect.poll(() => panel.statusText()).toBe(expected);
    await context.close();
  });
});
