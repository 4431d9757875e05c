import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/core/testing/test-desk';
import { AppShell } from './pages/AppShell';
import { ReceivedBbcsPanel } from './pages/ReceivedBbcsPanel';
import { SignInPage } from './pages/SignInPage';
import { StudentFeesPage } from './pages/StudentFeesPage';
import { startEnvironment, testPassword, testStaff, type E2eEnvironment } from './support/environment';

let env: E2eEnvironment;
beforeAll(async () => {
  // Monday 5 September 2022: the first week of 2022-23, after the Art 14.6 deadline of 1 September.
  env = await startEnvironment({ seeded: true, clock: new FixedClock('2022-09-05T09:00:00.000Z') });
});
afterAll(async () => {
  await env.close();
});

const programme = 'B Econometrics and Operations Research';

/** A student of our own, enrolled through the Fee panel (first-year EU bachelor: €1,105.00, Art 17.1). */
async function enrolledStudent(studentNumber: string) {
  const at = new Date().toISOString();
  await env.desk.database.db
    .insertInto('students')
    .values({
      studentNumber,
      familyName: 'Jansen',
      givenNames: 'Femke',
      email: null,
      createdAt: at,
      updatedAt: at,
      updatedBy: 'e2e set-up',
    })
    .execute();
  const { page, context } = await env.newPage();
  await new SignInPage(page).signIn(testStaff.desk.username, testPassword);
  await new AppShell(page).goTo('Students and fees');
  const fees = new StudentFeesPage(page);
  await fees.open(studentNumber);
  await fees.enrol('Econometrics and Operations Research', { name: 'Germany', code: 'DE' });
  await expect.poll(() => fees.feeAmount(programme)).toBe('€1,105.00');
  return { page, context, fees, bbcs: new ReceivedBbcsPanel(page) };
}

describe('BBCs received from other institutions, and informing them when the enrolment ends (Art 14.6, 30, 33.7)', () => {
  it('records a received BBC, which exempts from the fee, then withdraws it and the fee is back', async () => {
    const { page, context, fees, bbcs } = await enrolledStudent('i7100001');
    await bbcs.record({
      number: 'RU-2022-4711',
      institution: 'Radboud University',
      feeKind: 'Statutory tuition fee',
      euros: '2209',
      receivedOn: '2022-08-25',
    });
    await expect.poll(() => fees.feeAmount(programme)).toBe('€0.00');
    expect(await bbcs.received('RU-2022-4711').innerText()).toMatch(/Art 30\.1/);

    const warning = await bbcs.withdraw('RU-2022-4711', 'recorded on the wrong student');
    expect(warning).toMatch(/cannot be undone/i);
    await expect.poll(() => fees.feeAmount(programme)).toBe('€1,105.00');
    const withdrawn = await bbcs.received('RU-2022-4711').innerText();
    expect(withdrawn).toMatch(/withdrawn/i);
    expect(withdrawn).toContain('by Dirk Desk: recorded on the wrong student');
    expect(withdrawn).toMatch(/removed from the student’s other enrolments/);
    await new AppShell(page).notification(/BBC RU-2022-4711 withdrawn/).waitFor();
    await context.close();
  });

  it('issues a BBC for an institution, names it when the enrolment ends, and records it as informed', async () => {
    const { page, context, fees, bbcs } = await enrolledStudent('i7100002');
    await fees.recordPayment('1105');
    await expect.poll(() => fees.balance()).toBe('Nothing owed');
    await bbcs.issueBbcFor('Leiden University');
    await bbcs.section().getByRole('cell', { name: 'Leiden University' }).waitFor();

    await fees.endEnrolment(programme, '2022-09-05');
    const shell = new AppShell(page);
    await shell.notification(/Inform the institutions that received a UM BBC \(Art 33\.7\)/).waitFor();
    expect(await shell.notification(/Art 33\.7/).innerText()).toContain('Leiden University');

    const leiden = bbcs.institutionToInform('Leiden University');
    await expect.poll(() => leiden.innerText()).toMatch(/not yet informed/i);
    await bbcs.markInformed('Leiden University', 'Letter', 'Student Administration, Rapenburg 70');
    await expect.poll(() => leiden.innerText()).toMatch(/informed 2022-09-05 · letter · Dirk Desk/i);
    expect(await leiden.innerText()).toContain('Student Administration, Rapenburg 70');
    await context.close();
  });
});
