import { describe, expect, it } from 'vitest';
import {
  checkCourseDrop,
  checkCourseRegistration,
  registrationViolations,
  type CourseFacts,
} from './course-registration.rules';
import {
  nextSemester,
  parseSemesterKey,
  semesterDates,
  semesterKey,
  umAccountEndsOn,
} from './exchange-calendar';
import { exchangeGuideSchema } from './exchange-guide.schema';
import { decideExtension, type ExtensionFacts } from './extension.rules';
import { loadExchangeGuide } from './load-exchange-guide';
import {
  checkResitRegistration,
  describeResult,
  gradePointAverage,
  isGpaShown,
  parseGrade,
  plagiarismConsequence,
  resitAfterFirstSitting,
} from './results.rules';
import { addDays } from '../payments/calendar-dates';
import { assessTuitionFee } from '../fees/tuition-fee.rules';
import { loadProvisions } from '../../provisions/load-provisions';

const guide = loadExchangeGuide('2022-23');
const course = (code: string, period: number, extra: Partial<CourseFacts> = {}): CourseFacts => ({
  courseId: Number(code.replace(/\D/g, '')),
  code,
  title: code,
  period,
  ects: guide.registration.skillsTrainingPeriods.periods.includes(period) ? 4 : 6.5,
  isSkillsTraining: guide.registration.skillsTrainingPeriods.periods.includes(period),
  ...extra,
});

describe('the exchange facts of 2022-23', () => {
  it('validates, cites the guide, and keeps the extension deadlines consistent with the calendar', () => {
    expect(exchangeGuideSchema.safeParse(guide).success).toBe(true);
    const p4 = guide.periods[3];
    expect(guide.extensions.fallToSpringDeadline.date).toBe(addDays(p4?.registrationClosesOn ?? '', -7));
    const p5 = guide.periods[4];
    expect(guide.extensions.springToFallDeadline.date).toBe(p5?.endsOn);
    for (const rule of [guide.registration.maxCoursesPerPeriod, guide.resits.plagiarism, guide.umAccount]) {
      expect(guide.sections).toContain(rule.source.replace('Exchange guide, ', ''));
    }
  });

  it('names semesters fall (periods 1–3) and spring (4–6) and ends the UM account about 60 days after', () => {
    expect(semesterKey('2022-23', 'spring')).toBe('2023-spring');
    expect(parseSemesterKey('2023-spring')).toEqual({ academicYear: '2022-23', term: 'spring' });
    expect(nextSemester('2023-spring')).toBe('2023-fall');
    expect(guide.semesters.map((s) => s.periods)).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const fall = semesterDates(guide, 'fall');
    expect(fall).toEqual({ startsOn: '2022-09-05', endsOn: '2023-02-03' });
    expect(umAccountEndsOn(guide, fall.endsOn)).toBe('2023-04-04');
  });

  it('charges an exchange student no tuition fee (Art 10.4)', () => {
    const fee = assessTuitionFee(
      // The fee engine's own facts; only the kind matters here.
      { enrolmentKind: 'exchange' } as unknown as Parameters<typeof assessTuitionFee>[0],
      loadProvisions('2022-23'),
    );
    expect(fee.amountCents).toBe(0);
    expect(fee.reasons[0]).toMatchObject({
      article: 'Art 10.4',
      text: expect.stringContaining('pays no tuition fee') as unknown,
    });
  });
});

