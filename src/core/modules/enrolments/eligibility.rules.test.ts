import { afterAll, describe, expect, it } from 'vitest';
import { DeskError } from '../../../shared/errors';
import {
  enrolmentRequestSchema,
  studentProfileSchema,
  type EnrolmentRequestInput,
  type StudentProfileInput,
} from '../../../shared/facts/student-profile';
import { findProvisionText, loadProvisions } from '../../provisions/load-provisions';
import type { Provisions } from '../../provisions/provisions.schema';
import type { ProvisionReason } from '../payments/provision-reason';
import {
  ageOn,
  assessEligibility,
  interimStartAllowed,
  type EligibilityDecision,
  type StartDateDecision,
} from './eligibility.rules';

const provisions = loadProvisions('2022-23');
const produced: ProvisionReason[] = [];
const TODAY = '2022-08-01';

function request(enrolment: Partial<EnrolmentRequestInput> = {}) {
  return enrolmentRequestSchema.parse({
    academicYear: '2022-23',
    programmeCode: 'b-psychology',
    startDate: '2022-09-01',
    admission: { status: 'admitted' },
    ...enrolment,
  });
}

function assess(
  profile: StudentProfileInput,
  enrolment: Partial<EnrolmentRequestInput> = {},
  today = TODAY,
): EligibilityDecision {
  const decision = assessEligibility(
    studentProfileSchema.parse(profile),
    request(enrolment),
    provisions,
    today,
  );
  produced.push(...decision.reasons);
  return decision;
}

function start(enrolment: Partial<EnrolmentRequestInput>, data: Provisions = provisions): StartDateDecision {
  const decision = interimStartAllowed(request(enrolment), data);
  produced.push(...decision.reasons);
  return decision;
}

function reason(decision: EligibilityDecision, article: string): ProvisionReason | undefined {
  return decision.reasons.find((r) => r.article === article);
}

/** A German national living in Maastricht, admitted to the bachelor's in Psychology. */
const EU_STUDENT: StudentProfileInput = {
  dateOfBirth: '2003-05-01',
  nationalities: ['DE'],
  registeredInBrp: true,
  residence: { countryOfResidence: 'NL' },
};

const UM_2021: StudentProfileInput['dutchHigherEducation'] = {
  enrolments: [
    { institution: 'um', programmeCode: 'b-psychology', academicYear: '2021-22', startedOn: '2021-09-01' },
  ],
};

