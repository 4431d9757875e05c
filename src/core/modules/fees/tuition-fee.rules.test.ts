import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../shared/errors';
import { findProvisionText, loadProvisions } from '../../provisions/load-provisions';
import { feeFactsSchema, type FeeFactsInput } from '../../../shared/facts/fee-facts';
import { checkLongTermResidentWording } from '../residence/long-term-resident.rules';
import { assessTuitionFee, feeKindLabels, feeKinds, type FeeAssessment } from './tuition-fee.rules';

const provisions = loadProvisions('2022-23');
/** Every article any scenario of this file produced, checked against the provisions text at the end. */
const producedArticles = new Set<string>();

function assess(input: FeeFactsInput): FeeAssessment {
  const result = assessTuitionFee(feeFactsSchema.parse(input), provisions);
  for (const reason of result.reasons) producedArticles.add(reason.article);
  return result;
}

function articles(result: FeeAssessment): string[] {
  return result.reasons.map((r) => r.article);
}

/** The field of the DeskError an assessment throws. */
function refusedField(input: FeeFactsInput): string | undefined {
  try {
    assess(input);
  } catch (error) {
    expect(error).toBeInstanceOf(DeskError);
    return (error as DeskError).field;
  }
  throw new Error('expected the assessment to be refused');
}

const EOR = 'b-econometrics-and-operations-research';
const PSYCHOLOGY = 'b-psychology';
const ECONOMICS_BACHELOR = 'b-economics-and-business-economics';
const UCM = 'b-liberal-arts-and-sciences-university-college-maastricht';
const MSP = 'b-liberal-arts-and-sciences-maastricht-science-programme';
const MEDICINE = 'b-medicine';
const ECONOMICS = 'm-economics';
const DSDM = 'm-data-science-for-decision-making';
const EPIDEMIOLOGY = 'm-epidemiology';
const INTERNATIONAL_BUSINESS = 'm-international-business';
const FORENSIC = 'm-forensic-psychology';
const PHYSICIAN = 'm-physician-clinical-investigator';

/** An EU national re-enrolling: no longer in the first year of Dutch higher education. */
const earlierEnrolment = { firstEnrolment: { startedOn: '2020-09-01' } };

describe('statutory fees (Art 16–17)', () => {
  it('charges the low statutory fee to a first-time EU bachelor student (Art 17.1)', () => {
    const result = assess({ programmeCode: EOR, nationalities: ['DE'], startDate: '2022-09-01' });
    expect(result.kind).toBe('low-statutory');
    expect(result.amountCents).toBe(110500);
    expect(result.annualAmountCents).toBe(110500);
    expect(result.months).toBe(12);
    expect(articles(result)).toEqual(['App II b', 'Art 16.1a', 'Art 16.1', 'Art 17.1']);
    expect(result.reasons[0].text).toContain('DE (Germany), an EU Member State');
  });

  it('charges the statutory fee to a re-enrolling EU bachelor student and says why the low fee is over (Art 16.1, 17.1)', () => {
    const result = assess({
      programmeCode: PSYCHOLOGY,
      nationalities: ['BE'],
      isReEnrolment: true,
      rodHo: earlierEnrolment,
    });
    expect(result.kind).toBe('statutory');
    expect(result.amountCents).toBe(220900);
    expect(articles(result)).toEqual(['App II b', 'Art 16.1a', 'Art 16.1', 'Art 17.1']);
    expect(result.reasons[3].text).toContain(
      'earlier enrolment in Dutch higher education, on 1 September 2020',
    );
  });

  it('charges the statutory fee to a Dutch national in an initial master’s programme (Art 16.1, App II a)', () => {
    const result = assess({ programmeCode: ECONOMICS, nationalities: ['NL'] });
    expect(result.kind).toBe('statutory');
    expect(result.amountCents).toBe(220900);
    expect(articles(result)).toEqual(['App II a', 'Art 16.1a', 'Art 16.1']);
  });

  it('charges the statutory fee to a Swiss national without a residence permit (App II e)', () => {
    const result = assess({ programmeCode: ECONOMICS, nationalities: ['CH'] });
    expect(result.kind).toBe('statutory');
    expect(result.amountCents).toBe(220900);
    expect(articles(result)).toEqual(['App II e', 'Art 16.1a', 'Art 16.1']);
  });

  it('charges the statutory fee to an Icelandic national, an EEA country outside the EU (App II c)', () => {
    const result = assess({ programmeCode: ECONOMICS, nationalities: ['IS'] });
    expect(result.kind).toBe('statutory');
    expect(result.amountCents).toBe(220900);
    expect(articles(result)).toEqual(['App II c', 'Art 16.1a', 'Art 16.1']);
  });

  it('admits a Surinamese national to the low statutory fee by nationality alone (Art 16.1b, 17.1)', () => {
    const result = assess({ programmeCode: EOR, nationalities: ['SR'] });
    expect(result.kind).toBe('low-statutory');
    expect(result.amountCents).toBe(110500);
    expect(articles(result)).toEqual(['Art 16.1b', 'Art 16.1a', 'Art 16.1', 'Art 17.1']);
    expect(result.reasons[0].text).toContain('Suriname');
  });

  it('charges a first-time bachelor student at an interim date the statutory fee pro rata, not the low fee (Art 17.1, 29.1)', () => {
    const result = assess({
      programmeCode: EOR,
      nationalities: ['DE'],
      startDate: '2022-11-17',
      isInterimEnrolmentPermitted: true,
    });
    expect(result.kind).toBe('statutory');
    expect(result.amountCents).toBe(184083);
    expect(articles(result)).toEqual([
      'App II b',
      'Art 16.1a',
      'Art 16.1',
      'Art 17.1',
      'Art 4.4–4.5',
      'Art 29.1',
    ]);
  });
});

describe('dual nationality and the BRP (Art 16.6)', () => {
  it('uses the EU nationality registered in the BRP of a German-American student (Art 16.6)', () => {
    const result = assess({ programmeCode: ECONOMICS, nationalities: ['DE', 'US'], brpNationality: 'DE' });
    expect(result.kind).toBe('statutory');
    expect(result.amountCents).toBe(220900);
    expect(articles(result)).toEqual(['Art 16.6', 'App II b', 'Art 16.1a', 'Art 16.1']);
  });

  it('uses the non-EU nationality registered in the BRP and so charges the institutional fee (Art 16.6, 23.2)', () => {
    const result = assess({ programmeCode: ECONOMICS, nationalities: ['DE', 'US'], brpNationality: 'US' });
    expect(result.kind).toBe('institutional');
    expect(result.amountCents).toBe(1580000);
    expect(articles(result)).toEqual(['Art 16.6', 'Art 16.1b', 'Art 23.1', 'Art 23.2', 'App I']);
  });

  it('refuses to assess an EU/EEA and non-EU/EEA national whose BRP nationality is not recorded (Art 16.6)', () => {
    expect(refusedField({ programmeCode: ECONOMICS, nationalities: ['FR', 'MA'] })).toBe('brpNationality');
  });

  it('does not apply Art 16.6 to two non-EU/EEA nationalities and lets the Swiss one qualify (App II e)', () => {
    const result = assess({ programmeCode: ECONOMICS, nationalities: ['US', 'CH'] });
    expect(result.kind).toBe('statutory');
    expect(result.amountCents).toBe(220900);
    expect(articles(result)).toEqual(['App II e', 'Art 16.1a', 'Art 16.1']);
  });
});

