import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStoredZip } from '../../src/core/zip/stored-zip';
import { AppShell } from './pages/AppShell';
import { ExchangePage } from './pages/ExchangePage';
import { TranscriptBatchDialog, TranscriptPreviewDialog } from './pages/ExchangeTranscripts';
import { SignInPage } from './pages/SignInPage';
import { startEnvironment, testPassword, testStaff, type E2eEnvironment } from './support/environment';

// Mid-August 2022: registration for the fall periods is open (Exchange guide, Course registration periods).
const startedAt = Date.now();
const clock = { now: () => new Date(Date.parse('2022-08-15T09:00:00.000Z') + (Date.now() - startedAt)) };
const today = '2022-08-15';

let env: E2eEnvironment;
beforeAll(async () => {
  env = await startEnvironment({ seeded: true, clock });
});
afterAll(async () => {
  await env.close();
});

/** A demo exchange student of the fall only who has no course yet, and three full SBE courses of period 1. */
async function freshFallStudent() {
  const db = env.desk.database.db;
  const stay = await db
    .selectFrom('exchangeStays as s')
    .innerJoin('students as st', 'st.id', 's.studentId')
    .select(['st.studentNumber', 'st.givenNames', 'st.familyName', 's.homeUniversity'])
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
    .select(['code', 'title'])
    .where('period', '=', 1)
    .where('isSkillsTraining', '=', 0)
    .where('ects', '>=', 6.5)
    .where('faculty', '=', 'SBE')
    .orderBy('code')
    .limit(3)
    .execute();
  return { ...stay, name: `${stay.givenNames} ${stay.familyName}`, courses };
}

/** The text of a PDF as pdftotext reads it. */
function pdfText(bytes: Buffer): string {
  return execFileSync('pdftotext', ['-layout', '-', '-'], { input: bytes }).toString('utf8');
}