describe('eligibility to enrol (Art 2)', () => {
  it('finds an admitted EU national eligible, with every reason', () => {
    const decision = assess(EU_STUDENT);
    expect(decision.outcome).toBe('eligible');
    expect(decision.round).toBe('first-enrolment');
    expect(decision.blockingReasons).toEqual([]);
    expect(decision.reasons).toEqual([
      {
        article: 'Art 1n',
        text: 'The student was not enrolled at UM in an earlier academic year, so this is a first-time enrolment.',
      },
      {
        article: 'Art 2.2c',
        text: 'The student is 19 on 1 September 2022 and, as a national of DE (Germany), resides lawfully in the Netherlands under Article 8 of the Aliens Act 2000, and so may enrol.',
      },
      { article: 'Art 6.1', text: 'The student was admitted to B Psychology.' },
      {
        article: 'Art 4.1',
        text: 'B Psychology commences on 1 September 2022, like every bachelor’s and initial master’s programme.',
      },
    ]);
  });

  it('admits a Dutch national (Art 2.2a)', () => {
    const decision = assess({ ...EU_STUDENT, nationalities: ['NL', 'US'] });
    expect(reason(decision, 'Art 2.2a')).toEqual({
      article: 'Art 2.2a',
      text: 'The student is a Dutch national and so may enrol.',
    });
  });

  it('admits a foreign minor without lawful residence (Art 2.2b)', () => {
    const decision = assess({
      dateOfBirth: '2004-12-01',
      nationalities: ['US'],
      residence: { countryOfResidence: 'NL' },
    });
    expect(decision.outcome).toBe('eligible');
    expect(reason(decision, 'Art 2.2b')?.text).toBe(
      'The student is a national of US and is 17, younger than 18, on 1 September 2022, the first day of the programme, and so may enrol.',
    );
  });

  it('admits an adult foreign national with a residence permit valid on the first day (Art 2.2c)', () => {
    const decision = assess({
      dateOfBirth: '2000-01-01',
      nationalities: ['US'],
      residence: {
        countryOfResidence: 'NL',
        permit: { type: 'study', validFrom: '2022-08-20', validUntil: '2023-09-30' },
      },
    });
    expect(decision.outcome).toBe('eligible');
    expect(reason(decision, 'Art 2.2c')?.text).toBe(
      'The student is a national of US, is 22 on 1 September 2022 and resides lawfully in the Netherlands on a residence document (study) valid on that day, and so may enrol.',
    );
  });

  it('admits an adult foreign national living abroad (Art 2.2d)', () => {
    const decision = assess({
      dateOfBirth: '2000-01-01',
      nationalities: ['IN'],
      residence: { countryOfResidence: 'BE' },
    });
    expect(reason(decision, 'Art 2.2d')?.text).toBe(
      'The student is a national of IN who lives in BE (Belgium), outside the Netherlands, on 1 September 2022, and so may enrol.',
    );
  });

  it('refuses an adult foreign national living in the Netherlands without a valid permit (Art 2.2)', () => {
    const decision = assess({
      dateOfBirth: '2000-01-01',
      nationalities: ['US'],
      residence: { countryOfResidence: 'NL', permit: { type: 'study', validUntil: '2022-08-31' } },
    });
    expect(decision.outcome).toBe('refused');
    expect(decision.blockingReasons).toEqual([
      {
        article: 'Art 2.2',
        text: 'The student is a national of US, is 22 on 1 September 2022, lives in the Netherlands and holds a residence document (study) that is not valid on that day, so none of the grounds a–e of paragraph 2 allows enrolment.',
        effect: 'refusal',
      },
    ]);
  });

  it('refuses a stateless adult in the Netherlands without any residence document (Art 2.2)', () => {
    const decision = assess({
      dateOfBirth: '2000-01-01',
      nationalities: [],
      residence: { countryOfResidence: 'NL' },
    });
    expect(decision.blockingReasons[0].text).toBe(
      'The student is stateless, is 22 on 1 September 2022, lives in the Netherlands and holds no Dutch residence document, so none of the grounds a–e of paragraph 2 allows enrolment.',
    );
  });

  it('lets a student continue a programme not yet completed, whose age counts from its first day (Art 2.2b, 2.2e)', () => {
    const minorThen = assess(
      {
        dateOfBirth: '2003-12-01',
        nationalities: ['US'],
        residence: { countryOfResidence: 'NL' },
        dutchHigherEducation: UM_2021,
      },
      {},
    );
    expect(reason(minorThen, 'Art 2.2b')?.text).toBe(
      'The student is a national of US and is 17, younger than 18, on 1 September 2021, the first day of the programme, and so may enrol.',
    );
    const continuing = assess({
      dateOfBirth: '2000-01-01',
      nationalities: ['US'],
      residence: { countryOfResidence: 'NL' },
      dutchHigherEducation: UM_2021,
    });
    expect(continuing.round).toBe('re-enrolment');
    expect(reason(continuing, 'Art 2.2e')?.text).toBe(
      'The student is a national of US without lawful residence now, but was enrolled in this programme in 2021-22 and has not completed it, and so may continue.',
    );
  });

  it('refuses part-time enrolment in a programme without a part-time variant (Art 2.3)', () => {
    const decision = assess(EU_STUDENT, { programmeCode: 'm-economics', mode: 'part-time' });
    expect(decision.blockingReasons).toEqual([
      {
        article: 'Art 2.3',
        text: 'M Economics is not listed with a part-time variant, so part-time enrolment is not possible.',
        effect: 'refusal',
      },
    ]);
    expect(assess(EU_STUDENT, { programmeCode: 'm-epidemiology', mode: 'part-time' }).outcome).toBe(
      'eligible',
    );
  });

  it('refuses a first enrolment in a programme open only to re-enrolling students (App I)', () => {
    const decision = assess(EU_STUDENT, { programmeCode: 'm-health-sciences-research' });
    expect(decision.blockingReasons).toEqual([
      {
        article: 'App I',
        text: 'M Health Sciences (Research) is open only to re-enrolling students, and the student was not enrolled in it before.',
        effect: 'refusal',
      },
    ]);
  });

  it('allows external enrolment only in a bachelor’s or initial master’s, after the Executive Board’s finding (Art 2.4)', () => {
    expect(
      assess(EU_STUDENT, { kind: 'external', programmeCode: 'pm-european-studies', startDate: '2022-09-01' })
        .blockingReasons,
    ).toEqual([
      {
        article: 'Art 2.4',
        text: 'Enrolment as an external student is possible only in a bachelor’s or initial master’s programme, and Pre-master’s in European Studies is not one.',
        effect: 'refusal',
      },
    ]);
    const pending = assess(EU_STUDENT, { kind: 'external' });
    expect(pending.outcome).toBe('decision-required');
    expect(pending.blockingReasons).toEqual([
      {
        article: 'Art 2.4',
        text: 'External enrolment requires the Executive Board to find that it does not go against the nature or interests of the programme, and no such finding is recorded.',
        effect: 'decision-required',
      },
    ]);
    const permitted = assess(EU_STUDENT, { kind: 'external', isExternalEnrolmentPermitted: true });
    expect(permitted.outcome).toBe('eligible');
  });

  it('needs an admission, and refuses after a refused one (Art 6.1, 7.1, 10.4)', () => {
    expect(assess(EU_STUDENT, { admission: { status: 'pending' } }).blockingReasons).toEqual([
      {
        article: 'Art 6.1',
        text: 'No admission to B Psychology is recorded yet, and enrolment requires it.',
        effect: 'decision-required',
      },
    ]);
    expect(
      assess(EU_STUDENT, { programmeCode: 'm-economics', admission: { status: 'refused' } }).blockingReasons,
    ).toEqual([
      {
        article: 'Art 7.1',
        text: 'The student was refused admission to M Economics, so cannot be enrolled in it.',
        effect: 'refusal',
      },
    ]);
    const exchange = assess(EU_STUDENT, { kind: 'exchange', programmeCode: null, startDate: '2022-09-05' });
    expect(exchange.outcome).toBe('eligible');
    expect(reason(exchange, 'Art 10.4')).toEqual({
      article: 'Art 10.4',
      text: 'The student was admitted to exchange enrolment.',
    });
  });

  it('refuses a programme code the provisions do not list, and a level that disagrees', () => {
    expect(() => assess(EU_STUDENT, { programmeCode: 'b-astrology' })).toThrow(DeskError);
    expect(() => assess(EU_STUDENT, { level: 'initial-master' })).toThrow(
      /bachelor programme, not initial-master/,
    );
    expect(() => assess(EU_STUDENT, { academicYear: '2023-24' })).toThrow(/provisions are those of 2022-23/);
  });
});

