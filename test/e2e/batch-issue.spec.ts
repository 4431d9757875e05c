import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectPdf } from '../../src/core/testing/pdf-inspection';
import { readStoredZip } from '../../src/core/zip/stored-zip';
import { batchSelection } from '../../src/core/modules/issuing/issuing-batches';
import { systemActor } from '../../src/core/context';
import { AppShell } from './pages/AppShell';
import { BatchIssuePage } from './pages/BatchIssuePage';
import { SignInPage } from './pages/SignInPage';
import { startEnvironment, testPassword, testStaff, type E2eEnvironment } from './support/environment';

let env: E2eEnvironment;
beforeAll(async () => {
  env = await startEnvironment({ seeded: true });
});
afterAll(async () => {
  await env.close();
});

/** The demo programmes with enrolled students in the latest year, fewest first. */
async function programmesOfDemo() {
  const selection = await batchSelection(
    { db: env.desk.database.db, clock: { now: () => new Date() }, actor: systemActor },
    { kind: 'enrolment-certificate' },
  );
  return selection.programmes.filter((p) => p.enrolments >= 2).sort((a, b) => a.enrolments - b.enrolments);
}

describe('the Batch issue screen', () => {
  it('issues certificates of enrolment for a programme with progress and results, and hands over the PDFs as a ZIP', async () => {
    const [programme] = await programmesOfDemo();
    if (!programme) throw new Error('the demo data has no programme with two enrolled students');
    const { page, context } = await env.newPage();
    await new SignInPage(page).signIn(testStaff.desk.username, testPassword);
    await new AppShell(page).goTo('Batch issue');
    const batch = new BatchIssuePage(page);
    await batch.chooseKind('Certificate of enrolment');
    await batch.chooseProgramme(programme.name);
    expect(await batch.preview().innerText()).toContain(
      `${programme.enrolments} enrolments of ${programme.name}`,
    );

    await batch.start();
    await batch.progress().waitFor();
    await batch.state().filter({ hasText: 'Completed' }).waitFor({ timeout: 60_000 });
    expect(await batch.progress().getAttribute('aria-valuenow')).toBe('100');
    expect(await batch.counts().innerText()).toBe(
      `${programme.enrolments} of ${programme.enrolments} handled: ${programme.enrolments} issued, 0 refused`,
    );
    const rows = await batch.results();
    expect(rows).toHaveLength(programme.enrolments);
    for (const row of rows) {
      expect(row[2]).toBe('issued');
      expect(row[3]).toMatch(/^UM-\d{4}-\d{6}$/);
    }

    const zip = await batch.downloadZip();
    expect(zip.fileName).toMatch(/^enrolment-certificate-.+\.zip$/);
    const entries = readStoredZip(zip.bytes);
    const pdfs = entries.filter((e) => e.name.endsWith('.pdf'));
    expect(pdfs).toHaveLength(programme.enrolments);
    expect(entries.map((e) => e.name)).toContain('batch-results.csv');
    for (const [i, pdf] of pdfs.entries()) {
      const text = inspectPdf(Buffer.from(pdf.bytes)).flatText;
      expect(text).toContain('Certificate of enrolment');
      expect(text).toContain(programme.name);
      expect(pdf.name.startsWith(rows[i]?.[3] ?? '?')).toBe(true);
      expect(text).toContain(rows[i]?.[1]);
    }
    await context.close();
  });

  it('cancels a running batch, keeping the documents issued so far, which the ZIP then holds', async () => {
    const largest = (await programmesOfDemo()).at(-1);
    if (!largest) throw new Error('the demo data has no programme with enrolled students');
    const { page, context } = await env.newPage();
    await new SignInPage(page).signIn(testStaff.desk.username, testPassword);
    await new AppShell(page).goTo('Batch issue');
    const batch = new BatchIssuePage(page);
    await batch.chooseKind('Certificate of enrolment');
    await batch.chooseProgramme(largest.name);
    await batch.start();
    await batch.page.getByRole('button', { name: 'Cancel batch' }).waitFor();
    const wasCancelled = await batch.cancel();
    await batch
      .state()
      .filter({ hasText: wasCancelled ? /Cancelled|Completed/ : 'Completed' })
      .waitFor({ timeout: 60_000 });
    const rows = await batch.results();
    const issued = rows.filter((row) => row[2] === 'issued');
    if ((await batch.state().filter({ hasText: 'Cancelled' }).count()) > 0)
      expect(rows.length).toBeLessThan(largest.enrolments);
    else expect(rows).toHaveLength(largest.enrolments);
    const zip = readStoredZip((await batch.downloadZip()).bytes);
    expect(zip.filter((e) => e.name.endsWith('.pdf'))).toHaveLength(issued.length);
    // Every document the screen lists as issued is in the register.
    const numbers = await env.desk.database.db.selectFrom('issuedDocuments').select('number').execute();
    const registered = new Set(numbers.map((n) => n.number));
    for (const row of issued) expect(registered.has(row[3] ?? '')).toBe(true);
    await context.close();
  });
});
