import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/core/context';
import type { DeskEnrolment } from '../../src/shared/api/enrolments.contract';
import { AppShell } from './pages/AppShell';
import { DocumentsPage } from './pages/DocumentsPage';
import { EnrolmentDeskPanel } from './pages/EnrolmentDeskPanel';
import { SignInPage } from './pages/SignInPage';
import { startEnvironment, testPassword, testStaff, type E2eEnvironment } from './support/environment';

let env: E2eEnvironment;
let studentId: number;
const studentNumber = 'i6990001';

/** A one-page PDF, as a scanner would write it (small, but a real PDF). */
const scan = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

beforeAll(async () => {
  env = await startEnvironment({ seeded: true });
  const at = new Date().toISOString();
  const row = await env.desk.database.db
    .insertInto('students')
    .values({
      studentNumber,
      familyName: 'Kowalska',
      givenNames: 'Zofia',
      email: null,
      // A Polish national in the BRP with a Polish diploma: documents a, b and g (Art 13.1).
      profileJson: JSON.stringify({
        dateOfBirth: '2003-04-02',
        nationalities: ['PL'],
        registeredInBrp: true,
        residence: { countryOfResidence: 'NL' },
        priorEducation: { country: 'PL', diploma: 'other' },
      }),
      createdAt: at,
      updatedAt: at,
      updatedBy: 'e2e',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  studentId = row.id;
  const applied = await env.desk.invokeAsOperator(systemActor, 'enrolments:apply', {
    studentId,
    request: {
      academicYear: '2022-23',
      programmeCode: 'b-psychology',
      startDate: '2022-09-01',
      admission: { status: 'admitted' },
    },
    facts: { programmeCode: 'b-psychology', nationalities: ['PL'], startDate: '2022-09-01' },
  });
  if (!applied.ok) throw new Error(applied.error.message);
  expect((applied.value as DeskEnrolment).enrolment.status).toBe('applied');
});
afterAll(async () => {
  await env.close();
});

describe('the enrolment desk in the browser', () => {
  it('receives, verifies and rejects documents, updates the worklist, and places and lifts a hold', async () => {
    const { page, context } = await env.newPage();
    await new SignInPage(page).signIn(testStaff.desk.username, testPassword);
    const shell = new AppShell(page);
    const panel = new EnrolmentDeskPanel(page);
    await panel.openStudent(env.bridge.url, studentId);
    expect(await panel.statusText()).toBe('Applied');
    expect(await panel.documentStatus('a')).toBe('Requested');
    expect(await panel.documentRow('d').textContent()).toContain('not required');

    // Receive the diploma (a) as a PDF, preview it, verify it.
    await panel.receive('a', { name: 'diploma.pdf', mimeType: 'application/pdf', buffer: scan });
    await shell.notification('Document a received: diploma.pdf.').waitFor();
    await expect.poll(() => panel.documentStatus('a')).toBe('Received');
    const preview = await panel.preview('a');
    expect(await preview.locator('iframe').getAttribute('src')).toMatch(/^blob:/);
    await page.keyboard.press('Escape');
    await preview.waitFor({ state: 'hidden' });
    await panel.verify('a');
    await expect.poll(() => panel.documentStatus('a')).toBe('Verified');
    expect(await panel.documentRow('a').innerText()).toMatch(/Verified .* by Dirk Desk/);

    // A scan that is not a PDF, JPG or PNG is refused.
    await panel.receive('b', {
      name: 'notes.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('plain text'),
    });
    await shell.notification(/is not a PDF, JPG or PNG file/).waitFor();
    expect(await panel.documentStatus('b')).toBe('Requested');

    // Receive the language certificate (b) and reject it with a reason.
    await panel.receive('b', { name: 'ielts.pdf', mimeType: 'application/pdf', buffer: scan });
    await expect.poll(() => panel.documentStatus('b')).toBe('Received');
    await panel.reject('b', 'IELTS score below the programme requirement');
    await expect.poll(() => panel.documentStatus('b')).toBe('Rejected');
    expect(await panel.documentRow('b').innerText()).toContain(
      'Rejected: IELTS score below the programme requirement',
    );

    // The worklist shows what is still missing: b rejected and g requested; a no longer.
    await shell.goTo('Documents');
    const documents = new DocumentsPage(page);
    await documents.row(studentNumber).first().waitFor();
    expect(await documents.missing(studentNumber)).toEqual(['b rejected', 'g']);
    await documents.open(studentNumber);
    await panel.section().waitFor();

    // An administrative hold, and lifting it back to the status before it.
    await panel.changeStatus('Place hold', 'UM card blocked until the language test is in');
    await expect.poll(() => panel.statusText()).toBe('Administrative hold');
    await panel.changeStatus(/^Lift hold/, 'New IELTS result announced');
    await expect.poll(() => panel.statusText()).toBe('Applied');
    const history = await panel.historyRows().allInnerTexts();
    expect(history.slice(-2).join('\n')).toMatch(
      /Applied → Administrative hold\s+UM card blocked[\s\S]*Administrative hold → Applied\s+New IELTS result announced/,
    );
    await context.close();
  });
});