describe('refusal of enrolment (Art 3)', () => {
  const advice = {
    programmeCode: 'b-psychology',
    sharedFirstPhaseProgrammeCodes: ['b-international-business'],
    issuedOn: '2022-06-15',
    termUntil: '2025-08-31',
  };

  it('refuses the programme of a negative binding study advice within its term (Art 3.1)', () => {
    const decision = assess({ ...EU_STUDENT, refusalFlags: { negativeBindingStudyAdvice: [advice] } });
    expect(decision.outcome).toBe('refused');
    expect(decision.blockingReasons).toEqual([
      {
        article: 'Art 3.1',
        text: 'The negative binding study advice of 15 June 2022 for B Psychology bars enrolment as long as its term, until 31 August 2025, has not passed.',
        effect: 'refusal',
      },
    ]);
  });

  it('refuses a bachelor’s sharing the first phase, also after a rejected appeal (Art 3.1)', () => {
    const decision = assess(
      {
        ...EU_STUDENT,
        refusalFlags: { negativeBindingStudyAdvice: [{ ...advice, hardshipAppeal: 'rejected' }] },
      },
      { programmeCode: 'b-international-business' },
    );
    expect(decision.blockingReasons).toEqual([
      {
        article: 'Art 3.1',
        text: 'The negative binding study advice of 15 June 2022 for B Psychology, which shares its first phase of 60 ECTS with this programme, bars enrolment as long as its term, until 31 August 2025, has not passed and the appeal on grounds of excessive severity was rejected.',
        effect: 'refusal',
      },
    ]);
  });

  it('does not refuse another programme, after the term, or after an upheld appeal; waits for a pending appeal (Art 3.1)', () => {
    const flags = (a: typeof advice & { hardshipAppeal?: 'pending' | 'upheld' }) => ({
      ...EU_STUDENT,
      refusalFlags: { negativeBindingStudyAdvice: [a] },
    });
    expect(reason(assess(flags(advice), { programmeCode: 'b-medicine' }), 'Art 3.1')).toBeUndefined();
    expect(assess(flags({ ...advice, termUntil: '2022-08-31' })).reasons).toContainEqual({
      article: 'Art 3.1',
      text: 'The negative binding study advice of 15 June 2022 for B Psychology no longer bars enrolment, as its term ended on 31 August 2022, before the start on 1 September 2022.',
    });
    const upheld = assess(flags({ ...advice, hardshipAppeal: 'upheld' }));
    expect(upheld.outcome).toBe('eligible');
    expect(reason(upheld, 'Art 3.1')?.text).toBe(
      'The negative binding study advice of 15 June 2022 for B Psychology does not bar enrolment, as the Faculty Board upheld the student’s appeal on grounds of excessive severity.',
    );
    expect(assess(flags({ ...advice, hardshipAppeal: 'pending' })).blockingReasons).toEqual([
      {
        article: 'Art 3.1',
        text: 'The negative binding study advice of 15 June 2022 for B Psychology bars enrolment until 31 August 2025 if the Faculty Board rejects the student’s pending appeal on grounds of excessive severity, so that decision is awaited.',
        effect: 'decision-required',
      },
    ]);
  });

  it('refuses after a termination for serious fraud (Art 3.2)', () => {
    const decision = assess({
      ...EU_STUDENT,
      refusalFlags: { seriousFraudTermination: { terminatedOn: '2021-03-01' } },
    });
    expect(decision.blockingReasons).toEqual([
      {
        article: 'Art 3.2',
        text: 'The student’s enrolment at UM was terminated on 1 March 2021 on the grounds of serious fraud, so enrolment is refused.',
        effect: 'refusal',
      },
    ]);
  });

  it('lets UM decide after iudicium abeundi in the same or a similar programme only (Art 3.3)', () => {
    const termination = {
      institution: 'other' as const,
      programmeName: 'Geneeskunde (Leiden)',
      similarProgrammeCodes: ['b-medicine'],
      terminatedOn: '2020-12-01',
    };
    const similar = assess(
      { ...EU_STUDENT, refusalFlags: { iudiciumAbeundi: [termination] } },
      { programmeCode: 'b-medicine' },
    );
    expect(similar.outcome).toBe('decision-required');
    expect(similar.blockingReasons).toEqual([
      {
        article: 'Art 3.3',
        text: 'The enrolment in Geneeskunde (Leiden) at another institution was terminated on 1 December 2020 for unsuitability for future professional practice (iudicium abeundi), and this is a similar programme, so UM may refuse the enrolment and must decide whether it does.',
        effect: 'decision-required',
      },
    ]);
    const same = assess({
      ...EU_STUDENT,
      refusalFlags: {
        iudiciumAbeundi: [
          { ...termination, institution: 'um', programmeCode: 'b-psychology', programmeName: 'B Psychology' },
        ],
      },
    });
    expect(same.blockingReasons[0].text).toContain('and this is the same programme, so UM may refuse');
    const other = assess({ ...EU_STUDENT, refusalFlags: { iudiciumAbeundi: [termination] } });
    expect(other.outcome).toBe('eligible');
    expect(reason(other, 'Art 3.3')?.text).toBe(
      'The enrolment in Geneeskunde (Leiden) at another institution was terminated on 1 December 2020 for unsuitability for future professional practice (iudicium abeundi), but this is not recorded as the same or a similar programme, so it is no ground for refusal.',
    );
  });

  it('lets UM decide after a disciplinary termination (Art 3.4)', () => {
    const decision = assess({
      ...EU_STUDENT,
      refusalFlags: { disciplinaryTermination: { terminatedOn: '2022-01-10' } },
    });
    expect(decision.blockingReasons).toEqual([
      {
        article: 'Art 3.4',
        text: 'The student’s enrolment at UM was terminated on 10 January 2022 for violating UM’s internal regulations, so UM may refuse the enrolment and must decide whether it does.',
        effect: 'decision-required',
      },
    ]);
  });

  it('refuses re-enrolment while tuition fees are in arrears, but not a first enrolment (Art 3.5)', () => {
    const debts = [
      { description: 'Instalment 7 of 2021-22', amountCents: 27613, kind: 'tuition-fee' as const },
    ];
    const reEnrolling = assess({
      ...EU_STUDENT,
      dutchHigherEducation: UM_2021,
      refusalFlags: { arrears: { debts } },
    });
    expect(reEnrolling.outcome).toBe('refused');
    expect(reEnrolling.blockingReasons).toEqual([
      {
        article: 'Art 3.5',
        text: 'On 1 August 2022 the student is in arrears with €276.13 in tuition, examination or study fees including administration fees, so re-enrolment is refused for as long as that remains unpaid.',
        effect: 'refusal',
      },
    ]);
    const library = [{ description: 'Library fine', amountCents: 500, kind: 'other' as const }];
    expect(
      assess({ ...EU_STUDENT, dutchHigherEducation: UM_2021, refusalFlags: { arrears: { debts: library } } })
        .outcome,
    ).toBe('eligible');
    const first = assess({ ...EU_STUDENT, refusalFlags: { arrears: { debts } } });
    expect(first.outcome).toBe('eligible');
    expect(reason(first, 'Art 3.5')?.text).toBe(
      'The student owes UM money, but Art 3.5 refuses re-enrolment only and this is a first-time enrolment.',
    );
    expect(reason(assess({ ...EU_STUDENT, dutchHigherEducation: UM_2021 }), 'Art 3.5')?.text).toBe(
      'On 1 August 2022 the student owes no tuition, examination or study fees nor administration fees, so Art 3.5 does not stand in the way of re-enrolment.',
    );
  });

  it('refuses re-enrolment in the year after a termination for arrears until all charges are paid (Art 35)', () => {
    const decision = assess({
      ...EU_STUDENT,
      dutchHigherEducation: UM_2021,
      refusalFlags: { arrears: { terminationForArrears: { effectiveDate: '2022-03-01' } } },
    });
    expect(decision.blockingReasons).toEqual([
      {
        article: 'Art 35',
        text: 'After the termination for arrears the student may re-enrol only if all outstanding charges owed to UM were paid before 1 September 2022, and no such payment is recorded.',
        effect: 'refusal',
      },
    ]);
  });
});