describe('transcripts at the exchange screen', () => {
  it('registers courses, is refused one with the rule, previews the transcript with its PDF, marks it sent, and runs the semester batch to a ZIP', async () => {
    const student = await freshFallStudent();
    const [first, second, third] = student.courses as [
      { code: string; title: string },
      { code: string; title: string },
      { code: string; title: string },
    ];
    const { page, context } = await env.newPage();
    // The browser's clock stays real: date fields default to the desk's today (its clock), not the browser's.
    await new SignInPage(page).signIn(testStaff.iro.username, testPassword);
    await new AppShell(page).goTo('Exchange');
    const exchange = new ExchangePage(page);
    await exchange.rows().first().waitFor();
    const file = await exchange.openWithKeyboard(student.studentNumber);

    await file.registerCourse(1, first.code);
    await file.registration(first.code).waitFor();
    await file.registerCourse(1, second.code);
    await file.registration(second.code).waitFor();
    // A third course in one period breaks the guide's limit: refused, with the rule it rests on.
    await file.registerCourse(1, third.code);
    const refusal = await file.refusal().innerText();
    expect(refusal).toContain('no more than two courses per period');
    expect(refusal).toContain('(Exchange guide, Course registration periods and deadlines)');
    expect(await file.registration(third.code).count()).toBe(0);

    // The transcript as the home university will get it.
    const preview = await TranscriptPreviewDialog.openFrom(file);
    const summary = await preview.summary().innerText();
    expect(summary).toContain(`TOR-${student.studentNumber}-2022-23`);
    expect(summary).toContain(student.homeUniversity);
    expect(await preview.courses()).toEqual([
      [`${first.code} ${first.title}`, '2022-23 P1', '6.5', '–', 'In progress'],
      [`${second.code} ${second.title}`, '2022-23 P1', '6.5', '–', 'In progress'],
    ]);
    expect(await preview.totals().innerText()).toMatch(/Total 2 courses\s+13\s+0 ECTS obtained/);
    // The PDF itself is shown beside the summary, from the bytes the desk rendered (a blob: URL; the CSP keeps
    // the page from reading it back), and downloading gives the same PDF to check.
    expect(await preview.pdfFrame().getAttribute('src')).toMatch(/^blob:/);
    // A preview is not sent: its files come once the transcript is issued (registered, with a code).
    expect(await preview.dialog.getByRole('alert').filter({ hasText: 'Preview — not issued' }).count()).toBe(
      1,
    );
    expect(await preview.downloadButton('PDF').isDisabled()).toBe(true);
    expect(await preview.issue()).toMatch(/^Issued as UM-2022-\d{6}$/);
    const pdf = await preview.download('PDF');
    expect(pdf.fileName).toBe(`TOR-${student.studentNumber}-2022-23.pdf`);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf.bytes);
    expect(text).toContain('Transcript of records');
    expect(text).toContain(student.name);
    expect(text).toContain(first.code);
    expect(text).toContain(second.code);
    expect(text).not.toContain(third.code);
    expect(text).toContain('Verification code');
    expect(text).not.toContain('Preview');
    const elmo = await preview.download('ELMO XML');
    expect(elmo.fileName).toBe(`TOR-${student.studentNumber}-2022-23.elmo.xml`);
    expect(elmo.bytes.toString('utf8')).toContain('<type>Transcript of Records</type>');

    // Sent home today, with a confirmation first.
    expect(await preview.sentDates().innerText()).toBe('Not recorded as sent yet.');
    expect(await preview.sentOnField().inputValue()).toBe(today);
    await preview.markSent();
    await preview.sentDates().getByText(today).waitFor();
    await preview.close();
    await page.keyboard.press('Escape');
    await file.dialog.waitFor({ state: 'detached' });

    // The end of the semester: every fall student's transcript in one batch.
    const batch = await TranscriptBatchDialog.open(page);
    await batch.chooseSemester('Fall 2022');
    await batch.start();
    await batch.progress().waitFor();
    await batch.state().filter({ hasText: 'Completed' }).waitFor({ timeout: 120_000 });
    expect(await batch.progress().getAttribute('aria-valuenow')).toBe('100');
    const rows = await batch.results();
    const produced = rows.filter((row) => row[3] === 'produced');
    const refused = rows.filter((row) => row[3] === 'refused');
    expect(await batch.counts().innerText()).toBe(
      `${rows.length} of ${rows.length} handled: ${produced.length} produced, ${refused.length} refused`,
    );
    const mine = rows.find((row) => row[0] === student.studentNumber);
    expect(mine?.slice(1, 4)).toEqual([student.name, student.homeUniversity, 'produced']);
    expect(mine?.[4]).toMatch(
      new RegExp(`^TOR-${student.studentNumber}-2022-23 \\(UM-\\d{4}-\\d{6}\\) · 2 courses, 0 ECTS obtained`),
    );
    expect(mine?.[5]).toBe(today);
    // Full-year students wait for the end of their exchange, with the rule.
    expect(refused.some((row) => row[4]?.includes('The exchange goes on until Spring 2023'))).toBe(true);
    for (const row of refused) expect(row[4]).toContain('Exchange guide, Grade transcripts');

    const zip = await batch.downloadZip();
    expect(zip.fileName).toBe('transcripts-2022-fall.zip');
    const entries = readStoredZip(zip.bytes);
    const names = entries.map((e) => e.name);
    expect(names.filter((name) => name.endsWith('.pdf'))).toHaveLength(produced.length);
    expect(names).toContain(`TOR-${student.studentNumber}-2022-23.elmo.xml`);
    expect(names).toContain(`TOR-${student.studentNumber}-2022-23.tors.xml`);
    expect(names.at(-1)).toBe('transcript-results.csv');
    const zippedPdf = entries.find((e) => e.name === `TOR-${student.studentNumber}-2022-23.pdf`);
    expect(pdfText(Buffer.from(zippedPdf?.bytes ?? []))).toContain(first.code);

    // All produced transcripts sent home today; the one recorded before is not recorded twice.
    await batch.markAllSent();
    await page
      .getByText(
        `${produced.length - 1} transcripts recorded as sent on ${today}; 1 already recorded that day.`,
      )
      .waitFor();
    for (const row of (await batch.results()).filter((r) => r[3] === 'produced')) expect(row[5]).toBe(today);
    const dispatches = await env.desk.database.db
      .selectFrom('exchangeTranscriptDispatches')
      .select('sentOn')
      .execute();
    expect(dispatches).toHaveLength(produced.length);
    await context.close();
  });

  it('shows the desk the transcript preview without marking it sent, and no semester batch', async () => {
    const { page, context } = await env.newPage();
    await new SignInPage(page).signIn(testStaff.desk.username, testPassword);
    await new AppShell(page).goTo('Exchange');
    const exchange = new ExchangePage(page);
    await exchange.rows().first().waitFor();
    expect(await page.getByRole('button', { name: 'Transcripts', exact: true }).count()).toBe(0);
    const number = (await exchange.rows().first().innerText()).match(/i\d{7}/)?.[0] ?? '';
    const preview = await TranscriptPreviewDialog.openFrom(await exchange.openWithKeyboard(number));
    expect(await preview.summary().innerText()).toContain(`TOR-${number}-2022-23`);
    expect(
      await preview.dialog.getByRole('button', { name: 'Mark as sent to home university' }).count(),
    ).toBe(0);
    expect(await preview.dialog.getByRole('button', { name: 'Issue transcript' }).count()).toBe(0);
    expect(await preview.downloadButton('PDF').isDisabled()).toBe(true);
    await context.close();
  });
});
