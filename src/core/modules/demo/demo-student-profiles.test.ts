import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { studentContactSchema } from '../../../shared/api/students.contract';
import { feeFactsSchema } from '../../../shared/facts/fee-facts';
import { studentProfileSchema } from '../../../shared/facts/student-profile';
import { loadProvisions } from '../../provisions/load-provisions';
import type { DeskEnrolment } from '../../../shared/api/enrolments.contract';
import { createTestDesk, type TestDesk } from '../../testing/test-desk';
import { demoSize, seedCatalogue } from './demo-seed';
import { demoExchangeStudents } from './demo-exchange';

let t: TestDesk;
beforeAll(async () => {
  t = await createTestDesk();
  await seedCatalogue(t.contextOf('system'), loadProvisions(), demoSize);
});
afterAll(async () => {
  await t.close();
});

describe('demo student files', () => {
  it('gives every demo student a valid profile and contact that agree with the enrolment fee facts', async () => {
    const rows = await t.desk.database.db
      .selectFrom('students')
      .leftJoin('enrolments', 'enrolments.studentId', 'students.id')
      .select([
        'students.studentNumber',
        'students.profileJson',
        'students.contactJson',
        'enrolments.feeFactsJson',
      ])
      .execute();
    expect(rows).toHaveLength(demoSize.students + demoExchangeStudents);
    let studyPermits = 0;
    let livingAbroad = 0;
    for (const row of rows) {
      const profile = studentProfileSchema.parse(JSON.parse(row.profileJson ?? 'null'));
      const contact = studentContactSchema.parse(JSON.parse(row.contactJson));
      expect(contact.addresses.length, row.studentNumber).toBeGreaterThan(0);
      expect(profile.registeredInBrp).toBe(profile.residence.countryOfResidence === 'NL');
      if (row.feeFactsJson === null) continue;
      const facts = feeFactsSchema.parse(JSON.parse(row.feeFactsJson));
      expect(profile.nationalities, row.studentNumber).toEqual(facts.nationalities);
      const hasStudyPermit = facts.residencePermit?.purpose === 'study';
      expect(profile.residence.permit.type === 'study', row.studentNumber).toBe(hasStudyPermit);
      if (hasStudyPermit) studyPermits++;
      if (profile.residence.countryOfResidence !== 'NL') livingAbroad++;
      if (facts.rodHo.firstEnrolment)
        expect(profile.dutchHigherEducation.enrolments[0]?.startedOn).toBe(
          facts.rodHo.firstEnrolment.startedOn,
        );
    }
    expect(studyPermits).toBeGreaterThan(100);
    expect(livingAbroad).toBeGreaterThan(20);
  });

  it('leaves every other demo figure as it was before student files and exchange students existed', async () => {
    const db = t.desk.database.db;
    // The exchange students come after every other row, from streams of their own: leaving them out gives the
    // figures as they were before.
    const exchange = db.selectFrom('exchangeStays').select('studentId');
    const students = await db
      .selectFrom('students')
      .select(['studentNumber', 'givenNames', 'familyName'])
      .where('id', 'not in', exchange)
      .orderBy('id')
      .execute();
    const enrolments = await db
      .selectFrom('enrolments')
      .select(['studentId', 'feeFactsJson', 'feeCents'])
      .where('studentId', 'not in', exchange)
      .orderBy('id')
      .execute();
    const ledger = await db
      .selectFrom('ledgerEntries')
      .select(['studentId', 'entryKind', 'amountCents'])
      .orderBy('id')
      .execute();
    const courses = await db.selectFrom('courses').select(['code', 'title']).orderBy('id').execute();
    const fingerprint = createHash('sha256')
      .update(JSON.stringify({ students, enrolments, ledger, courses }))
      .digest('hex')
      .slice(0, 16);
    expect(fingerprint).toBe('d85071a66213ef47');
  });
});

describe('demo applications', () => {
  it('gives every enrolled demo student the application behind the enrolment, with the Art 13 documents verified', async () => {
    const enrolled = await t.desk.database.db
      .selectFrom('enrolments')
      .select(['studentId'])
      .where('status', '=', 'enrolled')
      .where('enrolmentKind', '!=', 'exchange')
      .orderBy('id')
      .limit(60)
      .execute();
    expect(enrolled.length).toBeGreaterThan(50);
    const outcomes = new Map<string, number>();
    let requiredDocuments = 0;
    for (const { studentId } of enrolled) {
      const file = await t.call<{ enrolments: DeskEnrolment[] }>('desk', 'enrolments:ofStudent', {
        studentId,
        today: '2022-10-03',
      });
      for (const desk of file.enrolments) {
        expect(desk.checklistUnavailable, `student ${studentId}`).toBeNull();
        expect(desk.consequence?.outcome, `student ${studentId}`).toBe('complete');
        requiredDocuments += desk.checklist?.filter((item) => item.required).length ?? 0;
        outcomes.set(
          desk.eligibility?.outcome ?? 'none',
          (outcomes.get(desk.eligibility?.outcome ?? 'none') ?? 0) + 1,
        );
      }
    }
    expect(outcomes.get('eligible')).toBeGreaterThan(0);
    expect(requiredDocuments).toBeGreaterThan(enrolled.length);
  });
});
