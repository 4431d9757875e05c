import { describe, expect, it } from 'vitest';
import { studentProfileSchema, type StudentProfileInput } from '../../../shared/facts/student-profile';
import { loadProvisions } from '../../provisions/load-provisions';
import { loadStudyProgressRequirements } from './load-study-progress-requirements';
import { studyProgressRequirementsSchema } from './study-progress-requirements.schema';
import {
  assessStudyProgress,
  creditsObtained,
  formatCredits,
  studyProgressNorm,
  studyProgressScope,
  type StudyProgressEnrolment,
  type StudyProgressFacts,
} from './study-progress.rules';

const provisions = loadProvisions('2022-23');
const requirements = loadStudyProgressRequirements('2022-23');

const profile = (overrides: Partial<StudentProfileInput> = {}) =>
  studentProfileSchema.parse({
    dateOfBirth: '2001-05-04',
    nationalities: ['IN'],
    residence: { countryOfResidence: 'NL', permit: { type: 'study' } },
    ...overrides,
  });

const enrolment = (overrides: Partial<StudyProgressEnrolment> = {}): StudyProgressEnrolment => ({
  id: 1,
  programmeCode: 'b-econometrics-and-operations-research',
  programmeName: 'Econometrics and Operations Research',
  kind: 'regular',
  mode: 'full-time',
  startDate: '2022-09-01',
  status: 'enrolled',
  preparatoryPassedOn: null,
  ...overrides,
});

const credits = (...ects: [number, string][]) =>
  ects.map(([value, obtainedOn]) => ({ creditsTenths: value * 10, obtainedOn, description: 'course' }));

const facts = (overrides: Partial<StudyProgressFacts> = {}): StudyProgressFacts => ({
  profile: profile(),
  enrolments: [enrolment()],
  credits: [],
  excusableReason: null,
  notifiedOn: null,
  today: '2023-09-15',
  ...overrides,
});

const articles = (reasons: readonly { article: string }[]) => reasons.map((r) => r.article);

describe('the study progress requirements data (resources/study-progress/2022-23.json)', () => {
  it('holds the norm as data: 60 credits a year, 50 %, two semesters of 30', () => {
    expect(requirements.norm).toMatchObject({ creditsPerYear: 60, requiredPercentage: 50 });
    expect(requirements.partOfYear.semesters.map((s) => [s.startsOn, s.credits])).toEqual([
      ['2022-09-01', 30],
      ['2023-02-01', 30],
    ]);
    expect(requirements.excusableReasons.kinds.map((k) => k.key)).toEqual([
      'death-of-parent',
      'serious-illness',
      'other-personal-circumstances',
    ]);
  });

  it('refuses semesters that do not add up to the year, and a reference to a section the page lacks', () => {
    const broken = structuredClone(requirements) as unknown as {
      partOfYear: { semesters: { credits: number }[] };
      ind: { source: string };
    };
    broken.partOfYear.semesters[1].credits = 20;
    broken.ind.source = 'Study progress, Appendix Z';
    const result = studyProgressRequirementsSchema.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual(
      expect.arrayContaining([
        'The semesters offer 50 credits, not the 60 of the year.',
        '"Study progress, Appendix Z" names no section of the page.',
      ]),
    );
  });

  it('names the academic years there are for a year without requirements', () => {
    expect(() => loadStudyProgressRequirements('2031-32')).toThrow(
      /no study progress requirements for 2031-32; available: 2022-23/,
    );
  });
});

