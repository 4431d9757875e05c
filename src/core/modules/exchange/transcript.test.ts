import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inspectPdf } from '../../testing/pdf-inspection';
import { createTestDesk, type TestDesk } from '../../testing/test-desk';
import { validateTranscriptXml } from '../../testing/transcript-xml-validation';
import { addExchangeStudent, seedExchangeCatalogue } from './exchange-test-support';
import {
  distributionYears,
  ectsGradeDistribution,
  passingGradeSteps,
  percentageOf,
} from './grade-distribution';
import { loadExchangeGuide } from './load-exchange-guide';
import { transcriptOf, type GradeTableCache } from './transcript';

const guide = loadExchangeGuide('2022-23');
const steps = passingGradeSteps(guide);

describe('the ECTS grading table (ECTS Users Guide 2015)', () => {
  it('lists the passing grades of the scale, best first', () => {
    expect(steps).toEqual([100, 95, 90, 85, 80, 75, 70, 65, 60, 55]);
  });

  it('gives each grade its percentage and the cumulative percentage from the best grade down', () => {
    const grades = [
      ...Array<number>(2).fill(90),
      ...Array<number>(3).fill(80),
      ...Array<number>(5).fill(70),
      40,
      40,
    ];
    const table = ectsGradeDistribution(steps, grades, 10);
    expect(table.kind).toBe('table');
    if (table.kind !== 'table') return;
    expect(table.total).toBe(10);
    const shown = table.rows
      .filter((r) => r.count > 0)
      .map((r) => [r.label, r.count, r.percentage, r.cumulativePercentage]);
    expect(shown).toEqual([
      ['9.0', 2, 20, 20],
      ['8.0', 3, 30, 50],
      ['7.0', 5, 50, 100],
    ]);
  });

  it('rounds each percentage on its own, so equal counts show equal percentages; thirds add up to 99.9 but the cumulative ends at 100.0', () => {
    const table = ectsGradeDistribution(steps, [80, 70, 60], 1);
    if (table.kind !== 'table') throw new Error('expected a table');
    const shown = table.rows.filter((r) => r.count > 0);
    expect(shown.map((r) => r.percentage)).toEqual([33.3, 33.3, 33.3]);
    expect(Math.round(shown.reduce((sum, r) => sum + r.percentage, 0) * 10) / 10).toBe(99.9);
    expect(shown.map((r) => r.cumulativePercentage)).toEqual([33.3, 66.7, 100]);
    expect(table.rows.at(-1)?.cumulativePercentage).toBe(100);
  });

  it('gives 14 of 99 the same 14.1 % for every grade with that count, the cumulative from the cumulative counts', () => {
    // 99 passing grades: seven grades awarded 14 times each (98) and one awarded once.
    const grades = [...[100, 95, 90, 85, 80, 75, 70].flatMap((g) => Array<number>(14).fill(g)), 60];
    const table = ectsGradeDistribution(steps, grades, 30);
    if (table.kind !== 'table') throw new Error('expected a table');
    expect(table.total).toBe(99);
    const shown = table.rows.filter((r) => r.count > 0);
    expect(shown.map((r) => [r.label, r.count, r.percentage])).toEqual([
      ['10.0', 14, 14.1],
      ['9.5', 14, 14.1],
      ['9.0', 14, 14.1],
      ['8.5', 14, 14.1],
      ['8.0', 14, 14.1],
      ['7.5', 14, 14.1],
      ['7.0', 14, 14.1],
      ['6.0', 1, 1],
    ]);
    // 7 × 14.1 + 1.0 = 99.7: the percentages do not add up to 100.0, the cumulative column does.
    expect(Math.round(shown.reduce((sum, r) => sum + r.percentage, 0) * 10) / 10).toBe(99.7);
    expect(shown.map((r) => r.cumulativePercentage)).toEqual([14.1, 28.3, 42.4, 56.6, 70.7, 84.8, 99, 100]);
    expect(table.rows.map((r) => r.cumulativePercentage).at(-1)).toBe(100);
  });

  it('rounds a share half up to one decimal, in whole numbers so that no binary fraction tips it', () => {
    expect(percentageOf(1, 8)).toBe(12.5);
    expect(percentageOf(1, 16)).toBe(6.3);
    expect(percentageOf(1, 3)).toBe(33.3);
    expect(percentageOf(2, 3)).toBe(66.7);
    expect(percentageOf(1, 7)).toBe(14.3);
    expect(percentageOf(7, 32)).toBe(21.9);
    expect(percentageOf(5, 5)).toBe(100);
    expect(percentageOf(0, 5)).toBe(0);
    expect(percentageOf(0, 0)).toBe(0);
  });

  it("says 'insufficient data' below the group size of the exchange facts, counting passing grades only", () => {
    const minimum = guide.gradeDistribution.minimumGroupSize;
    const grades = [...Array<number>(minimum - 1).fill(70), 30, 30];
    expect(ectsGradeDistribution(steps, grades, minimum)).toEqual({
      kind: 'insufficient-data',
      total: minimum - 1,
      minimumGroupSize: minimum,
    });
    expect(ectsGradeDistribution(steps, [...grades, 75], minimum).kind).toBe('table');
  });

  it('covers at least the last two academic years, ending with the transcript year, and says so', () => {
    expect(guide.gradeDistribution.academicYears).toBeGreaterThanOrEqual(2);
    expect(guide.gradeDistribution.text).toContain('at least the last two academic years');
    expect(guide.gradeDistribution.text).toContain("the transcript's academic year and the one before it");
    expect(guide.gradeDistribution.text).not.toContain('previous academic years');
    expect(distributionYears('2022-23', 2)).toEqual(['2021-22', '2022-23']);
    expect(distributionYears('2099-00', 3)).toEqual(['2097-98', '2098-99', '2099-00']);
  });
});