describe('the start date (Art 4)', () => {
  it('allows 1 September (Art 4.1)', () => {
    expect(start({})).toEqual({
      isAllowed: true,
      intake: 'september',
      effectiveStart: '2022-09-01',
      reasons: [
        {
          article: 'Art 4.1',
          text: 'B Psychology commences on 1 September 2022, like every bachelor’s and initial master’s programme.',
        },
      ],
    });
  });

  it('refuses 1 February for a programme without that intake — none has it in the 2022-23 data (Art 4.2, 4.4)', () => {
    expect(provisions.programmes.some((p) => p.februaryIntake)).toBe(false);
    expect(start({ startDate: '2023-02-01' })).toEqual({
      isAllowed: false,
      intake: 'february',
      effectiveStart: null,
      reasons: [
        {
          article: 'Art 4.2',
          text: 'B Psychology is not among the programmes with the additional commencement date of 1 February 2023, so starting then is a deviation from the enrolment periods.',
        },
        {
          article: 'Art 4.4',
          text: 'Only the director of the SSC may permit enrolment on 1 February 2023, in a case of evident hardship (Art 41), and no such decision is recorded.',
        },
      ],
    });
  });

  it('allows 1 February for a programme the data lists with a February intake (Art 4.2)', () => {
    const withFebruary = structuredClone(provisions);
    withFebruary.programmes.find((p) => p.code === 'b-psychology')!.februaryIntake = true;
    expect(start({ startDate: '2023-02-01' }, withFebruary)).toEqual({
      isAllowed: true,
      intake: 'february',
      effectiveStart: '2023-02-01',
      reasons: [
        { article: 'Art 4.2', text: 'B Psychology has the additional commencement date of 1 February 2023.' },
      ],
    });
  });

  it('allows 1 February for another programme with the SSC director’s decision (Art 4.4)', () => {
    const decision = start({
      startDate: '2023-02-01',
      interimStartDecision: { decidedOn: '2023-01-10', reference: 'SSC-2023-014' },
    });
    expect(decision).toMatchObject({ isAllowed: true, intake: 'interim', effectiveStart: '2023-02-01' });
    expect(decision.reasons[1]).toEqual({
      article: 'Art 4.4',
      text: 'The director of the SSC permitted enrolment as of 1 February 2023 on 10 January 2023 (SSC-2023-014).',
    });
  });

  it('needs the SSC director’s decision for an interim start, then takes effect from the first of the month (Art 4.4–4.5)', () => {
    expect(start({ startDate: '2022-11-15' })).toEqual({
      isAllowed: false,
      intake: 'interim',
      effectiveStart: null,
      reasons: [
        {
          article: 'Art 4.4',
          text: 'Only the director of the SSC may permit enrolment on 15 November 2022, in a case of evident hardship (Art 41), and no such decision is recorded.',
        },
      ],
    });
    expect(start({ startDate: '2022-11-15', interimStartDecision: { decidedOn: '2022-11-10' } })).toEqual({
      isAllowed: true,
      intake: 'interim',
      effectiveStart: '2022-11-01',
      reasons: [
        {
          article: 'Art 4.4–4.5',
          text: 'The director of the SSC permitted enrolment on 15 November 2022 (decision of 10 November 2022), which takes effect retroactively from the first day of that month, 1 November 2022.',
        },
      ],
    });
  });

  it('lets an interim enrolment in October take effect on 1 November (Art 4.5)', () => {
    const decision = start({ startDate: '2022-10-12', interimStartDecision: { decidedOn: '2022-10-05' } });
    expect(decision.effectiveStart).toBe('2022-11-01');
    expect(decision.reasons).toEqual([
      {
        article: 'Art 4.4–4.5',
        text: 'The director of the SSC permitted enrolment on 12 October 2022 (decision of 5 October 2022), and an enrolment in that month takes effect not retroactively but on 1 November 2022.',
      },
    ]);
  });

  it('leaves pre-master’s, professional master’s and exchange students to their own dates (Art 4.6, 4.7, 10.4)', () => {
    expect(start({ programmeCode: 'pm-european-studies', startDate: '2023-01-09' }).reasons).toEqual([
      {
        article: 'Art 4.6',
        text: 'Pre-master’s in European Studies has its own commencement dates published on the UM website, so the enrolment may start on 9 January 2023.',
      },
    ]);
    const professional = start({
      programmeCode: 'pro-advanced-master-in-intellectual-property-law-and-knowledge-management',
      startDate: '2022-10-03',
    });
    expect(professional).toMatchObject({
      isAllowed: true,
      intake: 'programme-specific',
      effectiveStart: '2022-10-03',
    });
    expect(professional.reasons[0].article).toBe('Art 4.7');
    expect(start({ kind: 'exchange', programmeCode: null, startDate: '2022-09-05' }).reasons).toEqual([
      {
        article: 'Art 10.4',
        text: 'Article 4 sets the commencement dates of bachelor’s and initial master’s programmes only, so this exchange enrolment may start on 5 September 2022 as the exchange contract provides.',
      },
    ]);
    expect(
      start({ kind: 'subsidiary', programmeCode: null, startDate: '2022-09-05' }).reasons[0].article,
    ).toBe('Art 10.1');
  });

  it('refuses a start outside the academic year (Art 1bb)', () => {
    expect(start({ startDate: '2023-09-01' })).toEqual({
      isAllowed: false,
      intake: 'interim',
      effectiveStart: null,
      reasons: [
        {
          article: 'Art 1bb',
          text: '1 September 2023 lies outside the academic year 2022-23, which runs from 1 September 2022 up to and including 31 August 2023.',
        },
      ],
    });
    expect(assess(EU_STUDENT, { startDate: '2023-09-01' }).blockingReasons[0]).toMatchObject({
      article: 'Art 1bb',
      effect: 'refusal',
    });
  });

  it('shows a start without the SSC director’s decision as a blocking reason of the eligibility (Art 4.4)', () => {
    const decision = assess(EU_STUDENT, { startDate: '2023-02-01' });
    expect(decision.outcome).toBe('decision-required');
    expect(decision.blockingReasons).toEqual([
      {
        article: 'Art 4.4',
        text: 'Only the director of the SSC may permit enrolment on 1 February 2023, in a case of evident hardship (Art 41), and no such decision is recorded.',
        effect: 'decision-required',
      },
    ]);
  });
});

describe('ageOn', () => {
  it('counts whole years, a birthday on the day included', () => {
    expect(ageOn('2004-09-01', '2022-09-01')).toBe(18);
    expect(ageOn('2004-09-02', '2022-09-01')).toBe(17);
    expect(ageOn('2004-02-29', '2022-02-28')).toBe(17);
    expect(ageOn('2004-02-29', '2022-03-01')).toBe(18);
  });
});

afterAll(() => {
  // Every reason names an article the provisions contain and says why in one sentence.
  for (const r of produced) {
    expect(findProvisionText(provisions, r.article), r.article).toBeDefined();
    expect(r.text, r.text).toMatch(/^[A-Z0-9].*\.$/);
    expect(r.text, r.text).not.toMatch(/\.\s+[A-Z]/);
  }
});