describe('who the requirement applies to (Study progress, Study progress requirements; Art 13.1f, 10.4)', () => {
  it('applies to a non-EU student on a study permit in a regular enrolment, citing the source and Art 13.1f', () => {
    const scope = studyProgressScope(profile(), [enrolment()], provisions, requirements);
    expect(scope.inScope).toBe(true);
    expect(articles(scope.reasons)).toEqual(['Study progress, Study progress requirements', 'Art 13.1f']);
    expect(scope.reasons[1]?.text).toContain('a national of IN');
  });

  it('does not apply to a student without a residence permit for study', () => {
    const scope = studyProgressScope(
      profile({ residence: { countryOfResidence: 'NL', permit: { type: 'regular-fixed-period' } } }),
      [enrolment()],
      provisions,
      requirements,
    );
    expect(scope).toMatchObject({ inScope: false, outcome: 'out-of-scope' });
    expect(scope.reasons[0]).toMatchObject({
      article: 'Study progress, Study progress requirements',
      text: expect.stringContaining('does not hold a Dutch residence permit for study') as unknown,
    });
  });

  it.each([
    ['an EU national', ['DE']],
    ['an EEA national', ['NO']],
    ['a Swiss national', ['CH']],
    ['a dual Indian and Belgian national', ['IN', 'BE']],
  ])('does not apply to %s, whom UM does not de-register (Art 13.1f)', (_who, nationalities) => {
    const scope = studyProgressScope(profile({ nationalities }), [enrolment()], provisions, requirements);
    expect(scope).toMatchObject({ inScope: false, outcome: 'out-of-scope' });
    expect(scope.reasons[0]?.article).toBe('Art 13.1f');
    expect(scope.reasons[0]?.text).toContain('EU/EEA or Switzerland');
  });

  it('does not apply to an exchange student (Study progress; Art 10.4)', () => {
    const scope = studyProgressScope(
      profile(),
      [enrolment({ kind: 'exchange', programmeCode: null, programmeName: 'exchange' })],
      provisions,
      requirements,
    );
    expect(scope).toMatchObject({ inScope: false, outcome: 'out-of-scope' });
    expect(articles(scope.reasons)).toEqual(['Study progress, Study progress requirements', 'Art 10.4']);
    expect(scope.reasons[0]?.text).toContain('exchange programme');
  });

  it('leaves an enrolment that ended during the year to the Art 33.8 de-registration', () => {
    const scope = studyProgressScope(
      profile(),
      [enrolment({ status: 'terminated' })],
      provisions,
      requirements,
    );
    expect(scope).toMatchObject({ inScope: false, outcome: 'out-of-scope' });
    expect(scope.reasons[0]?.article).toBe('Art 33.8');
  });

  it('does not apply to a student not enrolled in the year (an application still pending)', () => {
    const scope = studyProgressScope(profile(), [enrolment({ status: 'applied' })], provisions, requirements);
    expect(scope).toMatchObject({ inScope: false, outcome: 'out-of-scope' });
    expect(scope.reasons[0]?.text).toBe('The student is not enrolled in this academic year.');
  });

  it('asks for the profile when none is recorded, and for a review of a subsidiary student (Art 10.1)', () => {
    expect(studyProgressScope(null, [enrolment()], provisions, requirements)).toMatchObject({
      inScope: false,
      outcome: 'needs-review',
    });
    const subsidiary = studyProgressScope(
      profile(),
      [enrolment({ kind: 'subsidiary' })],
      provisions,
      requirements,
    );
    expect(subsidiary).toMatchObject({ inScope: false, outcome: 'needs-review' });
    expect(subsidiary.reasons[0]?.article).toBe('Art 10.1');
  });

  it('checks the earliest current regular enrolment when the student also has an exchange one', () => {
    const scope = studyProgressScope(
      profile(),
      [
        enrolment({ id: 7, kind: 'exchange', startDate: '2022-09-01' }),
        enrolment({ id: 9, startDate: '2023-02-01' }),
      ],
      provisions,
      requirements,
    );
    expect(scope.inScope && scope.enrolment.id).toBe(9);
  });
});

