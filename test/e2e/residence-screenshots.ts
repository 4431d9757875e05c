import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { systemActor } from '../../src/core/context';
import { studentProfileSchema } from '../../src/shared/facts/student-profile';
import type { EnrolmentView } from '../../src/shared/api/ledger.contract';
import { AppShell } from './pages/AppShell';
import { IndNotificationsPage } from './pages/IndNotificationsPage';
import { LongTermResidentCheckPage } from './pages/LongTermResidentCheckPage';
import { ResidenceSection } from './pages/ResidenceSection';
import type { E2eEnvironment } from './support/environment';

/** Adds a study-permit student with an enrolment; `terminated` ends it, so that the IND worklist has a row. */
async function addStudyPermitStudent(
  env: E2eEnvironment,
  studentNumber: string,
  terminated: boolean,
): Promise<number> {
  const at = env.desk.clock.now().toISOString(); // the desk's day, as the screens show it
  const profile = studentProfileSchema.parse({
    dateOfBirth: '2001-02-03',
    nationalities: ['IN'],
    residence: { countryOfResidence: 'NL', permit: { type: 'study', validFrom: '2022-08-01' } },
  });
  const { id: studentId } = await env.desk.database.db
    .insertInto('students')
    .values({
      studentNumber,
      familyName: 'Sharma',
      givenNames: 'Priya',
      email: null,
      profileJson: JSON.stringify(profile),
      createdAt: at,
      updatedAt: at,
      updatedBy: 'screenshots',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const enrolled = await env.desk.invokeAsOperator(systemActor, 'ledger:enrol', {
    studentId,
    facts: {
      programmeCode: 'm-data-science-for-decision-making',
      nationalities: ['IN'],
      residencePermit: { purpose: 'study' },
      startDate: '2022-09-01',
    },
  });
  if (!enrolled.ok) throw new Error(enrolled.error.message);
  if (!terminated) return studentId;
  await env.desk.database.db
    .updateTable('enrolments')
    .set({ status: 'terminated', updatedAt: at })
    .where('id', '=', (enrolled.value as EnrolmentView).id)
    .execute();
  return studentId;
}

/** The screens of the residence area: the App III check and the IND worklist with its dialog. */
export async function takeResidenceScreenshots(env: E2eEnvironment, page: Page, out: string): Promise<void> {
  const shell = new AppShell(page);
  await shell.goTo('EU long-term resident check');
  const check = new LongTermResidentCheckPage(page);
  await check.chooseMemberState('Germ', 'Germany (DE)');
  await check.typeWording('Aufenthaltstitel: daueraufenthalt-EU');
  await check.waitForOutcome('match');
  await page.screenshot({ path: join(out, '50-ltr-match.png'), fullPage: true });
  await check.chooseMemberState('Fra', 'France (FR)');
  await check.typeWording('Daueraufenthalt – EG');
  await check.waitForOutcome('needs review');
  await page.screenshot({ path: join(out, '51-ltr-needs-review.png'), fullPage: true });
  await addStudyPermitStudent(env, 'i6990001', true);
  await shell.goTo('IND notifications');
  const ind = new IndNotificationsPage(page);
  await ind.row('i6990001').waitFor();
  await page.screenshot({ path: join(out, '52-ind-worklist.png') });
  await ind.open('i6990001');
  await page.screenshot({ path: join(out, '53-ind-notification.png') });
  await page.keyboard.press('Escape');

  const studentId = await addStudyPermitStudent(env, 'i6990002', false);
  await page.goto(`${env.bridge.url}/#/students?id=${studentId}`);
  const residence = new ResidenceSection(page);
  await residence.section().waitFor();
  const dialog = await residence.openCheck();
  await dialog.chooseMemberState('Germ', 'Germany (DE)');
  await dialog.typeWording('DAUERAUFENTHALT EU');
  await dialog.waitForOutcome('match');
  await page.screenshot({ path: join(out, '54-residence-check-dialog.png') });
  await residence.recordDecision();
  await residence
    .wsfGroup()
    .filter({ hasText: /group k/i })
    .waitFor();
  await residence.section().scrollIntoViewIfNeeded();
  await residence.section().screenshot({ path: join(out, '55-residence-section.png') });
}