describe('the United Kingdom footnote of Appendix II', () => {
  it('keeps the statutory fee for a British national resident in the Netherlands since before 31 December 2020 (App II footnote)', () => {
    const result = assess({
      programmeCode: ECONOMICS,
      nationalities: ['GB'],
      brpRegisteredSince: '2019-06-01',
    });
    expect(result.kind).toBe('statutory');
    expect(result.amountCents).toBe(220900);
    expect(articles(result)).toEqual(['App II footnote', 'Art 16.1a', 'Art 16.1']);
  });

  it('classes a British national who moved here after 31 December 2020 on a study permit as non-EU (App II footnote, 23.2)', () => {
    const result = assess({
      programmeCode: DSDM,
      nationalities: ['GB'],
      brpRegisteredSince: '2021-08-20',
      residencePermit: { purpose: 'study' },
    });
    expect(result.kind).toBe('institutional');
    expect(result.amountCents).toBe(1820000);
    expect(articles(result)).toEqual(['App II footnote', 'Art 16.1b', 'Art 23.1', 'Art 23.2', 'App I']);
  });

  it('does not treat registration on 31 December 2020 itself as residence before that day (App II footnote)', () => {
    const result = assess({
      programmeCode: ECONOMICS,
      nationalities: ['GB'],
      brpRegisteredSince: '2020-12-31',
    });
    expect(result.kind).toBe('institutional');
    expect(result.amountCents).toBe(1580000);
    expect(articles(result)).toContain('App II footnote');
  });

  it('lets a British national who moved after 2020 qualify by a permit of group i (App II i)', () => {
    const result = assess({
      programmeCode: ECONOMICS,
      nationalities: ['GB'],
      brpRegisteredSince: '2021-02-01',
      residencePermit: { wsfGroup: 'i' },
    });
    expect(result.kind).toBe('statutory');
    expect(result.amountCents).toBe(220900);
    expect(articles(result)).toEqual(['App II footnote', 'App II i', 'Art 14.5', 'Art 16.1a', 'Art 16.1']);
  });
});

describe('residence permits of Appendix II and the long-term residents of Appendix III', () => {
  it('charges the statutory fee to a Turkish national whose permit shows Association Decision 1/80 (App II d)', () => {
    const result = assess({
      programmeCode: ECONOMICS,
      nationalities: ['TR'],
      residencePermit: { wsfGroup: 'd' },
    });
    expect(result.kind).toBe('statutory');
    expect(result.amountCents).toBe(220900);
    expect(articles(result)).toEqual(['App II d', 'Art 14.5', 'Art 16.1a', 'Art 16.1']);
  });

  it('charges the institutional fee to a Turkish national without the rights of Association Decision 1/80 (Art 16.1b)', () => {
    const result = assess({
      programmeCode: ECONOMICS,
      nationalities: ['TR'],
      residencePermit: { purpose: 'study' },
    });
    expect(result.kind).toBe('institutional');
    expect(result.amountCents).toBe(1580000);
    expect(articles(result)).toEqual(['Art 16.1b', 'Art 23.1', 'Art 23.2', 'App I']);
  });

  it('does not accept group d for a student who is not Turkish (App II d)', () => {
    const result = assess({
      programmeCode: ECONOMICS,
      nationalities: ['MA'],
      residencePermit: { wsfGroup: 'd' },
    });
    expect(result.kind).toBe('institutional');
    expect(result.amountCents).toBe(1580000);
    expect(articles(result)).toEqual(['App II d', 'Art 16.1b', 'Art 23.1', 'Art 23.2', 'App I']);
  });

  it.each(['f', 'g', 'h', 'i', 'j', 'l', 'n', 'o'] as const)(
    'charges the statutory fee to a holder of a residence permit of group %s (App II)',
    (letter) => {
      const result = assess({
        programmeCode: ECONOMICS,
        nationalities: ['MA'],
        residencePermit: { wsfGroup: letter },
      });
      expect(result.kind).toBe('statutory');
      expect(result.amountCents).toBe(220900);
      expect(articles(result)).toEqual([`App II ${letter}`, 'Art 14.5', 'Art 16.1a', 'Art 16.1']);
    },
  );

  it('accepts a fixed-period regular permit issued for family reunification (App II m 1°)', () => {
    const result = assess({
      programmeCode: ECONOMICS,
      nationalities: ['IN'],
      residencePermit: { wsfGroup: 'm', groupMConditions: [1] },
    });
    expect(result.kind).toBe('statutory');
    expect(result.amountCents).toBe(220900);
    expect(articles(result)).toEqual(['App II m', 'App II m 1°', 'Art 14.5', 'Art 16.1a', 'Art 16.1']);
  });

  it('refuses group m when the permit names none of the conditions 1°–7° (App II m)', () => {
    const result = assess({
      programmeCode: ECONOMICS,
      nationalities: ['IN'],
      residencePermit: { wsfGroup: 'm' },
    });
    expect(result.kind).toBe('institutional');
    expect(result.amountCents).toBe(1580000);
    expect(articles(result)).toEqual(['App II m', 'Art 16.1b', 'Art 23.1', 'Art 23.2', 'App I']);
  });

  it('charges the statutory fee to a long-term resident of Germany with a Dutch study permit, the abbreviation varying (App II k, App III)', () => {
    const result = assess({
      programmeCode: ECONOMICS,
      nationalities: ['CN'],
      residencePermit: { purpose: 'study' },
      euLongTermResidence: { memberState: 'DE', permitTerm: 'Daueraufenthalt – EU' },
    });
    expect(result.kind).toBe('statutory');
    expect(result.amountCents).toBe(220900);
    expect(articles(result)).toEqual(['App II k', 'App III', 'Art 14.5', 'Art 16.1a', 'Art 16.1']);
  });

  it('refuses long-term resident status from Denmark, which has not implemented the directive (App III)', () => {
    const result = assess({
      programmeCode: ECONOMICS,
      nationalities: ['CN'],
      residencePermit: { purpose: 'study' },
      euLongTermResidence: { memberState: 'DK', permitTerm: 'Permanent opholdstilladelse' },
    });
    expect(result.kind).toBe('institutional');
    expect(result.amountCents).toBe(1580000);
    expect(articles(result)).toEqual(['App III', 'Art 16.1b', 'Art 23.1', 'Art 23.2', 'App I']);
  });

  it('refuses a residence document whose term Appendix III does not list for that state (App III)', () => {
    const result = assess({
      programmeCode: ECONOMICS,
      nationalities: ['CN'],
      residencePermit: { purpose: 'study' },
      euLongTermResidence: { memberState: 'IT', permitTerm: 'Permesso di soggiorno per studio' },
    });
    expect(result.kind).toBe('institutional');
    expect(result.amountCents).toBe(1580000);
    expect(articles(result)).toEqual(['App III', 'Art 16.1b', 'Art 23.1', 'Art 23.2', 'App I']);
  });

  it('requires a valid Dutch residence permit beside long-term resident status of another Member State (App II k)', () => {
    const result = assess({
      programmeCode: ECONOMICS,
      nationalities: ['CN'],
      euLongTermResidence: { memberState: 'IT', permitTerm: 'Soggiornante di lungo periodo – CE' },
    });
    expect(result.kind).toBe('institutional');
    expect(result.amountCents).toBe(1580000);
    expect(articles(result)).toEqual(['App II k', 'Art 16.1b', 'Art 23.1', 'Art 23.2', 'App I']);
  });

  it('recognises the terms of Appendix III in their printed, transliterated and former forms', () => {
    const check = (memberState: string, wording: string) =>
      checkLongTermResidentWording(provisions, { memberState, wording });
    expect(check('ES', 'Residente de larga duración – CE').matchedTerm?.former).toBe(true);
    expect(check('ES', 'Residente de larga duración - UE').matchedTerm?.former).toBe(false);
    expect(check('GR', 'επί μακρόν διαμένων – ΕΚ').outcome).toBe('match');
    expect(check('BG', 'D-lgosrotsjno prebivavasjto v EC').outcome).toBe('match');
    expect(check('FR', 'Résident de longue durée – UE').outcome).toBe('match');
    expect(check('DE', 'Aufenthaltserlaubnis').outcome).toBe('no-match');
    expect(check('IE', 'Long-term resident – EU').outcome).toBe('no-match');
  });

  it('does not place in group k wording that only resembles a term of Appendix III, saying it needs review (App III)', () => {
    const result = assess({
      programmeCode: ECONOMICS,
      nationalities: ['CN'],
      residencePermit: { purpose: 'study' },
      euLongTermResidence: { memberState: 'DE', permitTerm: 'Dauerauftenhalt – EU' },
    });
    expect(result.kind).toBe('institutional');
    expect(articles(result)).toEqual(['App III', 'Art 16.1b', 'Art 23.1', 'Art 23.2', 'App I']);
    expect(result.reasons[0].text).toContain('needs review');
  });

  it('refuses the statutory fee when the residence permit reaches UM after 31 August 2022 (Art 14.5)', () => {
    const result = assess({
      programmeCode: ECONOMICS,
      nationalities: ['MA'],
      residencePermit: { wsfGroup: 'i', submittedOn: '2022-09-05' },
    });
    expect(result.kind).toBe('institutional');
    expect(result.amountCents).toBe(1580000);
    expect(articles(result)).toEqual(['App II i', 'Art 14.5', 'Art 23.1', 'Art 23.2', 'App I']);
  });

  it('accepts a permit submitted before 31 January 2023 for the February intake (Art 14.5)', () => {
    const result = assess({
      programmeCode: ECONOMICS,
      nationalities: ['MA'],
      startDate: '2023-02-01',
      residencePermit: { wsfGroup: 'i', submittedOn: '2023-01-20' },
    });
    expect(result.kind).toBe('statutory');
    expect(result.amountCents).toBe(128858);
    expect(articles(result)).toEqual(['App II i', 'Art 14.5', 'Art 16.1a', 'Art 16.1', 'Art 4.2', 'Art 4.3']);
  });

  it('charges the statutory fee from the month after a WSF-group permit takes effect during the year (Art 16.5)', () => {
    const result = assess({
      programmeCode: ECONOMICS,
      nationalities: ['MA'],
      residencePermit: { wsfGroup: 'i', validFrom: '2022-11-15' },
    });
    // 3 months at €15,800 and 9 months at €2,209 a year, rounded once.
    expect(result.kind).toBe('statutory');
    expect(result.amountCents).toBe(Math.round((3 * 1580000 + 9 * 220900) / 12));
    expect(result.amountCents).toBe(560675);
    expect(result.periods).toEqual([
      { from: '2022-09-01', months: 3, kind: 'institutional', annualAmountCents: 1580000 },
      { from: '2022-12-01', months: 9, kind: 'statutory', annualAmountCents: 220900 },
    ]);
    expect(articles(result)).toEqual([
      'App II i',
      'Art 16.5',
      'Art 16.1a',
      'Art 23.1',
      'Art 23.2',
      'App I',
      'Art 16.1',
      'Art 16.5',
    ]);
  });

  it('rounds a fee that changes during the year once, not per period', () => {
    const result = assess({
      programmeCode: ECONOMICS,
      nationalities: ['MA'],
      residencePermit: { wsfGroup: 'h', validFrom: '2022-10-03' },
    });
    const parts = (result.periods ?? []).map((p) => Math.round((p.annualAmountCents * p.months) / 12));
    expect(result.kind).toBe('statutory');
    expect(articles(result)).toEqual([
      'App II h',
      'Art 16.5',
      'Art 16.1a',
      'Art 23.1',
      'Art 23.2',
      'App I',
      'Art 16.1',
      'Art 16.5',
    ]);
    expect(result.amountCents).toBe(447417);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(447416);
  });
});