describe('the norm (Study progress, Credits per year; Part of the year)', () => {
  it('is 30 of 60 ECTS for a whole year', () => {
    const norm = studyProgressNorm('2022-09-01', requirements);
    expect(norm).toMatchObject({ monthsEnrolled: 12, creditsAvailableTenths: 600, normTenths: 300 });
    expect(norm.reasons[0]).toMatchObject({ article: 'Study progress, Credits per year' });
    expect(norm.reasons[0]?.text).toContain('at least 50 % of them, 30 ECTS');
  });

  it('is 15 of 30 ECTS for a 1 February start, as the page says', () => {
    const norm = studyProgressNorm('2023-02-01', requirements);
    expect(norm).toMatchObject({ monthsEnrolled: 7, creditsAvailableTenths: 300, normTenths: 150 });
    expect(norm.reasons[0]?.article).toBe('Study progress, Part of the year');
    expect(norm.reasons[0]?.text).toContain('the second semester (30) offers 30 credits');
  });

  it('counts a semester started within pro rata by whole months: 1 November gives 18 + 30 credits, 24 to obtain', () => {
    const norm = studyProgressNorm('2022-11-01', requirements);
    expect(norm).toMatchObject({ monthsEnrolled: 10, creditsAvailableTenths: 480, normTenths: 240 });
    expect(norm.reasons[0]?.text).toContain('3 of the 5 months of the first semester (18 of 30)');
  });

  it('counts a month only when enrolled from its first day, and rounds the norm up to a tenth', () => {
    // 15 March: April–August, 5 of 7 months of the second semester = 21.43 credits; half is 10.71 → 10.8.
    const norm = studyProgressNorm('2023-03-15', requirements);
    expect(norm).toMatchObject({ monthsEnrolled: 5, creditsAvailableTenths: 214, normTenths: 108 });
    expect(norm.countsFrom).toBe('2023-03-15');
  });

  it('takes the figures from the data, not the code', () => {
    const stricter = { ...requirements, norm: { ...requirements.norm, requiredPercentage: 75 } };
    expect(studyProgressNorm('2022-09-01', stricter).normTenths).toBe(450);
  });
});

describe('credits obtained', () => {
  it('counts only results obtained in the period enrolled, to 31 August', () => {
    const result = creditsObtained(
      credits([6.5, '2023-01-20'], [6, '2023-03-01'], [5, '2023-09-01']),
      '2023-02-01',
      '2023-08-31',
    );
    expect(result).toEqual({ obtainedTenths: 60, counted: 1, ignored: 2 });
    expect(formatCredits(65)).toBe('6.5');
    expect(formatCredits(300)).toBe('30');
  });
});

describe('the outcome of the check', () => {
  it('meets the requirement with exactly 30 of 60 ECTS', () => {
    const a = assessStudyProgress(
      facts({ credits: credits([24, '2023-01-25'], [6, '2023-06-30']) }),
      provisions,
      requirements,
    );
    expect(a).toMatchObject({ outcome: 'meets', creditsObtainedTenths: 300, normTenths: 300 });
    expect(a.reasons.at(-1)).toEqual({
      article: 'Study progress, Credits per year',
      text: '30 ECTS is at least the 30 required: the requirement is met.',
    });
  });

  it('is to be notified to the IND with 29.5 of 30 ECTS and no excusable reason', () => {
    const a = assessStudyProgress(
      facts({ credits: credits([29.5, '2023-06-30']) }),
      provisions,
      requirements,
    );
    expect(a.outcome).toBe('notify');
    expect(articles(a.reasons)).toEqual([
      'Study progress, Study progress requirements',
      'Art 13.1f',
      'Study progress, Credits per year',
      'Study progress, Credits per year',
      'Study progress, Credits per year',
      'Study progress, IND',
    ]);
    expect(a.reasons.at(-2)?.text).toBe(
      '29.5 ECTS is less than the 30 required: the requirement is not met.',
    );
  });

  it('notifies a 1 February starter with 12 ECTS against 15, and not one with 15', () => {
    const feb = { enrolments: [enrolment({ startDate: '2023-02-01' })] };
    expect(
      assessStudyProgress(facts({ ...feb, credits: credits([12, '2023-06-01']) }), provisions, requirements)
        .outcome,
    ).toBe('notify');
    expect(
      assessStudyProgress(facts({ ...feb, credits: credits([15, '2023-06-01']) }), provisions, requirements)
        .outcome,
    ).toBe('meets');
  });

  it('does not count credits a February starter obtained before 1 February', () => {
    const a = assessStudyProgress(
      facts({ enrolments: [enrolment({ startDate: '2023-02-01' })], credits: credits([20, '2023-01-15']) }),
      provisions,
      requirements,
    );
    expect(a).toMatchObject({ outcome: 'notify', creditsObtainedTenths: 0 });
    expect(a.reasons.find((r) => r.text.includes('not counted'))?.text).toContain(
      '1 obtained outside that period not counted',
    );
  });

  it('keeps an excused student off the IND list, showing the adviser and the reason', () => {
    const a = assessStudyProgress(
      facts({
        credits: credits([10, '2023-06-30']),
        excusableReason: {
          kindLabel: 'Serious illness',
          adviserName: 'Dr. M. Janssen',
          decidedOn: '2023-07-10',
        },
      }),
      provisions,
      requirements,
    );
    expect(a.outcome).toBe('excused');
    expect(a.reasons.at(-1)).toEqual({
      article: 'Study progress, Extenuating circumstances',
      text: 'Study adviser Dr. M. Janssen found an excusable reason on 10 July 2023 (Serious illness), so the student is not notified to the IND.',
    });
  });

  it('shows a student on a list sent to the IND as notified', () => {
    const a = assessStudyProgress(
      facts({ credits: credits([10, '2023-06-30']), notifiedOn: '2023-10-02' }),
      provisions,
      requirements,
    );
    expect(a.outcome).toBe('notified');
    expect(a.reasons.at(-1)?.text).toContain('2 October 2023');
  });

  it('is pending until the academic year has ended', () => {
    const a = assessStudyProgress(
      facts({ today: '2023-08-31', credits: credits([10, '2023-06-30']) }),
      provisions,
      requirements,
    );
    expect(a.outcome).toBe('pending');
    expect(a.reasons.at(-1)?.text).toContain('once the year ends on 31 August 2023');
  });

  it('asks for a review of a part-time enrolment, for which the page sets no requirement', () => {
    const a = assessStudyProgress(
      facts({ enrolments: [enrolment({ mode: 'part-time' })], credits: credits([10, '2023-06-30']) }),
      provisions,
      requirements,
    );
    expect(a.outcome).toBe('needs-review');
    expect(a.reasons.some((r) => r.text.includes('part-time'))).toBe(true);
  });

  it('passes through the reasons of a student out of scope, with no norm', () => {
    const a = assessStudyProgress(
      facts({ profile: profile({ nationalities: ['FR'] }) }),
      provisions,
      requirements,
    );
    expect(a).toMatchObject({ outcome: 'out-of-scope', normTenths: null, monthsEnrolled: null });
  });
});

