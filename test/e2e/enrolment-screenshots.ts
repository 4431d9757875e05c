import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { systemActor } from '../../src/core/context';
import type { DeskEnrolment, DocumentRecord } from '../../src/shared/api/enrolments.contract';
import { AppShell } from './pages/AppShell';
import { ApplyForEnrolmentDialog } from './pages/ApplyForEnrolmentDialog';
import { DocumentsPage } from './pages/DocumentsPage';
import { EnrolmentDeskPanel } from './pages/EnrolmentDeskPanel';
import { NewStudentDialog } from './pages/NewStudentDialog';
import { StartDateRunDialog } from './pages/StartDateRunDialog';
import type { E2eEnvironment } from './support/environment';

const pdf = Buffer.from('%PDF-1.4\n% scan\n%%EOF\n');

async function operator<T>(env: E2eEnvironment, name: string, input: unknown): Promise<T> {
  const result = await env.desk.invokeAsOperator(systemActor, name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

/** Adds an applicant with a profile and an application for B Psychology; returns the student and enrolment. */
async function addApplicant(
  env: E2eEnvironment,
  student: { studentNumber: string; familyName: string; givenNames: string },
  profile: object,
  nationalities: string[],
  request: object = {},
) {
  const at = env.desk.clock.now().toISOString(); // the desk's day, as the screens show it
  const { id } = await env.desk.database.db
    .insertInto('students')
    .values({
      ...student,
      email: null,
      profileJson: JSON.stringify(profile),
      createdAt: at,
      updatedAt: at,
      updatedBy: 'demo',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const enrolment = await operator<DeskEnrolment>(env, 'enrolments:apply', {
    studentId: id,
    request: {
      academicYear: '2022-23',
      programmeCode: 'b-psychology',
      startDate: '2022-09-01',
      admission: { status: 'admitted' },
      ...request,
    },
    facts: { programmeCode: 'b-psychology', nationalities, startDate: '2022-09-01' },
  });
  return { id, enrolment };
}

const recordOf = (e: DeskEnrolment, letter: string) => {
  const record = e.checklist?.find((d) => d.document === letter)?.record;
  if (!record) throw new Error(`no document ${letter}`);
  return record;
};

/** Screenshots of the enrolment desk on a student's page, its dialogs and the Documents worklist. */
export async function takeEnrolmentDeskScreenshots(env: E2eEnvironment, page: Page, out: string) {
  // A real PNG for the photo (document g): a corner of the screen as it is now.
  const photo = await page.screenshot({ clip: { x: 0, y: 0, width: 360, height: 420 } });
  const { id, enrolment } = await addApplicant(
    env,
    { studentNumber: 'i6980001', familyName: 'Okafor', givenNames: 'Chidera' },
    {
      dateOfBirth: '2000-02-10',
      nationalities: ['NG'],
      residence: { countryOfResidence: 'NG', permit: { type: 'study', validFrom: '2022-08-25' } },
      priorEducation: { country: 'NG', diploma: 'other' },
    },
    ['NG'],
    { nonEuEnrolmentDeadline: '2022-05-01' },
  );
  const receive = (d: DocumentRecord, bytes: Buffer, fileName: string) =>
    operator<DocumentRecord>(env, 'enrolments:receiveDocument', {
      documentId: d.id,
      expectedVersion: d.version,
      fileName,
      contentBase64: bytes.toString('base64'),
    });
  const a = await receive(recordOf(enrolment, 'a'), pdf, 'waec-certificate.pdf');
  await operator(env, 'enrolments:verifyDocument', { documentId: a.id, expectedVersion: a.version });
  const b = await receive(recordOf(enrolment, 'b'), pdf, 'ielts.pdf');
  await operator(env, 'enrolments:rejectDocument', {
    documentId: b.id,
    expectedVersion: b.version,
    reason: 'IELTS overall band 6.0; the programme asks 6.5',
  });
  await receive(recordOf(enrolment, 'g'), photo, 'photo.png');
  await operator(env, 'enrolments:transition', {
    enrolmentId: enrolment.enrolment.id,
    expectedVersion: enrolment.enrolment.version,
    to: 'awaiting-documents',
    reason: 'Documents requested by e-mail',
  });
  await addApplicant(
    env,
    { studentNumber: 'i6980002', familyName: 'Schmidt', givenNames: 'Lena' },
    {
      dateOfBirth: '2003-05-01',
      nationalities: ['DE'],
      registeredInBrp: true,
      residence: { countryOfResidence: 'NL' },
      priorEducation: { country: 'DE' },
    },
    ['DE'],
  );
  await addApplicant(
    env,
    { studentNumber: 'i6980003', familyName: 'Nowak', givenNames: 'Piotr' },
    { dateOfBirth: '2001-07-12', nationalities: ['PL'], residence: { countryOfResidence: 'PL' } },
    ['PL'],
    { admission: { status: 'pending' } },
  );

  const panel = new EnrolmentDeskPanel(page);
  await panel.openStudent(env.bridge.url, id);
  await panel.section().scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(out, '30-enrolment-desk.png'), fullPage: true });
  const preview = await panel.preview('g');
  await preview.locator('img').waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, '31-document-preview.png') });
  await page.keyboard.press('Escape');
  await preview.waitFor({ state: 'hidden' });
  await panel.enrolment().getByRole('button', { name: 'Deny' }).click();
  await page
    .getByRole('dialog')
    .getByLabel('Reason')
    .fill('Diploma not received before the Art 12.3 deadline');
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, '32-deny-confirmation.png') });
  await page.keyboard.press('Escape');
  await new AppShell(page).goTo('Documents');
  await new DocumentsPage(page).rows().first().waitFor();
  await page.screenshot({ path: join(out, '33-documents-worklist.png') });
}