describe('degrees already obtained (Art 16.1a–16.4, 18.1a, 19)', () => {
  it('charges the institutional fee to an EU national who holds a Dutch master’s degree and starts another master’s (Art 16.1a, 23.2)', () => {
    const result = assess({
      programmeCode: ECONOMICS,
      nationalities: ['DE'],
      rodHo: { degrees: [{ type: 'master', awardedOn: '2021-08-31' }] },
    });
    expect(result.kind).toBe('institutional');
    expect(result.amountCents).toBe(1580000);
    expect(articles(result)).toEqual(['App II b', 'Art 16.1a', 'Art 23.1', 'Art 23.2', 'App I']);
  });

  it('lets a Dutch bachelor’s degree pass for an initial master’s programme (Art 16.1a)', () => {
    const result = assess({
      programmeCode: ECONOMICS,
      nationalities: ['NL'],
      rodHo: { degrees: [{ type: 'bachelor', awardedOn: '2022-07-15' }] },
    });
    expect(result.kind).toBe('statutory');
    expect(result.amountCents).toBe(220900);
    expect(articles(result)).toEqual(['App II a', 'Art 16.1a', 'Art 16.1']);
  });

  it('keeps the statutory fee for a first degree in healthcare after an earlier master’s (Art 16.2)', () => {
    const result = assess({
      programmeCode: PHYSICIAN,
      nationalities: ['NL'],
      isFirstDegreeInHealthcareOrTeaching: true,
      rodHo: { degrees: [{ type: 'master', awardedOn: '2019-08-30' }] },
    });
    expect(result.kind).toBe('statutory');
    expect(result.amountCents).toBe(220900);
    expect(articles(result)).toEqual(['App II a', 'Art 16.2', 'Art 16.1']);
  });

  it('counts the final examination of a 168-credit higher vocational programme as a bachelor’s degree (Art 16.3)', () => {
    const result = assess({
      programmeCode: PSYCHOLOGY,
      nationalities: ['NL'],
      rodHo: {
        firstEnrolment: { startedOn: '1998-09-01' },
        degrees: [{ type: 'hbo-final-examination-168-credits', awardedOn: '2002-06-30' }],
      },
    });
    expect(result.kind).toBe('institutional');
    expect(result.amountCents).toBe(920000);
    expect(articles(result)).toEqual(['App II a', 'Art 16.3', 'Art 16.1a', 'Art 22.1', 'Art 22.2', 'App I']);
  });

  it('counts an old university final examination (Art 7.8 WHW) as a master’s degree (Art 16.4)', () => {
    const result = assess({
      programmeCode: ECONOMICS,
      nationalities: ['NL'],
      rodHo: { degrees: [{ type: 'university-final-examination-art-7-8', awardedOn: '1999-12-15' }] },
    });
    expect(result.kind).toBe('institutional');
    expect(result.amountCents).toBe(1580000);
    expect(articles(result)).toEqual(['App II a', 'Art 16.4', 'Art 16.1a', 'Art 23.1', 'Art 23.2', 'App I']);
  });

  it('ignores a degree obtained before the ROD HO records begin on 1 September 1991 (Art 16.1a)', () => {
    const result = assess({
      programmeCode: ECONOMICS,
      nationalities: ['NL'],
      rodHo: { degrees: [{ type: 'master', awardedOn: '1990-06-30' }] },
    });
    expect(result.kind).toBe('statutory');
    expect(result.amountCents).toBe(220900);
    expect(articles(result)).toEqual(['App II a', 'Art 16.1a', 'Art 16.1']);
    expect(result.reasons[1].text).toContain('predates those records');
  });

  it('keeps the statutory fee for a programme begun before the first degree was obtained, followed consecutively (Art 19.1–19.2)', () => {
    const result = assess({
      programmeCode: PSYCHOLOGY,
      nationalities: ['DE'],
      isReEnrolment: true,
      programmeFirstEnrolledOn: '2020-09-01',
      rodHo: {
        firstEnrolment: { startedOn: '2019-09-01' },
        degrees: [{ type: 'bachelor', awardedOn: '2022-07-15', graduationNotifiedOn: '2022-07-29' }],
      },
    });
    expect(result.kind).toBe('statutory');
    expect(result.amountCents).toBe(220900);
    expect(articles(result)).toEqual(['App II b', 'Art 19.1', 'Art 19.2', 'Art 16.1', 'Art 17.1']);
  });

  it('refuses Art 19 when the programme was begun after the graduation notification (Art 19.2)', () => {
    const result = assess({
      programmeCode: PSYCHOLOGY,
      nationalities: ['DE'],
      programmeFirstEnrolledOn: '2022-09-01',
      rodHo: {
        firstEnrolment: { startedOn: '2019-09-01' },
        degrees: [{ type: 'bachelor', awardedOn: '2022-07-15' }],
      },
    });
    expect(result.kind).toBe('institutional');
    expect(result.amountCents).toBe(920000);
    expect(articles(result)).toEqual(['App II b', 'Art 19.2', 'Art 16.1a', 'Art 22.1', 'Art 22.2', 'App I']);
  });
});

