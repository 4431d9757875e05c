import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Actor } from '../../src/core/db/audit';
import { testStaff, type E2eEnvironment } from './support/environment';

/**
 * The "Documents issued" section with a received BBC recorded and one withdrawn (with what it did to the fee),
 * and the Art 33.7 list of an ended enrolment with one institution informed and one not yet.
 */
export async function takeReceivedBbcsScreenshots(
  env: E2eEnvironment,
  page: Page,
  out: string,
): Promise<void> {
  const staff = await env.desk.database.db
    .selectFrom('staff')
    .select('id')
    .where('username', '=', testStaff.desk.username)
    .executeTakeFirstOrThrow();
  const actor: Actor = { id: staff.id, name: testStaff.desk.displayName, role: 'desk' };
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const envelope = await env.desk.invokeAsOperator(actor, name, input);
    if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
    return envelope.value as T;
  };
  const at = env.desk.clock.now().toISOString(); // the desk's day, as the screens show it
  const today = env.desk.clock.now().toISOString().slice(0, 10);
  const { id: studentId } = await env.desk.database.db
    .insertInto('students')
    .values({
      studentNumber: 'i7200001',
      familyName: 'Bakker',
      givenNames: 'Sanne',
      email: null,
      createdAt: at,
      updatedAt: at,
      updatedBy: 'screenshots',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const year = (await env.desk.database.db
    .selectFrom('enrolments')
    .select('academicYear')
    .orderBy('academicYear', 'desc')
    .executeTakeFirst()) ?? { academicYear: '2022-23' };
  const start = Number(year.academicYear.slice(0, 4));
  const enrolment = await call<{ id: number; version: number; fee: { amountCents: number } }>(
    'ledger:enrol',
    {
      studentId,
      facts: {
        programmeCode: 'b-econometrics-and-operations-research',
        nationalities: ['NL'],
        startDate: `${start}-09-01`,
        rodHo: { firstEnrolment: { startedOn: `${start - 1}-09-01` } },
      },
    },
  );
  const bbc = {
    enrolmentId: enrolment.id,
    institution: 'Radboud University',
    programmeLevel: 'bachelor',
    feeKind: 'statutory',
    amountCents: 220900,
    academicYear: year.academicYear,
    periodFrom: `${start}-09-01`,
    periodTo: `${start + 1}-08-31`,
    receivedOn: `${start}-08-25`,
  };
  const wrong = await call<{ bbc: { id: number } }>('documents:recordReceivedBbc', {
    ...bbc,
    number: 'RU-4711',
  });
  await call('documents:withdrawReceivedBbc', {
    receivedBbcId: wrong.bbc.id,
    reason: 'recorded on the wrong student',
  });
  await call('documents:recordReceivedBbc', {
    ...bbc,
    number: 'RU-4712',
    feeKind: 'low-statutory',
    amountCents: 110450,
  });
  await call('ledger:recordPayment', {
    studentId,
    enrolmentId: enrolment.id,
    amountCents: 110450,
    paidOn: `${start}-08-30`,
  });
  for (const institution of ['Leiden University', 'Utrecht University'])
    await call('documents:issue', {
      enrolmentId: enrolment.id,
      kind: 'proof-of-payment',
      receivingInstitution: institution,
    });
  const file = await call<{ enrolments: { id: number; version: number }[] }>('ledger:studentFile', {
    studentId,
  });
  await call('ledger:terminate', {
    enrolmentId: enrolment.id,
    version: file.enrolments[0]?.version,
    requestDate: today,
    dryRun: false,
  });
  await call('documents:recordInstitutionInformed', {
    enrolmentId: enrolment.id,
    institution: 'Leiden University',
    // Art 33.7: informed on the day the termination was recorded, the earliest day allowed.
    informedOn: today,
    method: 'email',
    note: 'studentadministration@leidenuniv.example',
  });
  await page.goto(`${env.bridge.url}/#/students?id=${studentId}`);
  const section = page.getByRole('region', { name: 'Documents issued', exact: true });
  await section.getByText('not yet informed').first().waitFor();
  await section.scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  await section.screenshot({ path: join(out, '65-received-bbcs-and-art-33-7.png') });
}
