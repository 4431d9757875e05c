import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { roles, type CallOutput } from '../../../shared/api';
import { studentProfileSchema, type StudentProfileInput } from '../../../shared/facts/student-profile';
import { inspectPdf } from '../../testing/pdf-inspection';
import { createTestDesk, testStaffName, type TestDesk } from '../../testing/test-desk';

type List = CallOutput<'studyProgress:list'>;
type Exported = CallOutput<'studyProgress:exportIndList'>;

let t: TestDesk;

const permitProfile = (nationalities: string[], permit: 'study' | 'none' = 'study'): StudentProfileInput => ({
  dateOfBirth: '2001-02-03',
  nationalities,
  residence: { countryOfResidence: 'NL', permit: { type: permit } },
});

/** A student with a profile and one enrolment of 2022-23, inserted as seed data would be. */
async function student(
  studentNumber: string,
  options: {
    familyName?: string;
    givenNames?: string;
    profile?: StudentProfileInput;
    programmeCode?: string | null;
    kind?: string;
    startDate?: string;
    status?: 'enrolled' | 'terminated';
  } = {},
): Promise<{ studentId: number; enrolmentId: number }> {
  const studentId = await t.addStudent({
    studentNumber,
    familyName: options.familyName ?? `Family ${studentNumber}`,
    givenNames: options.givenNames ?? 'Sam',
  });
  await t.desk.database.db
    .updateTable('students')
    .set({
      profileJson: JSON.stringify(studentProfileSchema.parse(options.profile ?? permitProfile(['IN']))),
    })
    .where('id', '=', studentId)
    .execute();
  const at = '2022-08-01T08:00:00.000Z';
  const { id: enrolmentId } = await t.desk.database.db
    .insertInto('enrolments')
    .values({
      studentId,
      academicYear: '2022-23',
      programmeCode:
        options.programmeCode === undefined
          ? 'b-econometrics-and-operations-research'
          : options.programmeCode,
      enrolmentKind: options.kind ?? 'regular',
      mode: 'full-time',
      startDate: options.startDate ?? '2022-09-01',
      status: options.status ?? 'enrolled',
      feeFactsJson: '{}',
      feeKind: 'institutional',
      feeCents: 0,
      feeReasonsJson: '[]',
      createdAt: at,
      updatedAt: at,
      updatedBy: 'seed',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { studentId, enrolmentId };
}

async function credits(studentId: number, ects: number, obtainedOn: string, role: 'desk' | 'admin' = 'desk') {
  await t.call(role, 'studyProgress:recordCredits', {
    studentId,
    academicYear: '2022-23',
    courseCode: 'EBC1010',
    description: 'Mathematics I',
    ects,
    obtainedOn,
    source: 'Student Portal results export',
  });
}

/** Moves the clock; sessions idle that long have ended, so everyone signs in again. */
function moveClockTo(iso: string) {
  t.clock.set(iso);
  for (const role of roles) t.tokens[role] = t.desk.sessions.start(t.staffIds[role]);
}

const excuse = (studentId: number, overrides: Record<string, unknown> = {}) => ({
  studentId,
  academicYear: '2022-23',
  kind: 'serious-illness',
  adviserName: 'Dr. M. Janssen',
  decidedOn: '2023-07-10',
  note: 'Seen in June; referred to the student psychologist.',
  ...overrides,
});

beforeEach(async () => {
  t = await createTestDesk();
  t.clock.set('2023-07-01T09:00:00.000Z');
  for (const role of roles) t.tokens[role] = t.desk.sessions.start(t.staffIds[role]);
});
afterEach(async () => {
  await t.close();
});

describe('studyProgress:list', () => {
  it('lists the study-permit students of the year with credits, norm, outcome and reasons, to notify first', async () => {
    const below = await student('i6400001');
    const enough = await student('i6400002');
    const february = await student('i6400003', { startDate: '2023-02-01' });
    await student('i6400004', { profile: permitProfile(['DE']) });
    await student('i6400005', { profile: permitProfile(['US'], 'none') });
    await student('i6400006', { kind: 'exchange', programmeCode: null });
    await credits(below.studentId, 12, '2023-01-20');
    await credits(enough.studentId, 30, '2023-06-20');
    await credits(february.studentId, 15, '2023-06-20');
    moveClockTo('2023-09-15T09:00:00.000Z');

    const list = await t.call<List>('ssc', 'studyProgress:list', { academicYear: '2022-23' });
    expect(list).toMatchObject({ academicYear: '2022-23', yearEndsOn: '2023-08-31', isYearEnded: true });
    expect(list.norm).toEqual({
      creditsPerYear: 60,
      requiredPercentage: 50,
      article: 'Study progress, Credits per year',
    });
    // Not on a study permit: not listed at all; EU national and exchange: listed as out of scope.
    expect(list.rows.map((r) => [r.studentNumber, r.outcome, r.creditsObtained, r.norm])).toEqual([
      ['i6400001', 'notify', 12, 30],
      ['i6400002', 'meets', 30, 30],
      ['i6400003', 'meets', 15, 15],
      ['i6400004', 'out-of-scope', 0, null],
      ['i6400006', 'out-of-scope', 0, null],
    ]);
    const feb = list.rows.find((r) => r.studentNumber === 'i6400003');
    expect(feb).toMatchObject({ monthsEnrolled: 7, creditsAvailable: 30 });
    expect(feb?.reasons.map((r) => r.article)).toContain('Study progress, Part of the year');
    expect(list.rows.find((r) => r.studentNumber === 'i6400006')?.reasons.map((r) => r.article)).toContain(
      'Art 10.4',
    );
    expect(list.excusableReasonKinds.map((k) => k.label)).toContain('Serious illness');
  });

  it('shows every outcome as pending while the year runs', async () => {
    await student('i6400011');
    const list = await t.call<List>('iro', 'studyProgress:list', {});
    expect(list.isYearEnded).toBe(false);
    expect(list.rows.map((r) => r.outcome)).toEqual(['pending']);
  });

  it('counts a passed pre-master’s (certificate issued, Art 8.3) as the preparatory programme passed', async () => {
    const { studentId, enrolmentId } = await student('i6400012', { programmeCode: 'pm-european-studies' });
    await t.desk.database.db
      .insertInto('issuedDocuments')
      .values({
        number: 'UM-2023-000001',
        kind: 'pre-master-certificate',
        studentId,
        enrolmentId,
        academicYear: '2022-23',
        issuedAt: '2023-07-03T10:00:00.000Z',
        issuedBy: 'Test desk',
        issuedById: null,
        sha256: 'a'.repeat(64),
        verificationCode: 'ABCDEFGHJKLMNPQR',
        fileName: 'pm.pdf',
        contentsJson: '{}',
        statusReason: null,
        statusChangedAt: null,
        statusChangedBy: null,
        supersedesId: null,
        supersededById: null,
      })
      .execute();
    await student('i6400013', { programmeCode: 'pm-european-studies' });
    moveClockTo('2023-09-15T09:00:00.000Z');
    const list = await t.call<List>('desk', 'studyProgress:list', {});
    expect(list.rows.map((r) => [r.studentNumber, r.outcome, r.isPreparatory])).toEqual([
      ['i6400013', 'notify', true],
      ['i6400012', 'meets', true],
    ]);
  });

  it('refuses a year without study progress requirements, naming the field', async () => {
    const result = await t.attempt('desk', 'studyProgress:list', { academicYear: '2031-32' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'validation', field: 'academicYear' } });
  });
});

describe('studyProgress:recordCredits', () => {
  it('records credits with their source and an audit row', async () => {
    const { studentId } = await student('i6400021');
    await credits(studentId, 6.5, '2023-01-20');
    const audit = await t.desk.database.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'study-progress.credits')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entityId: 'i6400021', actorName: testStaffName('desk') });
    expect(JSON.parse(audit[0]?.afterJson ?? '{}')).toMatchObject({
      ects: 6.5,
      source: 'Student Portal results export',
    });
  });

  it('refuses credits outside the year, on a day to come, with more than one decimal, or for an unknown student', async () => {
    const { studentId } = await student('i6400022');
    const base = {
      studentId,
      description: 'Statistics',
      ects: 6,
      obtainedOn: '2023-01-20',
      source: 'Student Portal',
    };
    expect(
      await t.attempt('desk', 'studyProgress:recordCredits', { ...base, obtainedOn: '2022-08-20' }),
    ).toMatchObject({
      ok: false,
      error: {
        kind: 'validation',
        field: 'obtainedOn',
        message: expect.stringContaining('outside that year') as unknown,
      },
    });
    expect(
      await t.attempt('desk', 'studyProgress:recordCredits', { ...base, obtainedOn: '2023-07-20' }),
    ).toMatchObject({
      ok: false,
      error: {
        kind: 'validation',
        field: 'obtainedOn',
        message: expect.stringContaining('still to come') as unknown,
      },
    });
    expect(await t.attempt('desk', 'studyProgress:recordCredits', { ...base, ects: 6.25 })).toMatchObject({
      ok: false,
      error: { kind: 'validation', field: 'ects' },
    });
    expect(
      await t.attempt('desk', 'studyProgress:recordCredits', { ...base, studentId: 9999 }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'not_found', field: 'studentId' },
    });
    expect(await t.attempt('iro', 'studyProgress:recordCredits', base)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    const rows = await t.desk.database.db.selectFrom('studyProgressCredits').selectAll().execute();
    expect(rows).toEqual([]);
  });
});

