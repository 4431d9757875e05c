import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallOutput } from '../../src/shared/api';
import type { EnrolmentView, StudentFeeFile } from '../../src/shared/api/ledger.contract';
import { studentProfileSchema, type StudentProfileInput } from '../../src/shared/facts/student-profile';
import { systemActor } from '../../src/core/context';
import { AppShell } from './pages/AppShell';
import { IndNotificationsPage } from './pages/IndNotificationsPage';
import { LongTermResidentCheckPage } from './pages/LongTermResidentCheckPage';
import { ResidenceSection } from './pages/ResidenceSection';
import { SignInPage } from './pages/SignInPage';
import { startEnvironment, testPassword, testStaff, type E2eEnvironment } from './support/environment';

let env: E2eEnvironment;
beforeAll(async () => {
  env = await startEnvironment({ seeded: true });
});
afterAll(async () => {
  await env.close();
});

const onStudyPermit: StudentProfileInput = {
  dateOfBirth: '2001-02-03',
  nationalities: ['US'],
  residence: { countryOfResidence: 'NL', permit: { type: 'study', validFrom: '2022-08-01' } },
};

async function operatorCall<T>(name: string, input: unknown): Promise<T> {
  const result = await env.desk.invokeAsOperator(systemActor, name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

/** A student on a study permit with an enrolment for the institutional fee. */
async function studyPermitStudent(studentNumber: string, familyName: string) {
  const at = new Date().toISOString();
  const { id: studentId } = await env.desk.database.db
    .insertInto('students')
    .values({
      studentNumber,
      familyName,
      givenNames: 'Jordan',
      email: null,
      profileJson: JSON.stringify(studentProfileSchema.parse(onStudyPermit)),
      createdAt: at,
      updatedAt: at,
      updatedBy: 'e2e set-up',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const enrolment = await operatorCall<EnrolmentView>('ledger:enrol', {
    studentId,
    facts: {
      programmeCode: 'b-econometrics-and-operations-research',
      nationalities: ['US'],
      residencePermit: { purpose: 'study', validFrom: '2022-08-01' },
      startDate: '2022-09-01',
    },
  });
  return { studentId, enrolmentId: enrolment.id };
}

describe('the EU long-term resident check and the IND duties in the browser', () => {
  it('answers a desk clerk “match” with the official term for German wording with another abbreviation (App III)', async () => {
    const { page, context } = await env.newPage();
    await new SignInPage(page).signIn(testStaff.desk.username, testPassword);
    const shell = new AppShell(page);
    await shell.goTo('EU long-term resident check');
    const check = new LongTermResidentCheckPage(page);
    await check.chooseMemberState('Germ', 'Germany (DE)');
    await check.typeWording('daueraufenthalt-EU');
    await check.waitForOutcome('match');
    expect(await check.officialTerm().innerText()).toContain('Daueraufenthalt – EG');
    expect(await check.reasonArticles()).toEqual(expect.arrayContaining(['App III', 'App II k']));

    await check.typeWording('Aufenthaltserlaubnis');
    await check.waitForOutcome('no match');
    await check.chooseMemberState('Fra', 'France (FR)');
    await check.typeWording('Daueraufenthalt – EG');
    await check.waitForOutcome('needs review');
    await context.close();
  });

  it('records the decision on a student, which moves the student to group k and re-assesses the fee', async () => {
    const { studentId } = await studyPermitStudent('i6900001', 'Rivera');
    const before = await operatorCall<CallOutput<'residence:wsfGroup'>>('residence:wsfGroup', { studentId });
    const recorded = await operatorCall<CallOutput<'residence:recordLongTermResidentDecision'>>(
      'residence:recordLongTermResidentDecision',
      { studentId, expectedVersion: before.version, memberState: 'DE', wording: 'Daueraufenthalt-EU' },
    );
    expect(recorded.residence.wsfGroup?.group).toBe('k');
    expect(recorded.reassessments[0]?.differenceCents).toBeLessThan(0);
    const file = await operatorCall<StudentFeeFile>('ledger:studentFile', { studentId });
    expect(file.enrolments[0]?.fee.kind).not.toBe('institutional');
  });

  it('lets a desk clerk check the residence document from the student file and record the decision', async () => {
    const { studentId } = await studyPermitStudent('i6900003', 'Haddad');
    const { page, context } = await env.newPage();
    await new SignInPage(page).signIn(testStaff.desk.username, testPassword);
    await page.goto(`${env.bridge.url}/#/students?id=${studentId}`);
    const residence = new ResidenceSection(page);
    await residence.section().waitFor();
    expect(await residence.wsfGroup().innerText()).toMatch(/no group/i);
    const check = await residence.openCheck();
    await check.chooseMemberState('Germ', 'Germany (DE)');
    await check.typeWording('DAUERAUFENTHALT EU');
    await check.waitForOutcome('match');
    await residence.recordDecision();
    const shell = new AppShell(page);
    await shell.notification(/App III decision recorded: match\. Fee assessed again/).waitFor();
    await expect.poll(async () => residence.wsfGroup().innerText()).toMatch(/group k/i);
    expect(await residence.reasonArticles()).toEqual(expect.arrayContaining(['App II k', 'App III']));
    const decision = await residence.decision().innerText();
    expect(decision).toContain('Daueraufenthalt – EG');
    expect(decision).toContain(`decided by ${testStaff.desk.displayName}`);
    await context.close();
  });

  it('lists a terminated study-permit student for the IND and removes them once the notification is recorded (Art 33.8)', async () => {
    const { enrolmentId } = await studyPermitStudent('i6900002', 'Nakamura');
    await env.desk.database.db
      .updateTable('enrolments')
      .set({ status: 'terminated', updatedAt: new Date().toISOString() })
      .where('id', '=', enrolmentId)
      .execute();
    const { page, context } = await env.newPage();
    await new SignInPage(page).signIn(testStaff.desk.username, testPassword);
    const shell = new AppShell(page);
    await shell.goTo('IND notifications');
    const ind = new IndNotificationsPage(page);
    expect(await ind.row('i6900002').innerText()).toContain('Enrolment ended');
    await ind.open('i6900002');
    expect(await ind.reasonArticles()).toContain('Art 33.8');
    await ind.record(new Date().toISOString().slice(0, 10), 'IND-E2E-1');
    await shell.notification('IND notification recorded for Jordan Nakamura.').waitFor();
    await expect.poll(async () => ind.row('i6900002').count()).toBe(0);
    await context.close();
  });
});