describe('part-time initial master’s programmes (Art 18, 24, 26)', () => {
  it('charges the partial statutory fee to an EU national studying part-time (Art 18.1)', () => {
    const result = assess({ programmeCode: EPIDEMIOLOGY, mode: 'part-time', nationalities: ['IT'] });
    expect(result.kind).toBe('partial-statutory');
    expect(result.amountCents).toBe(157200);
    expect(articles(result)).toEqual(['App II b', 'Art 18.1a', 'Art 18.1']);
  });

  it('charges the partial institutional fee of the high category to a non-EU part-timer (Art 24.2)', () => {
    const result = assess({ programmeCode: EPIDEMIOLOGY, mode: 'part-time', nationalities: ['US'] });
    expect(result.kind).toBe('partial-institutional');
    expect(result.amountCents).toBe(910000);
    expect(articles(result)).toEqual(['Art 18.1b', 'Art 24.1', 'Art 24.2', 'App I']);
  });

  it('charges the partial institutional fee of the low category for International Business (Art 24.2)', () => {
    const result = assess({
      programmeCode: INTERNATIONAL_BUSINESS,
      mode: 'part-time',
      nationalities: ['US'],
    });
    expect(result.kind).toBe('partial-institutional');
    expect(result.amountCents).toBe(790000);
    expect(articles(result)).toEqual(['Art 18.1b', 'Art 24.1', 'Art 24.2', 'App I']);
  });

  it('charges the partial institutional fee to a part-timer with a Dutch master’s degree (Art 18.1a, 24.1)', () => {
    const result = assess({
      programmeCode: EPIDEMIOLOGY,
      mode: 'part-time',
      nationalities: ['NL'],
      rodHo: { degrees: [{ type: 'final-examination-art-18-15', awardedOn: '2005-05-01' }] },
    });
    expect(result.kind).toBe('partial-institutional');
    expect(result.amountCents).toBe(910000);
    expect(articles(result)).toEqual([
      'App II a',
      'Art 16.4',
      'Art 18.3',
      'Art 18.1a',
      'Art 24.1',
      'Art 24.2',
      'App I',
    ]);
  });

  it('refuses part-time enrolment in a programme without a part-time variant (App I, Art 18.1)', () => {
    expect(refusedField({ programmeCode: ECONOMICS, mode: 'part-time', nationalities: ['DE'] })).toBe('mode');
  });
});

describe('refugees and W-document holders (Art 25, 26, 20.6, 21.2)', () => {
  it('charges a W-document holder the institutional fee at the statutory level (Art 25.1)', () => {
    const result = assess({
      programmeCode: ECONOMICS,
      nationalities: ['SY'],
      refugee: { status: 'w-document', isUafSupported: true },
    });
    expect(result.kind).toBe('institutional-at-statutory');
    expect(result.amountCents).toBe(220900);
    expect(articles(result)).toEqual(['Art 16.1b', 'Art 16.1a', 'Art 25.1']);
    expect(result.reasons[2].text).toContain('supported by the UAF');
  });

  it('charges a recognised refugee with an asylum permit the statutory fee, group g preceding Art 25 (App II g)', () => {
    const result = assess({
      programmeCode: ECONOMICS,
      nationalities: ['ER'],
      residencePermit: { wsfGroup: 'g' },
      refugee: { status: 'recognised-refugee' },
    });
    expect(result.kind).toBe('statutory');
    expect(result.amountCents).toBe(220900);
    expect(articles(result)).toEqual(['App II g', 'Art 14.5', 'Art 16.1a', 'Art 16.1']);
  });

  it('charges a recognised refugee at University College Maastricht the high statutory level (Art 20.6)', () => {
    const result = assess({
      programmeCode: UCM,
      nationalities: ['AF'],
      refugee: { status: 'recognised-refugee' },
    });
    expect(result.kind).toBe('institutional-at-statutory');
    expect(result.amountCents).toBe(365500);
    expect(articles(result)).toEqual(['Art 16.1b', 'Art 16.1a', 'Art 25.1', 'Art 20.6']);
  });

  it('charges a W-document holder in Forensic Psychology the high statutory level (Art 21.2)', () => {
    const result = assess({
      programmeCode: FORENSIC,
      nationalities: ['IR'],
      refugee: { status: 'w-document' },
    });
    expect(result.kind).toBe('institutional-at-statutory');
    expect(result.amountCents).toBe(399000);
    expect(articles(result)).toEqual(['Art 16.1b', 'Art 16.1a', 'Art 25.1', 'Art 21.2']);
  });

  it('charges the institutional fee to a refugee who already holds a Dutch master’s degree (Art 25.1 with 16.1a)', () => {
    const result = assess({
      programmeCode: ECONOMICS,
      nationalities: ['SY'],
      refugee: { status: 'recognised-refugee' },
      rodHo: { degrees: [{ type: 'master', awardedOn: '2020-08-31' }] },
    });
    expect(result.kind).toBe('institutional');
    expect(result.amountCents).toBe(1580000);
    expect(articles(result)).toEqual(['Art 16.1b', 'Art 16.1a', 'Art 23.1', 'Art 23.2', 'App I']);
  });

  it('charges a part-time W-document holder the partial institutional fee at the partial statutory level (Art 26.1)', () => {
    const result = assess({
      programmeCode: EPIDEMIOLOGY,
      mode: 'part-time',
      nationalities: ['SY'],
      refugee: { status: 'w-document' },
    });
    expect(result.kind).toBe('partial-institutional-at-partial-statutory');
    expect(result.amountCents).toBe(157200);
    expect(articles(result)).toEqual(['Art 18.1b', 'Art 18.1a', 'Art 26.1']);
  });

  it('charges the remaining partial institutional fee after a part-timer ceases to meet Art 26.1 (Art 26.2)', () => {
    const result = assess({
      programmeCode: EPIDEMIOLOGY,
      mode: 'part-time',
      nationalities: ['SY'],
      refugee: { status: 'w-document', statusEndedOn: '2023-01-15' },
    });
    expect(result.kind).toBe('partial-institutional');
    expect(result.amountCents).toBe(Math.round((5 * 157200 + 7 * 910000) / 12));
    expect(result.periods?.map((p) => [p.kind, p.months])).toEqual([
      ['partial-institutional-at-partial-statutory', 5],
      ['partial-institutional', 7],
    ]);
    expect(articles(result)).toEqual([
      'Art 18.1b',
      'Art 18.1a',
      'Art 26.1',
      'Art 24.1',
      'Art 24.2',
      'App I',
      'Art 26.2',
      'Art 26.2',
    ]);
  });

  it('does not exempt a refugee from the fee for a second simultaneous programme (Art 30.7)', () => {
    const result = assess({
      programmeCode: ECONOMICS,
      nationalities: ['SY'],
      refugee: { status: 'w-document' },
      otherEnrolments: [
        { institution: 'um', level: 'initial-master', feeKind: 'institutional', feePaidCents: 220900 },
      ],
    });
    expect(result.kind).toBe('institutional-at-statutory');
    expect(result.amountCents).toBe(220900);
    expect(articles(result)).toEqual(['Art 16.1b', 'Art 16.1a', 'Art 25.1', 'Art 30.7']);
  });
});