describe('studyProgress:recordExcusableReason (Study progress, Extenuating circumstances)', () => {
  it('records the adviser’s reason: the student leaves the notify list with the reason shown, audited', async () => {
    const { studentId } = await student('i6400031');
    await credits(studentId, 10, '2023-06-20');
    moveClockTo('2023-09-15T09:00:00.000Z');
    const recorded = await t.call<CallOutput<'studyProgress:recordExcusableReason'>>(
      'desk',
      'studyProgress:recordExcusableReason',
      excuse(studentId),
    );
    expect(recorded).toMatchObject({
      kind: 'serious-illness',
      kindLabel: 'Serious illness',
      adviserName: 'Dr. M. Janssen',
      decidedOn: '2023-07-10',
      recordedBy: testStaffName('desk'),
    });
    const list = await t.call<List>('desk', 'studyProgress:list', {});
    expect(list.rows[0]).toMatchObject({
      outcome: 'excused',
      excusableReason: { adviserName: 'Dr. M. Janssen' },
    });
    expect(list.rows[0]?.reasons.at(-1)?.article).toBe('Study progress, Extenuating circumstances');
    const exported = await t.call<Exported>('desk', 'studyProgress:exportIndList', { format: 'csv' });
    expect(exported.students).toBe(0);
    const audit = await t.desk.database.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'study-progress.excusable-reason')
      .executeTakeFirstOrThrow();
    expect(audit.reason).toContain('Study progress, Extenuating circumstances');
    expect(JSON.parse(audit.beforeJson ?? '{}')).toEqual({ outcome: 'notify' });
  });

  it('refuses an unknown kind, a day to come, a student out of scope, one who meets the norm and a second reason', async () => {
    const { studentId } = await student('i6400032');
    const eu = await student('i6400033', { profile: permitProfile(['IT']) });
    const good = await student('i6400034');
    await credits(good.studentId, 40, '2023-06-01');
    moveClockTo('2023-09-15T09:00:00.000Z');
    expect(
      await t.attempt('desk', 'studyProgress:recordExcusableReason', excuse(studentId, { kind: 'holiday' })),
    ).toMatchObject({
      ok: false,
      error: {
        kind: 'validation',
        field: 'kind',
        message: expect.stringContaining('Death of a parent') as unknown,
      },
    });
    expect(
      await t.attempt(
        'desk',
        'studyProgress:recordExcusableReason',
        excuse(studentId, { decidedOn: '2023-10-01' }),
      ),
    ).toMatchObject({ ok: false, error: { kind: 'validation', field: 'decidedOn' } });
    expect(
      await t.attempt('desk', 'studyProgress:recordExcusableReason', excuse(studentId, { adviserName: ' ' })),
    ).toMatchObject({
      ok: false,
      error: { kind: 'validation', field: 'adviserName' },
    });
    expect(
      await t.attempt('desk', 'studyProgress:recordExcusableReason', excuse(eu.studentId)),
    ).toMatchObject({
      ok: false,
      error: { kind: 'refused', message: expect.stringContaining('(Art 13.1f)') as unknown },
    });
    expect(
      await t.attempt('desk', 'studyProgress:recordExcusableReason', excuse(good.studentId)),
    ).toMatchObject({
      ok: false,
      error: {
        kind: 'refused',
        message: expect.stringContaining('meets the study progress requirement') as unknown,
      },
    });
    expect(await t.attempt('ssc', 'studyProgress:recordExcusableReason', excuse(studentId))).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    await t.call('admin', 'studyProgress:recordExcusableReason', excuse(studentId));
    expect(
      await t.attempt(
        'desk',
        'studyProgress:recordExcusableReason',
        excuse(studentId, { kind: 'death-of-parent' }),
      ),
    ).toMatchObject({
      ok: false,
      error: { kind: 'conflict', message: expect.stringContaining('withdraw it first') as unknown },
    });
    const standing = await t.desk.database.db.selectFrom('studyProgressExcusals').selectAll().execute();
    expect(standing).toHaveLength(1);
  });

  it('withdraws a reason once: the student is back on the notify list; the row itself cannot be rewritten', async () => {
    const { studentId } = await student('i6400035');
    moveClockTo('2023-09-15T09:00:00.000Z');
    const recorded = await t.call<{ id: number }>(
      'desk',
      'studyProgress:recordExcusableReason',
      excuse(studentId),
    );
    await t.call('desk', 'studyProgress:withdrawExcusableReason', {
      excusableReasonId: recorded.id,
      reason: 'Recorded on the wrong student.',
    });
    expect((await t.call<List>('desk', 'studyProgress:list', {})).rows[0]?.outcome).toBe('notify');
    expect(
      await t.attempt('desk', 'studyProgress:withdrawExcusableReason', {
        excusableReasonId: recorded.id,
        reason: 'again',
      }),
    ).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    await expect(
      t.desk.database.db.updateTable('studyProgressExcusals').set({ adviserName: 'Someone else' }).execute(),
    ).rejects.toThrow(/can only be withdrawn, once/);
    await expect(t.desk.database.db.deleteFrom('studyProgressExcusals').execute()).rejects.toThrow(
      /cannot be deleted/,
    );
    const actions = await t.desk.database.db
      .selectFrom('auditLog')
      .select('action')
      .where('action', 'like', 'study-progress.%')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'study-progress.excusable-reason',
      'study-progress.excusable-reason-withdrawn',
    ]);
  });
});