/** A fall exchange student with results, plus other students' SBE results for the grading table. */
async function seed(t: TestDesk, otherPassingGrades: number) {
  const db = t.desk.database.db;
  const at = '2022-08-01T08:00:00.000Z';
  const { studentId, enrolmentId } = await addExchangeStudent(t, {
    studentNumber: 'i6100001',
    familyName: 'Rossi',
    givenNames: 'Giulia',
  });
  const courseIds = await seedExchangeCatalogue(
    db,
    [
      { code: 'EBC1001', period: 1 },
      { code: 'EBC1002', period: 1 },
      { code: 'EBC2001', period: 2 },
      { code: 'EBC2002', period: 2 },
      { code: 'EBC2003', period: 2 },
      { code: 'SKI3001', period: 3, ects: 4, isSkillsTraining: true },
    ].map((course) => ({ ...course, title: `Course <${course.code}> & Co` })),
  );
  for (let i = 0; i < otherPassingGrades; i++) {
    const other = await t.addStudent({
      studentNumber: `i62${String(i).padStart(5, '0')}`,
      familyName: 'Other',
      givenNames: `S${i}`,
    });
    await db
      .insertInto('examAttempts')
      .values({
        studentId: other,
        courseId: courseIds['EBC1001'] ?? 0,
        academicYear: i % 2 === 0 ? '2021-22' : '2022-23',
        sitting: 'first',
        status: 'graded',
        registeredHow: 'with-course',
        gradeTenths: [60, 65, 70, 75, 80][i % 5] ?? 70,
        gradedOn: '2022-01-01',
        createdAt: at,
        updatedAt: at,
        updatedBy: 'seed',
      })
      .execute();
  }
  return { studentId, enrolmentId, courseIds };
}