describe('small-scale and intensive programmes (Art 20, 21, 22.3)', () => {
  it('charges an EU national already enrolled before in Dutch higher education the high statutory fee at MSP (Art 20.1)', () => {
    const result = assess({ programmeCode: MSP, nationalities: ['DE'], rodHo: earlierEnrolment });
    expect(result.kind).toBe('high-statutory');
    expect(result.amountCents).toBe(365500);
    expect(articles(result)).toEqual(['App II b', 'Art 16.1a', 'Art 16.1', 'Art 17.1', 'Art 20.1']);
  });

  it('charges a first-year student of Art 17.1 at UCM the low fee plus the surcharge (Art 20.2)', () => {
    const result = assess({ programmeCode: UCM, nationalities: ['PL'] });
    expect(result.kind).toBe('high-statutory');
    expect(result.amountCents).toBe(255100);
    expect(articles(result)).toEqual(['App II b', 'Art 16.1a', 'Art 16.1', 'Art 17.1', 'Art 20.2']);
  });

  it('charges the second of UCM and MSP the rest of the joint fee of a first-year student (Art 20.3)', () => {
    const result = assess({
      programmeCode: MSP,
      nationalities: ['PL'],
      otherEnrolments: [
        {
          institution: 'um',
          level: 'bachelor',
          programmeCode: UCM,
          feeKind: 'high-statutory',
          feePaidCents: 255100,
        },
      ],
    });
    expect(result.kind).toBe('high-statutory');
    expect(result.amountCents).toBe(144600);
    expect(articles(result)).toEqual([
      'App II b',
      'Art 16.1a',
      'Art 16.1',
      'Art 17.1',
      'Art 20.2',
      'Art 19.3',
      'Art 19.4',
      'Art 20.3',
      'Art 30.1',
    ]);
  });

  it('charges the surcharge again for the second of UCM and MSP of a student not of Art 17.1 (Art 30.1–30.2)', () => {
    const result = assess({
      programmeCode: MSP,
      nationalities: ['PL'],
      rodHo: earlierEnrolment,
      otherEnrolments: [
        {
          institution: 'um',
          level: 'bachelor',
          programmeCode: UCM,
          feeKind: 'high-statutory',
          feePaidCents: 365500,
        },
      ],
    });
    expect(result.kind).toBe('high-statutory');
    expect(result.amountCents).toBe(144600);
    expect(articles(result)).toEqual([
      'App II b',
      'Art 16.1a',
      'Art 16.1',
      'Art 17.1',
      'Art 20.1',
      'Art 30.1',
      'Art 30.2',
    ]);
  });

  it('charges UCM with another UM bachelor’s the rest of the joint high statutory fee (Art 20.4)', () => {
    const result = assess({
      programmeCode: UCM,
      nationalities: ['DE'],
      otherEnrolments: [
        {
          institution: 'um',
          level: 'bachelor',
          programmeCode: ECONOMICS_BACHELOR,
          feeKind: 'low-statutory',
          feePaidCents: 110500,
        },
      ],
    });
    expect(result.kind).toBe('high-statutory');
    expect(result.amountCents).toBe(255000);
    expect(articles(result)).toContain('Art 20.4');
  });

  it('charges the other UM bachelor’s beside UCM only what the joint fee leaves (Art 20.4)', () => {
    const result = assess({
      programmeCode: ECONOMICS_BACHELOR,
      nationalities: ['DE'],
      otherEnrolments: [
        {
          institution: 'um',
          level: 'bachelor',
          programmeCode: UCM,
          feeKind: 'high-statutory',
          feePaidCents: 255100,
        },
      ],
    });
    expect(result.kind).toBe('low-statutory');
    expect(result.amountCents).toBe(110400);
    expect(articles(result)).toEqual([
      'App II b',
      'Art 16.1a',
      'Art 16.1',
      'Art 17.1',
      'Art 19.3',
      'Art 19.4',
      'Art 20.4',
      'Art 30.1',
    ]);
  });

  it('charges only the surcharge at UCM with a BBC for another bachelor’s elsewhere (Art 20.5)', () => {
    const result = assess({
      programmeCode: UCM,
      nationalities: ['DE'],
      rodHo: earlierEnrolment,
      otherEnrolments: [
        {
          institution: 'dutch-higher-education',
          level: 'bachelor',
          feeKind: 'statutory',
          feePaidCents: 220900,
          bbcSubmittedOn: '2022-08-25',
        },
      ],
    });
    expect(result.kind).toBe('high-statutory');
    expect(result.amountCents).toBe(144600);
    expect(articles(result)).toEqual([
      'App II b',
      'Art 16.1a',
      'Art 16.1',
      'Art 17.1',
      'Art 20.1',
      'Art 14.6',
      'Art 20.5',
    ]);
  });

  it('charges the non-high statutory fee to an MSP student enrolled there in 2019/20 (Art 20.7)', () => {
    const result = assess({
      programmeCode: MSP,
      nationalities: ['NL'],
      isReEnrolment: true,
      programmeFirstEnrolledOn: '2019-09-01',
      rodHo: { firstEnrolment: { startedOn: '2019-09-01' } },
    });
    expect(result.kind).toBe('statutory');
    expect(result.amountCents).toBe(220900);
    expect(articles(result)).toEqual(['App II a', 'Art 16.1a', 'Art 16.1', 'Art 20.7']);
  });

  it('charges the high statutory fee to an MSP student who began in 2020/21, after the legacy cohort (Art 20.1)', () => {
    const result = assess({
      programmeCode: MSP,
      nationalities: ['NL'],
      isReEnrolment: true,
      programmeFirstEnrolledOn: '2020-09-01',
      rodHo: { firstEnrolment: { startedOn: '2020-09-01' } },
    });
    expect(result.kind).toBe('high-statutory');
    expect(result.amountCents).toBe(365500);
    expect(articles(result)).toEqual(['App II a', 'Art 16.1a', 'Art 16.1', 'Art 17.1', 'Art 20.1']);
  });

  it('does not extend the legacy cohort of Art 20.7 to UCM (Art 20.1)', () => {
    const result = assess({
      programmeCode: UCM,
      nationalities: ['NL'],
      isReEnrolment: true,
      programmeFirstEnrolledOn: '2019-09-01',
      rodHo: { firstEnrolment: { startedOn: '2019-09-01' } },
    });
    expect(result.amountCents).toBe(365500);
    expect(result.kind).toBe('high-statutory');
    expect(articles(result)).toEqual(['App II a', 'Art 16.1a', 'Art 16.1', 'Art 17.1', 'Art 20.1']);
  });

  it('charges the high institutional fee to a non-EU national at UCM (Art 22.3)', () => {
    const result = assess({
      programmeCode: UCM,
      nationalities: ['CN'],
      residencePermit: { purpose: 'study' },
    });
    expect(result.kind).toBe('institutional');
    expect(result.amountCents).toBe(1421700);
    expect(articles(result)).toEqual(['Art 16.1b', 'Art 22.1', 'Art 22.3', 'App I']);
    expect(result.reasons[3].text).toContain('€14,217');
  });

  it('charges the high statutory fee in Forensic Psychology (Art 21.1)', () => {
    const result = assess({ programmeCode: FORENSIC, nationalities: ['BE'] });
    expect(result.kind).toBe('high-statutory');
    expect(result.amountCents).toBe(399000);
    expect(articles(result)).toEqual(['App II b', 'Art 16.1a', 'Art 16.1', 'Art 21.1']);
  });

  it('charges Forensic Psychology with another UM master’s the rest of the joint fee (Art 21.3)', () => {
    const result = assess({
      programmeCode: FORENSIC,
      nationalities: ['BE'],
      otherEnrolments: [
        {
          institution: 'um',
          level: 'initial-master',
          programmeCode: ECONOMICS,
          feeKind: 'statutory',
          feePaidCents: 220900,
        },
      ],
    });
    expect(result.kind).toBe('high-statutory');
    expect(result.amountCents).toBe(178100);
    expect(articles(result)).toEqual([
      'App II b',
      'Art 16.1a',
      'Art 16.1',
      'Art 21.1',
      'Art 21.3',
      'Art 30.1',
    ]);
  });

  it('charges Forensic Psychology only the difference with a BBC of a master’s elsewhere (Art 21.4)', () => {
    const result = assess({
      programmeCode: FORENSIC,
      nationalities: ['BE'],
      otherEnrolments: [
        {
          institution: 'dutch-higher-education',
          level: 'initial-master',
          feeKind: 'statutory',
          feePaidCents: 220900,
          bbcSubmittedOn: '2022-07-01',
        },
      ],
    });
    expect(result.kind).toBe('high-statutory');
    expect(result.amountCents).toBe(178100);
    expect(articles(result)).toEqual([
      'App II b',
      'Art 16.1a',
      'Art 16.1',
      'Art 21.1',
      'Art 14.6',
      'Art 21.4',
    ]);
  });
});