/** Screenshots of the dialogs that add a student, record an application and run the start date (Art 13.3). */
export async function takeApplicationScreenshots(env: E2eEnvironment, page: Page, out: string) {
  const shell = new AppShell(page);
  await shell.goTo('Students and fees');
  const newStudent = new NewStudentDialog(page);
  await newStudent.open();
  await newStudent.fill({
    studentNumber: 'i6980001',
    givenNames: 'Αικατερίνη',
    familyName: 'Βασιλείου',
    email: 'a.vasileiou@example.org',
    dateOfBirth: '2004-01-15',
    livesIn: { type: 'Greece', option: 'Greece (GR)' },
    nationalities: [{ type: 'Greece', option: 'Greece (GR)' }],
  });
  await newStudent.submit();
  await newStudent.fieldError('Student number').waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, '34-new-student.png') });
  await page.keyboard.press('Escape');

  const fraud = await operator<{ id: number }>(env, 'students:create', {
    studentNumber: 'i6980004',
    givenNames: 'Jonas',
    familyName: 'Berg',
    profile: {
      dateOfBirth: '2001-06-01',
      nationalities: ['SE'],
      registeredInBrp: true,
      residence: { countryOfResidence: 'NL' },
      priorEducation: { country: 'SE' },
      refusalFlags: { seriousFraudTermination: { terminatedOn: '2021-03-01' } },
    },
  });
  await page.goto(`${env.bridge.url}/#/students?id=${fraud.id}`);
  const apply = new ApplyForEnrolmentDialog(page);
  await apply.open();
  await apply.chooseProgramme('Psycho', 'B Psychology');
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, '35-apply-for-enrolment.png') });
  await apply.submit();
  await apply.refusal().waitFor();
  await apply.refusal().scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, '36-apply-refused.png') });
  await page.keyboard.press('Escape');

  await shell.goTo('Documents');
  const run = new StartDateRunDialog(page);
  await run.open();
  await run.dryRun('2022-09-01');
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, '37-start-date-run.png') });
  await run.dialog().getByRole('button', { name: 'Apply…' }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, '38-start-date-run-confirm.png') });
  await run.dialog().getByRole('button', { name: 'Apply the start-date run' }).click();
  await run.dialog().getByText('Applied', { exact: true }).waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, '39-start-date-run-applied.png') });
  await page.keyboard.press('Escape');
}