describe('the transcript of records of an exchange student', () => {
  let t: TestDesk;
  let s: Awaited<ReturnType<typeof seed>>;
  const asIro = (name: string, input: unknown) =>
    t.desk.invoke(t.desk.sessions.start(t.staffIds.iro), name, input);
  const ok = async (name: string, input: unknown) => {
    const envelope = await asIro(name, input);
    if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
    return envelope.value;
  };

  async function build(otherPassingGrades: number) {
    t = await createTestDesk();
    t.clock.set('2022-08-15T09:00:00.000Z');
    s = await seed(t, otherPassingGrades);
    await ok('exchange:recordStay', {
      enrolmentId: s.enrolmentId,
      homeUniversity: 'Università Bocconi',
      homeCountry: 'IT',
      agreement: 'Erasmus+ SBE–Bocconi 2021-2027',
      semesters: ['2022-fall'],
    });
    for (const code of ['EBC1001', 'EBC1002', 'EBC2001', 'EBC2002', 'SKI3001'])
      await ok('exchange:registerCourse', { studentId: s.studentId, courseId: s.courseIds[code] });
    // Before the registration deadline of period 2: leaves the transcript.
    await ok('exchange:dropCourse', { studentId: s.studentId, courseId: s.courseIds['EBC2002'] });
    t.clock.set('2022-09-20T09:00:00.000Z');
    // After the first week of period 1: stays on the transcript.
    await ok('exchange:dropCourse', { studentId: s.studentId, courseId: s.courseIds['EBC1002'] });
    await ok('exchange:recordResult', {
      studentId: s.studentId,
      courseId: s.courseIds['EBC1001'],
      sitting: 'first',
      grade: 4.5,
      gradedOn: '2022-11-04',
    });
    await ok('exchange:recordResult', {
      studentId: s.studentId,
      courseId: s.courseIds['EBC1001'],
      sitting: 'resit',
      grade: 7.5,
      gradedOn: '2023-01-20',
    });
    await ok('exchange:recordResult', {
      studentId: s.studentId,
      courseId: s.courseIds['EBC2001'],
      sitting: 'first',
      grade: 5,
      gradedOn: '2022-12-22',
    });
    await ok('exchange:recordResult', {
      studentId: s.studentId,
      courseId: s.courseIds['SKI3001'],
      sitting: 'first',
      grade: 'NG',
      gradedOn: '2023-02-03',
    });
    t.clock.set('2023-02-10T09:00:00.000Z');
  }

  afterEach(async () => {
    await t.close();
  });

  describe('with enough grades for a grading table', () => {
    beforeEach(async () => {
      await build(31);
    });

    it('lists the courses that belong on it with grades, descriptions, periods, status and totals; the PDF says so in English', async () => {
      const out = (await ok('exchange:transcript', { studentId: s.studentId })) as {
        pdfBase64: string;
        elmoXml: string;
        torsXml: string;
        reference: string;
        sentOn: string[];
      };
      expect(out.reference).toBe('TOR-i6100001-2022-23');
      const pdf = inspectPdf(Buffer.from(out.pdfBase64, 'base64'));
      const text = pdf.flatText;
      expect(text).toContain('Transcript of records');
      expect(text).toContain('Giulia Rossi');
      expect(text).toContain('Università Bocconi');
      const row = (code: string) => `${code} Course(?: <${code}> & Co)?`;
      expect(text).toMatch(new RegExp(`${row('EBC1001')} 2022-23 P1 6.5 7.5 Good Passed \\(re-sit\\)`));
      expect(text).toMatch(new RegExp(`${row('EBC1002')} 2022-23 P1 6.5 – – Withdrawn`));
      expect(text).toContain('(late drop)');
      expect(text).toMatch(new RegExp(`${row('EBC2001')} 2022-23 P2 6.5 5.0 Insufficient Failed`));
      expect(text).toMatch(new RegExp(`${row('SKI3001')} 2022-23 P3 4 NG No Grade No grade`));
      expect(text).not.toContain('EBC2002');
      expect(text).toContain('Total 4 courses 23.5 6.5 ECTS obtained');
      expect(text).toContain('9.0-9.5 Excellent Pass');
      expect(text).toContain('≤5.0 Insufficient Fail');
      expect(text).toContain('NG = No Grade');
      expect(text).toContain('GPA (exchange, School of Business and Economics): 6.3 (ECTS-weighted)');
      expect(text).not.toMatch(/GPA \((?!exchange)/);
      expect(text).toContain('at least the last two academic years');
      expect(text).toMatch(
        /Reference group: ISCED 0410 \(courses of SBE\), passing grades 2021-22 and 2022-23: 32 passing grades/,
      );
      expect(text).toContain('Cumulative');
      expect(text).toContain('100.0%');
      expect(pdf.info['Title']).toBe('Transcript of records');
    });

    it('produces ELMO that validates with xmllint, carries the PDF and an identifier on every learning opportunity', async () => {
      const out = (await ok('exchange:transcript', { studentId: s.studentId })) as {
        pdfBase64: string;
        elmoXml: string;
      };
      const result = validateTranscriptXml('elmo', out.elmoXml);
      expect(result.output).toContain('validates');
      expect(result.ok).toBe(true);
      expect(out.elmoXml).toContain(`data:application/pdf;base64,${out.pdfBase64}</content>`);
      expect(out.elmoXml).toContain('<type>Transcript of Records</type>');
      const specifications = out.elmoXml.split('<learningOpportunitySpecification>').slice(1);
      expect(specifications).toHaveLength(4);
      for (const spec of specifications) {
        expect(spec).toMatch(/^\s*<identifier type="local">[A-Z0-9]+<\/identifier>/);
        expect(spec).toMatch(/<learningOpportunityInstance>\s*<identifier type="local">/);
      }
      expect(out.elmoXml).toContain('<title xml:lang="en">Course &lt;EBC1001&gt; &amp; Co</title>');
      expect(out.elmoXml).toMatch(
        /<status>passed<\/status>\s*<gradingSchemeLocalId>NL-UM-1-10<\/gradingSchemeLocalId>\s*<resultLabel>7.5<\/resultLabel>/,
      );
      expect(out.elmoXml).toContain('<category label="7.5" count="');
      expect(out.elmoXml).toMatch(/cumulative 100.0%/);
    });

    it('wraps the ELMO in an EWP tors response that validates, with the grade conversion table per ISCED code', async () => {
      const out = (await ok('exchange:transcript', { studentId: s.studentId })) as { torsXml: string };
      const result = validateTranscriptXml('ewp-tors', out.torsXml);
      expect(result.output).toContain('validates');
      expect(result.ok).toBe(true);
      expect(out.torsXml).toMatch(/<omobility-id>um-exchange-stay-\d+<\/omobility-id>/);
      expect(out.torsXml).toContain('<iscedTable iscedCode="0410">');
      const percentages = [
        ...out.torsXml.matchAll(/gradeFrequency label="[\d.]+" percentage="([\d.]+)"/g),
      ].map((m) => Number(m[1]));
      // 32 passing grades: 7 × 6.0 and 7 × 7.5 (21.9 % each), 6 × 8.0, 7.0 and 6.5 (18.8 % each), rounded
      // each on its own: they add up to 100.2.
      expect(percentages).toEqual([0, 0, 0, 0, 18.8, 21.9, 18.8, 18.8, 21.9, 0]);
    });

    it('records the day the transcript was sent home, audited, and refuses one still to come', async () => {
      expect(
        await ok('exchange:markTranscriptSent', { studentId: s.studentId, sentOn: '2023-02-09' }),
      ).toEqual({
        studentId: s.studentId,
        dispatches: [{ sentOn: '2023-02-09', sentTo: 'Università Bocconi' }],
      });
      expect(
        await asIro('exchange:markTranscriptSent', { studentId: s.studentId, sentOn: '2023-02-11' }),
      ).toMatchObject({
        ok: false,
        error: { kind: 'validation', field: 'sentOn' },
      });
      const out = (await ok('exchange:transcript', { studentId: s.studentId })) as { sentOn: string[] };
      expect(out.sentOn).toEqual(['2023-02-09']);
      const audit = await t.desk.database.db
        .selectFrom('auditLog')
        .select('action')
        .where('action', '=', 'exchange.markTranscriptSent')
        .execute();
      expect(audit).toHaveLength(1);
    });
  });

  it('reads the grading table of a faculty once for a run of transcripts, with the same table as alone', async () => {
    await build(40);
    const alone = await transcriptOf(t.desk.database.db, s.studentId);
    const shared: GradeTableCache = new Map();
    const first = await transcriptOf(t.desk.database.db, s.studentId, shared);
    expect([...shared.keys()]).toEqual([`SBE|${alone.gradeTables[0]?.academicYears.join(',') ?? ''}`]);
    const loaded = shared.values().next().value;
    const second = await transcriptOf(t.desk.database.db, s.studentId, shared);
    expect(shared.size).toBe(1);
    expect(shared.values().next().value).toBe(loaded);
    expect(first.gradeTables).toEqual(alone.gradeTables);
    expect(second.gradeTables).toEqual(alone.gradeTables);
  });

  it("says 'insufficient data' below the group size, and the XML still validates", async () => {
    await build(3);
    const out = (await ok('exchange:transcript', { studentId: s.studentId })) as {
      pdfBase64: string;
      elmoXml: string;
      torsXml: string;
    };
    expect(inspectPdf(Buffer.from(out.pdfBase64, 'base64')).flatText).toMatch(
      /insufficient data \(4 passing grades; a table needs at least 30\)/,
    );
    expect(out.elmoXml).toContain('insufficient data');
    expect(out.elmoXml).not.toContain('<resultDistribution>');
    expect(out.torsXml).not.toContain('gradeConversionTable');
    expect(validateTranscriptXml('elmo', out.elmoXml)).toMatchObject({ ok: true });
    expect(validateTranscriptXml('ewp-tors', out.torsXml)).toMatchObject({ ok: true });
  });
});