describe('institutional fees (Art 22, 23)', () => {
  it('charges a non-EU national on a study permit the institutional fee of Data Science for Decision Making (Art 23, App I)', () => {
    const result = assess({
      programmeCode: DSDM,
      nationalities: ['IN'],
      residencePermit: { purpose: 'study' },
    });
    expect(result.kind).toBe('institutional');
    expect(result.amountCents).toBe(1820000);
    expect(result.annualAmountCents).toBe(1820000);
    expect(articles(result)).toEqual(['Art 16.1b', 'Art 23.1', 'Art 23.2', 'App I']);
  });

  it('charges the top-category institutional fee for Medicine (Art 22.2)', () => {
    const result = assess({ programmeCode: MEDICINE, nationalities: ['US'] });
    expect(result.kind).toBe('institutional');
    expect(result.amountCents).toBe(3200000);
    expect(articles(result)).toEqual(['Art 16.1b', 'Art 22.1', 'Art 22.2', 'App I']);
  });
});

describe('simultaneous programmes (Art 19.3, 30.1–30.8)', () => {
  it('exempts a second UM programme when the first pays the full statutory fee (Art 30.1)', () => {
    const result = assess({
      programmeCode: ECONOMICS,
      nationalities: ['DE'],
      otherEnrolments: [
        { institution: 'um', level: 'initial-master', feeKind: 'statutory', feePaidCents: 220900 },
      ],
    });
    expect(result.kind).toBe('none');
    expect(result.amountCents).toBe(0);
    expect(articles(result)).toEqual(['App II b', 'Art 16.1a', 'Art 16.1', 'Art 30.1']);
  });

  it('exempts the second of two first-year UM bachelor’s programmes, both with the low fee (Art 19.3, 30.3)', () => {
    const result = assess({
      programmeCode: EOR,
      nationalities: ['DE'],
      otherEnrolments: [
        {
          institution: 'um',
          level: 'bachelor',
          programmeCode: ECONOMICS_BACHELOR,
          feeKind: 'low-statutory',
          feePaidCents: 110500,
        },
      ],
    });
    expect(result.kind).toBe('none');
    expect(result.amountCents).toBe(0);
    expect(articles(result)).toEqual([
      'App II b',
      'Art 16.1a',
      'Art 16.1',
      'Art 17.1',
      'Art 19.3',
      'Art 19.4',
      'Art 30.1',
      'Art 30.3',
    ]);
  });

  it('charges the difference with the full statutory fee when the low fee is paid at another institution (Art 30.1)', () => {
    const result = assess({
      programmeCode: EOR,
      nationalities: ['DE'],
      otherEnrolments: [
        {
          institution: 'dutch-higher-education',
          level: 'bachelor',
          feeKind: 'low-statutory',
          feePaidCents: 110500,
          bbcSubmittedOn: '2022-08-30',
        },
      ],
    });
    expect(result.kind).toBe('low-statutory');
    expect(result.amountCents).toBe(110400);
    expect(articles(result)).toEqual([
      'App II b',
      'Art 16.1a',
      'Art 16.1',
      'Art 17.1',
      'Art 19.3',
      'Art 19.4',
      'Art 14.6',
      'Art 30.1',
    ]);
  });

  it('exempts a programme at UM on a BBC for the statutory fee at another institution submitted in time (Art 14.6, 30.1)', () => {
    const result = assess({
      programmeCode: ECONOMICS,
      nationalities: ['DE'],
      otherEnrolments: [
        {
          institution: 'dutch-higher-education',
          level: 'initial-master',
          feeKind: 'statutory',
          feePaidCents: 220900,
          bbcSubmittedOn: '2022-08-31',
        },
      ],
    });
    expect(result.kind).toBe('none');
    expect(result.amountCents).toBe(0);
    expect(articles(result)).toEqual(['App II b', 'Art 16.1a', 'Art 16.1', 'Art 14.6', 'Art 30.1']);
  });

  it('refuses the exemption on a BBC submitted after 1 September 2022 (Art 14.6, 30.6)', () => {
    const result = assess({
      programmeCode: ECONOMICS,
      nationalities: ['DE'],
      otherEnrolments: [
        {
          institution: 'dutch-higher-education',
          level: 'initial-master',
          feeKind: 'statutory',
          feePaidCents: 220900,
          bbcSubmittedOn: '2022-09-10',
        },
      ],
    });
    expect(result.kind).toBe('statutory');
    expect(result.amountCents).toBe(220900);
    expect(articles(result)).toEqual(['App II b', 'Art 16.1a', 'Art 16.1', 'Art 14.6', 'Art 30.6']);
  });

  it('holds a re-enrolling student to the BBC deadline of 15 August 2022 (Art 14.6)', () => {
    const result = assess({
      programmeCode: ECONOMICS,
      nationalities: ['DE'],
      isReEnrolment: true,
      rodHo: earlierEnrolment,
      otherEnrolments: [
        {
          institution: 'dutch-higher-education',
          level: 'initial-master',
          feeKind: 'statutory',
          feePaidCents: 220900,
          bbcSubmittedOn: '2022-08-20',
        },
      ],
    });
    expect(result.amountCents).toBe(220900);
    expect(result.kind).toBe('statutory');
    expect(articles(result)).toEqual(['App II b', 'Art 16.1a', 'Art 16.1', 'Art 14.6', 'Art 30.6']);
    expect(result.reasons.find((r) => r.article === 'Art 14.6')?.text).toContain('15 August 2022');
  });

  it('gives no exemption for an enrolment at the Open University (Art 30.1, 30.6)', () => {
    const result = assess({
      programmeCode: ECONOMICS,
      nationalities: ['DE'],
      otherEnrolments: [
        {
          institution: 'open-university',
          level: 'bachelor',
          feeKind: 'statutory',
          feePaidCents: 220900,
          bbcSubmittedOn: '2022-08-01',
        },
      ],
    });
    expect(result.kind).toBe('statutory');
    expect(result.amountCents).toBe(220900);
    expect(articles(result)).toEqual([
      'App II b',
      'Art 16.1a',
      'Art 16.1',
      'Art 14.6',
      'Art 30.1',
      'Art 30.6',
    ]);
  });

  it('gives no exemption to a student who holds a Dutch degree since 1991 (Art 30.1, 30.6)', () => {
    const result = assess({
      programmeCode: ECONOMICS,
      nationalities: ['DE'],
      rodHo: { degrees: [{ type: 'bachelor', awardedOn: '2021-07-01' }] },
      otherEnrolments: [
        { institution: 'um', level: 'initial-master', feeKind: 'statutory', feePaidCents: 220900 },
      ],
    });
    expect(result.kind).toBe('statutory');
    expect(result.amountCents).toBe(220900);
    expect(articles(result)).toEqual(['App II b', 'Art 16.1a', 'Art 16.1', 'Art 30.1', 'Art 30.6']);
  });

  it('gives no exemption to a claim on a first degree in healthcare or teaching (Art 30.7)', () => {
    const result = assess({
      programmeCode: PHYSICIAN,
      nationalities: ['NL'],
      isFirstDegreeInHealthcareOrTeaching: true,
      rodHo: { degrees: [{ type: 'master', awardedOn: '2019-08-30' }] },
      otherEnrolments: [
        { institution: 'um', level: 'initial-master', feeKind: 'statutory', feePaidCents: 220900 },
      ],
    });
    expect(result.kind).toBe('statutory');
    expect(result.amountCents).toBe(220900);
    expect(articles(result)).toEqual(['App II a', 'Art 16.2', 'Art 16.1', 'Art 30.7', 'Art 30.6']);
  });

  it('charges the difference between a course fee paid and the statutory fee (Art 30.4)', () => {
    const result = assess({
      programmeCode: ECONOMICS,
      nationalities: ['NL'],
      otherEnrolments: [
        { institution: 'course-fee-programme', level: 'other', feeKind: 'course-fee', feePaidCents: 125000 },
      ],
    });
    expect(result.kind).toBe('statutory');
    expect(result.amountCents).toBe(95900);
    expect(articles(result)).toEqual(['App II a', 'Art 16.1a', 'Art 16.1', 'Art 30.4']);
  });

  it('charges the statutory fee for the remaining months after the other programme is completed (Art 30.8)', () => {
    const result = assess({
      programmeCode: ECONOMICS,
      nationalities: ['DE'],
      otherEnrolments: [
        {
          institution: 'um',
          level: 'initial-master',
          feeKind: 'statutory',
          feePaidCents: 220900,
          completedOn: '2023-01-20',
        },
      ],
    });
    expect(result.kind).toBe('statutory');
    expect(result.amountCents).toBe(Math.round((7 * 220900) / 12));
    expect(result.periods).toEqual([
      { from: '2022-09-01', months: 5, kind: 'none', annualAmountCents: 0 },
      { from: '2023-02-01', months: 7, kind: 'statutory', annualAmountCents: 220900 },
    ]);
    expect(articles(result)).toEqual([
      'App II b',
      'Art 16.1a',
      'Art 16.1',
      'Art 30.1',
      'Art 30.8',
      'Art 30.8',
    ]);
  });

  it('exempts a full-time board member whose application the Executive Board honoured (Art 30.9)', () => {
    const result = assess({
      programmeCode: ECONOMICS,
      nationalities: ['NL'],
      isBoardPositionExemptionGranted: true,
    });
    expect(result.kind).toBe('none');
    expect(result.amountCents).toBe(0);
    expect(articles(result)).toEqual(['App II a', 'Art 16.1a', 'Art 16.1', 'Art 30.9']);
  });

  it('does not apply the board-position exemption to an institutional fee (Art 30.9)', () => {
    const result = assess({
      programmeCode: ECONOMICS,
      nationalities: ['US'],
      isBoardPositionExemptionGranted: true,
    });
    expect(result.kind).toBe('institutional');
    expect(result.amountCents).toBe(1580000);
    expect(articles(result)).toEqual(['Art 16.1b', 'Art 23.1', 'Art 23.2', 'App I', 'Art 30.9']);
  });
});