describe('course registration (Exchange guide, Course registration periods and deadlines)', () => {
  const base = { registered: [] as CourseFacts[], terms: ['fall'] as const, today: '2022-08-15' };

  it('allows a first course of a period before the deadline', () => {
    const decision = checkCourseRegistration(guide, { ...base, course: course('EBC1001', 1) });
    expect(decision.outcome).toBe('allowed');
  });

  it('refuses a third course in a period, stating the rule', () => {
    const decision = checkCourseRegistration(guide, {
      ...base,
      registered: [course('EBC1001', 1), course('EBC1002', 1)],
      course: course('EBC1003', 1),
    });
    expect(decision).toMatchObject({ outcome: 'refused' });
    expect(decision.reasons).toContainEqual({
      article: 'Exchange guide, Course registration periods and deadlines',
      text: expect.stringContaining('You can register for no more than two courses per period.') as unknown,
    });
  });

  it('refuses a second skills training in a period', () => {
    const decision = checkCourseRegistration(guide, {
      ...base,
      registered: [course('SKI3001', 3)],
      course: course('SKI3002', 3),
    });
    expect(decision.reasons).toContainEqual({
      article: 'Exchange guide, Skills training',
      text: expect.stringContaining('You can only register for one skills course per period.') as unknown,
    });
  });

  it('refuses after the registration deadline of the period', () => {
    const decision = checkCourseRegistration(guide, {
      ...base,
      today: '2022-08-23',
      course: course('EBC1001', 1),
    });
    expect(decision.outcome).toBe('refused');
    expect(decision.reasons[0]?.text).toContain('Registration for period 1 closed on 22 August 2022');
  });

  it('refuses a course outside the semesters of the stay', () => {
    const decision = checkCourseRegistration(guide, { ...base, course: course('EBC4001', 4) });
    expect(decision.reasons[0]).toMatchObject({ article: 'Exchange guide, Academic calendar' });
    expect(decision.reasons[0]?.text).toContain('outside the student');
  });

  it('refuses dropping the only course of a period, stating the rule', () => {
    const only = course('EBC1001', 1);
    const decision = checkCourseDrop(guide, { course: only, registered: [only], today: '2022-08-01' });
    expect(decision).toMatchObject({ outcome: 'refused' });
    expect(decision.reasons[0]).toEqual({
      article: 'Exchange guide, Grade transcripts',
      text: expect.stringContaining(
        'If you are registered for one course only, you are not allowed to drop this course.',
      ) as unknown,
    });
  });

  it('allows dropping the only skills training: periods 3 and 6 are optional', () => {
    const only = course('SKI3001', 3);
    expect(checkCourseDrop(guide, { course: only, registered: [only], today: '2022-12-01' }).outcome).toBe(
      'allowed',
    );
  });

  it('takes a course dropped before the deadline or in the first week off the transcript, a later drop stays', () => {
    const registered = [course('EBC1001', 1), course('EBC1002', 1)];
    const drop = (today: string) => checkCourseDrop(guide, { course: registered[1], registered, today });
    expect(drop('2022-08-20')).toMatchObject({ outcome: 'allowed', leavesTranscript: true });
    expect(drop('2022-09-11')).toMatchObject({ outcome: 'allowed', leavesTranscript: true });
    const late = drop('2022-09-12');
    expect(late).toMatchObject({ outcome: 'allowed', leavesTranscript: false });
    expect(late.reasons[0]?.text).toContain('stays on the transcript');
  });

  it('lists a compulsory period without a course as a violation, but not the skills-training period', () => {
    const violations = registrationViolations(guide, ['fall'], [course('EBC1001', 1)]);
    expect(violations.map((v) => v.period)).toEqual([2]);
    expect(violations[0]?.text).toContain('at least one course per period (6,5 ECTS)');
  });
});

describe('results and re-sits (Exchange guide, Grade conversion; Registration deadlines for exams)', () => {
  it('accepts grades from 1.0 to 10.0 in halves, or NG, and refuses others with the scale', () => {
    expect(parseGrade(guide, 7.5)).toEqual({ ok: true, result: { kind: 'grade', tenths: 75 } });
    expect(parseGrade(guide, 'NG')).toEqual({ ok: true, result: { kind: 'no-grade' } });
    for (const bad of [0.5, 10.5, 6.7]) {
      const parsed = parseGrade(guide, bad);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.reason.article).toBe('Exchange guide, Grade conversion');
    }
  });

  it.each([
    [100, 'Exceptional', true],
    [95, 'Excellent', true],
    [80, 'Very good', true],
    [75, 'Good', true],
    [60, 'Satisfactory', true],
    [55, 'Sufficient', true],
    [50, 'Insufficient', false],
    [10, 'Insufficient', false],
  ])('describes %i tenths as %s', (tenths, description, isPass) => {
    expect(describeResult(guide, { kind: 'grade', tenths })).toMatchObject({ description, isPass });
  });

  it('describes NG as No Grade, a fail', () => {
    expect(describeResult(guide, { kind: 'no-grade' })).toMatchObject({
      description: 'No Grade',
      isPass: false,
    });
  });

  it('registers for the re-sit automatically after an insufficient first result, not after NG or a pass', () => {
    expect(resitAfterFirstSitting(guide, { kind: 'grade', tenths: 45 }, null).resit).toBe('automatic');
    const ng = resitAfterFirstSitting(guide, { kind: 'no-grade' }, null);
    expect(ng.resit).toBe('student-must-register');
    expect(ng.reasons[0]?.text).toContain('you are not automatically registered for the re-sit');
    expect(resitAfterFirstSitting(guide, { kind: 'grade', tenths: 60 }, null).resit).toBe('none');
  });

  it('excludes from re-sits for the rest of the year after plagiarism, and sets the period to 0', () => {
    const exclusion = { academicYear: '2022-23', period: 1, decidedOn: '2022-10-20' };
    expect(resitAfterFirstSitting(guide, { kind: 'grade', tenths: 40 }, exclusion).resit).toBe('none');
    const check = checkResitRegistration(guide, {
      first: { kind: 'no-grade' },
      exclusion,
      isRegistered: false,
    });
    expect(check.outcome).toBe('refused');
    expect(check.reasons[0]).toMatchObject({ article: 'Exchange guide, Plagiarism' });
    expect(check.reasons[0]?.text).toContain('excluded from the re-sit opportunities');
    expect(plagiarismConsequence(guide, exclusion).result).toEqual({ kind: 'grade', tenths: 0 });
  });

  it('lets the student register for the re-sit after NG, but not after a pass', () => {
    expect(
      checkResitRegistration(guide, { first: { kind: 'no-grade' }, exclusion: null, isRegistered: false })
        .outcome,
    ).toBe('allowed');
    expect(
      checkResitRegistration(guide, {
        first: { kind: 'grade', tenths: 70 },
        exclusion: null,
        isRegistered: false,
      }).outcome,
    ).toBe('refused');
  });

  it('averages grades weighted by ECTS, without NG, and shows the GPA per faculty setting', () => {
    expect(
      gradePointAverage([
        { ects: 6.5, result: { kind: 'grade', tenths: 80 } },
        { ects: 4, result: { kind: 'grade', tenths: 60 } },
        { ects: 6.5, result: { kind: 'no-grade' } },
      ]),
    ).toBe(7.2);
    expect(gradePointAverage([{ ects: 6.5, result: { kind: 'no-grade' } }])).toBeNull();
    expect(isGpaShown(guide, 'SBE')).toBe(true);
    expect(isGpaShown(guide, 'FL')).toBe(guide.gpa.defaultShown);
  });
});