describe('preparatory programmes (Study progress, Preparatory programmes)', () => {
  const preMaster = (overrides: Partial<StudyProgressEnrolment> = {}) =>
    enrolment({
      programmeCode: 'pm-european-studies',
      programmeName: 'Pre-master European Studies',
      ...overrides,
    });

  it('meets the requirement when the pre-master’s was passed (certificate issued, Art 8.3), whatever the credits', () => {
    const a = assessStudyProgress(
      facts({ enrolments: [preMaster({ preparatoryPassedOn: '2023-07-01' })] }),
      provisions,
      requirements,
    );
    expect(a).toMatchObject({ outcome: 'meets', isPreparatory: true, normTenths: null });
    expect(articles(a.reasons)).toContain('Art 8.3');
  });

  it('notifies a student who did not pass within 12 months', () => {
    const a = assessStudyProgress(
      facts({ enrolments: [preMaster()], credits: credits([45, '2023-06-01']) }),
      provisions,
      requirements,
    );
    expect(a.outcome).toBe('notify');
    expect(
      a.reasons.find(
        (r) => r.article === 'Study progress, Preparatory programmes' && r.text.includes('did not pass'),
      )?.text,
    ).toBe('The student did not pass the preparatory programme within 12 months (by 31 August 2023).');
  });

  it('waits for a February pre-master’s until its 12 months have run, past the end of the year', () => {
    const feb = { enrolments: [preMaster({ startDate: '2023-02-01' })] };
    const a = assessStudyProgress(facts({ ...feb, today: '2023-09-15' }), provisions, requirements);
    expect(a.outcome).toBe('pending');
    expect(a.reasons.at(-1)?.text).toContain('until 31 January 2024');
    expect(
      assessStudyProgress(facts({ ...feb, today: '2024-02-01' }), provisions, requirements).outcome,
    ).toBe('notify');
  });

  it('excuses a student who failed the preparatory programme with an excusable reason', () => {
    const a = assessStudyProgress(
      facts({
        enrolments: [preMaster()],
        excusableReason: {
          kindLabel: 'Death of a parent',
          adviserName: 'A. Peeters',
          decidedOn: '2023-05-02',
        },
      }),
      provisions,
      requirements,
    );
    expect(a.outcome).toBe('excused');
  });
});