describe('examination fees of external students (Art 27, 29.2)', () => {
  it('charges an external EU student the examination fee at the statutory level (Art 27.1)', () => {
    const result = assess({ programmeCode: PSYCHOLOGY, enrolmentKind: 'external', nationalities: ['DE'] });
    expect(result.kind).toBe('examination-fee');
    expect(result.amountCents).toBe(220900);
    expect(result.months).toBeUndefined();
    expect(articles(result)).toEqual(['App II b', 'Art 16.1a', 'Art 27.1']);
  });

  it.each([
    [PSYCHOLOGY, 920000, 'Art 27.2'],
    ['b-biomedical-sciences', 1280000, 'Art 27.2'],
    [MEDICINE, 3200000, 'Art 27.2'],
    [ECONOMICS, 1580000, 'Art 27.3'],
    [DSDM, 1820000, 'Art 27.3'],
    ['m-medicine', 3200000, 'Art 27.3'],
  ])(
    'charges an external non-EU student in %s the examination fee of its category (Art 27.2–27.3)',
    (code, amount, article) => {
      const result = assess({ programmeCode: code, enrolmentKind: 'external', nationalities: ['US'] });
      expect(result.kind).toBe('examination-fee');
      expect(result.amountCents).toBe(amount);
      expect(articles(result)).toEqual(['Art 16.1b', article, 'App I']);
    },
  );

  it('charges an external non-EU student at UCM the examination fee of funding category high (Art 27.2)', () => {
    const result = assess({ programmeCode: UCM, enrolmentKind: 'external', nationalities: ['US'] });
    expect(result.amountCents).toBe(1280000);
    expect(result.kind).toBe('examination-fee');
    expect(articles(result)).toEqual(['Art 16.1b', 'Art 27.2', 'App I']);
  });

  it('charges an external W-document holder the examination fee of Art 27.1 (Art 25.1, 27.1)', () => {
    const result = assess({
      programmeCode: ECONOMICS,
      enrolmentKind: 'external',
      nationalities: ['SY'],
      refugee: { status: 'w-document' },
    });
    expect(result.amountCents).toBe(220900);
    expect(result.kind).toBe('examination-fee');
    expect(articles(result)).toEqual(['Art 16.1b', 'Art 16.1a', 'Art 25.1', 'Art 27.1']);
  });

  it('does not reduce the examination fee of an external student who enrols on 1 February (Art 29.2)', () => {
    const result = assess({
      programmeCode: PSYCHOLOGY,
      enrolmentKind: 'external',
      nationalities: ['DE'],
      startDate: '2023-02-01',
    });
    expect(result.amountCents).toBe(220900);
    expect(result.kind).toBe('examination-fee');
    expect(articles(result)).toEqual(['App II b', 'Art 16.1a', 'Art 27.1', 'Art 4.2', 'Art 29.2']);
  });
});

describe('study fees (Art 28, 30.5)', () => {
  it('charges a 60-ECTS pre-master’s €2,209 (Art 28.2)', () => {
    const result = assess({ programmeCode: 'pm-economics', nationalities: ['IN'], preMaster: { ects: 60 } });
    expect(result.kind).toBe('study-fee');
    expect(result.amountCents).toBe(220900);
    expect(articles(result)).toEqual(['Art 28.1', 'Art 28.2']);
  });

  it('charges a 30-ECTS pre-master’s €1,105 (Art 28.2)', () => {
    const result = assess({
      programmeCode: 'pm-mental-health',
      nationalities: ['NL'],
      preMaster: { ects: 30 },
    });
    expect(result.amountCents).toBe(110500);
    expect(result.kind).toBe('study-fee');
    expect(articles(result)).toEqual(['Art 28.1', 'Art 28.2']);
  });

  it('charges a tailored pre-master’s per ECTS (Art 28.2)', () => {
    const result = assess({
      programmeCode: 'pm-international-business',
      nationalities: ['NL'],
      preMaster: { ects: 45, isTailored: true },
    });
    expect(result.kind).toBe('study-fee');
    expect(result.amountCents).toBe(45 * 3682);
    expect(articles(result)).toEqual(['Art 28.1', 'Art 28.2']);
  });

  it('refuses a pre-master’s of another size than 30 or 60 ECTS unless it is tailored (Art 28.2)', () => {
    expect(
      refusedField({ programmeCode: 'pm-economics', nationalities: ['NL'], preMaster: { ects: 45 } }),
    ).toBe('preMaster');
  });

  it('exempts a pre-master’s student who pays the statutory fee elsewhere and submits its BBC (Art 30.5)', () => {
    const result = assess({
      programmeCode: 'pm-economics',
      nationalities: ['NL'],
      preMaster: { ects: 60 },
      otherEnrolments: [
        {
          institution: 'dutch-higher-education',
          level: 'bachelor',
          feeKind: 'statutory',
          feePaidCents: 220900,
          bbcSubmittedOn: '2022-09-15',
        },
      ],
    });
    expect(result.kind).toBe('none');
    expect(result.amountCents).toBe(0);
    expect(articles(result)).toEqual(['Art 28.1', 'Art 30.5']);
  });

  it('does not exempt a pre-master’s student on a statutory-fee enrolment at UM itself (Art 30.5)', () => {
    const result = assess({
      programmeCode: 'pm-economics',
      nationalities: ['NL'],
      preMaster: { ects: 60 },
      otherEnrolments: [{ institution: 'um', level: 'bachelor', feeKind: 'statutory', feePaidCents: 220900 }],
    });
    expect(result.amountCents).toBe(220900);
    expect(result.kind).toBe('study-fee');
    expect(articles(result)).toEqual(['Art 28.1', 'Art 30.5', 'Art 28.2']);
  });

  it('charges a professional master’s the study fee the faculty board set (Art 28.3)', () => {
    const result = assess({
      programmeCode: 'pro-maastricht-mba',
      nationalities: ['US'],
      professionalMasterStudyFeeCents: 4250000,
    });
    expect(result.kind).toBe('study-fee');
    expect(result.amountCents).toBe(4250000);
    expect(articles(result)).toEqual(['Art 28.1', 'Art 28.3']);
  });

  it('refuses a professional master’s whose study fee is not recorded (Art 28.3)', () => {
    expect(refusedField({ programmeCode: 'pro-maastricht-mba', nationalities: ['US'] })).toBe(
      'professionalMasterStudyFeeCents',
    );
  });
});