describe('extensions (Exchange guide, Extending your stay at SBE)', () => {
  const facts: ExtensionFacts = {
    direction: 'fall-to-spring',
    requestedOn: '2023-01-02',
    lastTerm: 'fall',
    semestersOfStay: 1,
    firstPeriodCourses: [{ code: 'EBC1001', passedAtFirstSitting: true }],
    homeUniversityPermits: true,
    iroPermits: true,
  };

  it('approves a fall student meeting every condition, showing each', () => {
    const decision = decideExtension(guide, facts);
    expect(decision.outcome).toBe('approved');
    expect(decision.conditions.map((c) => [c.key, c.isMet])).toEqual([
      ['direction', true],
      ['first-period-passed', true],
      ['home-university', true],
      ['iro', true],
      ['deadline', true],
      ['maximum-stay', true],
    ]);
  });

  it.each([
    [
      'a period-1 course passed only at the re-sit',
      { firstPeriodCourses: [{ code: 'EBC1001', passedAtFirstSitting: false }] },
      'first-period-passed',
      're-examinations will not be taken into account',
    ],
    [
      'no permission of the home university',
      { homeUniversityPermits: false },
      'home-university',
      'your home university needs to grant you permission',
    ],
    [
      'no permission of the IRO',
      { iroPermits: false },
      'iro',
      'International Relations Office at SBE needs to grant you permission',
    ],
    [
      'a request after the deadline',
      { requestedOn: '2023-01-10' },
      'deadline',
      'a week before the course registration period for period 4 has ended',
    ],
    [
      'a stay beyond one academic year',
      { direction: 'spring-to-fall', lastTerm: 'spring', semestersOfStay: 2, requestedOn: '2023-06-01' },
      'maximum-stay',
      'only one academic year',
    ],
  ] as const)('refuses %s', (_name, change, key, ruleText) => {
    const decision = decideExtension(guide, { ...facts, ...change });
    expect(decision.outcome).toBe('refused');
    const condition = decision.conditions.find((c) => c.key === key);
    expect(condition?.isMet).toBe(false);
    expect(condition?.text).toContain(ruleText);
    expect(condition?.article).toBe('Exchange guide, Extending your stay at SBE');
  });

  it('checks a spring → fall request against the last week of period 5', () => {
    const spring = { ...facts, direction: 'spring-to-fall' as const, lastTerm: 'spring' as const };
    expect(decideExtension(guide, { ...spring, requestedOn: '2023-06-09' }).outcome).toBe('approved');
    expect(decideExtension(guide, { ...spring, requestedOn: '2023-06-10' }).outcome).toBe('refused');
  });
});