describe('the list for the IND (Study progress, IND)', () => {
  async function twoBelowOneExcused() {
    const a = await student('i6400041', { givenNames: '=HYPERLINK("http://evil")', familyName: 'Doe' });
    const b = await student('i6400042', { familyName: 'Nguyễn', startDate: '2023-02-01' });
    const c = await student('i6400043');
    await credits(a.studentId, 20, '2023-05-01');
    await credits(b.studentId, 9, '2023-05-01');
    moveClockTo('2023-09-15T09:00:00.000Z');
    await t.call('desk', 'studyProgress:recordExcusableReason', excuse(c.studentId));
  }

  it('is refused as long as the year runs', async () => {
    await student('i6400040');
    expect(await t.attempt('desk', 'studyProgress:exportIndList', { format: 'pdf' })).toMatchObject({
      ok: false,
      error: {
        kind: 'refused',
        message: expect.stringContaining('once the year ends on 31 August 2023') as unknown,
      },
    });
    expect(
      await t.attempt('desk', 'studyProgress:recordIndListSent', {
        sentOn: '2023-07-01',
        reference: 'IND-1',
      }),
    ).toMatchObject({ ok: false, error: { kind: 'refused' } });
  });

  it('writes the students to notify as CSV, guarded against formula injection', async () => {
    await twoBelowOneExcused();
    const exported = await t.call<Exported>('iro', 'studyProgress:exportIndList', { format: 'csv' });
    expect(exported).toMatchObject({ fileName: 'ind-study-progress-2022-23.csv', students: 2 });
    const text = Buffer.from(exported.contentBase64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual([
      'Student number,Name,Date of birth,Nationality,Programme,Enrolled from,ECTS obtained,ECTS required,Ground,Article',
      `i6400041,"'=HYPERLINK(""http://evil"") Doe",2001-02-03,IN,B Econometrics and Operations Research,2022-09-01,20,30,Credits below the requirement,"Study progress, Credits per year"`,
      'i6400042,Sam Nguyễn,2001-02-03,IN,B Econometrics and Operations Research,2023-02-01,9,15,Credits below the requirement,"Study progress, Part of the year"',
      '',
    ]);
  });

  it('writes the students to notify as a PDF that pdftotext reads', async () => {
    await twoBelowOneExcused();
    const exported = await t.call<Exported>('desk', 'studyProgress:exportIndList', { format: 'pdf' });
    expect(exported).toMatchObject({
      fileName: 'ind-study-progress-2022-23.pdf',
      contentType: 'application/pdf',
    });
    const pdf = inspectPdf(Buffer.from(exported.contentBase64, 'base64'));
    expect(pdf.info['Title']).toBe('Insufficient study progress 2022-23: students to notify to the IND');
    expect(pdf.flatText).toContain('Insufficient study progress: students to notify to the IND');
    expect(pdf.flatText).toContain('i6400041');
    expect(pdf.flatText).toContain('Sam Nguyễn');
    expect(pdf.flatText).toContain('2023-02-01');
    expect(pdf.flatText).not.toContain('i6400043');
    expect(pdf.flatText).toContain('(Study progress, IND)');
    expect(pdf.flatText).toContain('SP-IND-2022-23');
    expect(pdf.fonts.every((f) => f.embedded)).toBe(true);
  });

  it('records the list as sent: its students show as notified, each once, audited', async () => {
    await twoBelowOneExcused();
    const sent = await t.call<CallOutput<'studyProgress:recordIndListSent'>>(
      'desk',
      'studyProgress:recordIndListSent',
      {
        sentOn: '2023-09-14',
        reference: 'IND/2023/0042',
      },
    );
    expect(sent).toMatchObject({ students: 2, sentOn: '2023-09-14', recordedBy: testStaffName('desk') });
    const list = await t.call<List>('desk', 'studyProgress:list', {});
    expect(list.sentLists).toEqual([
      expect.objectContaining({ reference: 'IND/2023/0042', students: 2 }) as unknown,
    ]);
    expect(list.rows.filter((r) => r.outcome === 'notified').map((r) => r.notificationReference)).toEqual([
      'IND/2023/0042',
      'IND/2023/0042',
    ]);
    expect(
      await t.attempt('desk', 'studyProgress:recordIndListSent', {
        sentOn: '2023-09-15',
        reference: 'again',
      }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'refused', message: expect.stringContaining('Nobody is to be notified') as unknown },
    });
    const notified = list.rows.find((r) => r.outcome === 'notified');
    expect(
      await t.attempt('desk', 'studyProgress:recordExcusableReason', excuse(notified?.studentId ?? 0)),
    ).toMatchObject({
      ok: false,
      error: { kind: 'refused', message: expect.stringContaining('already notified to the IND') as unknown },
    });
    const audit = await t.desk.database.db
      .selectFrom('auditLog')
      .select(['entityId', 'reason'])
      .where('action', '=', 'study-progress.ind-notified')
      .execute();
    expect(audit.map((a) => a.entityId).sort()).toEqual(['i6400041', 'i6400042']);
    expect(audit[0]?.reason).toContain('Study progress, IND');
  });

  it('refuses a sent day before the year ended or still to come', async () => {
    await twoBelowOneExcused();
    expect(
      await t.attempt('desk', 'studyProgress:recordIndListSent', { sentOn: '2023-08-30', reference: 'X' }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'validation', field: 'sentOn' },
    });
    expect(
      await t.attempt('desk', 'studyProgress:recordIndListSent', { sentOn: '2023-09-20', reference: 'X' }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'validation', field: 'sentOn' },
    });
    expect(
      await t.attempt('iro', 'studyProgress:recordIndListSent', { sentOn: '2023-09-14', reference: 'X' }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect(await t.desk.database.db.selectFrom('studyProgressIndLists').selectAll().execute()).toEqual([]);
  });
});