describe('exchange and subsidiary students (Art 10)', () => {
  it('charges an exchange student nothing at UM (Art 10.4)', () => {
    const result = assess({ enrolmentKind: 'exchange', nationalities: ['JP'] });
    expect(result).toEqual({
      kind: 'none',
      amountCents: 0,
      annualAmountCents: 0,
      reasons: [expect.objectContaining({ article: 'Art 10.4' })],
    });
  });

  it('charges a subsidiary student nothing at UM (Art 10.1)', () => {
    const result = assess({ enrolmentKind: 'subsidiary', nationalities: ['NL'], programmeCode: PSYCHOLOGY });
    expect(result.kind).toBe('none');
    expect(result.amountCents).toBe(0);
    expect(articles(result)).toEqual(['Art 10.1']);
  });
});

describe('enrolment during the year (Art 4, 17.2–17.3, 29)', () => {
  it('charges an interim enrolment permitted in November for the remaining ten months (Art 4.4–4.5, 29.1)', () => {
    const result = assess({
      programmeCode: ECONOMICS,
      nationalities: ['FR'],
      startDate: '2022-11-17',
      isInterimEnrolmentPermitted: true,
    });
    expect(result.kind).toBe('statutory');
    expect(result.months).toBe(10);
    expect(result.annualAmountCents).toBe(220900);
    expect(result.amountCents).toBe(184083);
    expect(articles(result)).toEqual(['App II b', 'Art 16.1a', 'Art 16.1', 'Art 4.4–4.5', 'Art 29.1']);
    expect(result.reasons[3].text).toContain('1 November 2022');
  });

  it('lets an enrolment permitted in October take effect on 1 November (Art 4.5)', () => {
    const result = assess({
      programmeCode: ECONOMICS,
      nationalities: ['FR'],
      startDate: '2022-10-03',
      isInterimEnrolmentPermitted: true,
    });
    expect(result.months).toBe(10);
    expect(result.amountCents).toBe(184083);
    expect(result.kind).toBe('statutory');
    expect(articles(result)).toEqual(['App II b', 'Art 16.1a', 'Art 16.1', 'Art 4.4–4.5', 'Art 29.1']);
    expect(result.reasons.find((r) => r.article === 'Art 4.4–4.5')?.text).toContain(
      'an enrolment in October cannot take effect retroactively and takes effect on 1 November 2022',
    );
  });

  it('lets an enrolment permitted in September take effect on 1 September for the full year (Art 4.5)', () => {
    const result = assess({
      programmeCode: ECONOMICS,
      nationalities: ['FR'],
      startDate: '2022-09-20',
      isInterimEnrolmentPermitted: true,
    });
    expect(result.months).toBe(12);
    expect(result.amountCents).toBe(220900);
    expect(result.kind).toBe('statutory');
    expect(articles(result)).toEqual(['App II b', 'Art 16.1a', 'Art 16.1', 'Art 4.4–4.5']);
  });

  it('refuses an interim start the SSC director did not permit (Art 4.4)', () => {
    expect(refusedField({ programmeCode: ECONOMICS, nationalities: ['FR'], startDate: '2022-11-17' })).toBe(
      'isInterimEnrolmentPermitted',
    );
  });

  it('charges a first-year bachelor student of the February intake the low fee for seven months (Art 17.2, 4.3)', () => {
    const result = assess({ programmeCode: PSYCHOLOGY, nationalities: ['DE'], startDate: '2023-02-01' });
    expect(result.kind).toBe('low-statutory');
    expect(result.months).toBe(7);
    expect(result.amountCents).toBe(Math.round((7 * 110500) / 12));
    expect(articles(result)).toEqual([
      'App II b',
      'Art 16.1a',
      'Art 16.1',
      'Art 17.1',
      'Art 17.2',
      'Art 4.2',
      'Art 4.3',
    ]);
  });

  it('charges a non-EU master’s student of the February intake seven twelfths of the institutional fee (Art 4.3)', () => {
    const result = assess({ programmeCode: DSDM, nationalities: ['IN'], startDate: '2023-02-01' });
    expect(result.kind).toBe('institutional');
    expect(result.amountCents).toBe(1061667);
    expect(articles(result)).toEqual(['Art 16.1b', 'Art 23.1', 'Art 23.2', 'App I', 'Art 4.2', 'Art 4.3']);
  });

  it('continues the low fee of last year’s February intake up to 31 January 2023 (Art 17.2)', () => {
    const result = assess({
      programmeCode: PSYCHOLOGY,
      nationalities: ['DE'],
      isReEnrolment: true,
      rodHo: { firstEnrolment: { startedOn: '2022-02-01', hadLowStatutoryFee: true } },
    });
    expect(result.kind).toBe('statutory');
    expect(result.amountCents).toBe((5 * 110500 + 7 * 220900) / 12);
    expect(result.periods?.map((p) => [p.kind, p.months])).toEqual([
      ['low-statutory', 5],
      ['statutory', 7],
    ]);
    expect(articles(result)).toEqual(['App II b', 'Art 16.1a', 'Art 16.1', 'Art 17.2', 'Art 17.2']);
    expect(result.reasons[3].text).toContain('31 January 2023');
  });

  it('keeps the low fee for a student who deregistered and re-enrols within twelve months (Art 17.3)', () => {
    const result = assess({
      programmeCode: PSYCHOLOGY,
      nationalities: ['DE'],
      startDate: '2023-03-06',
      isInterimEnrolmentPermitted: true,
      rodHo: { firstEnrolment: { startedOn: '2022-09-01', hadLowStatutoryFee: true } },
    });
    expect(result.kind).toBe('low-statutory');
    expect(result.months).toBe(6);
    expect(result.amountCents).toBe(55250);
    expect(articles(result)).toEqual([
      'App II b',
      'Art 16.1a',
      'Art 16.1',
      'Art 17.3',
      'Art 4.4–4.5',
      'Art 29.1',
    ]);
  });

  it('refuses a start date outside the academic year 2022-23 (Art 1bb)', () => {
    expect(refusedField({ programmeCode: ECONOMICS, nationalities: ['FR'], startDate: '2023-09-01' })).toBe(
      'startDate',
    );
  });
});

describe('facts the provisions do not allow', () => {
  it('refuses a programme that is not in the appendices', () => {
    expect(refusedField({ programmeCode: 'b-astrology', nationalities: ['NL'] })).toBe('programmeCode');
  });

  it('refuses a level or funding category that disagrees with Appendix I', () => {
    expect(refusedField({ programmeCode: ECONOMICS, level: 'bachelor', nationalities: ['NL'] })).toBe(
      'level',
    );
    expect(refusedField({ programmeCode: ECONOMICS, fundingCategory: 'high', nationalities: ['NL'] })).toBe(
      'fundingCategory',
    );
    expect(
      assess({ programmeCode: ECONOMICS, fundingCategory: 'low', nationalities: ['NL'] }).amountCents,
    ).toBe(220900);
  });

  it('refuses external enrolment in a pre-master’s programme (Art 2.4)', () => {
    expect(
      refusedField({ programmeCode: 'pm-economics', enrolmentKind: 'external', nationalities: ['NL'] }),
    ).toBe('enrolmentKind');
  });

  it('refuses a first enrolment in a programme open only to re-enrolling students (App I)', () => {
    expect(refusedField({ programmeCode: 'm-health-sciences-research', nationalities: ['NL'] })).toBe(
      'isReEnrolment',
    );
  });
});

describe('labels and references', () => {
  it('labels every fee kind in English', () => {
    for (const kind of feeKinds) expect(feeKindLabels[kind]).toMatch(/^[A-Z][a-z]/);
  });

  it('produces only article references that resolve to the text of the provisions', () => {
    expect(producedArticles.size).toBeGreaterThan(60);
    const unresolved = [...producedArticles].filter(
      (ref) => findProvisionText(provisions, ref) === undefined,
    );
    expect(unresolved).toEqual([]);
  });
});
